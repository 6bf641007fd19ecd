// The report's data formats: CSV rows per layer, the full JSON result and
// Netron's attachment file.
#include "report/network_report.h"

#include "common/version.h"
#include "predict/prediction_report.h"
#include "report/analysis_report.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QJsonObject metricJson(const MetricPrediction &m)
{
    return QJsonObject{{QStringLiteral("value"), metricValueJson(m)},
                       {QStringLiteral("interval"), metricIntervalJson(m)}};
}

QJsonObject totalsJson(const ConfigPrediction &p)
{
    return QJsonObject{
        {QStringLiteral("batch"), p.config.batch},
        {QStringLiteral("utilization"), p.config.utilization},
        {QStringLiteral("threads"), p.config.threads},
        {QStringLiteral("latency_ms"), metricJson(p.latencyMs)},
        {QStringLiteral("memory_bytes"), metricJson(p.memoryBytes)},
        {QStringLiteral("energy_j"), metricJson(p.energyJ)},
        {QStringLiteral("overhead_ms"), p.overheadMs},
        {QStringLiteral("out_of_distribution_layers"), p.outOfDistributionBlocks},
    };
}

QString csvQuoted(QString s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')))
        return s;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString csvNumber(const MetricPrediction *m, double MetricPrediction::*field)
{
    return m && m->available ? QString::number(m->*field, 'g', 8) : QString();
}

} // namespace

std::vector<ReportLayerRow> reportLayerRows(const NetworkReport &report)
{
    std::vector<ReportLayerRow> rows;
    const Graph &graph = *report.network.graph;
    const double total = report.current.latencyMs.value;
    for (const LayerAnalysis &layer : report.network.analysis.layers) {
        const Node &node = graph.nodes[layer.node];
        if (node.folded)
            continue;
        ReportLayerRow row;
        row.node = layer.node;
        row.block = report.blockOfNode[layer.node];
        if (row.block >= 0) {
            const NetworkBlock &block = report.blocks()[row.block];
            row.head = block.nodes.front() == layer.node;
            if (!row.head) {
                row.note = tr("fused into %1").arg(report.blockName(row.block));
            } else if (block.module.isEmpty()) {
                row.note = tr("no model: %1").arg(block.reason);
            } else {
                row.prediction = &report.current.blocks[row.block];
                if (row.prediction->latencyMs.available && total > 0)
                    row.latencyShare = row.prediction->latencyMs.value / total;
                if (row.prediction->outOfDistribution)
                    row.note = tr("out of distribution: %1")
                                   .arg(row.prediction->outOfDistributionReason());
                if (!block.approximation.isEmpty())
                    row.note = row.note.isEmpty()
                                   ? block.approximation
                                   : block.approximation + QStringLiteral("; ") + row.note;
            }
        }
        if (row.note.isEmpty() && !layer.costKnown)
            row.note = layer.supported ? tr("shape unknown: no analytic cost")
                                       : tr("unsupported operator: no analytic cost");
        rows.push_back(row);
    }
    return rows;
}

QString reportToCsv(const NetworkReport &report)
{
    const Graph &graph = *report.network.graph;
    QString out = QStringLiteral(
        "index,name,op,output_shape,macs,flops,params,input_bytes,output_bytes,flop_per_byte,"
        "block,module,latency_ms,latency_ms_low,latency_ms_high,latency_share,memory_bytes,"
        "energy_j,out_of_distribution,note\n");
    for (const ReportLayerRow &row : reportLayerRows(report)) {
        const Node &node = graph.nodes[row.node];
        const LayerAnalysis &layer = report.network.analysis.layers[row.node];
        const BlockPrediction *p = row.prediction;
        const QString known = layer.costKnown ? QString() : QStringLiteral("?");
        QStringList cells{
            QString::number(row.node),
            csvQuoted(node.name),
            csvQuoted(node.qualifiedOpType()),
            csvQuoted(shapesText(graph, node.outputs)),
            layer.costKnown ? QString::number(layer.macs) : known,
            layer.costKnown ? QString::number(layer.flops) : known,
            QString::number(layer.params),
            layer.inputBytes >= 0 ? QString::number(layer.inputBytes) : QString(),
            layer.outputBytes >= 0 ? QString::number(layer.outputBytes) : QString(),
            std::isnan(layer.arithmeticIntensity)
                ? QString()
                : QString::number(layer.arithmeticIntensity, 'g', 6),
            row.block >= 0 ? csvQuoted(report.blockName(row.block)) : QString(),
            row.block >= 0 ? report.blocks()[row.block].module : QString(),
            csvNumber(p ? &p->latencyMs : nullptr, &MetricPrediction::value),
            csvNumber(p ? &p->latencyMs : nullptr, &MetricPrediction::low),
            csvNumber(p ? &p->latencyMs : nullptr, &MetricPrediction::high),
            p && p->latencyMs.available ? QString::number(row.latencyShare, 'g', 6) : QString(),
            csvNumber(p ? &p->memoryBytes : nullptr, &MetricPrediction::value),
            csvNumber(p ? &p->energyJ : nullptr, &MetricPrediction::value),
            p ? QString::number(p->outOfDistribution ? 1 : 0) : QString(),
            csvQuoted(row.note),
        };
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QJsonObject reportToJson(const NetworkReport &report)
{
    const Graph &graph = *report.network.graph;
    const AnalysisTotals &totals = report.network.analysis.totals;
    const DeviceProfile &profile = *report.profile;

    QJsonArray layers;
    for (const ReportLayerRow &row : reportLayerRows(report)) {
        const Node &node = graph.nodes[row.node];
        const LayerAnalysis &layer = report.network.analysis.layers[row.node];
        QJsonObject o{
            {QStringLiteral("index"), row.node},
            {QStringLiteral("name"), node.name},
            {QStringLiteral("op"), node.qualifiedOpType()},
            {QStringLiteral("output_shape"), shapesText(graph, node.outputs)},
            {QStringLiteral("macs"),
             layer.costKnown ? QJsonValue(qint64(layer.macs)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("flops"),
             layer.costKnown ? QJsonValue(qint64(layer.flops)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("params"), qint64(layer.params)},
            {QStringLiteral("input_bytes"), qint64(layer.inputBytes)},
            {QStringLiteral("output_bytes"), qint64(layer.outputBytes)},
            {QStringLiteral("block"), row.block >= 0 ? QJsonValue(report.blockName(row.block))
                                                     : QJsonValue(QJsonValue::Null)},
        };
        if (const BlockPrediction *p = row.prediction) {
            o.insert(QStringLiteral("module"), report.blocks()[row.block].module);
            o.insert(QStringLiteral("latency_ms"), metricJson(p->latencyMs));
            o.insert(QStringLiteral("latency_share"), row.latencyShare);
            o.insert(QStringLiteral("memory_bytes"), metricJson(p->memoryBytes));
            o.insert(QStringLiteral("energy_j"), metricJson(p->energyJ));
            o.insert(QStringLiteral("out_of_distribution"), p->outOfDistribution);
        }
        if (!row.note.isEmpty())
            o.insert(QStringLiteral("note"), row.note);
        layers.append(o);
    }

    QJsonArray sweep;
    for (const ConfigPrediction &c : report.batchSweep) {
        QJsonObject t = totalsJson(c);
        QJsonArray blockLatency;
        for (const BlockPrediction &b : c.blocks)
            blockLatency.append(metricValueJson(b.latencyMs));
        t.insert(QStringLiteral("block_latency_ms"), blockLatency);
        sweep.append(t);
    }
    QJsonArray blocks;
    for (size_t b = 0; b < report.blocks().size(); ++b) {
        const NetworkBlock &block = report.blocks()[b];
        QJsonArray nodes;
        for (int n : block.nodes)
            nodes.append(graph.nodes[n].name);
        QJsonObject o{{QStringLiteral("name"), report.blockName(int(b))},
                      {QStringLiteral("op"), report.blockOps(int(b))},
                      {QStringLiteral("nodes"), nodes},
                      {QStringLiteral("module"), block.module.isEmpty()
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(block.module)}};
        if (!block.reason.isEmpty())
            o.insert(QStringLiteral("no_model_reason"), block.reason);
        blocks.append(o);
    }
    QJsonArray validation;
    for (const ProfileValidation &v : report.validation)
        validation.append(QJsonObject{{QStringLiteral("target"), v.target},
                                      {QStringLiteral("modules"), v.modules},
                                      {QStringLiteral("mean_mape"), v.meanMape},
                                      {QStringLiteral("worst_mape"), v.worstMape},
                                      {QStringLiteral("worst_module"), v.worstModule},
                                      {QStringLiteral("test_samples"), v.testSamples}});

    return QJsonObject{
        {QStringLiteral("layerlens_version"), QString::fromLatin1(kVersion)},
        {QStringLiteral("created"), report.created.toString(Qt::ISODate)},
        {QStringLiteral("network"),
         QJsonObject{
             {QStringLiteral("path"), graph.path},
             {QStringLiteral("name"), graph.name},
             {QStringLiteral("producer"), graph.producer},
             {QStringLiteral("opset"), graph.opset},
             {QStringLiteral("layers"), totals.layers},
             {QStringLiteral("params"), qint64(totals.params)},
             {QStringLiteral("macs"), qint64(totals.macs)},
             {QStringLiteral("flops"), qint64(totals.flops)},
             {QStringLiteral("weight_bytes"), qint64(totals.weightBytes)},
             {QStringLiteral("peak_activation_bytes"), qint64(totals.peakActivationBytes)}}},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("profile"), report.profileName},
                     {QStringLiteral("fingerprint"), profile.device},
                     {QStringLiteral("info"), profile.deviceInfo},
                     {QStringLiteral("provenance"), profile.provenance},
                     {QStringLiteral("op_overhead_ms"), profile.opOverheadMs},
                     {QStringLiteral("op_overhead_source"), profile.opOverheadSource},
                     {QStringLiteral("speed_ratio"), report.speedRatio},
                     {QStringLiteral("validation"), validation}}},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("batch"), report.config.batch},
                     {QStringLiteral("utilization"), report.config.utilization},
                     {QStringLiteral("threads"), report.config.threads}}},
        {QStringLiteral("totals"), totalsJson(report.current)},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("blocks"), blocks},
        {QStringLiteral("batch_sweep"), sweep},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(report.warnings)},
        {QStringLiteral("timing"),
         QJsonObject{{QStringLiteral("predict_us"), report.predictMicros}}},
    };
}

QJsonObject reportToNetronAttachment(const NetworkReport &report)
{
    const Graph &graph = *report.network.graph;
    QJsonArray metadata, metrics;
    auto add = [](QJsonArray *to, const QString &kind, const QString &target, const QString &name,
                  const QJsonValue &value, const QString &type = QString()) {
        QJsonObject item{{QStringLiteral("kind"), kind},
                         {QStringLiteral("target"), target},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("value"), value}};
        if (!type.isEmpty())
            item.insert(QStringLiteral("type"), type);
        to->append(item);
    };
    // Netron reads a model's and graph's entries with an empty target, or
    // the graph's name.
    const ConfigPrediction &c = report.current;
    const QList<std::pair<QString, QString>> scopes = {{QStringLiteral("model"), QString()},
                                                       {QStringLiteral("graph"), graph.name}};
    for (const auto &[kind, target] : scopes) {
        add(&metadata, kind, target, QStringLiteral("layerlens.profile"), report.profileName);
        add(&metadata, kind, target, QStringLiteral("layerlens.parameters"),
            tr("batch %1, utilization %2%, %3 thread(s)")
                .arg(report.config.batch)
                .arg(report.config.utilization)
                .arg(report.config.threads));
        if (c.latencyMs.available)
            add(&metrics, kind, target, QStringLiteral("latency_ms"), c.latencyMs.value);
        if (c.memoryBytes.available)
            add(&metrics, kind, target, QStringLiteral("memory_bytes"), c.memoryBytes.value);
        if (c.energyJ.available)
            add(&metrics, kind, target, QStringLiteral("energy_j"), c.energyJ.value);
    }

    // Nodes Netron can find: a name in the file, once.
    QSet<QString> seen, repeated;
    for (const Node &node : graph.nodes) {
        if (seen.contains(node.fileName))
            repeated.insert(node.fileName);
        seen.insert(node.fileName);
    }
    for (const ReportLayerRow &row : reportLayerRows(report)) {
        const Node &node = graph.nodes[row.node];
        const QString target = node.fileName.section(QLatin1Char('\n'), 0, 0);
        if (target.isEmpty() || repeated.contains(node.fileName))
            continue;
        const QString kind = QStringLiteral("node");
        if (row.block >= 0 && !report.blocks()[row.block].module.isEmpty())
            add(&metadata, kind, target, QStringLiteral("layerlens.module"),
                report.blocks()[row.block].module);
        if (!row.note.isEmpty())
            add(&metadata, kind, target, QStringLiteral("layerlens.note"), row.note);
        const BlockPrediction *p = row.prediction;
        if (!p)
            continue;
        if (p->latencyMs.available) {
            add(&metrics, kind, target, QStringLiteral("latency_ms"), p->latencyMs.value);
            add(&metrics, kind, target, QStringLiteral("latency_ms_90"),
                QStringLiteral("%1 .. %2")
                    .arg(p->latencyMs.low, 0, 'g', 4)
                    .arg(p->latencyMs.high, 0, 'g', 4));
            add(&metrics, kind, target, QStringLiteral("latency_share"), row.latencyShare,
                QStringLiteral("percentage"));
        }
        if (p->memoryBytes.available)
            add(&metrics, kind, target, QStringLiteral("memory_bytes"), p->memoryBytes.value);
        if (p->energyJ.available)
            add(&metrics, kind, target, QStringLiteral("energy_j"), p->energyJ.value);
    }
    return QJsonObject{{QStringLiteral("signature"), QStringLiteral("netron:attachment")},
                       {QStringLiteral("metadata"), metadata},
                       {QStringLiteral("metrics"), metrics}};
}

bool writeTextReport(const NetworkReport &report, ReportFormat format, const QString &path,
                     QString *error)
{
    QByteArray data;
    switch (format) {
    case ReportFormat::Html:
        data = reportToHtml(report).toUtf8();
        break;
    case ReportFormat::Csv:
        data = reportToCsv(report).toUtf8();
        break;
    case ReportFormat::Json:
        data = QJsonDocument(reportToJson(report)).toJson();
        break;
    case ReportFormat::Netron:
        data = QJsonDocument(reportToNetronAttachment(report)).toJson();
        break;
    case ReportFormat::Pdf:
        *error = tr("%1: PDF reports are written by the desktop library").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace layerlens::core
