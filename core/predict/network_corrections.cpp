#include "predict/network_corrections.h"

#include "measure/statistics.h"
#include "models/calibrated_model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

} // namespace

// Fewer blocks than this do not move a module's model: six batch-1
// classifier layers taught the linear model a factor that overshot a
// transformer's token-wide matrix products by 20%.
constexpr int kMinCorrectionBlocks = 10;

namespace {

struct SlopedCorrection
{
    double shift = 0;
    double slope = 1;
    double medianFactor = 1; // the blocks' median of corrected / predicted
    double mape = 0;         // % over the blocks
};

// The slopes a block correction may take: a model that far off in how its
// cost grows is not corrected, it is retrained.
constexpr double kMinSlope = 0.75, kMaxSlope = 1.25;

// The median of the slopes between pairs of points at least 0.1 apart in x.
std::optional<double> theilSenSlope(const std::vector<double> &x, const std::vector<double> &y)
{
    std::vector<double> slopes;
    for (size_t i = 0; i < x.size(); ++i) {
        for (size_t j = i + 1; j < x.size(); ++j) {
            if (std::fabs(x[j] - x[i]) > 0.1)
                slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
        }
    }
    if (slopes.empty())
        return std::nullopt;
    return median(std::move(slopes));
}

// log measured = shift + slope * log predicted through the blocks by
// Theil-Sen (the median of the slopes between pairs of blocks, then the
// median intercept): one block the per-layer timing caught badly moves
// neither. Nothing when the blocks span less than a decade of predicted
// time or the slope is outside [kMinSlope, kMaxSlope]; nothing either
// unless the runs whose own blocks span half a decade (five or more
// blocks) all lean the same way: large blocks of one network and small
// ones of another measured at another moment of a shared machine make a
// slope that no network shows (conv2d's 1.06 in one calibration, none in
// the next, which put MobileNetV2's projections 6-10% under).
std::optional<SlopedCorrection> sloped(const std::vector<const BlockObservation *> &observed)
{
    std::vector<double> x, y;
    std::map<QString, std::pair<std::vector<double>, std::vector<double>>> byRun;
    for (const BlockObservation *b : observed) {
        x.push_back(std::log(b->predictedMs));
        y.push_back(std::log(b->measuredMs));
        byRun[b->network].first.push_back(x.back());
        byRun[b->network].second.push_back(y.back());
    }
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    if (x.size() < 3 || *hi - *lo < std::log(10.0))
        return std::nullopt;
    const std::optional<double> slope = theilSenSlope(x, y);
    if (!slope)
        return std::nullopt;
    SlopedCorrection c;
    c.slope = *slope;
    if (c.slope < kMinSlope || c.slope > kMaxSlope)
        return std::nullopt;
    int runs = 0;
    for (const auto &[run, points] : byRun) {
        const auto [first, last] = std::minmax_element(points.first.begin(), points.first.end());
        if (points.first.size() < 5 || *last - *first < std::log(std::sqrt(10.0)))
            continue;
        const std::optional<double> own = theilSenSlope(points.first, points.second);
        if (!own || (*own - 1) * (c.slope - 1) <= 0)
            return std::nullopt;
        ++runs;
    }
    if (runs == 0)
        return std::nullopt;
    std::vector<double> intercepts, factors;
    for (size_t i = 0; i < x.size(); ++i)
        intercepts.push_back(y[i] - c.slope * x[i]);
    c.shift = median(intercepts);
    for (size_t i = 0; i < x.size(); ++i) {
        const double corrected = std::exp(c.shift + c.slope * x[i]);
        factors.push_back(corrected / std::exp(x[i]));
        c.mape += std::fabs(corrected - std::exp(y[i])) / std::exp(y[i]);
    }
    c.mape *= 100 / double(x.size());
    c.medianFactor = median(factors);
    return c;
}

// The blocks' mean error, %, with their predictions times factor.
double mapeAtFactor(const std::vector<const BlockObservation *> &blocks, double factor)
{
    double sum = 0;
    for (const BlockObservation *b : blocks)
        sum += std::fabs(b->predictedMs * factor - b->measuredMs) / b->measuredMs;
    return blocks.empty() ? 0 : 100 * sum / double(blocks.size());
}

// Memory-bound: the module moves more than it computes. Dense convolutions
// and matrix products are the compute-bound ones.
bool memoryBound(const ModuleSpec &m)
{
    static const QStringList compute{QStringLiteral("Conv"), QStringLiteral("ConvTranspose"),
                                     QStringLiteral("Gemm"), QStringLiteral("MatMul")};
    return m.depthwise || !compute.contains(m.op);
}

// Composes log y = shift + slope · (the latency model's) onto the model: of
// every row, or of one backend's (gemm given).
void composeLatency(const ModuleTraining &m, TargetTraining *latency, double shift, double slope,
                    const std::optional<bool> &gemm)
{
    auto *calibrated = dynamic_cast<CalibratedModel *>(latency->model.get());
    if (!calibrated) {
        latency->model = std::make_unique<CalibratedModel>(std::move(latency->model), 0, 1);
        calibrated = static_cast<CalibratedModel *>(latency->model.get());
        Candidate candidate;
        candidate.kind = QStringLiteral("calibrated");
        if (latency->selected >= 0)
            candidate.metrics = latency->candidates[latency->selected].metrics;
        latency->candidates.push_back(candidate);
        latency->selected = static_cast<int>(latency->candidates.size()) - 1;
    }
    if (gemm && !calibrated->split()) {
        if (const auto split = BackendSplit::of(m.op, m.encoding))
            calibrated->setSplit(*split);
    }
    calibrated->compose({shift, slope}, gemm);
}

// log y = shift + slope * log p on a module's latency model, composed with a
// correction it already has: of the rows of one backend where gemm is given
// (the model then splits its rows by backend), else of all. The module's
// in-network factor (for its stand-ins) is oneDNN's where split.
void correctLatency(DeviceProfile *profile, const ModuleTraining &m, TargetTraining *latency,
                    double shift, double slope, double factor, const std::optional<bool> &gemm)
{
    if (!gemm || !*gemm)
        profile->inNetworkFactors.try_emplace(m.module, 1.0).first->second *= factor;
    composeLatency(m, latency, shift, slope, gemm);
}

// One module's correction from its blocks (of one backend, or all): fills c
// and returns the log shift to apply with c.slope, or nullopt where none is
// applied (c.factor 1).
std::optional<double> fitCorrection(const std::vector<const BlockObservation *> &observed,
                                    NetworkCorrection *c)
{
    const double n = double(observed.size());
    // The median ratio (robust to a block the per-layer timing caught
    // badly) gives the shape; see the level below.
    std::vector<double> logs;
    for (const BlockObservation *b : observed)
        logs.push_back(std::log(b->measuredMs / b->predictedMs));
    double shift = median(std::move(logs));
    c->blocks = static_cast<int>(observed.size());
    c->factor = std::exp(shift);
    c->mapeBefore = mapeAtFactor(observed, 1);
    c->mapeAfter = mapeAtFactor(observed, c->factor);
    if (const auto line = sloped(observed);
        line && line->mape < 0.9 * c->mapeAfter && c->blocks >= kMinCorrectionBlocks) {
        shift = line->shift;
        c->slope = line->slope;
        c->factor = line->medianFactor;
    }
    // The median gives the shape; the level is set so that the blocks'
    // corrected predictions sum to their measured time: a network is a
    // sum, and a module whose blocks scatter above their typical ratio
    // (an addition right after a large convolution finds nothing of its
    // inputs in the caches) would otherwise leave every network short.
    // Each network run's blocks are weighted by its networkWeight (one
    // over its time): weighted by time alone, ResNet-50's batch-8
    // projections set conv2d's level and put ResNet-18's 3x3
    // convolutions 15% over. Where that level raises the blocks' mean error above the
    // uncorrected one, the median's level is kept. A factor alone is
    // shrunk toward 1 for few blocks.
    const auto mapeAt = [&](double at) {
        double sum = 0;
        for (const BlockObservation *b : observed) {
            const double corrected = std::exp(at + c->slope * std::log(b->predictedMs));
            sum += std::fabs(corrected - b->measuredMs) / b->measuredMs;
        }
        return sum * 100 / n;
    };
    double measuredSum = 0, correctedSum = 0;
    for (const BlockObservation *b : observed) {
        measuredSum += b->networkWeight * b->measuredMs;
        correctedSum += b->networkWeight * std::exp(shift + c->slope * std::log(b->predictedMs));
    }
    const double shape = shift;
    if (const double level = shift + std::log(measuredSum / correctedSum);
        mapeAt(level) < c->mapeBefore)
        shift = level;
    if (c->slope == 1)
        shift *= n / (n + 1);
    c->factor *= std::exp(shift - shape);
    c->mapeAfter = mapeAt(shift);
    // The median ratio suits most modules; where the blocks scatter so
    // that it makes them worse on average, or where too few blocks (of
    // one network's kind, often) were seen to carry it to others, the
    // model stays as it was.
    if (c->mapeAfter >= c->mapeBefore || c->blocks < kMinCorrectionBlocks) {
        c->factor = 1;
        c->slope = 1;
        c->mapeAfter = c->mapeBefore;
        return std::nullopt;
    }
    return shift;
}

const char *backendKey(bool gemm)
{
    return gemm ? "gemm" : "onednn";
}

} // namespace

void addProbeBlocks(std::vector<BlockObservation> *blocks, std::vector<BlockObservation> probes)
{
    std::set<QString> seen;
    for (const BlockObservation &b : *blocks) {
        if (!b.probe)
            seen.insert(b.module);
    }
    for (BlockObservation &p : probes) {
        if (seen.count(p.module))
            continue;
        p.probe = true;
        blocks->push_back(std::move(p));
    }
}

std::vector<NetworkCorrection> applyNetworkCorrections(DeviceProfile *profile,
                                                       const std::vector<BlockObservation> &blocks)
{
    std::map<QString, std::vector<const BlockObservation *>> byModule;
    for (const BlockObservation &b : blocks) {
        if (b.predictedMs > 0 && b.measuredMs > 0)
            byModule[b.module].push_back(&b);
    }
    std::vector<NetworkCorrection> out;
    for (ModuleTraining &m : profile->modules) {
        const auto found = byModule.find(m.module);
        if (found == byModule.end())
            continue;
        TargetTraining *latency = targetOf(m, Target::Latency);
        if (!latency)
            continue;
        const auto &observed = found->second;
        // Two libraries, two corrections, where each has enough blocks: one
        // level for both bent 3x3 convolutions by what 1x1 ones showed.
        std::vector<const BlockObservation *> byBackend[2];
        for (const BlockObservation *b : observed)
            byBackend[b->gemm ? 1 : 0].push_back(b);
        if (BackendSplit::of(m.op, m.encoding) &&
            byBackend[0].size() >= size_t(kMinCorrectionBlocks) &&
            byBackend[1].size() >= size_t(kMinCorrectionBlocks)) {
            for (const bool gemm : {false, true}) {
                NetworkCorrection c;
                c.module = m.module;
                c.backend = QString::fromLatin1(backendKey(gemm));
                if (const auto shift = fitCorrection(byBackend[gemm ? 1 : 0], &c))
                    correctLatency(profile, m, latency, *shift, c.slope, c.factor, gemm);
                out.push_back(c);
            }
            continue;
        }
        NetworkCorrection c;
        c.module = m.module;
        if (const auto shift = fitCorrection(observed, &c))
            correctLatency(profile, m, latency, *shift, c.slope, c.factor, std::nullopt);
        out.push_back(c);
    }
    return out;
}

void borrowNetworkCorrections(DeviceProfile *profile, const ProfilingSpec &spec,
                              const std::vector<BlockObservation> &blocks,
                              const std::map<QString, AloneCorrection> &alone,
                              std::vector<NetworkCorrection> *applied)
{
    // Each module's own blocks, for a borrowed factor to be judged on.
    std::map<QString, std::vector<const BlockObservation *>> blocksOf;
    for (const BlockObservation &b : blocks) {
        if (b.predictedMs > 0 && b.measuredMs > 0)
            blocksOf[b.module].push_back(&b);
    }
    const auto own = [](const NetworkCorrection &c) {
        return c.borrowedFrom.isEmpty() && (c.factor != 1 || c.slope != 1);
    };
    // The memory-bound modules' factor: the median over their blocks.
    std::vector<std::pair<double, double>> memoryFactors;
    std::map<QString, int> blocksCorrected; // per module, over its backends
    for (const NetworkCorrection &c : *applied) {
        const ModuleSpec *m = spec.module(c.module);
        if (m && memoryBound(*m) && own(c))
            memoryFactors.emplace_back(c.factor, c.blocks);
        if (own(c))
            blocksCorrected[c.module] += c.blocks;
    }
    const double memoryFactor = memoryFactors.empty() ? 1 : weightedMedian(memoryFactors);
    std::vector<NetworkCorrection> borrowed;
    for (ModuleTraining &m : profile->modules) {
        const ModuleSpec *mine = spec.module(m.module);
        TargetTraining *latency = targetOf(m, Target::Latency);
        int seenBlocks = 0;
        bool corrected = false; // by its own blocks or by a sibling's already
        for (const NetworkCorrection &c : *applied) {
            if (c.module == m.module) {
                seenBlocks += c.blocks;
                corrected = corrected || own(c) || !c.borrowedFrom.isEmpty();
            }
        }
        // Its correction stands, or was refused on enough blocks.
        if (!mine || !latency || corrected || seenBlocks >= kMinCorrectionBlocks)
            continue;
        // The sibling corrected on most blocks lends its corrections: one,
        // or one per backend.
        QString sibling;
        for (const auto &[module, count] : blocksCorrected) {
            const ModuleSpec *other = spec.module(module);
            if (other && other->op == mine->op && other->depthwise == mine->depthwise &&
                (sibling.isEmpty() || count > blocksCorrected[sibling]))
                sibling = module;
        }
        std::vector<NetworkCorrection> lent;
        for (const NetworkCorrection &c : *applied) {
            if (!sibling.isEmpty() && c.module == sibling && own(c))
                lent.push_back(c);
        }
        if (lent.empty() && memoryBound(*mine) && memoryFactor != 1) {
            NetworkCorrection c;
            c.factor = memoryFactor;
            lent.push_back(c);
        }
        const bool canSplit = BackendSplit::of(m.op, m.encoding).has_value();
        // The sibling's correction measured alone, where the module's own
        // samples set none: the factors lent are relative to it.
        const auto lender = sibling.isEmpty() ? alone.end() : alone.find(sibling);
        double aloneFactor = 0;
        // Only for a module no network ran: its own blocks judge the
        // factors lent against its model as it is.
        if (!lent.empty() && seenBlocks == 0 && lender != alone.end() && !alone.count(m.module)) {
            const AloneCorrection &a = lender->second;
            const bool split = canSplit && a.gemm.has_value();
            composeLatency(m, latency, a.all.offset, a.all.scale,
                           split ? std::optional(false) : std::nullopt);
            if (split)
                composeLatency(m, latency, a.gemm->offset, a.gemm->scale, true);
            aloneFactor = std::exp(a.all.offset);
        }
        for (const NetworkCorrection &from : lent) {
            NetworkCorrection c;
            c.module = m.module;
            c.backend = canSplit ? from.backend : QString();
            c.factor = from.factor;
            c.blocks = seenBlocks;
            c.borrowedFrom = sibling.isEmpty() ? tr("memory-bound modules") : sibling;
            c.borrowedAloneFactor = aloneFactor;
            // Too few blocks of its own to set a factor, but enough to refuse
            // one that fits them worse than none (ResNet's max pool at batch 1
            // and 8 against the memory-bound modules' x1.5).
            std::vector<const BlockObservation *> judged;
            if (const auto own = blocksOf.find(m.module); own != blocksOf.end()) {
                for (const BlockObservation *b : own->second) {
                    if (c.backend.isEmpty() || c.backend == QLatin1String(backendKey(b->gemm)))
                        judged.push_back(b);
                }
            }
            if (!judged.empty()) {
                c.mapeBefore = mapeAtFactor(judged, 1);
                c.mapeAfter = mapeAtFactor(judged, c.factor);
                if (c.mapeAfter >= c.mapeBefore)
                    continue;
            }
            const std::optional<bool> gemm =
                c.backend.isEmpty() ? std::nullopt
                                    : std::optional(c.backend == QLatin1String("gemm"));
            correctLatency(profile, m, latency, std::log(c.factor), 1.0, c.factor, gemm);
            borrowed.push_back(c);
        }
    }
    // A borrowed correction replaces the module's uncorrected entries.
    for (const NetworkCorrection &b : borrowed) {
        applied->erase(std::remove_if(applied->begin(), applied->end(),
                                      [&](const NetworkCorrection &c) {
                                          return c.module == b.module && c.borrowedFrom.isEmpty();
                                      }),
                       applied->end());
    }
    applied->insert(applied->end(), borrowed.begin(), borrowed.end());
}

} // namespace layerlens::core
