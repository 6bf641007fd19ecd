#include "predict/prediction_report.h"

#include "predict/in_network_spread.h"
#include "report/number_format.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <map>
#include <numeric>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QJsonValue metric(const MetricPrediction &m)
{
    return metricValueJson(m);
}

QJsonValue interval(const MetricPrediction &m)
{
    return metricIntervalJson(m);
}

QJsonObject totalsJson(const ConfigPrediction &p)
{
    return QJsonObject{
        {QStringLiteral("batch"), p.config.batch},
        {QStringLiteral("utilization"), p.config.utilization},
        {QStringLiteral("threads"), p.config.threads},
        {QStringLiteral("latency_ms"), metric(p.latencyMs)},
        {QStringLiteral("latency_ms_interval"), interval(p.latencyMs)},
        {QStringLiteral("memory_bytes"), metric(p.memoryBytes)},
        {QStringLiteral("memory_bytes_interval"), interval(p.memoryBytes)},
        {QStringLiteral("energy_j"), metric(p.energyJ)},
        {QStringLiteral("energy_j_interval"), interval(p.energyJ)},
        {QStringLiteral("overhead_ms"), p.overheadMs},
        {QStringLiteral("out_of_distribution_layers"), p.outOfDistributionBlocks},
    };
}

QJsonArray layersJson(const PredictionRun &run, const ConfigPrediction &p)
{
    QJsonArray layers;
    const auto &blocks = run.predictor->blocks();
    for (size_t b = 0; b < blocks.size(); ++b) {
        const NetworkBlock &block = blocks[b];
        const BlockPrediction &bp = p.blocks[b];
        QJsonArray nodes;
        for (int n : block.nodes)
            nodes.append(run.graph->nodes[n].name);
        QJsonObject layer{
            {QStringLiteral("name"), blockName(*run.graph, block)},
            {QStringLiteral("op"), blockOps(*run.graph, block)},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("module"),
             block.module.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(block.module)},
            {QStringLiteral("latency_ms"), metric(bp.latencyMs)},
            {QStringLiteral("latency_ms_interval"), interval(bp.latencyMs)},
            {QStringLiteral("latency_share"),
             bp.latencyMs.available && p.latencyMs.value > 0
                 ? QJsonValue(bp.latencyMs.value / p.latencyMs.value)
                 : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("memory_bytes"), metric(bp.memoryBytes)},
            {QStringLiteral("energy_j"), metric(bp.energyJ)},
            {QStringLiteral("out_of_distribution"), bp.outOfDistribution},
        };
        // Of the latency, what the data it finds beyond the caches costs
        // inside the network.
        if (bp.cacheMissMs > 0)
            layer.insert(QStringLiteral("cache_miss_ms"), bp.cacheMissMs);
        if (bp.outOfDistribution)
            layer.insert(QStringLiteral("out_of_distribution_reason"),
                         bp.outOfDistributionReason());
        if (!block.reason.isEmpty())
            layer.insert(QStringLiteral("no_model_reason"), block.reason);
        // Predicted by a module of another operator, or its operator's
        // learned in-network cost: how.
        if (!block.approximation.isEmpty())
            layer.insert(QStringLiteral("approximation"), block.approximation);
        if (bp.view)
            layer.insert(QStringLiteral("no_model_reason"),
                         tr("a view of its input at this batch: in the whole network's "
                            "data-movement term"));
        layers.append(layer);
    }
    return layers;
}

} // namespace

QJsonValue metricValueJson(const MetricPrediction &m)
{
    return m.available ? QJsonValue(m.value) : QJsonValue(QJsonValue::Null);
}

QJsonValue metricIntervalJson(const MetricPrediction &m)
{
    return m.available ? QJsonValue(QJsonArray{m.low, m.high}) : QJsonValue(QJsonValue::Null);
}

QString blockName(const Graph &graph, const NetworkBlock &block)
{
    return graph.nodes[block.nodes.front()].name;
}

QString blockOps(const Graph &graph, const NetworkBlock &block)
{
    QStringList ops;
    for (int n : block.nodes)
        ops.append(graph.nodes[n].opType);
    return ops.join(QLatin1Char('+'));
}

QJsonObject predictionToJson(const PredictionRun &run, bool perLayerAllConfigs)
{
    QJsonArray configs;
    for (size_t i = 0; i < run.configs.size(); ++i) {
        QJsonObject c = totalsJson(run.configs[i]);
        c.insert(QStringLiteral("pareto"),
                 std::find(run.pareto.begin(), run.pareto.end(), int(i)) != run.pareto.end());
        if (perLayerAllConfigs)
            c.insert(QStringLiteral("layers"), layersJson(run, run.configs[i]));
        configs.append(c);
    }
    QJsonArray unmodelled;
    for (const NetworkBlock &b : run.predictor->blocks()) {
        if (b.module.isEmpty())
            unmodelled.append(QJsonObject{{QStringLiteral("name"), blockName(*run.graph, b)},
                                          {QStringLiteral("op"), blockOps(*run.graph, b)},
                                          {QStringLiteral("reason"), b.reason}});
    }
    const DeviceProfile &profile = *run.profile;
    QJsonObject json{
        {QStringLiteral("network"), run.graph->path},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("profile"), run.profileName},
                     {QStringLiteral("fingerprint"), profile.device},
                     {QStringLiteral("info"), profile.deviceInfo},
                     {QStringLiteral("op_overhead_ms"), profile.opOverheadMs},
                     {QStringLiteral("speed_ratio"), run.speedRatio},
                     // How the latency intervals were made: "held-out networks"
                     // (in-network spreads) or "model error".
                     {QStringLiteral("intervals"), profile.inNetworkSpreads.empty()
                                                       ? QStringLiteral("model error")
                                                       : QStringLiteral("held-out networks")}}},
        {QStringLiteral("configs"), configs},
        {QStringLiteral("unmodelled"), unmodelled},
        {QStringLiteral("timing"),
         QJsonObject{{QStringLiteral("predict_us"), run.predictMicros},
                     {QStringLiteral("configs"), static_cast<qint64>(run.configs.size())}}},
    };
    if (!run.configs.empty()) {
        json.insert(QStringLiteral("totals"), totalsJson(run.configs.front()));
        json.insert(QStringLiteral("layers"), layersJson(run, run.configs.front()));
    }
    if (!profile.deviceInfo.contains(QStringLiteral("energy")) && !run.configs.empty() &&
        !run.configs.front().energyJ.available)
        json.insert(QStringLiteral("energy_note"),
                    tr("the profiled device had no energy sensor; energy is unavailable"));
    return json;
}

QString predictionToTable(const PredictionRun &run, bool perLayer)
{
    const DeviceProfile &profile = *run.profile;
    QString out = tr("%1 on %2 (%3)\n")
                      .arg(QFileInfo(run.graph->path).fileName(), run.profileName,
                           profile.deviceInfo.value(QStringLiteral("cpu")).toString());
    out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(tr("batch").rightJustified(5), tr("util %").rightJustified(6),
                    tr("threads").rightJustified(7), tr("latency ms [interval]").leftJustified(28),
                    tr("memory").rightJustified(10), tr("energy"));
    for (size_t i = 0; i < run.configs.size(); ++i) {
        const ConfigPrediction &p = run.configs[i];
        const bool pareto =
            std::find(run.pareto.begin(), run.pareto.end(), int(i)) != run.pareto.end();
        out += QStringLiteral("%1 %2 %3 %4 %5 %6%7\n")
                   .arg(p.config.batch, 5)
                   .arg(p.config.utilization, 6)
                   .arg(p.config.threads, 7)
                   .arg(QStringLiteral("%1 [%2, %3]")
                            .arg(p.latencyMs.value, 0, 'f', 3)
                            .arg(p.latencyMs.low, 0, 'f', 3)
                            .arg(p.latencyMs.high, 0, 'f', 3)
                            .leftJustified(28))
                   .arg(formatBytes(static_cast<int64_t>(p.memoryBytes.value)).rightJustified(10))
                   .arg(p.energyJ.available ? QStringLiteral("%1 J").arg(p.energyJ.value, 0, 'g', 3)
                                            : tr("n/a"))
                   .arg(run.configs.size() > 1 && pareto ? tr("  pareto") : QString());
    }
    if (perLayer && !run.configs.empty()) {
        const ConfigPrediction &p = run.configs.front();
        out += tr("\nper layer at batch %1, utilization %2%, %3 thread(s)\n")
                   .arg(p.config.batch)
                   .arg(p.config.utilization)
                   .arg(p.config.threads);
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(tr("layer").leftJustified(34), tr("op").leftJustified(14),
                        tr("module").leftJustified(36), tr("ms").rightJustified(9),
                        tr("share").rightJustified(6), tr("memory").rightJustified(10));
        const auto &blocks = run.predictor->blocks();
        for (size_t b = 0; b < blocks.size(); ++b) {
            const BlockPrediction &bp = p.blocks[b];
            const NetworkBlock &block = blocks[b];
            QString name = blockName(*run.graph, block);
            if (name.size() > 34)
                name = QStringLiteral("...") + name.right(31);
            out +=
                QStringLiteral("%1 %2 %3 %4 %5 %6%7\n")
                    .arg(name.leftJustified(34),
                         blockOps(*run.graph, block).left(14).leftJustified(14),
                         (block.module.isEmpty() ? QStringLiteral("-") : block.module)
                             .left(36)
                             .leftJustified(36))
                    .arg(bp.latencyMs.available
                             ? QString::number(bp.latencyMs.value, 'f', 4).rightJustified(9)
                             : QStringLiteral("-").rightJustified(9))
                    .arg(bp.latencyMs.available && p.latencyMs.value > 0
                             ? QString::number(100 * bp.latencyMs.value / p.latencyMs.value, 'f', 1)
                                   .rightJustified(6)
                             : QStringLiteral("-").rightJustified(6))
                    .arg(bp.memoryBytes.available
                             ? formatBytes(static_cast<int64_t>(bp.memoryBytes.value))
                                   .rightJustified(10)
                             : QStringLiteral("-").rightJustified(10))
                    .arg(bp.outOfDistribution ? tr("  out of distribution") : QString());
        }
    }
    int unmodelled = 0;
    QStringList ops;
    for (const NetworkBlock &b : run.predictor->blocks()) {
        if (!b.module.isEmpty())
            continue;
        unmodelled += static_cast<int>(b.nodes.size());
        const QString op = blockOps(*run.graph, b);
        if (!ops.contains(op))
            ops.append(op);
    }
    if (unmodelled > 0)
        out += tr("%1 layer(s) without a model, counted at the per-operator overhead only: %2\n")
                   .arg(unmodelled)
                   .arg(ops.join(QStringLiteral(", ")));
    // Layers a module of another operator predicts (a grouped Conv by the
    // dense one, a Mul by add), by operator.
    std::map<QString, int> standIns;
    for (const NetworkBlock &b : run.predictor->blocks()) {
        if (!b.approximation.isEmpty() && b.costOperator.isEmpty())
            ++standIns[blockOps(*run.graph, b)];
    }
    if (!standIns.empty()) {
        QStringList parts;
        int count = 0;
        for (const auto &[op, n] : standIns) {
            parts.append(QStringLiteral("%1 %2").arg(op).arg(n));
            count += n;
        }
        out += tr("%1 layer(s) predicted by the module of another operator (%2; --format json "
                  "gives each one's \"approximation\")\n")
                   .arg(count)
                   .arg(parts.join(QStringLiteral(", ")));
    }
    if (!run.configs.empty() && run.configs.front().outOfDistributionBlocks > 0)
        out += tr("%1 layer(s) outside the configurations their model was trained on "
                  "(--per-layer shows which)\n")
                   .arg(run.configs.front().outOfDistributionBlocks);
    if (!run.configs.empty() && !run.configs.front().energyJ.available)
        out += tr("energy: unavailable (the profiled device had no energy sensor)\n");
    out += tr("interval: %1; overhead %2 ms per operator (%3)\n")
               .arg(intervalMethod(profile))
               .arg(profile.opOverheadMs, 0, 'g', 3)
               .arg(profile.opOverheadSource.isEmpty() ? tr("not calibrated")
                                                       : profile.opOverheadSource);
    if (run.speedRatio != 1)
        out += tr("latencies scaled by x%1: this machine's speed against the profile's at "
                  "calibration (--speed-ratio)\n")
                   .arg(run.speedRatio, 0, 'f', 3);
    out += tr("predicted in %1 us\n").arg(run.predictMicros, 0, 'f', 0);
    return out;
}

QString predictionToCsv(const PredictionRun &run)
{
    QString out = QStringLiteral("batch,utilization,threads,layer,op,module,latency_ms,"
                                 "latency_ms_low,latency_ms_high,memory_bytes,energy_j,"
                                 "out_of_distribution\n");
    auto quoted = [](QString s) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    auto number = [](const MetricPrediction &m) {
        return m.available ? QString::number(m.value, 'g', 8) : QString();
    };
    const auto &blocks = run.predictor->blocks();
    for (const ConfigPrediction &p : run.configs) {
        for (size_t b = 0; b < blocks.size(); ++b) {
            const BlockPrediction &bp = p.blocks[b];
            out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12\n")
                       .arg(p.config.batch)
                       .arg(p.config.utilization)
                       .arg(p.config.threads)
                       .arg(quoted(blockName(*run.graph, blocks[b])),
                            quoted(blockOps(*run.graph, blocks[b])), blocks[b].module,
                            number(bp.latencyMs),
                            bp.latencyMs.available ? QString::number(bp.latencyMs.low, 'g', 8)
                                                   : QString(),
                            bp.latencyMs.available ? QString::number(bp.latencyMs.high, 'g', 8)
                                                   : QString(),
                            number(bp.memoryBytes), number(bp.energyJ),
                            bp.outOfDistribution ? QStringLiteral("1") : QStringLiteral("0"));
        }
    }
    return out;
}

} // namespace layerlens::core
