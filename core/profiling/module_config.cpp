#include "profiling/module_config.h"

#include "graph/onnx_loader.h"
#include "profiling/model_writer.h"

#include <onnx/onnx_pb.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <random>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Appends the fused operators; returns the final output name.
std::string appendThen(ModelWriter &w, const QStringList &then, std::string current)
{
    for (int i = 0; i < then.size(); ++i) {
        const std::string next = "fused" + std::to_string(i);
        if (then[i] == QLatin1String("Clip")) {
            w.constant("clip_min", {}, {0.0f});
            w.constant("clip_max", {}, {6.0f});
            w.node("Clip", {current, "clip_min", "clip_max"}, next);
        } else {
            w.node(then[i].toStdString(), {current}, next);
        }
        current = next;
    }
    return current;
}

int64_t param(const ModuleConfig &c, const char *key)
{
    const auto it = c.params.find(QString::fromLatin1(key));
    return it == c.params.end() ? 0 : it->second;
}

uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// A window operator's kernel: its attribute, or for a Conv without one the
// weight's trailing dimensions, from which ONNX infers it.
std::optional<std::vector<int64_t>> kernelShape(const Graph &graph, const Node &node)
{
    if (auto kernel = node.attrInts(QStringLiteral("kernel_shape")))
        return kernel;
    if (node.opType != QLatin1String("Conv") || node.inputs.size() < 2 || node.inputs[1] < 0)
        return std::nullopt;
    const Shape &w = graph.tensors[node.inputs[1]].shape;
    if (!w.isConcrete() || w.dims.size() < 3)
        return std::nullopt;
    return std::vector<int64_t>(w.dims.begin() + 2, w.dims.end());
}

// Module parameters of a 2-D window operator (Conv, pooling) on a 4-D input:
// batch, channels, size, kernel, stride. nullopt unless the kernel is square,
// since a module has one kernel size.
std::optional<std::map<QString, int64_t>>
windowParams(const Node &node, const std::optional<std::vector<int64_t>> &kernel,
             const std::vector<int64_t> &in)
{
    const auto strides = node.attrInts(QStringLiteral("strides"));
    if (!kernel || kernel->size() != 2 || (*kernel)[0] != (*kernel)[1])
        return std::nullopt;
    return std::map<QString, int64_t>{{QStringLiteral("batch"), in[0]},
                                      {QStringLiteral("in_channels"), in[1]},
                                      {QStringLiteral("size"), in[2]},
                                      {QStringLiteral("kernel"), (*kernel)[0]},
                                      {QStringLiteral("stride"), strides ? (*strides)[0] : 1}};
}

// A convolution with a non-square kernel (Inception's 1x7 and 7x1) as the
// 1x1 convolution over kernel-taps times the input channels that computes
// it (its im2col product: the same multiply-adds and weights). nullopt for a
// square kernel, dilation, unequal strides or groups.
std::optional<std::map<QString, int64_t>>
pointwiseStandIn(const Node &node, const std::optional<std::vector<int64_t>> &kernel,
                 const std::vector<int64_t> &in, int64_t *taps)
{
    const auto strides = node.attrInts(QStringLiteral("strides"));
    const auto dilations = node.attrInts(QStringLiteral("dilations"));
    if (!kernel || kernel->size() != 2 || (*kernel)[0] == (*kernel)[1] ||
        node.attrInt(QStringLiteral("group"), 1) != 1 ||
        (strides && (strides->size() != 2 || (*strides)[0] != (*strides)[1])) ||
        (dilations &&
         std::any_of(dilations->begin(), dilations->end(), [](int64_t d) { return d != 1; })))
        return std::nullopt;
    *taps = (*kernel)[0] * (*kernel)[1];
    return std::map<QString, int64_t>{{QStringLiteral("batch"), in[0]},
                                      {QStringLiteral("in_channels"), in[1] * *taps},
                                      {QStringLiteral("size"), in[2]},
                                      {QStringLiteral("kernel"), 1},
                                      {QStringLiteral("stride"), strides ? (*strides)[0] : 1}};
}

// Whether a ReduceMean of a 4-D tensor reduces exactly its two spatial axes
// (2 and 3, or -2 and -1; an attribute up to opset 17, the newest loaded).
bool reducesSpatialAxes(const Node &node)
{
    const std::optional<std::vector<int64_t>> axes = node.attrInts(QStringLiteral("axes"));
    if (!axes || axes->size() != 2)
        return false;
    std::vector<int64_t> positive;
    for (int64_t a : *axes)
        positive.push_back(a < 0 ? a + 4 : a);
    std::sort(positive.begin(), positive.end());
    return positive == std::vector<int64_t>{2, 3};
}

} // namespace

QJsonObject moduleParamsToJson(const std::map<QString, int64_t> &params)
{
    QJsonObject o;
    for (const auto &[k, v] : params)
        o.insert(k, static_cast<qint64>(v));
    return o;
}

std::unique_ptr<Graph> buildModuleGraph(const ModuleSpec &module, const ModuleConfig &c,
                                        QString *error)
{
    ModelWriter w(mix(static_cast<uint64_t>(qHash(module.name))));
    const QString &op = module.op;
    const int64_t batch = param(c, "batch");
    const int64_t inC = param(c, "in_channels");
    const int64_t size = param(c, "size");
    std::string out = "y";
    if (op == QLatin1String("Conv")) {
        const int64_t k = param(c, "kernel"), s = param(c, "stride");
        const int64_t outC = module.depthwise ? inC : param(c, "out_channels");
        const int64_t pad = (k - 1) / 2;
        if (size + 2 * pad < k) {
            *error = tr("kernel %1 exceeds the padded input %2").arg(k).arg(size + 2 * pad);
            return nullptr;
        }
        w.input("x", {batch, inC, size, size});
        w.weight("w", {outC, module.depthwise ? 1 : inC, k, k});
        w.weight("b", {outC});
        auto *n = w.node("Conv", {"x", "w", "b"}, "y");
        ModelWriter::ints(n, "kernel_shape", {k, k});
        ModelWriter::ints(n, "strides", {s, s});
        ModelWriter::ints(n, "pads", {pad, pad, pad, pad});
        if (module.depthwise)
            ModelWriter::integer(n, "group", inC);
    } else if (op == QLatin1String("MaxPool") || op == QLatin1String("AveragePool")) {
        const int64_t k = param(c, "kernel"), s = param(c, "stride");
        const int64_t pad = k == 3 ? 1 : 0;
        if (size + 2 * pad < k) {
            *error = tr("kernel %1 exceeds the padded input %2").arg(k).arg(size + 2 * pad);
            return nullptr;
        }
        w.input("x", {batch, inC, size, size});
        auto *n = w.node(op.toStdString(), {"x"}, "y");
        ModelWriter::ints(n, "kernel_shape", {k, k});
        ModelWriter::ints(n, "strides", {s, s});
        ModelWriter::ints(n, "pads", {pad, pad, pad, pad});
    } else if (op == QLatin1String("Gemm")) {
        w.input("x", {batch, param(c, "in_features")});
        w.weight("w", {param(c, "out_features"), param(c, "in_features")});
        w.weight("b", {param(c, "out_features")});
        ModelWriter::integer(w.node("Gemm", {"x", "w", "b"}, "y"), "transB", 1);
    } else if (op == QLatin1String("MatMul")) {
        const int64_t h = param(c, "heads"), t = param(c, "tokens"), d = param(c, "head_dim");
        w.input("q", {batch, h, t, d});
        w.input("k", {batch, h, d, t});
        w.node("MatMul", {"q", "k"}, "y");
    } else if (op == QLatin1String("Softmax")) {
        w.input("x", {batch, param(c, "rows"), param(c, "cols")});
        ModelWriter::integer(w.node("Softmax", {"x"}, "y"), "axis", -1);
    } else if (op == QLatin1String("LayerNormalization")) {
        const int64_t dim = param(c, "dim");
        w.input("x", {batch, param(c, "tokens"), dim});
        w.weight("scale", {dim}, 1.0f);
        w.weight("bias", {dim});
        ModelWriter::integer(w.node("LayerNormalization", {"x", "scale", "bias"}, "y"), "axis", -1);
    } else if (op == QLatin1String("Concat")) {
        std::vector<std::string> inputs;
        for (int64_t i = 0; i < param(c, "inputs"); ++i) {
            inputs.push_back("x" + std::to_string(i));
            w.input(inputs.back(), {batch, inC, size, size});
        }
        ModelWriter::integer(w.node("Concat", inputs, "y"), "axis", 1);
    } else if (op == QLatin1String("Add") || op == QLatin1String("Mul")) {
        w.input("a", {batch, inC, size, size});
        w.input("b", {batch, inC, size, size});
        w.node(op.toStdString(), {"a", "b"}, "y");
    } else {
        w.input("x", {batch, inC, size, size});
        if (op == QLatin1String("Clip")) {
            w.constant("lo", {}, {0.0f});
            w.constant("hi", {}, {6.0f});
            w.node("Clip", {"x", "lo", "hi"}, "y");
        } else {
            w.node(op.toStdString(), {"x"}, "y");
        }
    }
    out = appendThen(w, module.then, out);
    w.output(out);
    OnnxLoader loader;
    LoadOptions options;
    auto graph = loader.loadModel(w.model(), module.name, options);
    if (!graph)
        *error = loader.errorString();
    return graph;
}

std::optional<ModuleMatch> matchModule(const Graph &graph, int nodeIndex, const ProfilingSpec &spec)
{
    auto dims = [&](int t) -> const std::vector<int64_t> * {
        return t >= 0 && graph.tensors[t].shape.isConcrete() ? &graph.tensors[t].shape.dims
                                                             : nullptr;
    };
    const Node &node = graph.nodes[nodeIndex];
    if (node.folded || node.inputs.empty() || node.outputs.empty())
        return std::nullopt;
    const auto *in = dims(node.inputs[0]);
    const auto *out = dims(node.outputs[0]);
    if (!in || !out)
        return std::nullopt;
    // The nodes after this one that the runtime fuses into it: a
    // BatchNormalization folded into a Conv, then the operator that reads the
    // result, if it is its only reader.
    std::vector<int> chain{nodeIndex};
    auto soleConsumer = [&](int n) -> int {
        const Tensor &result = graph.tensors[graph.nodes[n].outputs[0]];
        if (result.consumers.size() != 1 ||
            graph.outputs.end() !=
                std::find(graph.outputs.begin(), graph.outputs.end(), graph.nodes[n].outputs[0]))
            return -1;
        return graph.nodes[result.consumers[0]].folded ? -1 : result.consumers[0];
    };
    int nextNode = soleConsumer(nodeIndex);
    if (node.opType == QLatin1String("Conv") && nextNode >= 0 &&
        graph.nodes[nextNode].opType == QLatin1String("BatchNormalization")) {
        chain.push_back(nextNode);
        nextNode = soleConsumer(nextNode);
    }
    const QString next = nextNode >= 0 ? graph.nodes[nextNode].opType : QString();
    std::map<QString, int64_t> p;
    QString moduleOp = node.opType; // the operator of the spec module it is
    bool depthwise = false;
    int64_t groups = 1;
    int64_t kernelTaps = 1;
    if (node.opType == QLatin1String("Conv") && in->size() == 4) {
        const auto kernel = kernelShape(graph, node);
        auto window = windowParams(node, kernel, *in);
        const int64_t group = node.attrInt(QStringLiteral("group"), 1);
        if (!window)
            window = pointwiseStandIn(node, kernel, *in, &kernelTaps);
        if (!window)
            return std::nullopt;
        depthwise = group > 1 && group == (*in)[1] && group == (*out)[1];
        if (group > 1 && !depthwise) {
            if ((*in)[1] % group != 0 || (*out)[1] % group != 0)
                return std::nullopt;
            groups = group;
        }
        p = std::move(*window);
        if (!depthwise)
            p[QStringLiteral("out_channels")] = (*out)[1] / groups;
    } else if ((node.opType == QLatin1String("MaxPool") ||
                node.opType == QLatin1String("AveragePool")) &&
               in->size() == 4) {
        auto window = windowParams(node, kernelShape(graph, node), *in);
        if (!window)
            return std::nullopt;
        p = std::move(*window);
        moduleOp = QStringLiteral("MaxPool"); // the same window walk
    } else if (node.opType == QLatin1String("Gemm") && in->size() == 2) {
        p = {{QStringLiteral("batch"), (*in)[0]},
             {QStringLiteral("in_features"), (*in)[1]},
             {QStringLiteral("out_features"), (*out)[1]}};
    } else if (node.opType == QLatin1String("MatMul") && node.inputs.size() == 2 &&
               node.inputs[1] >= 0 && graph.tensors[node.inputs[1]].isConstant() &&
               dims(node.inputs[1]) && dims(node.inputs[1])->size() == 2 && in->size() >= 2) {
        // A MatMul by a weight matrix is a linear layer (a Gemm without bias)
        // over every leading position: tokens, or pixels in channels-last
        // networks.
        int64_t rows = 1;
        for (size_t i = 0; i + 1 < in->size(); ++i)
            rows *= (*in)[i];
        p = {{QStringLiteral("batch"), rows},
             {QStringLiteral("in_features"), in->back()},
             {QStringLiteral("out_features"), out->back()}};
        moduleOp = QStringLiteral("Gemm");
    } else if (node.opType == QLatin1String("MatMul") && in->size() == 4 && out->size() == 4) {
        p = {{QStringLiteral("batch"), (*in)[0]},
             {QStringLiteral("heads"), (*in)[1]},
             {QStringLiteral("tokens"), (*in)[2]},
             {QStringLiteral("head_dim"), (*in)[3]}};
    } else if (node.opType == QLatin1String("Softmax") && in->size() >= 2) {
        int64_t rows = 1;
        for (size_t i = 1; i + 1 < in->size(); ++i)
            rows *= (*in)[i];
        p = {{QStringLiteral("batch"), (*in)[0]},
             {QStringLiteral("rows"), rows},
             {QStringLiteral("cols"), in->back()}};
    } else if (node.opType == QLatin1String("LayerNormalization") && in->size() == 3) {
        p = {{QStringLiteral("batch"), (*in)[0]},
             {QStringLiteral("tokens"), (*in)[1]},
             {QStringLiteral("dim"), (*in)[2]}};
    } else if (in->size() == 4 &&
               (node.opType == QLatin1String("Concat") ||
                moduleParameters(node.opType, false) ==
                    moduleParameters(QStringLiteral("Relu"), false) ||
                (node.opType == QLatin1String("ReduceMean") && reducesSpatialAxes(node)))) {
        p = {{QStringLiteral("batch"), (*in)[0]},
             {QStringLiteral("in_channels"), (*in)[1]},
             {QStringLiteral("size"), (*in)[2]}};
        // The mean over the spatial axes (ShuffleNet's pooling) is a global
        // average pool: the executor runs both as the same ATen mean.
        if (node.opType == QLatin1String("ReduceMean"))
            moduleOp = QStringLiteral("GlobalAveragePool");
        if (node.opType == QLatin1String("Concat"))
            p[QStringLiteral("inputs")] = static_cast<int64_t>(node.inputs.size());
    } else {
        return std::nullopt;
    }
    // The spec module this node is: same operator and kind, fused operators
    // matching what follows it (the plain module otherwise).
    const ModuleSpec *match = nullptr;
    bool fused = false;
    for (const ModuleSpec &m : spec.modules) {
        if (m.op != moduleOp || m.depthwise != depthwise)
            continue;
        if (m.then.isEmpty() && !match) {
            match = &m;
        } else if (m.then.size() == 1 && m.then[0] == next) {
            match = &m;
            fused = true;
        }
    }
    if (!match)
        return std::nullopt;
    if (fused)
        chain.push_back(nextNode);
    ModuleMatch result;
    result.config.module = match->name;
    result.config.params = std::move(p);
    result.nodes = std::move(chain); // the source is the caller's to name
    result.groups = groups;
    result.kernelTaps = kernelTaps;
    return result;
}

std::vector<ModuleConfig> harvestConfigs(const Graph &graph, const ProfilingSpec &spec)
{
    std::vector<ModuleConfig> found;
    const QString network = QFileInfo(graph.path).completeBaseName();
    for (int n = 0; n < static_cast<int>(graph.nodes.size()); ++n) {
        // A stand-in configuration (grouped or non-square kernel) is not the layer.
        if (auto match = matchModule(graph, n, spec);
            match && match->groups == 1 && match->kernelTaps == 1) {
            match->config.source =
                QStringLiteral("harvest:%1/%2").arg(network, graph.nodes[n].name);
            found.push_back(std::move(match->config));
        }
    }
    return found;
}

ModuleConfig sampleConfig(const ProfilingSpec &spec,
                          const std::map<QString, std::vector<ModuleConfig>> &harvested,
                          int64_t seq)
{
    std::mt19937_64 rng(mix(spec.seed * 0x100000001b3ull + static_cast<uint64_t>(seq)));
    const ModuleSpec &module = spec.modules[static_cast<size_t>(seq) % spec.modules.size()];
    ModuleConfig config;
    const auto pool = harvested.find(module.name);
    const bool harvest = pool != harvested.end() && !pool->second.empty() &&
                         std::uniform_real_distribution<double>(0, 1)(rng) < spec.harvestShare;
    if (harvest) {
        config =
            pool->second[std::uniform_int_distribution<size_t>(0, pool->second.size() - 1)(rng)];
    } else {
        config.module = module.name;
        config.source = QStringLiteral("random");
        for (const auto &[name, range] : module.params)
            config.params[name] = range.sample(rng);
    }
    config.threads =
        spec.threads[std::uniform_int_distribution<size_t>(0, spec.threads.size() - 1)(rng)];
    config.utilization = spec.utilization[std::uniform_int_distribution<size_t>(
        0, spec.utilization.size() - 1)(rng)];
    return config;
}

} // namespace layerlens::core
