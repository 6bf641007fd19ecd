#include "runtime/executor.h"

#include "devices/blas_kernels.h"
#include "graph/fusion_rules.h"
#include "runtime/allocation_tracker.h"
#include "runtime/aten_convert.h"

#include <ATen/Parallel.h>

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <dlfcn.h>

#include <atomic>
#include <map>
#include <stdexcept>

namespace layerlens::core {

namespace {

// Operators whose output is a fresh buffer nobody else sees, so an
// activation may overwrite it in place. View-producing operators (Reshape,
// Identity, ...) are not here: writing through a view would corrupt its source.
const QSet<QString> &freshBufferOps()
{
    static const QSet<QString> ops = {
        QStringLiteral("Conv"),
        QStringLiteral("ConvTranspose"),
        QStringLiteral("Gemm"),
        QStringLiteral("MatMul"),
        QStringLiteral("Add"),
        QStringLiteral("Sub"),
        QStringLiteral("Mul"),
        QStringLiteral("Div"),
        QStringLiteral("BatchNormalization"),
        QStringLiteral("InstanceNormalization"),
        QStringLiteral("Concat"),
        QStringLiteral("MaxPool"),
        QStringLiteral("AveragePool"),
        QStringLiteral("GlobalAveragePool"),
    };
    return ops;
}

at::Tensor applyInPlace(at::Tensor x, const KernelContext &c)
{
    const QString &op = c.node.opType;
    if (op == QLatin1String("Relu"))
        return x.relu_();
    if (op == QLatin1String("LeakyRelu"))
        return at::leaky_relu_(x, c.attrFloat("alpha", 0.01));
    if (op == QLatin1String("Sigmoid"))
        return x.sigmoid_();
    if (op == QLatin1String("Tanh"))
        return x.tanh_();
    // Clip
    c10::optional<at::Scalar> lo, hi;
    if (c.opset < 11) {
        if (c.node.attribute(QStringLiteral("min")))
            lo = c.attrFloat("min", 0.0);
        if (c.node.attribute(QStringLiteral("max")))
            hi = c.attrFloat("max", 0.0);
    } else {
        if (c.has(1))
            lo = c.in(1).item();
        if (c.has(2))
            hi = c.in(2).item();
    }
    return x.clamp_(lo, hi);
}

// ShuffleNet's channel shuffle as one copy into a buffer of x's memory
// order. Run as its three nodes, the Transpose copies into row-major order and
// every convolution after it runs on NCHW input, which LibTorch 1.13's
// depthwise kernel takes 5-10x longer over than channels-last. ATen's copy of
// the permuted channels-last view runs its inner loop over the g groups (two
// floats in ShuffleNet) and takes 5x a plain copy; here each pixel's channels
// are interleaved directly.
at::Tensor channelShuffle(const at::Tensor &x, int64_t groups)
{
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t per = c / groups;
    if (x.scalar_type() == at::kFloat && x.is_contiguous(at::MemoryFormat::ChannelsLast)) {
        at::Tensor out = at::empty_like(x, x.options(), at::MemoryFormat::ChannelsLast);
        const float *src = x.data_ptr<float>();
        float *dst = out.data_ptr<float>();
        at::parallel_for(0, n * h * w, 16, [=](int64_t begin, int64_t end) {
            for (int64_t p = begin; p < end; ++p) {
                const float *in = src + p * c;
                float *o = dst + p * c;
                if (groups == 2) { // ShuffleNet's: a zip the compiler vectorizes
                    const float *a = in, *b = in + per;
                    for (int64_t j = 0; j < per; ++j) {
                        o[2 * j] = a[j];
                        o[2 * j + 1] = b[j];
                    }
                    continue;
                }
                for (int64_t j = 0; j < per; ++j) {
                    for (int64_t k = 0; k < groups; ++k)
                        o[j * groups + k] = in[k * per + j];
                }
            }
        });
        return out;
    }
    at::Tensor out = at::empty_like(x, x.options(), x.suggest_memory_format());
    out.view({n, per, groups, h, w})
        .copy_(x.reshape({n, groups, per, h, w}).permute({0, 2, 1, 3, 4}));
    return out;
}

bool isHalf(ElementType type)
{
    return type == ElementType::Float16 || type == ElementType::BFloat16;
}

} // namespace

void setComputeThreads(int threads)
{
    at::set_num_threads(std::max(threads, 1));
    // OpenBLAS keeps its own pool, which at::set_num_threads does not reach.
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
        QString error;
        const int blas = blasPoolSetting(&error);
        static std::atomic<bool> warned{false};
        if (!error.isEmpty() && !warned.exchange(true))
            qWarning("%s", qPrintable(error));
        set(blas);
    }
}

int blasThreads()
{
    using GetThreads = int (*)();
    auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return get ? get() : 0;
}

QString Executor::checkNode(const Node &node) const
{
    if (!node.domain.isEmpty())
        return tr("operators of domain %1 are not supported").arg(node.domain);
    const KernelEntry *kernel = KernelTable::builtin().find(node.opType);
    if (!kernel)
        return tr("no LibTorch kernel for this operator");
    const bool cast =
        node.opType == QLatin1String("Cast") || node.opType == QLatin1String("CastLike");
    std::vector<int> tensors(node.inputs);
    tensors.insert(tensors.end(), node.outputs.begin(), node.outputs.end());
    for (int t : tensors) {
        if (t < 0)
            continue;
        const Tensor &tensor = m_graph->tensors[t];
        if (!tensor.isTensor)
            return tr("sequence, map and optional values are not supported");
        if (tensor.type == ElementType::Undefined)
            continue;
        if (!scalarTypeOf(tensor.type))
            return tr("element type %1 has no LibTorch equivalent")
                .arg(elementTypeName(tensor.type));
        if (isHalf(tensor.type) && !cast)
            return tr("half-precision arithmetic is not supported on the CPU device");
    }
    if (!node.implicitInputs.empty())
        return tr("operators with subgraphs are not supported");
    return kernel->check ? kernel->check(*m_graph, node, m_graph->opset) : QString();
}

bool Executor::prepare(const Graph &graph, const ExecutorOptions &options)
{
    m_graph = &graph;
    m_options = options;
    m_steps.clear();
    m_unsupported.clear();
    m_fusions.clear();
    m_error.clear();
    setComputeThreads(options.threads);
    at::globalContext().setFlushDenormal(options.flushDenormals);
    allocation_tracker::install();
    allocation_tracker::setCaching(options.cacheBuffers);

    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        const Node &node = graph.nodes[n];
        if (node.folded)
            continue;
        const QString reason = checkNode(node);
        if (!reason.isEmpty()) {
            m_unsupported.push_back({node.name, node.qualifiedOpType(), reason});
            continue;
        }
        Step step;
        step.node = static_cast<int>(n);
        step.kernel = KernelTable::builtin().find(node.opType);
        step.outputs = node.outputs;
        m_steps.push_back(std::move(step));
    }
    if (!m_unsupported.empty()) {
        // One entry per operator and reason, in the graph's order: Swin-T's
        // 45 ScatterNDs named one by one made a message of 7,000 characters.
        struct Group
        {
            const UnsupportedNode *first;
            int count;
        };
        std::vector<Group> groups;
        QHash<QString, size_t> groupOf;
        for (const UnsupportedNode &u : m_unsupported) {
            const QString key = u.opType + QLatin1Char('\n') + u.reason;
            if (const auto it = groupOf.constFind(key); it != groupOf.constEnd()) {
                ++groups[*it].count;
                continue;
            }
            groupOf.insert(key, groups.size());
            groups.push_back({&u, 1});
        }
        QStringList parts;
        for (const Group &g : groups) {
            const UnsupportedNode &u = *g.first;
            parts.append(g.count == 1
                             ? QStringLiteral("'%1' (%2: %3)").arg(u.node, u.opType, u.reason)
                             : tr("%1 %2 nodes, the first '%3' (%4)")
                                   .arg(g.count)
                                   .arg(u.opType, u.node, u.reason));
        }
        m_error = tr("%1 node(s) cannot run on the LibTorch executor: %2")
                      .arg(m_unsupported.size())
                      .arg(parts.join(QStringLiteral("; ")));
        m_steps.clear();
        return false;
    }
    try {
        loadConstants();
        if (options.fuse) {
            fuseConvBatchNorm();
            fuseChannelShuffles();
            markInPlace();
        }
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
        m_steps.clear();
        return false;
    }
    planReleases();
    return true;
}

void Executor::loadConstants()
{
    const Graph &g = *m_graph;
    m_constants.assign(g.tensors.size(), at::Tensor());
    at::manual_seed(m_options.seed);
    std::map<int, int> weightTensor; // weight index -> its own tensor
    for (size_t t = 0; t < g.tensors.size(); ++t) {
        if (g.tensors[t].role == TensorRole::Weight)
            weightTensor[g.tensors[t].weight] = static_cast<int>(t);
    }
    for (size_t t = 0; t < g.tensors.size(); ++t) {
        const Tensor &tensor = g.tensors[t];
        if (tensor.role == TensorRole::Weight) {
            const Weight &w = g.weights[tensor.weight];
            const auto type = scalarTypeOf(w.type);
            if (!type)
                continue; // only an unsupported node could read it
            if (!w.data.empty() || w.bytes == 0) {
                m_constants[t] = tensorFromBytes(w.type, w.dims, w.data);
            } else if (at::isFloatingType(*type)) {
                m_constants[t] = at::randn(w.dims, at::kFloat).mul_(0.1).to(*type);
            } else {
                m_constants[t] = at::zeros(w.dims, at::TensorOptions().dtype(*type));
            }
        }
    }
    for (size_t t = 0; t < g.tensors.size(); ++t) {
        const Tensor &tensor = g.tensors[t];
        if (tensor.role != TensorRole::Constant || !scalarTypeOf(tensor.type))
            continue;
        if (tensor.value) {
            m_constants[t] = tensorFromValue(*tensor.value);
        } else if (tensor.weight >= 0) {
            m_constants[t] = m_constants[weightTensor.at(tensor.weight)];
        } else if (tensor.producer >= 0) {
            const Attribute *a = g.nodes[tensor.producer].attribute(QStringLiteral("value"));
            if (a && a->tensorBytes)
                m_constants[t] = tensorFromBytes(a->tensor->type, a->tensor->dims, *a->tensorBytes);
        }
        if (!m_constants[t].defined() && !tensor.consumers.empty()) {
            throw std::runtime_error(tr("the constant '%1' has no data LayerLens can use")
                                         .arg(tensor.name)
                                         .toStdString());
        }
    }
}

std::map<int, size_t> Executor::stepsByNode() const
{
    std::map<int, size_t> stepOfNode;
    for (size_t s = 0; s < m_steps.size(); ++s)
        stepOfNode[m_steps[s].node] = s;
    return stepOfNode;
}

void Executor::dropSteps(const std::vector<bool> &removed)
{
    std::vector<Step> kept;
    for (size_t s = 0; s < m_steps.size(); ++s) {
        if (!removed[s])
            kept.push_back(std::move(m_steps[s]));
    }
    m_steps = std::move(kept);
}

void Executor::fuseConvBatchNorm()
{
    const Graph &g = *m_graph;
    std::map<int, size_t> stepOfNode = stepsByNode();
    std::vector<bool> removed(m_steps.size(), false);
    auto constant = [&](const Node &n, size_t i) -> at::Tensor {
        return i < n.inputs.size() && n.inputs[i] >= 0 ? m_constants[n.inputs[i]] : at::Tensor();
    };
    for (size_t s = 0; s < m_steps.size(); ++s) {
        const Node &bn = g.nodes[m_steps[s].node];
        if (bn.opType != QLatin1String("BatchNormalization") || bn.inputs.empty())
            continue;
        const int t = bn.inputs[0];
        const Tensor &mid = g.tensors[t];
        if (mid.producer < 0 || mid.consumers.size() != 1 || !stepOfNode.count(mid.producer))
            continue;
        bool isOutput = false;
        for (int o : g.outputs)
            isOutput = isOutput || o == t;
        const Node &conv = g.nodes[mid.producer];
        const at::Tensor w = constant(conv, 1);
        if (isOutput || conv.opType != QLatin1String("Conv") || !w.defined() ||
            (conv.inputs.size() > 2 && conv.inputs[2] >= 0 && !constant(conv, 2).defined()))
            continue;
        const at::Tensor gamma = constant(bn, 1), beta = constant(bn, 2);
        const at::Tensor mean = constant(bn, 3), var = constant(bn, 4);
        if (!gamma.defined() || !beta.defined() || !mean.defined() || !var.defined())
            continue;
        const at::Tensor scale =
            gamma / at::sqrt(var + bn.attrFloat(QStringLiteral("epsilon"), 1e-5));
        std::vector<int64_t> shape(w.dim(), 1);
        shape[0] = -1;
        const at::Tensor bias = constant(conv, 2);
        Step &convStep = m_steps[stepOfNode[mid.producer]];
        convStep.outputs = bn.outputs;
        convStep.kernel = KernelTable::builtin().find(QStringLiteral("Conv"));
        m_overrides[convStep.node] = {
            w * scale.reshape(shape),
            ((bias.defined() ? bias : at::zeros_like(mean)) - mean) * scale + beta};
        removed[s] = true;
        m_fusions.append(QStringLiteral("conv_batchnorm: %1 + %2").arg(conv.name, bn.name));
    }
    dropSteps(removed);
}

void Executor::fuseChannelShuffles()
{
    const Graph &g = *m_graph;
    std::map<int, size_t> stepOfNode = stepsByNode();
    std::vector<bool> removed(m_steps.size(), false);
    for (size_t s = 0; s < m_steps.size(); ++s) {
        const auto shuffle = matchChannelShuffle(g, m_steps[s].node);
        if (!shuffle || !stepOfNode.count(shuffle->first) || !stepOfNode.count(shuffle->last))
            continue;
        const size_t first = stepOfNode[shuffle->first], last = stepOfNode[shuffle->last];
        if (removed[first] || removed[last])
            continue;
        Step &step = m_steps[s];
        step.inputs = {shuffle->input};
        step.outputs = {shuffle->output};
        step.shuffleGroups = shuffle->groups;
        removed[first] = removed[last] = true;
        m_fusions.append(QStringLiteral("channel_shuffle: %1 + %2 + %3")
                             .arg(g.nodes[shuffle->first].name, g.nodes[step.node].name,
                                  g.nodes[shuffle->last].name));
    }
    dropSteps(removed);
}

void Executor::markInPlace()
{
    const Graph &g = *m_graph;
    const QString activations = executorFusionRules()[1].pattern[1];
    std::vector<bool> isOutput(g.tensors.size(), false);
    for (int o : g.outputs)
        isOutput[o] = true;
    std::map<int, QString> producerOp; // tensor -> op of the step that writes it
    for (const Step &step : m_steps) {
        for (int t : step.outputs) {
            if (t >= 0)
                producerOp[t] = g.nodes[step.node].opType;
        }
    }
    for (Step &step : m_steps) {
        const Node &node = g.nodes[step.node];
        if (!matchesPatternElement(activations, node.opType) || node.inputs.empty())
            continue;
        const int t = node.inputs[0];
        const auto it = producerOp.find(t);
        if (t < 0 || isOutput[t] || g.tensors[t].consumers.size() != 1 || it == producerOp.end() ||
            !freshBufferOps().contains(it->second))
            continue;
        step.inPlace = true;
        m_fusions.append(QStringLiteral("inplace_activation: %1").arg(node.name));
    }
}

const std::vector<int> &Executor::inputsOf(const Step &step) const
{
    return step.inputs.empty() ? m_graph->nodes[step.node].inputs : step.inputs;
}

void Executor::planReleases()
{
    const Graph &g = *m_graph;
    std::vector<int> lastStep(g.tensors.size(), -1);
    for (size_t s = 0; s < m_steps.size(); ++s) {
        for (int t : inputsOf(m_steps[s])) {
            if (t >= 0)
                lastStep[t] = static_cast<int>(s);
        }
        for (int t : m_steps[s].outputs) {
            if (t >= 0 && lastStep[t] < static_cast<int>(s))
                lastStep[t] = static_cast<int>(s); // written but never read
        }
    }
    std::vector<bool> keep(g.tensors.size(), false);
    for (int o : g.outputs)
        keep[o] = true;
    for (size_t t = 0; t < g.tensors.size(); ++t) {
        if (!keep[t] && !m_constants[t].defined() && lastStep[t] >= 0)
            m_steps[lastStep[t]].release.push_back(static_cast<int>(t));
    }
}

std::vector<at::Tensor> Executor::run(const std::vector<at::Tensor> &inputs)
{
    const Graph &g = *m_graph;
    if (inputs.size() != g.inputs.size()) {
        throw std::runtime_error(tr("the network takes %1 inputs, not %2")
                                     .arg(g.inputs.size())
                                     .arg(inputs.size())
                                     .toStdString());
    }
    std::vector<at::Tensor> values = m_constants;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const at::Tensor &x = inputs[i];
        const bool nhwc =
            m_options.channelsLast && x.dim() == 4 && at::isFloatingType(x.scalar_type());
        values[g.inputs[i]] = nhwc ? x.contiguous(at::MemoryFormat::ChannelsLast) : x;
    }
    for (const Step &step : m_steps) {
        const Node &node = g.nodes[step.node];
        KernelContext context{node, g.opset, {}};
        const std::vector<int> &reads = inputsOf(step);
        context.inputs.reserve(reads.size() + 1);
        for (int t : reads)
            context.inputs.push_back(t >= 0 ? values[t] : at::Tensor());
        const auto override = m_overrides.find(step.node);
        if (override != m_overrides.end()) {
            context.inputs.resize(3);
            context.inputs[1] = override->second.first;
            context.inputs[2] = override->second.second;
        }
        std::vector<at::Tensor> outputs;
        try {
            if (step.shuffleGroups > 0)
                outputs = {channelShuffle(context.inputs[0], step.shuffleGroups)};
            else if (step.inPlace)
                outputs = {applyInPlace(context.inputs[0], context)};
            else
                outputs = step.kernel->run(context);
        } catch (const c10::Error &e) {
            throw std::runtime_error(
                QStringLiteral("node '%1' (%2): %3")
                    .arg(node.name, node.opType, QString::fromStdString(e.what_without_backtrace()))
                    .toStdString());
        }
        for (size_t i = 0; i < step.outputs.size(); ++i) {
            if (step.outputs[i] < 0)
                continue;
            if (i >= outputs.size() || !outputs[i].defined()) {
                throw std::runtime_error(QStringLiteral("node '%1' (%2) produced no output %3")
                                             .arg(node.name, node.opType)
                                             .arg(i)
                                             .toStdString());
            }
            values[step.outputs[i]] = std::move(outputs[i]);
        }
        if (m_observer)
            m_observer(step.node);
        for (int t : step.release)
            values[t] = at::Tensor();
    }
    std::vector<at::Tensor> result;
    for (int o : g.outputs)
        result.push_back(values[o]);
    return result;
}

std::vector<at::Tensor> Executor::makeInputs(uint64_t seed) const
{
    at::manual_seed(seed);
    std::vector<at::Tensor> inputs;
    for (int t : m_graph->inputs) {
        const Tensor &tensor = m_graph->tensors[t];
        const auto type = scalarTypeOf(tensor.type).value_or(at::kFloat);
        const std::vector<int64_t> dims = tensor.shape.dims;
        if (at::isFloatingType(type))
            inputs.push_back(at::randn(dims, at::kFloat).to(type));
        else if (type == at::kBool)
            inputs.push_back(at::zeros(dims, at::kBool));
        else
            inputs.push_back(at::randint(0, 10, dims, at::TensorOptions().dtype(type)));
    }
    return inputs;
}

} // namespace layerlens::core
