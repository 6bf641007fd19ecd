// The report as one self-contained HTML page (and the rich-text variant the
// PDF is printed from).
#include "report/network_report.h"

#include "common/version.h"
#include "predict/in_network_spread.h"
#include "report/analysis_report.h"
#include "report/number_format.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonValue>
#include <QLocale>

#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 1 ? 4 : 3);
}

// "12.345 ms (90%: 11.2 – 13.9)", or "unavailable".
QString metricText(const MetricPrediction &m, const std::function<QString(double)> &format)
{
    if (!m.available)
        return tr("unavailable");
    return tr("%1 <span class=\"muted\">(90%: %2 – %3)</span>")
        .arg(esc(format(m.value)), esc(format(m.low)), esc(format(m.high)));
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(key), value);
}

QString section(const QString &title)
{
    return QStringLiteral("<h2>%1</h2>\n").arg(esc(title));
}

const char *kBrowserCss = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #222;
       max-width: 1100px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 3px; margin-top: 28px; }
.muted { color: #666; }
table { border-collapse: collapse; }
table.kv th { text-align: left; padding: 3px 16px 3px 0; font-weight: 600; vertical-align: top; }
table.kv td { padding: 3px 0; }
table.layers { font-size: 12px; width: 100%; }
table.layers th { background: #eef2f7; position: sticky; top: 0; text-align: left; }
table.layers th, table.layers td { border: 1px solid #d5dbe3; padding: 2px 6px; }
table.layers td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.fused td { color: #888; }
tr.ood td { color: #b34700; }
.warnings { background: #fff6e5; border: 1px solid #f0c36d; padding: 8px 16px; }
.totals td.big { font-size: 18px; font-weight: 600; }
svg { max-width: 100%; height: auto; }
)";

const char *kRichTextCss = R"(
body { font-family: "DejaVu Sans"; font-size: 9pt; }
h1 { font-size: 16pt; }
h2 { font-size: 12pt; }
.muted { color: #666666; }
th { text-align: left; }
table.layers td, table.layers th { font-size: 7pt; }
table.layers th { background-color: #eef2f7; }
tr.fused td { color: #888888; }
tr.ood td { color: #b34700; }
)";

QString plotHtml(const NetworkReport &report, const QString &name, HtmlFlavor flavor, int width)
{
    if (flavor == HtmlFlavor::RichText)
        return QStringLiteral("<p><img src=\"%1\" width=\"%2\"></p>\n").arg(name).arg(width);
    QString svg = reportPlotSvg(report, name);
    return QStringLiteral("<figure>%1</figure>\n").arg(svg);
}

QString layerTable(const NetworkReport &report, HtmlFlavor flavor)
{
    const Graph &graph = *report.network.graph;
    const bool energy = report.current.energyJ.available;
    QString html = flavor == HtmlFlavor::RichText
                       ? QStringLiteral("<table class=\"layers\" border=\"1\" cellspacing=\"0\" "
                                        "cellpadding=\"2\" width=\"100%\" "
                                        "style=\"font-size: 7pt\">\n")
                       : QStringLiteral("<table class=\"layers\">\n");
    const bool rich = flavor == HtmlFlavor::RichText;
    // The printed page has room for fewer columns: no parameters there.
    QStringList headers{tr("#"), tr("Layer"), tr("Op"), tr("Output shape"), tr("MACs")};
    if (!rich)
        headers.append(tr("Params"));
    headers += QStringList{tr("Latency ms"), tr("90% interval"), tr("Share"), tr("Memory")};
    if (energy)
        headers.append(tr("Energy J"));
    headers.append(tr("Note"));
    // Column widths on the printed page, in %, parallel to headers.
    const QList<int> widths{4, 22, 7, 12, 6, 7, 13, 6, 8};
    html += QStringLiteral("<thead><tr>");
    for (int i = 0; i < headers.size(); ++i) {
        html += rich ? QStringLiteral("<th width=\"%1%\">%2</th>")
                           .arg(i < widths.size() ? widths[i] : 14)
                           .arg(esc(headers[i]))
                     : QStringLiteral("<th>%1</th>").arg(esc(headers[i]));
    }
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const ReportLayerRow &r : reportLayerRows(report)) {
        const Node &node = graph.nodes[r.node];
        const LayerAnalysis &layer = report.network.analysis.layers[r.node];
        const BlockPrediction *p = r.prediction;
        QString cls;
        if (r.block >= 0 && !r.head)
            cls = QStringLiteral(" class=\"fused\"");
        else if (p && p->outOfDistribution)
            cls = QStringLiteral(" class=\"ood\"");
        const QString dash = QStringLiteral("–");
        QStringList cells{
            QString::number(r.node),
            rich ? esc(node.name).replace(QLatin1Char('/'), QStringLiteral("/&#8203;"))
                 : esc(node.name),
            esc(node.qualifiedOpType()),
            esc(shapesText(graph, node.outputs)),
            layer.costKnown ? formatCount(layer.macs) : QStringLiteral("?"),
            p && p->latencyMs.available ? ms(p->latencyMs.value) : dash,
            p && p->latencyMs.available
                ? QStringLiteral("%1 – %2").arg(ms(p->latencyMs.low), ms(p->latencyMs.high))
                : dash,
            p && p->latencyMs.available ? QStringLiteral("%1%").arg(100 * r.latencyShare, 0, 'f', 1)
                                        : dash,
            p && p->memoryBytes.available ? formatBytes(int64_t(p->memoryBytes.value)) : dash,
        };
        if (!rich)
            cells.insert(5, formatCount(layer.params));
        if (energy)
            cells.append(p && p->energyJ.available ? QString::number(p->energyJ.value, 'g', 3)
                                                   : dash);
        cells.append(esc(r.note));
        html += QStringLiteral("<tr%1>").arg(cls);
        for (int i = 0; i < cells.size(); ++i) {
            const bool numeric = i == 0 || (i >= 4 && i < cells.size() - 1);
            html += numeric
                        ? QStringLiteral("<td class=\"n\" align=\"right\">%1</td>").arg(cells[i])
                        : QStringLiteral("<td>%1</td>").arg(cells[i]);
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody></table>\n");
}

QString methodHtml(const NetworkReport &report)
{
    const DeviceProfile &profile = *report.profile;
    QString html =
        QStringLiteral("<p>%1</p>\n")
            .arg(esc(tr("These figures are predictions, not measurements. LayerLens splits the "
                        "network into "
                        "blocks the runtime executes as one unit (for example "
                        "Conv+BatchNorm+Relu), describes "
                        "each block by the features of its module (shapes, channels, kernel, "
                        "stride, FLOPs, "
                        "bytes moved, batch, threads, utilization) and predicts its latency, "
                        "memory and energy "
                        "with the regression model the profile selected for that module (linear, "
                        "polynomial, "
                        "k-nearest-neighbours, gradient-boosted trees, random forest, MLP or the "
                        "multi-task "
                        "MEDN network), chosen by held-out accuracy and prediction cost.")));
    html +=
        QStringLiteral("<p>%1</p>\n")
            .arg(esc(
                tr("The network's latency is the sum of its blocks plus a per-operator overhead of "
                   "%1 "
                   "ms for each of its %2 executed operators (%3). Memory is the peak over blocks "
                   "of "
                   "the activations alive while the block runs plus its workspace, from a liveness "
                   "analysis of the graph. Intervals: %4. Energy comes only from a real sensor on "
                   "the profiled device; without one it is reported as unavailable.")
                    .arg(profile.opOverheadMs, 0, 'g', 3)
                    .arg(report.predictor->executedNodes())
                    .arg(profile.opOverheadSource.isEmpty() ? tr("not calibrated")
                                                            : profile.opOverheadSource)
                    .arg(intervalMethod(profile))));
    const QString madeBy = profile.provenance.value(QStringLiteral("made_by")).toString();
    if (!madeBy.isEmpty() || !profile.provenance.isEmpty()) {
        QStringList parts;
        for (auto it = profile.provenance.begin(); it != profile.provenance.end(); ++it) {
            QString value = it.value().isArray() ? QString() : it.value().toVariant().toString();
            if (it.value().isArray()) {
                QStringList items;
                for (const QJsonValue &v : it.value().toArray())
                    items.append(v.toVariant().toString());
                value = items.join(QStringLiteral("; "));
            }
            if (!value.isEmpty())
                parts.append(
                    QStringLiteral("<li><b>%1</b>: %2</li>").arg(esc(it.key()), esc(value)));
        }
        html += QStringLiteral("<p>%1</p>\n<ul>%2</ul>\n")
                    .arg(esc(tr("How the profile was made:")), parts.join(QString()));
    }
    html += QStringLiteral("<p class=\"muted\">%1</p>\n")
                .arg(esc(tr("Predicted by LayerLens %1 in %2 µs (segmentation and %3 "
                            "configurations), %4.")
                             .arg(QLatin1String(kVersion))
                             .arg(report.predictMicros, 0, 'f', 0)
                             .arg(report.batchSweep.size() + 1)
                             .arg(report.created.toString(Qt::ISODate))));
    return html;
}

} // namespace

QString reportToHtml(const NetworkReport &report, HtmlFlavor flavor)
{
    const Graph &graph = *report.network.graph;
    const AnalysisTotals &totals = report.network.analysis.totals;
    const DeviceProfile &profile = *report.profile;
    const ConfigPrediction &c = report.current;
    const QString file = QFileInfo(graph.path).fileName();
    const bool rich = flavor == HtmlFlavor::RichText;
    const QString kv = rich ? QStringLiteral("<table class=\"kv\" cellpadding=\"2\">\n")
                            : QStringLiteral("<table class=\"kv\">\n");

    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta "
                                  "charset=\"utf-8\">\n<title>%2</title>\n<style>%3</style>\n"
                                  "</head>\n<body>\n")
                       .arg(tr("en"), esc(tr("LayerLens report: %1").arg(file)),
                            QLatin1String(rich ? kRichTextCss : kBrowserCss));
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("LayerLens report: %1").arg(file)));
    html += QStringLiteral("<p class=\"muted\">%1</p>\n")
                .arg(esc(tr("Predicted cost per layer on %1 at batch %2, utilization %3%, %4 "
                            "thread(s). Created %5 by LayerLens %6.")
                             .arg(report.profileName)
                             .arg(report.config.batch)
                             .arg(report.config.utilization)
                             .arg(report.config.threads)
                             .arg(report.created.toString(Qt::ISODate))
                             .arg(QLatin1String(kVersion))));

    // Totals first: what the reader came for.
    html += section(tr("Predicted totals"));
    html += kv;
    html +=
        row(tr("Latency"),
            metricText(c.latencyMs, [](double v) { return QStringLiteral("%1 ms").arg(ms(v)); }));
    html += row(tr("Peak memory"),
                metricText(c.memoryBytes, [](double v) { return formatBytes(int64_t(v)); }));
    html += row(tr("Energy"), metricText(c.energyJ, [](double v) {
                    return QStringLiteral("%1 J").arg(v, 0, 'g', 3);
                }));
    html += row(
        tr("Throughput"),
        c.latencyMs.available && c.latencyMs.value > 0
            ? esc(tr("%1 samples/s").arg(1000.0 * c.config.batch / c.latencyMs.value, 0, 'f', 1))
            : QStringLiteral("–"));
    html += row(tr("Per-operator overhead"), esc(tr("%1 ms").arg(ms(c.overheadMs))));
    html += row(tr("Out-of-distribution layers"), QString::number(c.outOfDistributionBlocks));
    html += QStringLiteral("</table>\n");

    if (!report.warnings.isEmpty()) {
        html += section(tr("Warnings"));
        html += rich ? QStringLiteral("<ul>") : QStringLiteral("<div class=\"warnings\"><ul>");
        for (const QString &w : report.warnings)
            html += QStringLiteral("<li>%1</li>").arg(esc(w));
        html += rich ? QStringLiteral("</ul>\n") : QStringLiteral("</ul></div>\n");
    }

    html += section(tr("Network"));
    html += kv;
    html += row(tr("File"), esc(graph.path));
    if (!graph.producer.isEmpty())
        html += row(tr("Producer"), esc(graph.producer));
    html += row(tr("Opset"), QString::number(graph.opset));
    html +=
        row(tr("Layers"),
            esc(tr("%1 run, %2 folded at load time").arg(totals.layers).arg(totals.foldedLayers)));
    html += row(tr("Blocks"),
                esc(tr("%1 (layers the runtime fuses count once)").arg(report.blocks().size())));
    html += row(tr("Parameters"), esc(formatCount(totals.params)));
    html += row(tr("MACs / FLOPs"), esc(QStringLiteral("%1 / %2").arg(formatCount(totals.macs),
                                                                      formatCount(totals.flops))));
    html += row(tr("Weights"), esc(formatBytes(totals.weightBytes)));
    html += row(tr("Peak activations (batch 1)"), esc(formatBytes(totals.peakActivationBytes)));
    html += QStringLiteral("</table>\n");

    html += section(tr("Device and profile"));
    html += kv;
    html += row(tr("Profile"), esc(report.profileName));
    const QJsonObject &info = profile.deviceInfo;
    QStringList device;
    for (const char *key : {"cpu", "arch", "cores", "os", "blas"}) {
        const QJsonValue v = info.value(QLatin1String(key));
        if (!v.isUndefined())
            device.append(v.toVariant().toString());
    }
    if (info.contains(QStringLiteral("memory_bytes")))
        device.append(
            formatBytes(info.value(QStringLiteral("memory_bytes")).toVariant().toLongLong()));
    html += row(tr("Device"), esc(device.join(QStringLiteral(", "))));
    html += row(tr("Fingerprint"), esc(profile.device));
    html += row(tr("Modules"), QString::number(profile.modules.size()));
    html += QStringLiteral("</table>\n");
    if (!report.validation.empty()) {
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("Validation error of the selected models on held-out "
                                "configurations (mean absolute percentage error):")));
        html += rich ? QStringLiteral("<table class=\"layers\" border=\"1\" cellspacing=\"0\" "
                                      "cellpadding=\"2\">\n")
                     : QStringLiteral("<table class=\"layers\" style=\"width:auto\">\n");
        html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                    .arg(esc(tr("Target")), esc(tr("Modules")), esc(tr("Mean")),
                         esc(tr("Worst (module)")), esc(tr("Held-out samples")));
        for (const ProfileValidation &v : report.validation)
            html += QStringLiteral("<tr><td>%1</td><td class=\"n\" align=\"right\">%2</td><td "
                                   "class=\"n\" align=\"right\">%3%</td><td>%4% (%5)</td><td "
                                   "class=\"n\" align=\"right\">%6</td></tr>\n")
                        .arg(esc(v.target))
                        .arg(v.modules)
                        .arg(v.meanMape, 0, 'f', 1)
                        .arg(v.worstMape, 0, 'f', 1)
                        .arg(esc(v.worstModule))
                        .arg(v.testSamples);
        html += QStringLiteral("</table>\n");
    }

    html += section(tr("Where the time goes"));
    html += plotHtml(report, QStringLiteral("breakdown.svg"), flavor, 640);
    html += plotHtml(report, QStringLiteral("heatmap.svg"), flavor, 640);

    html += section(tr("Per layer"));
    html += QStringLiteral("<p class=\"muted\">%1</p>\n")
                .arg(esc(tr("Predicted figures stand on the first layer of each block; the "
                            "layers fused into it are grey. Orange rows lie outside their "
                            "model's training range.")));
    html += layerTable(report, flavor);

    html += section(tr("How these numbers were obtained"));
    html += methodHtml(report);
    return html + QStringLiteral("</body>\n</html>\n");
}

} // namespace layerlens::core
