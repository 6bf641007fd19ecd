#include "plots/heatmap_view.h"

#include "report/network_report.h"

#include "plots/plot_export.h"
#include "report/number_format.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

namespace {

QString blockLabel(const PredictionResult &r, int block)
{
    return core::shortLayerLabel(r.network.graph->nodes[r.blocks()[block].nodes.front()]);
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QWidget(parent)
    , m_axisBox(new QComboBox)
    , m_metricBox(new QComboBox)
    , m_scaleBox(new QComboBox)
    , m_plot(new QCustomPlot)
{
    m_axisBox->addItem(tr("Batch size"), int(SweepAxis::Batch));
    m_axisBox->addItem(tr("Utilization"), int(SweepAxis::Utilization));
    m_axisBox->addItem(tr("Threads"), int(SweepAxis::Threads));
    m_metricBox->addItem(tr("Latency"), int(HeatMetric::Latency));
    m_metricBox->addItem(tr("Memory"), int(HeatMetric::Memory));
    m_metricBox->addItem(tr("Energy"), int(HeatMetric::Energy));
    m_scaleBox->addItem(tr("Absolute"));
    m_scaleBox->addItem(tr("Share of column"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Columns")));
    controls->addWidget(m_axisBox);
    controls->addWidget(new QLabel(tr("Colour")));
    controls->addWidget(m_metricBox);
    controls->addWidget(m_scaleBox);
    controls->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumHeight(200);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    QCPColorGradient gradient(QCPColorGradient::gpThermal);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient);
    m_map->setInterpolate(false);
    auto *group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Vertical);
    m_selection = new QCPItemRect(m_plot);
    m_selection->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    m_selection->setVisible(false);
    m_plot->setMouseTracking(true);
    addExportMenu(m_plot, QStringLiteral("heatmap.png"));

    connect(m_axisBox, &QComboBox::currentIndexChanged, this, &HeatmapView::rebuild);
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, &HeatmapView::rebuild);
    connect(m_scaleBox, &QComboBox::currentIndexChanged, this, &HeatmapView::rebuild);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &HeatmapView::updateRowTicks);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        int row = 0, column = 0;
        if (cellAt(event->position(), &row, &column))
            QToolTip::showText(event->globalPosition().toPoint(), cellText(row, column), m_plot);
        else
            QToolTip::hideText();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        int row = 0, column = 0;
        if (event->button() == Qt::LeftButton && cellAt(event->position(), &row, &column))
            Q_EMIT blockClicked(m_rowBlocks[row]);
    });
}

void HeatmapView::setResult(std::shared_ptr<const PredictionResult> result)
{
    const bool sameNetwork = m_result && result && m_result->predictor && result->predictor &&
                             m_result->blocks().size() == result->blocks().size();
    m_result = std::move(result);
    const QCPRange keep = m_plot->yAxis->range();
    rebuild();
    if (sameNetwork)
        m_plot->yAxis->setRange(keep); // keep the user's zoom across re-predictions
    m_plot->replot();
}

void HeatmapView::setAxis(SweepAxis axis)
{
    m_axisBox->setCurrentIndex(m_axisBox->findData(int(axis)));
}

SweepAxis HeatmapView::axis() const
{
    return SweepAxis(m_axisBox->currentData().toInt());
}

void HeatmapView::setMetric(HeatMetric metric)
{
    m_metricBox->setCurrentIndex(m_metricBox->findData(int(metric)));
}

void HeatmapView::setShare(bool share)
{
    m_scaleBox->setCurrentIndex(share ? 1 : 0);
}

const core::MetricPrediction &HeatmapView::metricOf(const core::BlockPrediction &p) const
{
    switch (HeatMetric(m_metricBox->currentData().toInt())) {
    case HeatMetric::Memory:
        return p.memoryBytes;
    case HeatMetric::Energy:
        return p.energyJ;
    case HeatMetric::Latency:
        break;
    }
    return p.latencyMs;
}

void HeatmapView::rebuild()
{
    m_cells.clear();
    m_columnLabels.clear();
    if (!m_result || !m_result->predictor) {
        m_map->data()->clear();
        m_plot->replot();
        return;
    }
    const auto &sweep = m_result->sweeps.at(axis());
    // One row per block with a model, in network order (the others are
    // listed in the Issues dock).
    m_rowBlocks.clear();
    for (size_t b = 0; b < m_result->blocks().size(); ++b) {
        if (!m_result->blocks()[b].module.isEmpty())
            m_rowBlocks.push_back(static_cast<int>(b));
    }
    const int rows = static_cast<int>(m_rowBlocks.size());
    const int columns = static_cast<int>(sweep.size());
    const bool share = m_scaleBox->currentIndex() == 1;
    m_cells.assign(rows, std::vector<double>(columns, std::nan("")));
    for (int c = 0; c < columns; ++c) {
        const core::PredictConfig &config = sweep[c].config;
        switch (axis()) {
        case SweepAxis::Batch:
            m_columnLabels.append(QString::number(config.batch));
            break;
        case SweepAxis::Utilization:
            m_columnLabels.append(tr("%1 %").arg(config.utilization));
            break;
        case SweepAxis::Threads:
            m_columnLabels.append(QString::number(config.threads));
            break;
        }
        double total = 0;
        for (int r = 0; r < rows; ++r) {
            const auto &m = metricOf(sweep[c].blocks[m_rowBlocks[r]]);
            if (m.available)
                total += m.value;
        }
        for (int r = 0; r < rows; ++r) {
            const auto &m = metricOf(sweep[c].blocks[m_rowBlocks[r]]);
            if (m.available)
                m_cells[r][c] = share ? (total > 0 ? 100 * m.value / total : 0) : m.value;
        }
    }
    // QCPColorMapData places cell centres on the range; a one-column sweep
    // is drawn twice so the range is not empty.
    const int drawn = std::max(columns, 2);
    m_map->data()->setSize(drawn, std::max(rows, 1));
    m_map->data()->setRange(QCPRange(0, drawn - 1), QCPRange(0, std::max(rows - 1, 1)));
    for (int c = 0; c < drawn; ++c) {
        for (int r = 0; r < rows; ++r)
            m_map->data()->setCell(c, r, m_cells[r][std::min(c, columns - 1)]);
    }
    // Absolute values span orders of magnitude: a logarithmic colour scale.
    m_scale->setDataScaleType(share ? QCPAxis::stLinear : QCPAxis::stLogarithmic);
    if (share)
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    else
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_map->rescaleDataRange(true);
    QString unit;
    switch (HeatMetric(m_metricBox->currentData().toInt())) {
    case HeatMetric::Latency:
        unit = share ? tr("latency, % of column") : tr("latency (ms)");
        break;
    case HeatMetric::Memory:
        unit = share ? tr("memory, % of column") : tr("memory (bytes)");
        break;
    case HeatMetric::Energy:
        unit = share ? tr("energy, % of column") : tr("energy (J)");
        break;
    }
    m_scale->axis()->setLabel(unit);
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < columns; ++c)
        xTicks->addTick(c, m_columnLabels[c]);
    m_plot->xAxis->setTicker(xTicks);
    m_plot->xAxis->setLabel(m_axisBox->currentText());
    m_plot->xAxis->setRange(-0.5, columns - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);
    updateRowTicks();
    selectBlock(m_selected);
    m_plot->replot();
}

void HeatmapView::updateRowTicks()
{
    if (!m_result || !m_result->predictor)
        return;
    // Label as many rows as fit, evenly spaced over the visible range.
    const QCPRange range = m_plot->yAxis->range();
    const double pixels = std::max(m_plot->axisRect()->height(), 100);
    const double visible = std::max(range.size(), 1.0);
    const int step =
        std::max(1, static_cast<int>(std::ceil(visible * (fontMetrics().height() + 2) / pixels)));
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    const int rows = static_cast<int>(m_rowBlocks.size());
    for (int r = 0; r < rows; r += step)
        ticks->addTick(r, blockLabel(*m_result, m_rowBlocks[r]));
    m_plot->yAxis->setTicker(ticks);
}

bool HeatmapView::cellAt(const QPointF &pos, int *row, int *column) const
{
    if (m_cells.empty() || !m_plot->axisRect()->rect().contains(pos.toPoint()))
        return false;
    *column = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(pos.x())));
    *row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(pos.y())));
    return *row >= 0 && *row < static_cast<int>(m_cells.size()) && *column >= 0 &&
           *column < static_cast<int>(m_cells[0].size());
}

QString HeatmapView::cellText(int row, int column) const
{
    if (!m_result || !m_result->predictor)
        return {};
    const auto &sweep = m_result->sweeps.at(axis());
    const int b = m_rowBlocks[row];
    const auto &block = m_result->blocks()[b];
    const auto &p = sweep[column].blocks[b];
    const auto &m = metricOf(p);
    QString text =
        QStringLiteral("<b>%1</b><br>%2: %3<br>")
            .arg(m_result->network.graph->nodes[block.nodes.front()].name.toHtmlEscaped(),
                 m_axisBox->currentText(), m_columnLabels.value(column));
    if (block.module.isEmpty()) {
        text += tr("no model: %1").arg(block.reason.toHtmlEscaped());
        return text;
    }
    if (!m.available)
        return text + tr("not measured on the profiled device");
    switch (HeatMetric(m_metricBox->currentData().toInt())) {
    case HeatMetric::Latency:
        text += tr("%1 ms [%2, %3]")
                    .arg(m.value, 0, 'f', 4)
                    .arg(m.low, 0, 'f', 4)
                    .arg(m.high, 0, 'f', 4);
        break;
    case HeatMetric::Memory:
        text += tr("%1 [%2, %3]")
                    .arg(core::formatBytes(int64_t(m.value)), core::formatBytes(int64_t(m.low)),
                         core::formatBytes(int64_t(m.high)));
        break;
    case HeatMetric::Energy:
        text += tr("%1 J [%2, %3]")
                    .arg(m.value, 0, 'g', 3)
                    .arg(m.low, 0, 'g', 3)
                    .arg(m.high, 0, 'g', 3);
        break;
    }
    const double v = m_cells[row][column];
    if (m_scaleBox->currentIndex() == 1 && !std::isnan(v))
        text += tr("<br>%1 % of the column").arg(v, 0, 'f', 1);
    if (p.outOfDistribution)
        text += tr("<br><span style='color:#c0392b'>out of distribution: %1</span>")
                    .arg(p.outOfDistributionReason().toHtmlEscaped());
    return text;
}

QWidget *HeatmapView::plotWidget() const
{
    return m_plot;
}

QPoint HeatmapView::cellPixel(int row, int column) const
{
    return QPoint(static_cast<int>(m_plot->xAxis->coordToPixel(column)),
                  static_cast<int>(m_plot->yAxis->coordToPixel(row)));
}

void HeatmapView::showRows(double first, double last)
{
    m_plot->yAxis->setRange(first - 0.5, last + 0.5);
    m_plot->replot();
}

int HeatmapView::rowBlock(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rowBlocks.size()) ? m_rowBlocks[row] : -1;
}

void HeatmapView::selectBlock(int selected)
{
    m_selected = selected;
    const auto found = std::find(m_rowBlocks.begin(), m_rowBlocks.end(), selected);
    const int block =
        found == m_rowBlocks.end() ? -1 : static_cast<int>(found - m_rowBlocks.begin());
    const int columns = m_cells.empty() ? 0 : static_cast<int>(m_cells[0].size());
    m_selection->setVisible(block >= 0 && columns > 0);
    if (block >= 0) {
        m_selection->topLeft->setCoords(-0.5, block - 0.5);
        m_selection->bottomRight->setCoords(columns - 0.5, block + 0.5);
        // Bring the row into view when zoomed.
        const QCPRange range = m_plot->yAxis->range();
        if (block < range.lower || block > range.upper)
            m_plot->yAxis->setRange(block - range.size() / 2, block + range.size() / 2);
    }
    m_plot->replot();
}

} // namespace layerlens::ui
