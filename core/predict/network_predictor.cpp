#include "predict/network_predictor.h"

#include "graph/fusion_rules.h"
#include "models/backend_split.h"

#include "predict/block_memory.h"
#include "predict/cache_misses.h"
#include "predict/in_network_spread.h"
#include "predict/load_factors.h"
#include "predict/operator_costs.h"
#include "profiling/module_config.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>
#include <optional>

namespace layerlens::core {

namespace {

// The features whose sum stands for a block's work when extrapolating:
// arithmetic and bytes moved (latency, energy), or bytes alone (memory).
const QStringList kComputeAndTraffic = {
    QStringLiteral("feature:flops"), QStringLiteral("feature:input_bytes"),
    QStringLiteral("feature:output_bytes"), QStringLiteral("feature:weight_bytes")};
const QStringList kTraffic = {QStringLiteral("feature:input_bytes"),
                              QStringLiteral("feature:output_bytes"),
                              QStringLiteral("feature:weight_bytes")};

// Weights up to this size stay in the caches between runs of a block.
constexpr double kCachedWeightBytes = 1 << 20;

// How far a model's out-of-distribution prediction may stray from the
// work-scaled one at the nearest trained configuration.
constexpr double kExtrapolationBand = 2.0;

// Per row, the work of x over the work of clamped (both log1p-encoded), by
// the named features; 1 where the encoding has none of them.
Vector workRatio(const QStringList &names, const Matrix &x, const Matrix &clamped,
                 const QStringList &work)
{
    Vector actual = Vector::Zero(x.rows()), nearest = Vector::Zero(x.rows());
    for (qsizetype c = 0; c < names.size(); ++c) {
        if (!work.contains(names[c]))
            continue;
        actual += x.col(c).array().exp().matrix() - Vector::Ones(x.rows());
        nearest += clamped.col(c).array().exp().matrix() - Vector::Ones(x.rows());
    }
    Vector ratio = Vector::Ones(x.rows());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        if (actual[r] > 0 && nearest[r] > 0)
            ratio[r] = actual[r] / nearest[r];
    }
    return ratio;
}

// Element-wise operators without a module of their own: unary ones read and
// write like Relu, binary ones (broadcast included) like Add; their cost is
// the bytes they move. Returns the module to predict them with, or "".
QString elementwiseProxy(const QString &op)
{
    // Only arithmetic as cheap per element as Relu or Add: transcendental
    // functions (Erf, Exp, Sigmoid, Tanh...) cost far more per element on
    // this runtime (Erf measured 40x a Relu of the same size) and stay
    // without a model.
    static const QStringList unary = {QStringLiteral("HardSigmoid"), QStringLiteral("HardSwish"),
                                      QStringLiteral("Neg"), QStringLiteral("Abs"),
                                      QStringLiteral("Clip"), QStringLiteral("LeakyRelu"),
                                      QStringLiteral("Relu"), QStringLiteral("PRelu"),
                                      // A BatchNormalization no convolution absorbs is a
                                      // per-channel scale and shift at inference.
                                      QStringLiteral("BatchNormalization")};
    static const QStringList binary = {QStringLiteral("Mul"), QStringLiteral("Sub"),
                                       QStringLiteral("Div"), QStringLiteral("Add"),
                                       QStringLiteral("Max"), QStringLiteral("Min")};
    if (unary.contains(op))
        return QStringLiteral("relu");
    if (binary.contains(op))
        return QStringLiteral("add");
    return QString();
}

// The relu/add module parameters (batch, in_channels, size) of an
// element-wise node's output: axis 0, axis 1, and the side of a square
// holding the rest.
bool elementwiseParams(const Graph &graph, int node, std::map<QString, int64_t> *params)
{
    const std::vector<int> &outputs = graph.nodes[node].outputs;
    if (outputs.empty() || outputs.front() < 0)
        return false;
    const Shape &shape = graph.tensors[outputs.front()].shape;
    if (!shape.isConcrete() || shape.dims.size() < 2)
        return false;
    const int64_t elements = shape.elementCount();
    const int64_t batch = std::max<int64_t>(1, shape.dims[0]);
    const int64_t channels = std::max<int64_t>(1, shape.dims[1]);
    const double rest = double(elements) / double(batch * channels);
    (*params)[QStringLiteral("batch")] = batch;
    (*params)[QStringLiteral("in_channels")] = channels;
    (*params)[QStringLiteral("size")] = std::max<int64_t>(1, std::llround(std::sqrt(rest)));
    return elements > 0;
}

// The interval of a prediction from its model's held-out error: the 90th
// percentile of the relative error on either side.
MetricPrediction withInterval(double value, const TargetTraining &t)
{
    const double p90 = t.selected >= 0 ? t.candidates[t.selected].metrics.p90 / 100.0 : 0.0;
    return MetricPrediction{true, value, value / (1 + p90), value * (1 + p90)};
}

void add(MetricPrediction *sum, const MetricPrediction &part)
{
    sum->value += part.value;
    sum->low += part.low;
    sum->high += part.high;
}

} // namespace

bool NetworkPredictor::prepare(const Graph &graph, const NetworkAnalysis &analysis,
                               const DeviceProfile &profile, const ProfilingSpec &spec,
                               QString *error)
{
    m_profile = &profile;
    m_blocks.clear();
    m_modules.clear();
    m_aliveBefore.clear();
    m_ownOutput.clear();
    m_executedNodes = 0;
    m_dataMovementNodes = 0;
    m_batch = 0;
    // Match only modules the profile has models of: a fused block it lacks
    // (Add+Relu, say) falls back to its parts.
    ProfilingSpec available = spec;
    std::erase_if(available.modules, [&](const ModuleSpec &m) { return !profile.module(m.name); });
    std::vector<bool> taken(graph.nodes.size(), false);
    const std::vector<bool> channelsLast = channelsLastTensors(graph);
    // The executor runs a channel shuffle as one copy at its Transpose: its
    // two Reshapes are no steps of their own, and join the Transpose's block.
    std::map<int, ChannelShuffle> shuffles;
    for (int n = 0; n < static_cast<int>(graph.nodes.size()); ++n) {
        if (const auto shuffle = matchChannelShuffle(graph, n)) {
            taken[shuffle->first] = taken[shuffle->last] = true;
            shuffles[n] = *shuffle;
        }
    }
    for (int n = 0; n < static_cast<int>(graph.nodes.size()); ++n) {
        if (graph.nodes[n].folded || taken[n])
            continue;
        ++m_executedNodes;
        NetworkBlock block;
        block.nodes = {n};
        auto match = matchModule(graph, n, available);
        const QString &op = graph.nodes[n].opType;
        const QString proxy = match ? QString() : elementwiseProxy(op);
        // The cost of the executor's kernel for it where the profile has
        // one (a channels-last Slice), else of its operator type.
        QString costKey = operatorCostKey(graph, n, shuffles.count(n) > 0, channelsLast);
        if (!profile.operatorCost(costKey))
            costKey = op;
        // AveragePool windows read like MaxPool's: the maxpool module predicts them.
        const QString approximation =
            match && op == QLatin1String("AveragePool")
                ? tr("%1, predicted as %2 (same memory access; no module of its own)")
                      .arg(op, match->config.module)
            : match && match->groups > 1
                ? tr("Conv in %1 groups, predicted as %2 with one group's output channels "
                     "(the same multiply-adds on the same input and weights; no module of its "
                     "own)")
                      .arg(match->groups)
                      .arg(match->config.module)
            : match && match->kernelTaps > 1
                ? tr("Conv with a non-square kernel, predicted as %1 with a 1x1 kernel over %2 "
                     "times the input channels (its im2col product: the same multiply-adds and "
                     "weights; no module of its own)")
                      .arg(match->config.module)
                      .arg(match->kernelTaps)
                : QString();
        std::map<QString, int64_t> proxyParams;
        if (!proxy.isEmpty() && profile.module(proxy) &&
            elementwiseParams(graph, n, &proxyParams) &&
            blockFeatures(graph, analysis, block.nodes, &block.features)) {
            block.module = proxy;
            block.params = std::move(proxyParams);
            block.approximation =
                tr("%1, predicted as %2 (same memory access; no module of its own)").arg(op, proxy);
        } else if (const OperatorCost *cost = match ? nullptr : profile.operatorCost(costKey);
                   cost &&
                   !(runsAsView(graph, n, 1, channelsLast) &&
                     runsAsView(graph, n, 2, channelsLast)) &&
                   blockFeatures(graph, analysis, block.nodes, &block.features)) {
            block.module = QStringLiteral("operator:%1").arg(costKey);
            block.costOperator = costKey;
            block.viewAsAnalysed = runsAsView(graph, n, 1, channelsLast);
            block.viewAtLargerBatch = runsAsView(graph, n, 2, channelsLast);
            for (int t : graph.nodes[n].outputs) {
                if (t >= 0)
                    block.outputElements +=
                        std::max<int64_t>(graph.tensors[t].shape.elementCount(), 0);
            }
            block.approximation =
                tr("%1 has no module: its cost inside networks, learned by calibrate from %2 "
                   "timed nodes (MAPE %3 %)")
                    .arg(costKey)
                    .arg(cost->observations)
                    .arg(cost->mape, 0, 'f', 1);
        } else if (!match) {
            const auto wanted = matchModule(graph, n, spec);
            if (isDataMovement(op))
                ++m_dataMovementNodes;
            block.reason =
                isDataMovement(op)
                    ? tr("data movement: in the whole network's per-operator term only")
                : wanted
                    ? tr("the profile has no model of module %1").arg(wanted->config.module)
                    : tr("no module of the profiling spec covers %1").arg(graph.nodes[n].opType);
        } else if (!blockFeatures(graph, analysis, match->nodes, &block.features)) {
            block.reason = tr("a shape of the block is unknown");
        } else {
            block.module = match->config.module;
            block.approximation = approximation;
            block.nodes = match->nodes;
            block.params = std::move(match->config.params);
            ModuleFeatures &f = block.features;
            if (match->groups > 1) {
                const int64_t output = f.outputBytes / match->groups;
                f.peakActivationBytes -= f.outputBytes - output;
                f.outputBytes = output;
            }
            if (match->kernelTaps > 1) { // the stand-in reads the im2col matrix
                const int64_t input = f.inputBytes * match->kernelTaps;
                f.peakActivationBytes += input - f.inputBytes;
                f.inputBytes = input;
            }
        }
        for (size_t i = 1; i < block.nodes.size(); ++i) {
            taken[block.nodes[i]] = true;
            ++m_executedNodes;
        }
        if (!block.module.isEmpty() && block.costOperator.isEmpty())
            block.allocatedPerOutputByte = allocatedPerOutputByte(op);
        if (const auto shuffle = shuffles.find(n); shuffle != shuffles.end()) {
            block.nodes.push_back(shuffle->second.first);
            block.nodes.push_back(shuffle->second.last);
        }
        m_blocks.push_back(std::move(block));
    }
    // The batch the network was analysed at: axis 0 of its first input.
    // Blocks' own leading dimensions may be multiples of it (attention heads,
    // tokens); every one scales with it.
    m_batch = 1;
    if (!graph.inputs.empty()) {
        const Shape &shape = graph.tensors[graph.inputs.front()].shape;
        if (shape.rankKnown && !shape.dims.empty() && shape.dims.front() > 0)
            m_batch = shape.dims.front();
    }
    computeBlockLiveness(graph);
    m_spreads = indexSpreads(profile, m_blocks);
    // A module's factor on more threads, looked up once (a stand-in runs
    // another operator than the module's blocks did: none).
    m_twoThreadFactors.assign(m_blocks.size(), 1.0);
    m_twoThreadReachMs.assign(m_blocks.size(), 0.0);
    // Kept per dense convolution kernel class (twoThreadFactorKey) since
    // session 29, per module before.
    const std::map<QString, QString> families = moduleFamilies(spec);
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        if (!m_blocks[b].approximation.isEmpty())
            continue;
        QString key = twoThreadFactorKey(m_blocks[b].module, families, m_blocks[b].params);
        if (!profile.twoThreadFactors.count(key))
            key = m_blocks[b].module;
        if (const auto f = profile.twoThreadFactors.find(key);
            f != profile.twoThreadFactors.end()) {
            m_twoThreadFactors[b] = f->second;
            const auto r = profile.twoThreadFactorReachMs.find(key);
            m_twoThreadReachMs[b] = r != profile.twoThreadFactorReachMs.end() ? r->second : 0.0;
        }
    }
    std::vector<std::vector<int>> blockNodes;
    for (const NetworkBlock &block : m_blocks)
        blockNodes.push_back(block.nodes);
    m_reads = blockReads(graph, blockNodes, m_profile->cacheMissesOfWrites);

    // Per module, how to build each block's encoded feature row for any config.
    for (int b = 0; b < static_cast<int>(m_blocks.size()); ++b) {
        const NetworkBlock &block = m_blocks[b];
        if (block.module.isEmpty() || !block.costOperator.isEmpty())
            continue;
        ModuleRows &rows = m_modules[block.module];
        if (!rows.training) {
            rows.training = profile.module(block.module);
            rows.sources = columnSources(rows.training->encoding.names);
        }
        std::vector<Column> columns;
        columns.reserve(rows.sources.size());
        for (const ColumnSource &source : rows.sources) {
            Column c;
            switch (source.kind) {
            case ColumnSource::Threads:
                c.role = Column::Threads;
                break;
            case ColumnSource::Utilization:
                c.role = Column::Utilization;
                break;
            case ColumnSource::Batch: {
                const auto it = block.params.find(source.key);
                c.base = it == block.params.end() ? double(m_batch) : double(it->second);
                c.role = Column::Scaled;
                break;
            }
            case ColumnSource::Param: {
                const auto it = block.params.find(source.key);
                c.base = it == block.params.end() ? 0.0 : double(it->second);
                break;
            }
            case ColumnSource::Intensity:
                c.role = Column::Intensity;
                break;
            case ColumnSource::Feature:
            case ColumnSource::ConstantFeature:
                c.base = block.features.value(source.key);
                if (std::isnan(c.base))
                    c.base = 0;
                c.role = source.kind == ColumnSource::Feature ? Column::Scaled : Column::Constant;
                break;
            }
            // What a constant column encodes to is the same for every configuration.
            if (c.role == Column::Constant)
                c.encoded = std::log1p(std::max(0.0, c.base));
            columns.push_back(c);
        }
        rows.blocks.push_back(b);
        rows.columns.push_back(std::move(columns));
    }
    return true;
}

QString BlockPrediction::outOfDistributionReason() const
{
    if (!outOfDistribution)
        return QString();
    return FeatureEncoding::outsideRangeText(outOfRange.feature, outOfRange.value, outOfRange.lower,
                                             outOfRange.upper);
}

int NetworkPredictor::unmodelledNodes() const
{
    int count = 0;
    for (const NetworkBlock &b : m_blocks)
        count += b.module.isEmpty() ? static_cast<int>(b.nodes.size()) : 0;
    return count;
}

std::vector<NetworkPredictor::ColumnSource>
NetworkPredictor::columnSources(const QStringList &names)
{
    std::vector<ColumnSource> sources;
    sources.reserve(names.size());
    for (const QString &name : names) {
        ColumnSource s;
        if (name == QLatin1String("threads")) {
            s.kind = ColumnSource::Threads;
        } else if (name == QLatin1String("utilization")) {
            s.kind = ColumnSource::Utilization;
        } else if (name == QLatin1String("param:batch")) {
            s.kind = ColumnSource::Batch;
            s.key = QStringLiteral("batch");
        } else if (name.startsWith(QLatin1String("param:"))) {
            s.kind = ColumnSource::Param;
            s.key = name.mid(6);
        } else if (name == QLatin1String("feature:arithmetic_intensity")) {
            s.kind = ColumnSource::Intensity;
        } else {
            s.key = name.mid(8);
            // Parameters and weights do not grow with the batch.
            s.kind = s.key == QLatin1String("params") || s.key == QLatin1String("weight_bytes")
                         ? ColumnSource::ConstantFeature
                         : ColumnSource::Feature;
        }
        sources.push_back(std::move(s));
    }
    return sources;
}

ConfigPrediction NetworkPredictor::predict(const PredictConfig &config) const
{
    ConfigPrediction result;
    result.config = config;
    result.blocks.resize(m_blocks.size());
    const double factor = double(config.batch) / double(m_batch);
    // Under a load the profile has a factor for on these threads, the
    // blocks are predicted without load and that factor applied below.
    const DeviceProfile::LoadFactor *load =
        m_profile->loadFactorAt(config.threads, config.utilization);
    for (const auto &[name, rows] : m_modules) {
        const ModuleTraining &m = *rows.training;
        const auto count = static_cast<Eigen::Index>(rows.blocks.size());
        Matrix x(count, m.encoding.names.size());
        for (Eigen::Index r = 0; r < count; ++r) {
            const ModuleFeatures scaled = m_blocks[rows.blocks[r]].features.scaled(factor);
            for (qsizetype c = 0; c < m.encoding.names.size(); ++c) {
                const Column &col = rows.columns[r][c];
                double v = col.base;
                switch (col.role) {
                case Column::Constant:
                    x(r, c) = col.encoded;
                    continue;
                case Column::Scaled:
                    v = col.base * factor;
                    break;
                case Column::Intensity:
                    v = scaled.arithmeticIntensity();
                    break;
                case Column::Threads:
                    v = config.threads;
                    break;
                case Column::Utilization:
                    v = load ? 0 : config.utilization;
                    break;
                }
                x(r, c) = std::log1p(std::max(0.0, v));
            }
        }
        if (m.encoding.blasRows && config.threads > 1) {
            const std::vector<bool> moved = m.encoding.blasRows->apply(&x);
            for (Eigen::Index r = 0; r < count; ++r)
                result.blocks[rows.blocks[r]].oneBlasThread = moved[static_cast<size_t>(r)];
        }
        // Out of distribution: an encoded feature beyond the trained range by
        // more than 5% of that range.
        for (Eigen::Index r = 0; r < count; ++r) {
            const Eigen::Index c = m.encoding.outsideRange(x.row(r));
            if (c < 0)
                continue;
            BlockPrediction &p = result.blocks[rows.blocks[r]];
            p.outOfDistribution = true;
            p.outOfRange = {m.encoding.names[c], std::expm1(x(r, c)),
                            std::expm1(m.encoding.lower[c]), std::expm1(m.encoding.upper[c])};
        }
        // Out-of-distribution rows: a model's own extrapolation is kept only
        // within a factor of two of a physical one, the prediction at the
        // nearest trained configuration (every feature clamped to its range)
        // scaled by how much more work the block does than that
        // configuration. Trees and networks can extrapolate wildly (a
        // GlobalAveragePool on 112x112 maps predicted at 34 ms).
        std::vector<Eigen::Index> ood;
        for (Eigen::Index r = 0; r < count; ++r) {
            if (result.blocks[rows.blocks[r]].outOfDistribution)
                ood.push_back(r);
        }
        // A block whose batch (rows, tokens) exceeds the trained range is
        // predicted at the largest trained batch. Weights too large for the
        // caches are read again by every run, so the cost is extrapolated
        // along the line through the largest batch and half of it (a fixed
        // part plus a part per row); small weights stay cached and the cost
        // grows with the rows (k runs of batch/k).
        const qsizetype batchColumn = m.encoding.names.indexOf(QStringLiteral("param:batch"));
        auto atBatch = [&](Eigen::Index r, double batch) {
            Eigen::RowVectorXd row = x.row(r);
            const double k = std::expm1(x(r, batchColumn)) / batch;
            for (Eigen::Index c = 0; c < x.cols(); ++c) {
                if (rows.columns[r][c].role == Column::Scaled)
                    row[c] = std::log1p(std::expm1(x(r, c)) / k);
            }
            return row;
        };
        std::vector<Eigen::Index> beyondBatch, otherOod;
        for (Eigen::Index r : ood) {
            const bool beyond = batchColumn >= 0 &&
                                x(r, batchColumn) > m.encoding.upper[batchColumn] + 1e-9 &&
                                std::expm1(m.encoding.upper[batchColumn]) >= 2;
            (beyond ? beyondBatch : otherOod).push_back(r);
        }
        const qsizetype weightColumn =
            m.encoding.names.indexOf(QStringLiteral("feature:weight_bytes"));
        const auto split = BackendSplit::of(m.op, m.encoding);
        const auto convMemory = split ? ConvMemory::of(m.encoding) : std::nullopt;
        const qsizetype outputColumn =
            m.encoding.names.indexOf(QStringLiteral("feature:output_bytes"));
        const double topBatch =
            batchColumn >= 0 ? std::round(std::expm1(m.encoding.upper[batchColumn])) : 1;
        Matrix high(beyondBatch.size(), x.cols()), low(beyondBatch.size(), x.cols());
        for (size_t i = 0; i < beyondBatch.size(); ++i) {
            high.row(Eigen::Index(i)) = atBatch(beyondBatch[i], topBatch);
            low.row(Eigen::Index(i)) = atBatch(beyondBatch[i], std::floor(topBatch / 2));
        }
        // The rest: a model's own extrapolation kept within a factor of the
        // work-scaled prediction at the nearest trained configuration.
        Matrix clamped;
        Vector latencyScale, memoryScale;
        Matrix outside(otherOod.size(), x.cols());
        if (!otherOod.empty()) {
            for (size_t i = 0; i < otherOod.size(); ++i)
                outside.row(Eigen::Index(i)) = x.row(otherOod[i]);
            clamped = outside;
            for (Eigen::Index c = 0; c < x.cols(); ++c) {
                clamped.col(c) =
                    clamped.col(c).cwiseMax(m.encoding.lower[c]).cwiseMin(m.encoding.upper[c]);
            }
            latencyScale = workRatio(m.encoding.names, outside, clamped, kComputeAndTraffic);
            memoryScale = workRatio(m.encoding.names, outside, clamped, kTraffic);
        }
        for (Target target : allTargets()) {
            const TargetTraining *t = targetOf(m, target);
            if (!t)
                continue;
            // A dense convolution allocates what its shapes and library
            // say, which the memory model only approximates: a 256 to 512
            // channel 3x3 one on 7x7 50 % over, ViT-B/32's 32x32 patch one
            // (beyond the modules' range) at 13.1 MiB against 18.75
            // measured. Over 29 networks at batch 1 and 8: memory MAPE 2.30
            // % with the model, 0.68 % with the shapes. So does a block the
            // executor writes only the output of, where the model may be far
            // outside its range: DenseNet's BatchNormalizations, predicted as
            // relu, 18 % over their outputs and its peak 6 % over. The
            // model only for the other blocks (a convolution's stand-ins).
            std::vector<std::optional<double>> fromShapes(static_cast<size_t>(count));
            bool modelNeeded = target != Target::Memory;
            for (Eigen::Index r = 0; r < count && target == Target::Memory; ++r) {
                const NetworkBlock &block = m_blocks[rows.blocks[r]];
                auto &bytes = fromShapes[static_cast<size_t>(r)];
                if (convMemory && block.approximation.isEmpty())
                    bytes =
                        convMemory->bytes(x.row(r), split->gemm(x.row(r)), block.readsNetworkInput);
                else if (block.allocatedPerOutputByte > 0 && outputColumn >= 0)
                    bytes = block.allocatedPerOutputByte * std::expm1(x(r, outputColumn));
                modelNeeded = modelNeeded || !bytes;
            }
            Vector values =
                modelNeeded ? Vector(t->model->predict(x).array().exp()) : Vector::Zero(count);
            if (modelNeeded && !beyondBatch.empty()) {
                const Vector atTop = t->model->predict(high).array().exp();
                const Vector atHalf = t->model->predict(low).array().exp();
                const double half = std::floor(topBatch / 2);
                for (size_t i = 0; i < beyondBatch.size(); ++i) {
                    const Eigen::Index r = beyondBatch[i];
                    const double batch = std::expm1(x(r, batchColumn));
                    const double split = atTop[i] * batch / topBatch;
                    const double slope = (atTop[i] - atHalf[i]) / (topBatch - half);
                    const double line = atTop[i] + std::max(0.0, slope) * (batch - topBatch);
                    const bool bigWeights =
                        weightColumn >= 0 && std::expm1(x(r, weightColumn)) > kCachedWeightBytes;
                    values[r] = bigWeights ? std::clamp(line, atTop[i], split) : split;
                }
            }
            if (modelNeeded && !otherOod.empty()) {
                const Vector nearest = t->model->predict(clamped).array().exp();
                const Vector &scale = target == Target::Memory ? memoryScale : latencyScale;
                for (size_t i = 0; i < otherOod.size(); ++i) {
                    const Eigen::Index r = otherOod[i];
                    const double physical = nearest[Eigen::Index(i)] * scale[Eigen::Index(i)];
                    values[r] = std::clamp(values[r], physical / kExtrapolationBand,
                                           physical * kExtrapolationBand);
                }
            }
            for (Eigen::Index r = 0; r < count; ++r) {
                if (const auto &bytes = fromShapes[static_cast<size_t>(r)])
                    values[r] = *bytes;
            }
            for (Eigen::Index r = 0; r < count; ++r) {
                BlockPrediction &p = result.blocks[rows.blocks[r]];
                // A stand-in for another operator: the module alone, without
                // the in-network factor learned on its own blocks.
                const bool standIn = !m_blocks[rows.blocks[r]].approximation.isEmpty();
                const double value = target == Target::Latency && standIn
                                         ? values[r] / m_profile->inNetworkFactor(name)
                                         : values[r];
                const MetricPrediction v = withInterval(value, *t);
                switch (target) {
                case Target::Latency:
                    p.latencyMs = v;
                    break;
                case Target::Memory:
                    p.memoryBytes = v;
                    break;
                case Target::Energy:
                    p.energyJ = v;
                    break;
                }
            }
        }
    }

    // Operators without a module, at their learned in-network cost.
    int views = 0; // of them, data movement that is a view at this batch
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        const NetworkBlock &block = m_blocks[b];
        const OperatorCost *cost =
            block.costOperator.isEmpty() ? nullptr : m_profile->operatorCost(block.costOperator);
        if (!cost)
            continue;
        if (factor > 1 ? block.viewAtLargerBatch : block.viewAsAnalysed) {
            result.blocks[b].view = true;
            ++views;
            continue;
        }
        const ModuleFeatures f = block.features.scaled(factor);
        const double value = cost->latencyMs(double(f.inputBytes + f.outputBytes), double(f.flops));
        const double p90 = cost->p90 / 100;
        result.blocks[b].latencyMs =
            MetricPrediction{true, value, value / (1 + p90), value * (1 + p90)};
    }

    // Inside the network a block finds less of its data in the caches than
    // its module did alone; on more threads each fetches its part.
    const double missShare =
        std::pow(m_profile->cacheMissShareTwoThreads, std::log2(std::max(1, config.threads)));
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        BlockPrediction &p = result.blocks[b];
        // Operator costs learned inside networks include their misses.
        const OperatorCost *cost = m_blocks[b].costOperator.isEmpty()
                                       ? nullptr
                                       : m_profile->operatorCost(m_blocks[b].costOperator);
        if (!p.latencyMs.available || (cost && !cost->measuredAlone))
            continue;
        const int threads = p.oneBlasThread ? 1 : config.threads;
        p.cacheMissMs = m_profile->coldWriteMsPerMiB * double(m_coldWrite[b]) * factor / (1 << 20);
        for (const DeviceProfile::CacheMissCost &c : m_profile->cacheMissCosts) {
            p.cacheMissMs +=
                c.msPerMiB * m_reads[b].coldBytes(c.capacityBytes, factor, threads) / (1 << 20) +
                c.afterOverflowMs * m_reads[b].kernelOverflow(c.capacityBytes, factor);
        }
        if (threads > 1)
            p.cacheMissMs *= missShare;
        // Not shared out on more threads: each fetches the kernel's code.
        if (m_reads[b].firstOfKernel) {
            const auto first = m_profile->firstRunMs.find(m_blocks[b].module);
            if (first != m_profile->firstRunMs.end()) {
                p.firstRunMs = first->second;
                p.cacheMissMs += p.firstRunMs;
            }
        }
        p.latencyMs.value += p.cacheMissMs;
        p.latencyMs.low += p.cacheMissMs;
        p.latencyMs.high += p.cacheMissMs;
    }
    // On more threads each kernel's threads meet: a cost per block, but for
    // an operator's kernel on too few elements to be split, which runs on
    // one thread (a ShuffleNet channel split of 116 channels at 14x14 and
    // batch 1 took 7-10 us on one thread and on two, and 12-13 us were
    // predicted on two with the cost).
    if (config.threads > 1 && m_profile->blockOverheadMsTwoThreads > 0) {
        const double overhead =
            m_profile->blockOverheadMsTwoThreads * std::log2(double(config.threads));
        for (size_t b = 0; b < m_blocks.size(); ++b) {
            BlockPrediction &p = result.blocks[b];
            const NetworkBlock &block = m_blocks[b];
            const bool serial = !block.costOperator.isEmpty() && block.outputElements > 0 &&
                                double(block.outputElements) * factor < kParallelGrainElements;
            if (!p.latencyMs.available || p.view || p.oneBlasThread || serial)
                continue;
            p.latencyMs.value += overhead;
            p.latencyMs.low += overhead;
            p.latencyMs.high += overhead;
        }
    }
    // What a module runs into inside networks on more threads beyond that,
    // up to about the largest block the factor was fitted on: from there to
    // twice that it fades out (DeviceProfile::twoThreadFactorReachMs).
    if (config.threads > 1) {
        const double power = std::log2(double(config.threads));
        for (size_t b = 0; b < m_blocks.size(); ++b) {
            BlockPrediction &p = result.blocks[b];
            if (!p.latencyMs.available || p.view || p.oneBlasThread || m_twoThreadFactors[b] == 1.0)
                continue;
            double reach = 1;
            if (const double limit = m_twoThreadReachMs[b]; limit > 0 && p.latencyMs.value > limit)
                reach = std::clamp(1 - std::log2(p.latencyMs.value / limit), 0.0, 1.0);
            const double factor = std::pow(m_twoThreadFactors[b], power * reach);
            p.latencyMs.value *= factor;
            p.latencyMs.low *= factor;
            p.latencyMs.high *= factor;
        }
    }

    if (load)
        applyLoadFactor(*load, config.utilization, &result);

    // Whole network: blocks in sequence plus a per-operator term; memory is
    // the largest, over blocks, of what is alive while a block runs.
    result.latencyMs.available = true;
    result.memoryBytes.available = true;
    bool energy = true;
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        const BlockPrediction &p = result.blocks[b];
        result.outOfDistributionBlocks += p.outOfDistribution ? 1 : 0;
        if (p.latencyMs.available)
            add(&result.latencyMs, p.latencyMs);
        energy = energy && (m_blocks[b].module.isEmpty() || !m_blocks[b].costOperator.isEmpty() ||
                            p.energyJ.available);
        if (p.energyJ.available)
            add(&result.energyJ, p.energyJ);
        // What earlier blocks left alive, plus what this block allocates: its
        // module's measured peak (output and workspace), or for a block
        // without a model the outputs it writes.
        const double alive = double(m_aliveBefore[b]) * factor;
        const double own = double(m_ownOutput[b]) * factor;
        const MetricPrediction &m = p.memoryBytes;
        result.memoryBytes.value =
            std::max(result.memoryBytes.value, alive + (m.available ? m.value : own));
        result.memoryBytes.low =
            std::max(result.memoryBytes.low, alive + (m.available ? m.low : own));
        result.memoryBytes.high =
            std::max(result.memoryBytes.high, alive + (m.available ? m.high : own));
    }
    // Data movement without a cost of its own (views; copies a profile has
    // no timings of) costs the typical such node, which the network's total
    // includes and no layer is charged.
    const OperatorCost *movement = m_profile->operatorCost(QString::fromLatin1(kDataMovement));
    result.overheadMs = m_profile->opOverheadMs * m_executedNodes +
                        (movement ? movement->fixedMs * (m_dataMovementNodes + views) : 0.0);
    if (load)
        result.overheadMs *= loadFactorOf(*load, 0, config.utilization);
    result.latencyMs.value += result.overheadMs;
    result.latencyMs.low += result.overheadMs;
    result.latencyMs.high += result.overheadMs;
    result.energyJ.available = energy && result.energyJ.value > 0;
    applyInNetworkSpreads(*m_profile, m_spreads, &result);
    return result;
}

std::vector<int> paretoFront(const std::vector<ConfigPrediction> &predictions)
{
    auto metrics = [](const ConfigPrediction &p) {
        return std::array<double, 3>{p.latencyMs.value, p.memoryBytes.value,
                                     p.energyJ.available ? p.energyJ.value : 0.0};
    };
    std::vector<int> front;
    for (size_t i = 0; i < predictions.size(); ++i) {
        const auto a = metrics(predictions[i]);
        bool dominated = false;
        for (size_t j = 0; j < predictions.size() && !dominated; ++j) {
            if (i == j)
                continue;
            const auto b = metrics(predictions[j]);
            bool noWorse = true, better = false;
            for (size_t k = 0; k < 3; ++k) {
                noWorse = noWorse && b[k] <= a[k];
                better = better || b[k] < a[k];
            }
            dominated = noWorse && better;
        }
        if (!dominated)
            front.push_back(static_cast<int>(i));
    }
    return front;
}

void scaleLatency(ConfigPrediction *prediction, double ratio)
{
    auto scale = [ratio](MetricPrediction *m) {
        m->value *= ratio;
        m->low *= ratio;
        m->high *= ratio;
    };
    for (BlockPrediction &b : prediction->blocks) {
        scale(&b.latencyMs);
        b.cacheMissMs *= ratio;
        b.firstRunMs *= ratio;
    }
    scale(&prediction->latencyMs);
    prediction->overheadMs *= ratio;
}

} // namespace layerlens::core
