#include "summary_panel.h"

#include "predict/in_network_spread.h"
#include "report/number_format.h"

#include <QFileInfo>
#include <QLocale>

namespace layerlens::ui {

namespace {

QString exact(int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString valuesHtml(const core::Graph &graph, const std::vector<int> &tensors)
{
    QString html;
    for (int t : tensors) {
        const core::Tensor &tensor = graph.tensors[t];
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(tensor.name.toHtmlEscaped(), core::elementTypeName(tensor.type),
                         tensor.shape.toString());
    }
    return html;
}

} // namespace

SummaryPanel::SummaryPanel(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Drop an ONNX file on the window, or use File > Open."));
}

void SummaryPanel::setNetwork(const core::AnalyzedNetwork &network)
{
    if (m_network.graph != network.graph)
        m_predictionHtml.clear();
    m_network = network;
    render();
}

void SummaryPanel::setPrediction(const PredictionResult *prediction)
{
    m_predictionHtml.clear();
    if (prediction && prediction->predictor && prediction->network.graph == m_network.graph) {
        const core::ConfigPrediction &p = prediction->current;
        auto interval = [](const core::MetricPrediction &m, int digits) {
            return QStringLiteral("%1 - %2").arg(m.low, 0, 'f', digits).arg(m.high, 0, 'f', digits);
        };
        m_predictionHtml = QStringLiteral("<b>%1</b><table cellpadding='2'>")
                               .arg(tr("Predicted on %1 (batch %2, "
                                       "utilization %3 %, %4 "
                                       "thread(s))")
                                        .arg(prediction->profileName.toHtmlEscaped())
                                        .arg(p.config.batch)
                                        .arg(p.config.utilization)
                                        .arg(p.config.threads));
        auto row = [this](const QString &label, const QString &value, const QString &detail) {
            m_predictionHtml +=
                QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td><td>%3</td></tr>")
                    .arg(label, value, detail);
        };
        row(tr("Latency"), tr("%1 ms").arg(p.latencyMs.value, 0, 'f', 2),
            tr("90%: %1 ms").arg(interval(p.latencyMs, 2)));
        row(tr("Peak memory"), core::formatBytes(static_cast<int64_t>(p.memoryBytes.value)),
            tr("90%: %1 - %2")
                .arg(core::formatBytes(static_cast<int64_t>(p.memoryBytes.low)),
                     core::formatBytes(static_cast<int64_t>(p.memoryBytes.high))));
        row(tr("Energy"),
            p.energyJ.available ? tr("%1 J").arg(p.energyJ.value, 0, 'g', 3) : tr("unavailable"),
            p.energyJ.available ? tr("90%: %1 J").arg(interval(p.energyJ, 4))
                                : tr("no energy sensor on the profiled device"));
        if (p.outOfDistributionBlocks > 0)
            row(tr("Out of distribution"), QString::number(p.outOfDistributionBlocks),
                tr("layers beyond what their model was trained on"));
        const int unmodelled = prediction->predictor->unmodelledNodes();
        if (unmodelled > 0)
            row(tr("Without a model"), QString::number(unmodelled),
                tr("layers counted at the per-operator overhead only"));
        m_predictionHtml += QStringLiteral("</table>");
        if (prediction->profile)
            m_predictionHtml += QStringLiteral("<p><small>%1</small></p>")
                                    .arg(tr("Latency intervals: %1.")
                                             .arg(core::intervalMethod(*prediction->profile))
                                             .toHtmlEscaped());
    }
    render();
}

void SummaryPanel::render()
{
    const core::AnalyzedNetwork &network = m_network;
    if (!network.ok()) {
        clear();
        return;
    }
    const core::Graph &g = *network.graph;
    const core::AnalysisTotals &t = network.analysis.totals;
    QString html = QStringLiteral("<h3>%1</h3><p>%2<br>%3</p>")
                       .arg(QFileInfo(g.path).fileName().toHtmlEscaped(),
                            tr("%1, IR %2, opset %3")
                                .arg(core::formatBytes(g.fileBytes))
                                .arg(g.irVersion)
                                .arg(g.opset),
                            g.producer.toHtmlEscaped());
    html += m_predictionHtml;
    html += QStringLiteral("<b>%1</b><table cellpadding='2'>%2</table>")
                .arg(tr("Inputs"), valuesHtml(g, g.inputs));
    html += QStringLiteral("<b>%1</b><table cellpadding='2'>%2</table>")
                .arg(tr("Outputs"), valuesHtml(g, g.outputs));
    html += QStringLiteral("<b>%1</b>").arg(tr("Totals"));
    if (!t.complete) {
        html += QStringLiteral("<p style='color:#c0392b'>%1</p>")
                    .arg(tr("Incomplete: %1 layers have no cost; these are lower bounds.")
                             .arg(t.unknownCostLayers));
    }
    html += QStringLiteral("<table cellpadding='2'>");
    auto row = [&](const QString &label, const QString &value, const QString &detail) {
        html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td><td>%3</td></tr>")
                    .arg(label, value, detail);
    };
    row(tr("MACs"), core::formatCount(t.macs), exact(t.macs));
    row(tr("FLOPs"), core::formatCount(t.flops), exact(t.flops));
    row(tr("Parameters"), core::formatCount(t.params), exact(t.params));
    row(tr("Weights"), core::formatBytes(t.weightBytes), exact(t.weightBytes));
    row(tr("Peak activations"), core::formatBytes(t.peakActivationBytes),
        exact(t.peakActivationBytes));
    row(tr("Layers"), QString::number(t.layers),
        tr("%1 constant nodes folded").arg(t.foldedLayers));
    html += QStringLiteral("</table>");
    setHtml(html);
}

} // namespace layerlens::ui
