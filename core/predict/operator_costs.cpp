#include "predict/operator_costs.h"

#include "graph/fusion_rules.h"
#include "measure/statistics.h"

#include <QCoreApplication>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace layerlens::core {

namespace {

// The observation count, MAPE and 90th percentile of a cost's absolute
// relative errors.
void setErrors(OperatorCost *c, std::vector<double> errors)
{
    c->observations = static_cast<int>(errors.size());
    double total = 0;
    for (double e : errors)
        total += e;
    c->mape = 100 * total / double(errors.size());
    std::sort(errors.begin(), errors.end());
    c->p90 = 100 * errors[std::min(errors.size() - 1, size_t(std::ceil(0.9 * errors.size())) - 1)];
}

// Squared relative error of cost c over the observations.
double relativeError(const OperatorCost &c, const std::vector<const OperatorObservation *> &obs,
                     std::vector<double> *errors)
{
    double sum = 0;
    errors->clear();
    for (const OperatorObservation *o : obs) {
        const double e = (c.latencyMs(o->bytes, o->flops) - o->measuredMs) / o->measuredMs;
        errors->push_back(std::fabs(e));
        sum += e * e;
    }
    return sum;
}

// The cost of one operator: fixed + per MiB + per Mflop, coefficients >= 0,
// fitted to the relative error: each subset of the three terms solved
// exactly, those with a negative coefficient or a fixed part above the
// cheapest observation dropped. Where the observations hardly vary in size
// (one network's repeated layers) the split between the fixed and the
// proportional part is not determined; among fits within 2% of the best
// error the one with the smallest fixed part is kept, so that larger
// tensors cost more rather than the same, unless the typical observation
// moves less than kSmallOperatorBytes: a call on a few hundred bytes (a
// transformer's per-token Sqrt) takes its fixed cost, and a per-MiB rate
// drawn from it charged a convolutional network's 100-KiB maps 100 times
// their time.
constexpr double kSmallOperatorBytes = 64 * 1024;

// Where the sizes straddle the first cache level, a fourth term: per MiB
// more on what spills past it (OperatorCost::spillBytes), with the edge at
// one of these shares of the cache's capacity. A copy's own input and
// output share the cache with the code, the stack and the next block's
// weights: on a Xeon VM with 2 MiB of L2 per core, ShuffleNet's channel
// splits and shuffles moved 25-30 us per MiB up to 1 MiB and 40-50 from 2
// MiB on, and one rate for both put those at batch 8 30-40 % under.
constexpr double kSpillEdges[] = {0.25, 0.5, 0.75, 1.0};
// Observations needed on each side of an edge (below it, past twice it)
// and in all: four terms from fewer bend to their noise.
constexpr int kSpillSide = 3;
constexpr int kMinSpillObservations = 8;
// How much lower the squared relative error with the spill term must be,
// and by how many points its MAPE: a term that fits the noise of a
// straight line gains less.
constexpr double kSpillGain = 0.8;
constexpr double kSpillMapeGain = 2;

struct Fit
{
    double error; // squared relative error
    OperatorCost cost;
    double mape = 0; // %
};

// Every subset of the terms solved exactly over the observations, with
// the spill term's edge at spillBytes (none where 0).
void fitSubsets(const std::vector<const OperatorObservation *> &obs, double spillBytes,
                std::vector<Fit> *fits)
{
    const auto n = static_cast<Eigen::Index>(obs.size());
    OperatorCost shape;
    shape.spillBytes = spillBytes;
    Eigen::MatrixXd a(n, 4);
    bool arithmetic = false;
    double cheapest = std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) {
        const OperatorObservation &o = *obs[size_t(i)];
        a(i, 0) = 1 / o.measuredMs;
        a(i, 1) = o.bytes / (1 << 20) / o.measuredMs;
        a(i, 2) = o.flops / 1e6 / o.measuredMs;
        a(i, 3) = shape.spilledShare(o.bytes) * o.bytes / (1 << 20) / o.measuredMs;
        arithmetic = arithmetic || o.flops > 0;
        cheapest = std::min(cheapest, o.measuredMs);
    }
    const Eigen::VectorXd y = Eigen::VectorXd::Ones(n);
    std::vector<double> errors;
    for (int subset = 1; subset < 16; ++subset) {
        if (((subset & 4) && !arithmetic) || bool(subset & 8) != (spillBytes > 0))
            continue;
        std::vector<int> cols;
        for (int c = 0; c < 4; ++c) {
            if (subset & (1 << c))
                cols.push_back(c);
        }
        if (Eigen::Index(cols.size()) > n)
            continue;
        Eigen::MatrixXd sub(n, Eigen::Index(cols.size()));
        for (size_t c = 0; c < cols.size(); ++c)
            sub.col(Eigen::Index(c)) = a.col(cols[c]);
        const Eigen::VectorXd x = sub.colPivHouseholderQr().solve(y);
        if (!x.allFinite() || (x.array() < 0).any())
            continue;
        OperatorCost c = shape;
        for (size_t k = 0; k < cols.size(); ++k) {
            double *coefficient[] = {&c.fixedMs, &c.msPerMiB, &c.msPerMflop, &c.msPerSpilledMiB};
            *coefficient[cols[k]] = x[Eigen::Index(k)];
        }
        if (c.fixedMs > 1.5 * cheapest) // the cheapest, give or take its noise
            continue;
        const double error = relativeError(c, obs, &errors);
        fits->push_back({error, c, 100 * meanAndVariance(errors).first});
    }
}

// The fit of lowest error, nullptr for none.
const Fit *bestFit(const std::vector<Fit> &fits)
{
    const Fit *best = nullptr;
    for (const Fit &f : fits) {
        if (!best || f.error < best->error)
            best = &f;
    }
    return best;
}

OperatorCost fitOne(const std::vector<const OperatorObservation *> &obs, double cacheBytes)
{
    std::vector<Fit> fits;
    fitSubsets(obs, 0, &fits);
    std::vector<Fit> spilled;
    for (double share : kSpillEdges) {
        const double edge = share * cacheBytes;
        int below = 0, past = 0;
        for (const OperatorObservation *o : obs) {
            below += o->bytes <= edge;
            past += o->bytes >= 2 * edge;
        }
        if (edge > 0 && int(obs.size()) >= kMinSpillObservations && below >= kSpillSide &&
            past >= kSpillSide)
            fitSubsets(obs, edge, &spilled);
    }
    const Fit *plain = bestFit(fits), *spill = bestFit(spilled);
    if (spill && (!plain || (spill->error < kSpillGain * plain->error &&
                             spill->mape <= plain->mape - kSpillMapeGain)))
        fits = std::move(spilled);
    double cheapest = std::numeric_limits<double>::infinity();
    std::vector<double> sizes;
    for (const OperatorObservation *o : obs) {
        sizes.push_back(o->bytes);
        cheapest = std::min(cheapest, o->measuredMs);
    }
    std::sort(sizes.begin(), sizes.end());
    const bool small = quantile(sizes, 0.5) < kSmallOperatorBytes;
    OperatorCost best;
    best.fixedMs = cheapest; // every fit dropped: the cheapest observation
    if (!fits.empty()) {
        const double lowest = bestFit(fits)->error;
        const OperatorCost *chosen = nullptr;
        for (const Fit &f : fits) {
            const OperatorCost &c = f.cost;
            if (f.error <= lowest * 1.02 + 1e-12 &&
                (!chosen || (small ? c.fixedMs > chosen->fixedMs : c.fixedMs < chosen->fixedMs)))
                chosen = &c;
        }
        best = *chosen;
    }
    std::vector<double> errors;
    relativeError(best, obs, &errors);
    setErrors(&best, std::move(errors));
    return best;
}

} // namespace

bool isView(const QString &op)
{
    static const QStringList ops = {QStringLiteral("Reshape"),  QStringLiteral("Flatten"),
                                    QStringLiteral("Squeeze"),  QStringLiteral("Unsqueeze"),
                                    QStringLiteral("Identity"), QStringLiteral("Dropout")};
    return ops.contains(op);
}

bool isViewNode(const Graph &graph, int node)
{
    return node >= 0 && !graph.nodes[node].folded && isView(graph.nodes[node].opType) &&
           !graph.nodes[node].inputs.empty();
}

int bufferOf(const Graph &graph, int tensor)
{
    for (int guard = 0;
         guard < 1000 && tensor >= 0 && isViewNode(graph, graph.tensors[tensor].producer); ++guard)
        tensor = graph.nodes[graph.tensors[tensor].producer].inputs[0];
    return tensor;
}

bool isDataMovement(const QString &op)
{
    static const QStringList ops = {
        QStringLiteral("Transpose"), QStringLiteral("Slice"), QStringLiteral("Split"),
        QStringLiteral("Gather"),    QStringLiteral("Shape"), QStringLiteral("Cast"),
        QStringLiteral("Expand"),    QStringLiteral("Pad"),   QStringLiteral("Concat")};
    return isView(op) || ops.contains(op);
}

namespace {

// The dims of tensor t with axis 0 scaled, or empty when not concrete.
std::vector<int64_t> scaledDims(const Graph &graph, int t, int64_t batchScale)
{
    if (t < 0 || !graph.tensors[t].shape.isConcrete())
        return {};
    std::vector<int64_t> dims = graph.tensors[t].shape.dims;
    if (!dims.empty())
        dims.front() *= batchScale;
    return dims;
}

// A part of a row-major tensor is one block of its memory when the axes
// before the first one it cuts are all 1 and every axis after it is whole.
bool wholeRows(const std::vector<int64_t> &in, const std::vector<int64_t> &out)
{
    if (in.size() != out.size())
        return false;
    size_t cut = 0;
    while (cut < in.size() && in[cut] == out[cut])
        ++cut;
    if (cut == in.size())
        return true; // the whole tensor
    for (size_t k = 0; k < cut && k < in.size(); ++k) {
        if (out[k] != 1)
            return false;
    }
    for (size_t k = cut + 1; k < in.size(); ++k) {
        if (out[k] != in[k])
            return false;
    }
    return true;
}

// dims in the order the executor keeps them in memory: N, H, W, C for a
// channels-last tensor.
std::vector<int64_t> memoryOrder(std::vector<int64_t> dims, bool channelsLast)
{
    if (channelsLast && dims.size() == 4)
        return {dims[0], dims[2], dims[3], dims[1]};
    return dims;
}

} // namespace

std::vector<bool> channelsLastTensors(const Graph &graph)
{
    std::vector<bool> cl(graph.tensors.size(), false);
    auto image = [&](int t) {
        return t >= 0 && graph.tensors[t].shape.rankKnown &&
               graph.tensors[t].shape.dims.size() == 4 && isFloatingPoint(graph.tensors[t].type);
    };
    for (int t : graph.inputs)
        cl[t] = image(t);
    // Kernels whose output is a fresh row-major tensor whatever their input's order.
    static const QStringList rowMajor = {
        QStringLiteral("Reshape"),      QStringLiteral("Flatten"),
        QStringLiteral("Squeeze"),      QStringLiteral("Unsqueeze"),
        QStringLiteral("Transpose"),    QStringLiteral("MatMul"),
        QStringLiteral("Gemm"),         QStringLiteral("Gather"),
        QStringLiteral("Expand"),       QStringLiteral("Tile"),
        QStringLiteral("DepthToSpace"), QStringLiteral("SpaceToDepth"),
        QStringLiteral("ConvTranspose")};
    std::vector<int> shuffleInput(graph.tensors.size(), -1);
    for (int n = 0; n < static_cast<int>(graph.nodes.size()); ++n) {
        const Node &node = graph.nodes[n];
        if (node.folded || node.inputs.empty())
            continue;
        if (const auto shuffle = matchChannelShuffle(graph, n))
            shuffleInput[shuffle->output] = shuffle->input;
        bool ordered = node.inputs[0] >= 0 && cl[node.inputs[0]];
        if (node.opType == QLatin1String("Concat")) {
            for (int t : node.inputs)
                ordered = ordered && t >= 0 && cl[t];
        } else if (rowMajor.contains(node.opType)) {
            ordered = false;
        }
        for (int t : node.outputs) {
            if (t < 0 || !image(t))
                continue;
            // The fused shuffle keeps its input's order.
            cl[t] = shuffleInput[t] >= 0 ? bool(cl[shuffleInput[t]]) : ordered;
        }
    }
    return cl;
}

bool runsAsView(const Graph &graph, int node, int64_t batchScale,
                const std::vector<bool> &channelsLast)
{
    const Node &n = graph.nodes[node];
    if (isView(n.opType))
        return true;
    if (n.inputs.empty() || n.outputs.empty())
        return false;
    const std::vector<int64_t> in = scaledDims(graph, n.inputs[0], batchScale);
    if (in.empty())
        return false;
    // Slice and Split copy in their input's memory order (channels-last stays so).
    const bool ordered = size_t(n.inputs[0]) < channelsLast.size() && channelsLast[n.inputs[0]];
    if (n.opType == QLatin1String("Transpose")) {
        std::vector<int64_t> perm =
            n.attrInts(QStringLiteral("perm")).value_or(std::vector<int64_t>{});
        if (perm.empty()) {
            for (int64_t d = int64_t(in.size()) - 1; d >= 0; --d)
                perm.push_back(d);
        }
        int64_t last = -1;
        for (int64_t d : perm) {
            if (d < 0 || d >= int64_t(in.size()))
                return false;
            if (in[size_t(d)] == 1)
                continue;
            if (d < last)
                return false;
            last = d;
        }
        return true;
    }
    if (n.opType == QLatin1String("Slice")) {
        // Steps other than 1 (or unknown) gather.
        if (n.inputs.size() > 4 && n.inputs[4] >= 0) {
            const auto &steps = graph.tensors[n.inputs[4]].value;
            if (!steps)
                return false;
            for (int64_t i = 0; i < steps->elementCount(); ++i) {
                if (steps->integer(i) != 1)
                    return false;
            }
        }
        return wholeRows(memoryOrder(in, ordered),
                         memoryOrder(scaledDims(graph, n.outputs[0], batchScale), ordered));
    }
    if (n.opType == QLatin1String("Split")) {
        for (int t : n.outputs) {
            if (!wholeRows(memoryOrder(in, ordered),
                           memoryOrder(scaledDims(graph, t, batchScale), ordered)))
                return false;
        }
        return true;
    }
    return false;
}

QString operatorCostKey(const Graph &graph, int node, bool shuffle,
                        const std::vector<bool> &channelsLast)
{
    const Node &n = graph.nodes[node];
    if (shuffle)
        return n.opType + QStringLiteral(" (channel shuffle)");
    const int input = n.inputs.empty() ? -1 : n.inputs.front();
    if (isDataMovement(n.opType) && input >= 0 && size_t(input) < channelsLast.size() &&
        channelsLast[input])
        return n.opType + QStringLiteral(" (channels-last)");
    return n.opType;
}

QString operatorOfCostKey(const QString &key)
{
    return key.section(QLatin1Char(' '), 0, 0);
}

std::map<QString, OperatorCost> fitOperatorCosts(const std::vector<OperatorObservation> &observed,
                                                 double cacheBytes)
{
    std::map<QString, std::vector<const OperatorObservation *>> byOp;
    std::vector<double> shared, movement;
    for (const OperatorObservation &o : observed) {
        if (!(o.measuredMs > 0 && std::isfinite(o.measuredMs) && o.bytes >= 0 && o.flops >= 0))
            continue;
        if (o.view || isView(operatorOfCostKey(o.op))) {
            if (o.probe)
                continue; // a probe copies; one that did not teaches nothing
            shared.push_back(o.measuredMs);
            movement.push_back(o.measuredMs);
        } else {
            byOp[o.op].push_back(&o);
        }
    }
    std::map<QString, OperatorCost> out;
    for (const auto &[op, obs] : byOp) {
        // Views cost the same whatever their size; an operator the executor
        // copies with costs by the bytes it moves, like arithmetic.
        const bool ownCost = int(obs.size()) >= kMinOperatorObservations;
        // A probe's copy ran between convolutions as a network's does, and
        // its time holds what the copy pays there: with the network's cache
        // misses added on top (as until session 31), ShuffleNet's shuffles
        // of 232 channels at 14x14 and batch 8 came out at 150 us where they
        // took 113-129 (and the probe of that size 108-121).
        if (ownCost)
            out[op] = fitOne(obs, cacheBytes);
        for (const OperatorObservation *o : obs) {
            if (!isDataMovement(operatorOfCostKey(op)) || o->probe)
                continue;
            movement.push_back(o->measuredMs);
            if (!ownCost)
                shared.push_back(o->measuredMs);
        }
    }
    // Every other data-movement node (the views, and copies of a type timed
    // too rarely) costs what the typical one of them timed did: the median,
    // which the occasional copy does not move. Too few of them: the median
    // of all data movement.
    if (int(shared.size()) < kMinOperatorObservations)
        shared = movement;
    if (int(shared.size()) >= kMinOperatorObservations) {
        std::sort(shared.begin(), shared.end());
        OperatorCost c;
        c.fixedMs = quantile(shared, 0.5);
        std::vector<double> errors;
        for (double t : shared)
            errors.push_back(std::fabs(c.fixedMs - t) / t);
        setErrors(&c, std::move(errors));
        out[QString::fromLatin1(kDataMovement)] = c;
    }
    return out;
}

QString operatorCostsToTable(const std::map<QString, OperatorCost> &costs)
{
    QString text;
    for (const auto &[op, c] : costs) {
        const QString spill =
            c.msPerSpilledMiB > 0
                ? QCoreApplication::translate("layerlens::core", " + %1 us/MiB spilled past %2 KiB")
                      .arg(c.msPerSpilledMiB * 1000, 0, 'f', 2)
                      .arg(c.spillBytes / 1024, 0, 'f', 0)
                : QString();
        text += QStringLiteral("  %1 %2 nodes, %3 us + %4 us/MiB + %5 us/Mflop%6, MAPE %7 %\n")
                    .arg(op.leftJustified(28))
                    .arg(c.observations, 3)
                    .arg(c.fixedMs * 1000, 0, 'f', 2)
                    .arg(c.msPerMiB * 1000, 0, 'f', 2)
                    .arg(c.msPerMflop * 1000, 0, 'f', 3)
                    .arg(spill)
                    .arg(c.mape, 0, 'f', 1);
    }
    return text;
}

} // namespace layerlens::core
