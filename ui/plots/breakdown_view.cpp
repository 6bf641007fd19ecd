#include "plots/breakdown_view.h"

#include "plots/plot_export.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace layerlens::ui {

BreakdownView::BreakdownView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(160);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0,
                                     new QCPTextElement(m_plot, tr("Latency by operator"),
                                                        QFont(font().family(), -1, QFont::Bold)));
    m_plot->xAxis->setLabel(tr("predicted latency (ms)"));
    m_plot->yAxis->setRangeReversed(true);
    addExportMenu(m_plot, QStringLiteral("breakdown.png"));
}

void BreakdownView::setResult(std::shared_ptr<const PredictionResult> result)
{
    m_plot->clearPlottables();
    m_byOperator.clear();
    if (!result || !result->predictor) {
        m_plot->replot();
        return;
    }
    std::map<QString, double> sums;
    const auto &blocks = result->blocks();
    for (size_t b = 0; b < blocks.size(); ++b) {
        const auto &p = result->current.blocks[b];
        if (!p.latencyMs.available)
            continue;
        QStringList ops;
        for (int n : blocks[b].nodes)
            ops.append(result->network.graph->nodes[n].opType);
        sums[ops.join(QLatin1Char('+'))] += p.latencyMs.value;
    }
    m_byOperator.assign(sums.begin(), sums.end());
    std::sort(m_byOperator.begin(), m_byOperator.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    // Horizontal bars, largest on top.
    auto *bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    bars->setBrush(QColor(0x1e, 0x88, 0xe5, 180));
    bars->setPen(QPen(QColor(0x1e, 0x88, 0xe5)));
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys, values;
    const double total = result->current.latencyMs.value;
    for (size_t i = 0; i < m_byOperator.size(); ++i) {
        keys.append(double(i));
        values.append(m_byOperator[i].second);
        ticks->addTick(double(i),
                       tr("%1 (%2 %)")
                           .arg(m_byOperator[i].first)
                           .arg(total > 0 ? 100 * m_byOperator[i].second / total : 0.0, 0, 'f', 1));
    }
    bars->setData(keys, values);
    m_plot->yAxis->setTicker(ticks);
    m_plot->yAxis->setRange(-0.6, std::max<double>(m_byOperator.size(), 1) - 0.4);
    m_plot->xAxis->setRange(
        0, (values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end())) * 1.1);
    m_plot->replot();
}

} // namespace layerlens::ui
