#include "plots/design_space_view.h"

#include "plots/plot_export.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace layerlens::ui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

QString configText(const core::ConfigPrediction &p)
{
    return QCoreApplication::translate("DesignSpace",
                                       "batch %1, utilization %2 %, %3 thread(s)<br>%4 ms, %5 MiB")
        .arg(p.config.batch)
        .arg(p.config.utilization)
        .arg(p.config.threads)
        .arg(p.latencyMs.value, 0, 'f', 3)
        .arg(p.memoryBytes.value / kMiB, 0, 'f', 1);
}

} // namespace

DesignSpaceView::DesignSpaceView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot)
    , m_hint(new QLabel(tr("Click a point to apply its parameters.")))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_hint);
    m_plot->setMinimumHeight(180);
    m_plot->xAxis->setLabel(tr("latency (ms, log scale)"));
    m_plot->yAxis->setLabel(tr("peak memory (MiB, log scale)"));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    addExportMenu(m_plot, QStringLiteral("design-space.png"));
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const int i = configAt(event->position());
        if (i >= 0)
            QToolTip::showText(event->globalPosition().toPoint(),
                               configText(m_result->designSpace[i]), m_plot);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const int i = configAt(event->position());
        if (event->button() == Qt::LeftButton && i >= 0)
            Q_EMIT configChosen(m_result->designSpace[i].config);
    });
}

void DesignSpaceView::setResult(std::shared_ptr<const PredictionResult> result)
{
    m_result = std::move(result);
    m_plot->clearGraphs();
    if (!m_result || !m_result->predictor || m_result->designSpace.empty()) {
        m_plot->replot();
        return;
    }
    // One scatter per batch size, coloured along a gradient.
    std::map<int, std::pair<QVector<double>, QVector<double>>> byBatch;
    for (const auto &p : m_result->designSpace) {
        byBatch[p.config.batch].first.append(p.latencyMs.value);
        byBatch[p.config.batch].second.append(p.memoryBytes.value / kMiB);
    }
    QCPColorGradient gradient(QCPColorGradient::gpSpectrum);
    int i = 0;
    for (auto &[batch, points] : byBatch) {
        QCPGraph *g = m_plot->addGraph();
        g->setName(tr("batch %1").arg(batch));
        g->setLineStyle(QCPGraph::lsNone);
        const QColor colour = QColor::fromRgb(
            gradient.color(double(i++) / std::max<size_t>(byBatch.size() - 1, 1), QCPRange(0, 1)));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 6));
        g->setData(points.first, points.second);
    }
    // The Pareto front, by latency.
    std::vector<int> front = m_result->pareto;
    std::sort(front.begin(), front.end(), [this](int a, int b) {
        return m_result->designSpace[a].latencyMs.value < m_result->designSpace[b].latencyMs.value;
    });
    QVector<double> xs, ys;
    for (int f : front) {
        xs.append(m_result->designSpace[f].latencyMs.value);
        ys.append(m_result->designSpace[f].memoryBytes.value / kMiB);
    }
    QCPGraph *pareto = m_plot->addGraph();
    pareto->setName(tr("Pareto front"));
    pareto->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2));
    pareto->setLineStyle(QCPGraph::lsStepLeft);
    pareto->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                            QPen(QColor(0xc0, 0x39, 0x2b), 2), Qt::NoBrush, 10));
    pareto->setData(xs, ys, true);
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.15);
    m_plot->yAxis->scaleRange(1.15);
    m_plot->replot();
}

QWidget *DesignSpaceView::plotWidget() const
{
    return m_plot;
}

QPointF DesignSpaceView::configPixel(int index) const
{
    const auto &p = m_result->designSpace[index];
    return QPointF(m_plot->xAxis->coordToPixel(p.latencyMs.value),
                   m_plot->yAxis->coordToPixel(p.memoryBytes.value / kMiB));
}

int DesignSpaceView::configAt(const QPointF &pos) const
{
    if (!m_result || m_result->designSpace.empty())
        return -1;
    int best = -1;
    double bestDistance = 10.0 * 10.0; // pixels²
    for (size_t i = 0; i < m_result->designSpace.size(); ++i) {
        const auto &p = m_result->designSpace[i];
        const double dx = m_plot->xAxis->coordToPixel(p.latencyMs.value) - pos.x();
        const double dy = m_plot->yAxis->coordToPixel(p.memoryBytes.value / kMiB) - pos.y();
        if (dx * dx + dy * dy < bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = static_cast<int>(i);
        }
    }
    return best;
}

} // namespace layerlens::ui
