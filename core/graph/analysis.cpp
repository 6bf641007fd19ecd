#include "graph/analysis.h"

#include <QCoreApplication>

#include <map>
#include <set>

namespace layerlens::core {

namespace {

// A constant in input `index` is a weight unless the operator declares that
// input as configuration (shape, axes, bounds).
bool isWeightInput(const OpEntry *entry, int index)
{
    return !entry || !entry->configInputs.count(index);
}

void measureBytes(const Graph &graph, const Node &node, LayerAnalysis *layer)
{
    int64_t in = 0;
    bool inKnown = true;
    std::set<int> seen;
    for (int t : node.inputs) {
        if (t < 0 || !seen.insert(t).second || graph.tensors[t].isConstant())
            continue;
        const int64_t bytes = graph.tensors[t].byteSize();
        inKnown = inKnown && bytes >= 0;
        in += std::max<int64_t>(bytes, 0);
    }
    int64_t out = 0;
    bool outKnown = true;
    for (int t : node.outputs) {
        if (t < 0)
            continue;
        const int64_t bytes = graph.tensors[t].byteSize();
        outKnown = outKnown && bytes >= 0;
        out += std::max<int64_t>(bytes, 0);
    }
    layer->inputBytes = inKnown ? in : -1;
    layer->outputBytes = outKnown ? out : -1;
}

} // namespace

std::vector<int64_t> liveActivationBytes(const Graph &graph, bool *complete)
{
    *complete = true;
    const int count = static_cast<int>(graph.nodes.size());
    std::vector<bool> pinned(graph.tensors.size(), false);
    for (int t : graph.outputs)
        pinned[t] = true;
    // Last run-time reader of each tensor.
    std::vector<int> lastUse(graph.tensors.size(), -1);
    for (int n = 0; n < count; ++n) {
        const Node &node = graph.nodes[n];
        if (node.folded)
            continue;
        for (int t : node.inputs) {
            if (t >= 0)
                lastUse[t] = n;
        }
        for (int t : node.implicitInputs)
            lastUse[t] = n;
    }
    auto sizeOf = [&](int t) {
        const int64_t bytes = graph.tensors[t].byteSize();
        if (bytes < 0 && graph.tensors[t].isTensor)
            *complete = false;
        return std::max<int64_t>(bytes, 0);
    };
    int64_t live = 0;
    for (int t : graph.inputs)
        live += sizeOf(t);
    std::vector<int64_t> during(count, -1);
    std::vector<std::vector<int>> freeAfter(count);
    for (size_t t = 0; t < graph.tensors.size(); ++t) {
        const Tensor &tensor = graph.tensors[t];
        if (tensor.isConstant() || pinned[t])
            continue;
        const int last = lastUse[t];
        if (last >= 0)
            freeAfter[last].push_back(static_cast<int>(t));
        else if (tensor.producer >= 0 && !graph.nodes[tensor.producer].folded)
            freeAfter[tensor.producer].push_back(static_cast<int>(t)); // written, never read
    }
    for (int n = 0; n < count; ++n) {
        const Node &node = graph.nodes[n];
        if (node.folded)
            continue;
        for (int t : node.outputs) {
            if (t >= 0)
                live += sizeOf(t);
        }
        during[n] = live;
        for (int t : freeAfter[n])
            live -= std::max<int64_t>(graph.tensors[t].byteSize(), 0);
    }
    return during;
}

int64_t computePeakActivationBytes(const Graph &graph, bool *complete)
{
    int64_t peak = 0;
    for (int t : graph.inputs)
        peak += std::max<int64_t>(graph.tensors[t].byteSize(), 0);
    for (int64_t live : liveActivationBytes(graph, complete))
        peak = std::max(peak, live);
    return peak;
}

NetworkAnalysis analyzeNetwork(const Graph &graph, const OpTable &table)
{
    NetworkAnalysis result;
    result.issues = graph.issues;
    AnalysisTotals &totals = result.totals;
    std::map<QString, QStringList> unsupported;
    std::set<int> constantWeights; // Constant-node tensors in weight positions

    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        const Node &node = graph.nodes[n];
        LayerAnalysis layer;
        layer.node = static_cast<int>(n);
        const OpEntry *entry = table.find(node.domain, node.opType);
        if (entry)
            layer.category = entry->category;
        measureBytes(graph, node, &layer);
        if (node.folded) {
            // Evaluated at load time: no run-time cost, nothing read at run time.
            layer.supported = true;
            layer.costKnown = true;
            layer.inputBytes = 0;
            layer.outputBytes = 0;
            ++totals.foldedLayers;
            result.layers.push_back(layer);
            continue;
        }
        ++totals.layers;
        // Weights read, each counted once per layer.
        std::set<int> weightsRead;
        std::set<int> constantsRead;
        for (int i = 0; i < static_cast<int>(node.inputs.size()); ++i) {
            const int t = node.inputs[i];
            if (t < 0 || !graph.tensors[t].isConstant() || !isWeightInput(entry, i))
                continue;
            const Tensor &tensor = graph.tensors[t];
            if (tensor.weight >= 0)
                weightsRead.insert(tensor.weight);
            else
                constantsRead.insert(t);
        }
        for (int w : weightsRead) {
            layer.params += graph.weights[w].elements;
            layer.weightBytes += graph.weights[w].bytes;
        }
        for (int t : constantsRead) {
            const int64_t elements = std::max<int64_t>(graph.tensors[t].shape.elementCount(), 0);
            layer.params += elements;
            layer.weightBytes += std::max<int64_t>(graph.tensors[t].byteSize(), 0);
            constantWeights.insert(t);
        }
        layer.supported = entry != nullptr;
        if (entry && entry->cost) {
            const std::optional<OpCost> cost = entry->cost(OpView(graph, node));
            if (cost) {
                layer.costKnown = true;
                layer.macs = cost->macs;
                layer.flops = cost->flops;
                totals.macs += cost->macs;
                totals.flops += cost->flops;
            }
        }
        if (!entry)
            unsupported[node.qualifiedOpType()].append(node.name);
        if (!layer.costKnown)
            ++totals.unknownCostLayers;
        if (layer.costKnown && layer.inputBytes >= 0 && layer.outputBytes >= 0) {
            const int64_t bytes = layer.inputBytes + layer.weightBytes + layer.outputBytes;
            if (bytes > 0)
                layer.arithmeticIntensity = static_cast<double>(layer.flops) / bytes;
        }
        result.layers.push_back(layer);
    }

    totals.params = graph.weightElements();
    totals.weightBytes = graph.weightBytes();
    for (int t : constantWeights) {
        totals.params += std::max<int64_t>(graph.tensors[t].shape.elementCount(), 0);
        totals.weightBytes += std::max<int64_t>(graph.tensors[t].byteSize(), 0);
    }
    bool peakComplete = true;
    totals.peakActivationBytes = computePeakActivationBytes(graph, &peakComplete);
    totals.complete = totals.unknownCostLayers == 0 && peakComplete;

    for (auto &[op, nodes] : unsupported) {
        result.unsupported.push_back({op, nodes});
        result.issues.push_back(
            {Severity::Error,
             QCoreApplication::translate("Analysis",
                                         "operator %1 is not supported: %n node(s) have no "
                                         "cost, and the totals leave them out",
                                         nullptr, static_cast<int>(nodes.size()))
                 .arg(op),
             nodes.first()});
    }
    const int unknownShapes = totals.unknownCostLayers - [&] {
        int n = 0;
        for (const auto &u : result.unsupported)
            n += static_cast<int>(u.nodes.size());
        return n;
    }();
    if (unknownShapes > 0) {
        result.issues.push_back(
            {Severity::Warning,
             QCoreApplication::translate("Analysis",
                                         "%n supported layer(s) have no cost because their "
                                         "shapes are not known; the totals leave them out",
                                         nullptr, unknownShapes),
             QString()});
    }
    std::set<int> used;
    for (const Tensor &t : graph.tensors) {
        if (t.weight >= 0 && !t.consumers.empty())
            used.insert(t.weight);
    }
    const int unused = static_cast<int>(graph.weights.size() - used.size());
    if (unused > 0) {
        result.issues.push_back(
            {Severity::Info,
             QCoreApplication::translate("Analysis",
                                         "%n initializer(s) are not read by any node; they "
                                         "still count in the parameter total",
                                         nullptr, unused),
             QString()});
    }
    return result;
}

} // namespace layerlens::core
