#include "predict/calibration.h"

#include "measure/statistics.h"
#include "models/calibrated_model.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

double mapeOf(const Vector &logPredicted, const Vector &truth, std::vector<double> *errors)
{
    double sum = 0;
    for (Eigen::Index i = 0; i < truth.size(); ++i) {
        const double e = std::fabs(std::exp(logPredicted[i]) - truth[i]) / truth[i];
        sum += e;
        if (errors)
            errors->push_back(e);
    }
    return truth.size() > 0 ? 100 * sum / double(truth.size()) : 0;
}

} // namespace

std::unique_ptr<DeviceProfile> calibrateProfile(const DeviceProfile &base, const QString &baseDir,
                                                const std::vector<Sample> &samples,
                                                double testShare, uint64_t seed,
                                                CalibrationReport *report, QString *error)
{
    if (samples.empty()) {
        *error = tr("no samples of this device to calibrate with");
        return nullptr;
    }
    // A fresh copy of the base: its models are loaded again, then wrapped.
    auto profile = DeviceProfile::load(baseDir, error);
    if (!profile)
        return nullptr;
    profile->device = samples.front().deviceFingerprint;
    profile->deviceInfo = samples.front().deviceInfo;
    QJsonObject provenance;
    provenance.insert(QStringLiteral("calibrated_from"),
                      QJsonObject{{QStringLiteral("profile"), baseDir},
                                  {QStringLiteral("device"), base.device},
                                  {QStringLiteral("provenance"), base.provenance}});
    provenance.insert(QStringLiteral("calibration_samples"), static_cast<qint64>(samples.size()));
    profile->provenance = provenance;

    std::map<QString, std::vector<Sample>> byModule;
    for (const Sample &s : samples)
        byModule[s.module].push_back(s);
    double beforeSum = 0, afterSum = 0;
    for (ModuleTraining &m : profile->modules) {
        const auto found = byModule.find(m.module);
        if (found == byModule.end()) {
            report->uncovered.append(m.module);
            continue;
        }
        // Configurations outside what the base model was trained on (a
        // squeeze-excitation's 1x1 maps, where the models knew 7x7 and up)
        // say where it extrapolates, not how this device differs: fitted
        // along, their errors bent the correction of every configuration.
        std::vector<Sample> local;
        int outside = 0;
        for (const Sample &s : found->second) {
            if (m.encoding.outsideRange(m.encoding.encode(s)) >= 0)
                ++outside;
            else
                local.push_back(s);
        }
        if (local.empty()) {
            report->uncovered.append(m.module);
            continue;
        }
        std::vector<int> fitRows, heldRows;
        splitByConfiguration(local, testShare, seed, &fitRows, &heldRows);
        for (TargetTraining &t : m.targets) {
            auto measured = [&](const std::vector<int> &rows) {
                std::vector<int> out;
                for (int r : rows) {
                    if (targetValue(local[r], t.target) > 0)
                        out.push_back(r);
                }
                return out;
            };
            const std::vector<int> fit = measured(fitRows), held = measured(heldRows);
            std::vector<int> every = fit;
            every.insert(every.end(), held.begin(), held.end());
            if (every.empty())
                continue;
            auto logs = [&](const std::vector<int> &rows) {
                Vector y(static_cast<Eigen::Index>(rows.size()));
                for (size_t i = 0; i < rows.size(); ++i)
                    y[static_cast<Eigen::Index>(i)] =
                        std::log(targetValue(local[rows[i]], t.target));
                return y;
            };
            ModuleCalibration c;
            c.module = m.module;
            c.target = t.target;
            c.fitSamples = static_cast<int>(fit.size());
            c.heldOutSamples = static_cast<int>(held.size());
            c.outsideSamples = outside;
            QString problem;
            std::vector<double> heldErrors;
            if (!fit.empty() && !held.empty()) {
                const Matrix xHeld = m.encoding.encode(local, held);
                const Vector truth = logs(held).array().exp();
                c.mapeBefore = mapeOf(t.model->predict(xHeld), truth, nullptr);
                auto inner = createModel(t.model->kind());
                QString unused;
                // The same base model again, to wrap without giving up t.model yet.
                if (inner && inner->fromJson(t.model->toJson(), &unused)) {
                    CalibratedModel trial(std::move(inner), 0, 1);
                    if (trial.fit(m.encoding.encode(local, fit), logs(fit), &problem))
                        c.mapeAfter = mapeOf(trial.predict(xHeld), truth, &heldErrors);
                }
            }
            // A correction that does not beat the base model on held-out
            // configurations (or cannot be judged) is not applied: the base
            // already fits this device as well as the samples can tell.
            c.applied = !heldErrors.empty() && c.mapeAfter < c.mapeBefore;
            if (!c.applied)
                c.mapeAfter = c.mapeBefore;
            if (t.target == Target::Latency && !held.empty() && !fit.empty()) {
                beforeSum += c.mapeBefore * double(held.size());
                afterSum += c.mapeAfter * double(held.size());
                report->latencyHeldOut += static_cast<int>(held.size());
            }
            if (!c.applied) {
                report->modules.push_back(c);
                continue;
            }
            // The correction refitted on every sample, replacing the model.
            auto calibrated = std::make_unique<CalibratedModel>(std::move(t.model), 0, 1);
            if (!calibrated->fit(m.encoding.encode(local, every), logs(every), error))
                return nullptr;
            calibrated->absorbCalibratedInner();
            // Refitted to the module measured alone: an earlier in-network
            // factor folded into the base model is fitted away.
            if (t.target == Target::Latency)
                profile->inNetworkFactors.erase(m.module);
            c.offset = calibrated->offset();
            c.scale = calibrated->scale();
            t.model = std::move(calibrated);
            Candidate candidate;
            candidate.kind = QStringLiteral("calibrated");
            if (t.selected >= 0)
                candidate.metrics = t.candidates[t.selected].metrics;
            candidate.metrics.trainSamples = static_cast<int>(every.size());
            if (!heldErrors.empty()) {
                candidate.metrics.mape = c.mapeAfter;
                candidate.metrics.testSamples = static_cast<int>(heldErrors.size());
                std::sort(heldErrors.begin(), heldErrors.end());
                candidate.metrics.p90 =
                    100 * heldErrors[std::min(heldErrors.size() - 1,
                                              static_cast<size_t>(0.9 * heldErrors.size()))];
            }
            t.candidates.push_back(candidate);
            t.selected = static_cast<int>(t.candidates.size()) - 1;
            report->modules.push_back(c);
        }
    }
    if (report->latencyHeldOut > 0) {
        report->latencyMapeBefore = beforeSum / report->latencyHeldOut;
        report->latencyMapeAfter = afterSum / report->latencyHeldOut;
    }
    return profile;
}

// Fewer blocks than this do not move a module's model: six batch-1
// classifier layers taught the linear model a factor that overshot a
// transformer's token-wide matrix products by 20%.
constexpr int kMinCorrectionBlocks = 10;

namespace {

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return quantile(v, 0.5);
}

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
    return medianOf(std::move(slopes));
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
    c.shift = medianOf(intercepts);
    for (size_t i = 0; i < x.size(); ++i) {
        const double corrected = std::exp(c.shift + c.slope * x[i]);
        factors.push_back(corrected / std::exp(x[i]));
        c.mape += std::fabs(corrected - std::exp(y[i])) / std::exp(y[i]);
    }
    c.mape *= 100 / double(x.size());
    c.medianFactor = medianOf(factors);
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

TargetTraining *latencyTarget(ModuleTraining &m)
{
    for (TargetTraining &t : m.targets) {
        if (t.target == Target::Latency && t.model)
            return &t;
    }
    return nullptr;
}

// log y = shift + slope * log p on a module's latency model, composed with a
// correction it already has.
void correctLatency(DeviceProfile *profile, const QString &module, TargetTraining *latency,
                    double shift, double slope, double factor)
{
    profile->inNetworkFactors.try_emplace(module, 1.0).first->second *= factor;
    auto *calibrated = dynamic_cast<CalibratedModel *>(latency->model.get());
    if (calibrated) {
        // log y = shift + slope * (offset + scale * p)
        calibrated->setCorrection(shift + slope * calibrated->offset(),
                                  slope * calibrated->scale());
        return;
    }
    latency->model = std::make_unique<CalibratedModel>(std::move(latency->model), shift, slope);
    Candidate candidate;
    candidate.kind = QStringLiteral("calibrated");
    if (latency->selected >= 0)
        candidate.metrics = latency->candidates[latency->selected].metrics;
    latency->candidates.push_back(candidate);
    latency->selected = static_cast<int>(latency->candidates.size()) - 1;
}

} // namespace

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
        TargetTraining *latency = latencyTarget(m);
        if (!latency)
            continue;
        const auto &observed = found->second;
        const double n = double(observed.size());
        // The median ratio (robust to a block the per-layer timing caught
        // badly) gives the shape; see the level below.
        std::vector<double> logs;
        for (const BlockObservation *b : observed)
            logs.push_back(std::log(b->measuredMs / b->predictedMs));
        double shift = medianOf(std::move(logs));
        NetworkCorrection c;
        c.module = m.module;
        c.blocks = static_cast<int>(observed.size());
        c.factor = std::exp(shift);
        c.mapeBefore = mapeAtFactor(observed, 1);
        c.mapeAfter = mapeAtFactor(observed, c.factor);
        if (const auto line = sloped(observed);
            line && line->mape < 0.9 * c.mapeAfter && c.blocks >= kMinCorrectionBlocks) {
            shift = line->shift;
            c.slope = line->slope;
            c.factor = line->medianFactor;
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
                const double corrected = std::exp(at + c.slope * std::log(b->predictedMs));
                sum += std::fabs(corrected - b->measuredMs) / b->measuredMs;
            }
            return sum * 100 / n;
        };
        double measuredSum = 0, correctedSum = 0;
        for (const BlockObservation *b : observed) {
            measuredSum += b->networkWeight * b->measuredMs;
            correctedSum += b->networkWeight * std::exp(shift + c.slope * std::log(b->predictedMs));
        }
        const double shape = shift;
        if (const double level = shift + std::log(measuredSum / correctedSum);
            mapeAt(level) < c.mapeBefore)
            shift = level;
        if (c.slope == 1)
            shift *= n / (n + 1);
        c.factor *= std::exp(shift - shape);
        c.mapeAfter = mapeAt(shift);
        // The median ratio suits most modules; where the blocks scatter so
        // that it makes them worse on average, or where too few blocks (of
        // one network's kind, often) were seen to carry it to others, the
        // model stays as it was.
        if (c.mapeAfter >= c.mapeBefore || c.blocks < kMinCorrectionBlocks) {
            c.factor = 1;
            c.mapeAfter = c.mapeBefore;
            out.push_back(c);
            continue;
        }
        correctLatency(profile, m.module, latency, shift, c.slope, c.factor);
        out.push_back(c);
    }
    return out;
}

QString calibrationToTable(const CalibrationReport &report)
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                      .arg(tr("module").leftJustified(22), tr("target").leftJustified(13),
                           tr("fit/held").rightJustified(9), tr("MAPE before").rightJustified(12),
                           tr("after").rightJustified(8), tr("log y ="));
    for (const ModuleCalibration &c : report.modules) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(c.module.left(22).leftJustified(22), targetKey(c.target).leftJustified(13),
                        QStringLiteral("%1/%2")
                            .arg(c.fitSamples)
                            .arg(c.heldOutSamples)
                            .rightJustified(9))
                   .arg(c.heldOutSamples > 0 ? QString::number(c.mapeBefore, 'f', 2)
                                             : QStringLiteral("-"),
                        12)
                   .arg(c.heldOutSamples > 0 ? QString::number(c.mapeAfter, 'f', 2)
                                             : QStringLiteral("-"),
                        8)
                   .arg(c.applied ? QStringLiteral("%1 + %2 log p")
                                        .arg(c.offset, 0, 'f', 3)
                                        .arg(c.scale, 0, 'f', 3)
                                  : tr("kept (no held-out gain)"));
    }
    QStringList outside; // once per module, not per metric
    QString previous;
    for (const ModuleCalibration &c : report.modules) {
        if (c.outsideSamples > 0 && c.module != previous)
            outside.append(QStringLiteral("%1 %2").arg(c.module).arg(c.outsideSamples));
        previous = c.module;
    }
    if (!outside.isEmpty())
        out += tr("samples outside the range the base models were trained on, not used: %1\n")
                   .arg(outside.join(QStringLiteral(", ")));
    if (!report.uncovered.isEmpty())
        out += tr("no samples here, kept as they were: %1\n")
                   .arg(report.uncovered.join(QStringLiteral(", ")));
    if (report.latencyHeldOut > 0)
        out += tr("latency on %1 held-out samples of this device: MAPE %2 % before, %3 % after\n")
                   .arg(report.latencyHeldOut)
                   .arg(report.latencyMapeBefore, 0, 'f', 2)
                   .arg(report.latencyMapeAfter, 0, 'f', 2);
    return out;
}

void borrowNetworkCorrections(DeviceProfile *profile, const ProfilingSpec &spec,
                              const std::vector<BlockObservation> &blocks,
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
    for (const NetworkCorrection &c : *applied) {
        const ModuleSpec *m = spec.module(c.module);
        if (m && memoryBound(*m) && own(c))
            memoryFactors.emplace_back(c.factor, c.blocks);
    }
    const double memoryFactor = memoryFactors.empty() ? 1 : weightedMedian(memoryFactors);
    std::vector<NetworkCorrection> borrowed;
    for (ModuleTraining &m : profile->modules) {
        const ModuleSpec *mine = spec.module(m.module);
        TargetTraining *latency = latencyTarget(m);
        const auto seen =
            std::find_if(applied->begin(), applied->end(),
                         [&](const NetworkCorrection &c) { return c.module == m.module; });
        // Its own correction stands, or was refused on enough blocks.
        if (!mine || !latency ||
            (seen != applied->end() && (own(*seen) || seen->blocks >= kMinCorrectionBlocks)))
            continue;
        const NetworkCorrection *best = nullptr;
        for (const NetworkCorrection &c : *applied) {
            const ModuleSpec *other = spec.module(c.module);
            if (other && other->op == mine->op && other->depthwise == mine->depthwise && own(c) &&
                (!best || c.blocks > best->blocks))
                best = &c;
        }
        NetworkCorrection c;
        c.module = m.module;
        c.blocks = seen != applied->end() ? seen->blocks : 0;
        if (best) {
            c.factor = best->factor;
            c.borrowedFrom = best->module;
        } else if (memoryBound(*mine) && memoryFactor != 1) {
            c.factor = memoryFactor;
            c.borrowedFrom = tr("memory-bound modules");
        } else {
            continue;
        }
        // Too few blocks of its own to set a factor, but enough to refuse
        // one that fits them worse than none (ResNet's max pool at batch 1
        // and 8 against the memory-bound modules' x1.5).
        if (const auto mine = blocksOf.find(m.module); mine != blocksOf.end()) {
            c.mapeBefore = mapeAtFactor(mine->second, 1);
            c.mapeAfter = mapeAtFactor(mine->second, c.factor);
            if (c.mapeAfter >= c.mapeBefore)
                continue;
        }
        correctLatency(profile, m.module, latency, std::log(c.factor), 1.0, c.factor);
        if (seen != applied->end())
            *seen = c;
        else
            borrowed.push_back(c);
    }
    applied->insert(applied->end(), borrowed.begin(), borrowed.end());
}

} // namespace layerlens::core
