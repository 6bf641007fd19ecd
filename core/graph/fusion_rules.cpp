#include "graph/fusion_rules.h"

namespace layerlens::core {

const std::vector<FusionRule> &executorFusionRules()
{
    static const std::vector<FusionRule> rules = {
        {QStringLiteral("conv_batchnorm"),
         {QStringLiteral("Conv"), QStringLiteral("BatchNormalization")},
         QStringLiteral("BatchNormalization folded into the convolution's weights and bias")},
        {QStringLiteral("inplace_activation"),
         {QStringLiteral("*"), QStringLiteral("Relu|LeakyRelu|Sigmoid|Tanh|Clip")},
         QStringLiteral("activation applied in place on its producer's output, no new buffer")},
        {QStringLiteral("channel_shuffle"),
         {QStringLiteral("Reshape"), QStringLiteral("Transpose"), QStringLiteral("Reshape")},
         QStringLiteral("a channel shuffle (N,C,H,W -> N,g,C/g,H,W, swap g and C/g, back) "
                        "copied once, keeping its input's memory order (channels-last stays "
                        "channels-last)")},
    };
    return rules;
}

bool matchesPatternElement(const QString &element, const QString &opType)
{
    if (element == QLatin1String("*"))
        return true;
    return element.split(QLatin1Char('|')).contains(opType);
}

namespace {

// The node that alone reads t, when t is not a graph output; else -1.
int soleConsumer(const Graph &graph, int t)
{
    if (t < 0 || graph.tensors[t].consumers.size() != 1)
        return -1;
    for (int o : graph.outputs) {
        if (o == t)
            return -1;
    }
    return graph.tensors[t].consumers.front();
}

std::vector<int64_t> concreteDims(const Graph &graph, int t)
{
    return t >= 0 && graph.tensors[t].shape.isConcrete() ? graph.tensors[t].shape.dims
                                                         : std::vector<int64_t>{};
}

} // namespace

std::optional<ChannelShuffle> matchChannelShuffle(const Graph &graph, int transpose)
{
    const Node &t = graph.nodes[transpose];
    if (t.opType != QLatin1String("Transpose") || t.folded || t.inputs.empty() ||
        t.outputs.empty() ||
        t.attrInts(QStringLiteral("perm")) != std::vector<int64_t>{0, 2, 1, 3, 4})
        return std::nullopt;
    ChannelShuffle s;
    s.transpose = transpose;
    const int grouped = t.inputs[0];
    s.first = grouped >= 0 ? graph.tensors[grouped].producer : -1;
    s.last = soleConsumer(graph, t.outputs[0]);
    if (s.first < 0 || s.last < 0 || soleConsumer(graph, grouped) != transpose)
        return std::nullopt;
    const Node &first = graph.nodes[s.first], &last = graph.nodes[s.last];
    if (first.opType != QLatin1String("Reshape") || last.opType != QLatin1String("Reshape") ||
        first.folded || last.folded || first.inputs.empty() || last.outputs.empty())
        return std::nullopt;
    s.input = first.inputs[0];
    s.output = last.outputs[0];
    const auto in = concreteDims(graph, s.input), mid = concreteDims(graph, grouped),
               out = concreteDims(graph, s.output);
    if (in.size() != 4 || mid.size() != 5 || in != out || mid[0] != in[0] || mid[1] <= 0 ||
        mid[1] * mid[2] != in[1] || mid[3] != in[2] || mid[4] != in[3])
        return std::nullopt;
    s.groups = mid[1];
    return s;
}

} // namespace layerlens::core
