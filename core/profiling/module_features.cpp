#include "profiling/module_features.h"

#include <algorithm>
#include <cmath>

namespace layerlens::core {

double ModuleFeatures::arithmeticIntensity() const
{
    const double bytes = double(inputBytes + outputBytes + weightBytes);
    return bytes > 0 ? double(flops) / bytes : 0.0;
}

ModuleFeatures ModuleFeatures::scaled(double factor) const
{
    ModuleFeatures f = *this;
    const auto scale = [factor](int64_t v) {
        return static_cast<int64_t>(std::llround(v * factor));
    };
    f.macs = scale(macs);
    f.flops = scale(flops);
    f.inputBytes = scale(inputBytes);
    f.outputBytes = scale(outputBytes);
    f.peakActivationBytes = scale(peakActivationBytes);
    return f;
}

double ModuleFeatures::value(const QString &name) const
{
    if (name == QLatin1String("macs"))
        return double(macs);
    if (name == QLatin1String("flops"))
        return double(flops);
    if (name == QLatin1String("params"))
        return double(params);
    if (name == QLatin1String("weight_bytes"))
        return double(weightBytes);
    if (name == QLatin1String("input_bytes"))
        return double(inputBytes);
    if (name == QLatin1String("output_bytes"))
        return double(outputBytes);
    if (name == QLatin1String("peak_activation_bytes"))
        return double(peakActivationBytes);
    if (name == QLatin1String("arithmetic_intensity"))
        return arithmeticIntensity();
    return std::nan("");
}

QJsonObject ModuleFeatures::toJson() const
{
    return QJsonObject{
        {QStringLiteral("macs"), static_cast<qint64>(macs)},
        {QStringLiteral("flops"), static_cast<qint64>(flops)},
        {QStringLiteral("params"), static_cast<qint64>(params)},
        {QStringLiteral("weight_bytes"), static_cast<qint64>(weightBytes)},
        {QStringLiteral("input_bytes"), static_cast<qint64>(inputBytes)},
        {QStringLiteral("output_bytes"), static_cast<qint64>(outputBytes)},
        {QStringLiteral("peak_activation_bytes"), static_cast<qint64>(peakActivationBytes)},
        {QStringLiteral("arithmetic_intensity"), arithmeticIntensity()}};
}

ModuleFeatures moduleGraphFeatures(const Graph &graph, const NetworkAnalysis &analysis)
{
    ModuleFeatures f;
    for (int t : graph.inputs)
        f.inputBytes += std::max<int64_t>(graph.tensors[t].byteSize(), 0);
    for (int t : graph.outputs)
        f.outputBytes += std::max<int64_t>(graph.tensors[t].byteSize(), 0);
    const AnalysisTotals &t = analysis.totals;
    f.macs = t.macs;
    f.flops = t.flops;
    f.params = t.params;
    f.weightBytes = t.weightBytes;
    f.peakActivationBytes = t.peakActivationBytes;
    return f;
}

bool blockFeatures(const Graph &graph, const NetworkAnalysis &analysis,
                   const std::vector<int> &nodes, ModuleFeatures *out)
{
    ModuleFeatures f;
    if (nodes.empty())
        return false;
    f.inputBytes = analysis.layers[nodes.front()].inputBytes;
    f.outputBytes = analysis.layers[nodes.back()].outputBytes;
    if (f.inputBytes < 0 || f.outputBytes < 0)
        return false;
    // Liveness along the chain: each node holds its input and its output;
    // the block's input is freed once the first node has read it.
    int64_t in = f.inputBytes;
    for (int n : nodes) {
        const LayerAnalysis &l = analysis.layers[n];
        if (!l.costKnown || l.outputBytes < 0)
            return false;
        f.macs += l.macs;
        f.flops += l.flops;
        f.params += l.params;
        f.weightBytes += l.weightBytes;
        f.peakActivationBytes = std::max(f.peakActivationBytes, in + l.outputBytes);
        in = l.outputBytes;
    }
    (void)graph;
    *out = f;
    return true;
}

} // namespace layerlens::core
