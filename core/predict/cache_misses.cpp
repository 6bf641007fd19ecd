#include "predict/cache_misses.h"

#include "measure/statistics.h"
#include "models/regression_model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace layerlens::core {

namespace {

constexpr int kMinBlocks = 20;
// The share of the blocks' mean error the costs must take off to be kept:
// less is what five free costs find in noise alone.
constexpr double kMinRelativeGain = 0.02;
constexpr int kIterations = 30;

// The observed blocks as a regression problem: per row its module's index,
// its predicted and measured time and its cache features (two per level,
// then the MiB written beyond the run's high-water mark).
struct Problem
{
    std::vector<int> module;
    Vector predicted, measured;
    Matrix features;
    int modules = 0;
};

Problem problemOf(const std::vector<const BlockObservation *> &rows, size_t levels)
{
    Problem p;
    std::map<QString, int> index;
    const auto n = static_cast<Eigen::Index>(rows.size());
    p.predicted.resize(n);
    p.measured.resize(n);
    p.features = Matrix::Zero(n, Eigen::Index(2 * levels + 1));
    for (Eigen::Index r = 0; r < n; ++r) {
        const BlockObservation &b = *rows[r];
        p.module.push_back(index.try_emplace(b.module, int(index.size())).first->second);
        p.predicted[r] = b.predictedMs;
        p.measured[r] = b.measuredMs;
        for (size_t l = 0; l < levels; ++l) {
            p.features(r, Eigen::Index(2 * l)) = b.coldMiB[l];
            p.features(r, Eigen::Index(2 * l + 1)) = b.overflow[l];
        }
        p.features(r, Eigen::Index(2 * levels)) = b.coldWriteMiB;
    }
    p.modules = int(index.size());
    return p;
}

// Least squares of a * k = b with k >= 0, for a few columns: of the
// unconstrained solutions on every subset of the columns, the best one
// without a negative entry.
Vector nonNegativeFit(const Matrix &a, const Vector &b)
{
    const auto n = a.cols();
    Vector best = Vector::Zero(n);
    double bestError = b.squaredNorm();
    for (int mask = 1; mask < (1 << n); ++mask) {
        std::vector<Eigen::Index> columns;
        for (Eigen::Index c = 0; c < n; ++c) {
            if (mask >> c & 1)
                columns.push_back(c);
        }
        Matrix sub(a.rows(), Eigen::Index(columns.size()));
        for (size_t i = 0; i < columns.size(); ++i)
            sub.col(Eigen::Index(i)) = a.col(columns[i]);
        const Vector solution = sub.colPivHouseholderQr().solve(b);
        if ((solution.array() < 0).any() || !solution.allFinite())
            continue;
        Vector k = Vector::Zero(n);
        for (size_t i = 0; i < columns.size(); ++i)
            k[columns[i]] = solution[Eigen::Index(i)];
        const double error = (a * k - b).squaredNorm();
        if (error < bestError) {
            bestError = error;
            best = k;
        }
    }
    return best;
}

struct Solution
{
    Vector factors; // per module
    Vector costs;   // per feature column
};

// The module factors for fixed costs, then the costs for fixed factors, in
// turn: each step lowers the sum of squared relative errors.
Solution solve(const Problem &p, bool withCosts)
{
    Solution s{Vector::Ones(p.modules), Vector::Zero(p.features.cols())};
    const Vector weight = p.measured.cwiseInverse();
    for (int i = 0; i < (withCosts ? kIterations : 1); ++i) {
        const Vector rest = p.measured - p.features * s.costs;
        Vector num = Vector::Zero(p.modules), den = Vector::Zero(p.modules);
        for (Eigen::Index r = 0; r < p.measured.size(); ++r) {
            const double w2 = weight[r] * weight[r];
            num[p.module[r]] += w2 * p.predicted[r] * rest[r];
            den[p.module[r]] += w2 * p.predicted[r] * p.predicted[r];
        }
        for (int m = 0; m < p.modules; ++m)
            s.factors[m] = den[m] > 0 ? std::max(num[m] / den[m], 0.05) : 1.0;
        if (!withCosts)
            break;
        Vector explained(p.measured.size());
        for (Eigen::Index r = 0; r < p.measured.size(); ++r)
            explained[r] = s.factors[p.module[r]] * p.predicted[r];
        const Matrix a = weight.asDiagonal() * p.features;
        s.costs = nonNegativeFit(a, weight.cwiseProduct(p.measured - explained));
    }
    return s;
}

// Relative errors of the solution, per row.
std::vector<double> errorsOf(const Problem &p, const Solution &s)
{
    std::vector<double> errors;
    const Vector extra = p.features * s.costs;
    for (Eigen::Index r = 0; r < p.measured.size(); ++r) {
        const double fitted = s.factors[p.module[r]] * p.predicted[r] + extra[r];
        errors.push_back(std::fabs(fitted - p.measured[r]) / p.measured[r]);
    }
    return errors;
}

double meanError(const Problem &p, const Solution &s)
{
    const std::vector<double> errors = errorsOf(p, s);
    return std::accumulate(errors.begin(), errors.end(), 0.0) / double(errors.size());
}

} // namespace

CacheMissFit fitCacheMisses(const std::vector<BlockObservation> &blocks,
                            const std::vector<double> &capacities)
{
    CacheMissFit fit;
    std::vector<const BlockObservation *> rows;
    for (const BlockObservation &b : blocks) {
        if (b.predictedMs > 0 && b.measuredMs > 0 && b.coldMiB.size() == capacities.size() &&
            b.overflow.size() == capacities.size())
            rows.push_back(&b);
    }
    if (capacities.empty() || int(rows.size()) < kMinBlocks)
        return fit;
    Problem problem = problemOf(rows, capacities.size());
    Solution solution = solve(problem, true);
    // Once: without the blocks the fit leaves far off.
    std::vector<double> errors = errorsOf(problem, solution);
    std::vector<double> sorted = errors;
    std::sort(sorted.begin(), sorted.end());
    const double limit = std::max(0.5, 4 * quantile(sorted, 0.5));
    std::vector<const BlockObservation *> kept;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (errors[i] <= limit)
            kept.push_back(rows[i]);
    }
    if (kept.size() < rows.size() && int(kept.size()) >= kMinBlocks) {
        problem = problemOf(kept, capacities.size());
        solution = solve(problem, true);
    }
    fit.blocks = int(problem.measured.size());
    fit.mapeBefore = 100 * meanError(problem, solve(problem, false));
    fit.mapeAfter = 100 * meanError(problem, solution);
    if (!(fit.mapeAfter < (1 - kMinRelativeGain) * fit.mapeBefore) || solution.costs.isZero()) {
        fit.mapeAfter = fit.mapeBefore;
        return fit;
    }
    for (size_t l = 0; l < capacities.size(); ++l) {
        fit.costs.push_back({capacities[l], solution.costs[Eigen::Index(2 * l)],
                             solution.costs[Eigen::Index(2 * l + 1)]});
    }
    fit.coldWriteMsPerMiB = solution.costs[Eigen::Index(2 * capacities.size())];
    return fit;
}

QString cacheMissesToText(const CacheMissFit &fit, const std::vector<double> &capacities)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("layerlens::core", text);
    };
    if (capacities.empty())
        return tr("cache misses inside networks: this machine lists no cache sizes; not fitted\n");
    if (fit.costs.empty()) {
        return tr("cache misses inside networks: no cost lowers the error of the %1 observed "
                  "blocks; none fitted\n")
            .arg(fit.blocks);
    }
    QString text = tr("cache misses inside networks (%1 blocks; MAPE with a factor per module %2 "
                      "% -> %3 % with these):\n")
                       .arg(fit.blocks)
                       .arg(fit.mapeBefore, 0, 'f', 1)
                       .arg(fit.mapeAfter, 0, 'f', 1);
    for (const DeviceProfile::CacheMissCost &c : fit.costs) {
        text += tr("  %1 MiB cache: %2 us per MiB read from beyond it, %3 us after blocks that "
                   "overflowed it\n")
                    .arg(c.capacityBytes / (1 << 20), 0, 'g', 4)
                    .arg(c.msPerMiB * 1000, 0, 'f', 2)
                    .arg(c.afterOverflowMs * 1000, 0, 'f', 2);
    }
    text += tr("  %1 us per MiB written beyond the run's high-water mark (memory last touched a "
               "run ago)\n")
                .arg(fit.coldWriteMsPerMiB * 1000, 0, 'f', 2);
    return text;
}

namespace {

// How many points of block MAPE a last-level capacity below the reported
// one must gain to be taken: less is within what one block more or less
// in the fit's outlier cut moves.
constexpr double kMinCapacityGain = 0.2;
// How close to the best fit's block MAPE, in points, a larger capacity's
// must come to be taken instead.
constexpr double kCapacityTolerance = 0.5;
// Fewer blocks on two threads than this fit no share of the misses.
constexpr int kMinThreadedBlocks = 20;
// The grid the share is chosen on: steps of 1 %.
constexpr int kShareSteps = 100;
// The grid of the overhead per block on two threads: 0 to 30 us by 0.5 us.
constexpr int kOverheadSteps = 60;
constexpr double kOverheadStepMs = 0.0005;

// The blocks described at the levels below the last and at one candidate
// of the last (column `last` of observedCapacities).
std::vector<BlockObservation> atCandidate(const std::vector<BlockObservation> &blocks, size_t lower,
                                          size_t last)
{
    std::vector<BlockObservation> out = blocks;
    for (BlockObservation &b : out) {
        if (b.coldMiB.size() <= last || b.overflow.size() <= last)
            continue; // not described at every candidate: the fit leaves it out
        b.coldMiB[lower] = b.coldMiB[last];
        b.overflow[lower] = b.overflow[last];
        b.coldMiB.resize(lower + 1);
        b.overflow.resize(lower + 1);
    }
    return out;
}

} // namespace

std::vector<double> lastLevelCandidates(const std::vector<double> &reported)
{
    if (reported.empty())
        return {};
    const double floor = reported.size() > 1 ? 2 * reported[reported.size() - 2] : 1 << 20;
    std::vector<double> out{reported.back()};
    while (out.back() / 2 >= floor)
        out.push_back(out.back() / 2);
    return out;
}

std::vector<double> observedCapacities(const std::vector<double> &reported)
{
    if (reported.empty())
        return {};
    std::vector<double> out(reported.begin(), reported.end() - 1);
    for (double c : lastLevelCandidates(reported))
        out.push_back(c);
    return out;
}

size_t chooseLastLevel(const std::vector<CacheMissFit> &fits)
{
    if (fits.empty())
        return 0;
    const double atReported = fits[0].mapeAfter;
    double best = atReported;
    for (const CacheMissFit &fit : fits) {
        if (!fit.costs.empty())
            best = std::min(best, fit.mapeAfter);
    }
    // The largest capacity whose fit comes within kCapacityTolerance of the
    // best one's: the blocks' error is flat over a range of capacities,
    // with minima a factor of four apart that calibrations of one machine
    // took by chance (15 or 60 MiB on the Xeon VM).
    for (size_t k = 1; k < fits.size(); ++k) {
        if (atReported <= best + kCapacityTolerance)
            break;
        if (!fits[k].costs.empty() && fits[k].mapeAfter <= best + kCapacityTolerance &&
            fits[k].mapeAfter <= atReported - kMinCapacityGain)
            return k;
    }
    return 0;
}

CacheLevelsFit fitCacheLevels(std::vector<BlockObservation> *blocks,
                              const std::vector<double> &reported)
{
    CacheLevelsFit levels;
    levels.capacities = reported;
    if (reported.empty()) {
        levels.fit = fitCacheMisses(*blocks, reported);
        return levels;
    }
    const size_t lower = reported.size() - 1;
    const std::vector<double> candidates = lastLevelCandidates(reported);
    levels.reportedLast = reported.back();
    std::vector<CacheMissFit> fits;
    for (size_t k = 0; k < candidates.size(); ++k) {
        std::vector<double> capacities = reported;
        capacities.back() = candidates[k];
        fits.push_back(fitCacheMisses(atCandidate(*blocks, lower, lower + k), capacities));
    }
    levels.mapeAtReported = fits[0].mapeAfter;
    const size_t chosenLevel = chooseLastLevel(fits);
    levels.fit = fits[chosenLevel];
    levels.capacities = reported;
    levels.capacities.back() = candidates[chosenLevel];
    *blocks = atCandidate(*blocks, lower, lower + chosenLevel);
    return levels;
}

QString cacheLevelsToText(const CacheLevelsFit &levels)
{
    QString text = cacheMissesToText(levels.fit, levels.capacities);
    if (levels.capacities.empty() || levels.reportedLast <= 0 ||
        levels.capacities.back() == levels.reportedLast)
        return text;
    return text + QCoreApplication::translate(
                      "layerlens::core",
                      "  the blocks fit the last level best at %1 MiB of the %2 MiB reported "
                      "(MAPE %3 % -> %4 %): a cache this machine shares with others\n")
                      .arg(levels.capacities.back() / (1 << 20), 0, 'g', 4)
                      .arg(levels.reportedLast / (1 << 20), 0, 'g', 4)
                      .arg(levels.mapeAtReported, 0, 'f', 1)
                      .arg(levels.fit.mapeAfter, 0, 'f', 1);
}

double cacheMissMs(const CacheMissFit &fit, const BlockObservation &block)
{
    const std::vector<DeviceProfile::CacheMissCost> &costs = fit.costs;
    double ms = fit.coldWriteMsPerMiB * block.coldWriteMiB;
    for (size_t l = 0; l < costs.size() && l < block.coldMiB.size() && l < block.overflow.size();
         ++l)
        ms += costs[l].msPerMiB * block.coldMiB[l] + costs[l].afterOverflowMs * block.overflow[l];
    return ms;
}

namespace {

// The scales tried: coarse, as three or four held-out networks tell them.
constexpr double kCostScales[] = {1, 1.25, 1.5, 2, 2.5, 3};
// Points of held-out block MAPE a scale other than 1 must gain.
constexpr double kMinScaleGain = 0.2;
// Networks that must be predicted in turn for a scale to be chosen.
constexpr int kMinHeldOutNetworks = 3;
// The fewest blocks the other networks must show of a module for its
// factor to predict the held-out network's (as an in-network correction
// needs): a vision transformer's linear layers are not predicted from the
// other networks' classifier heads.
constexpr int kMinFactorBlocks = 10;

// Held-out mean relative error (%) of the networks' blocks at a scale, each
// network weighted alike; counts what was predicted.
double heldOutError(const std::vector<const BlockObservation *> &rows,
                    const std::vector<double> &costs, const std::vector<QString> &sources,
                    int *blocksPredicted, int *networksPredicted)
{
    double sum = 0;
    int networks = 0;
    *blocksPredicted = 0;
    for (const QString &heldOut : sources) {
        std::map<QString, std::vector<double>> ratios;
        for (size_t i = 0; i < rows.size(); ++i) {
            const BlockObservation &b = *rows[i];
            if (b.source == heldOut)
                continue;
            const double rest = std::max(b.measuredMs - costs[i], 0.25 * b.measuredMs);
            ratios[b.module].push_back(rest / b.predictedMs);
        }
        std::map<QString, double> factors;
        for (auto &[module, r] : ratios) {
            if (int(r.size()) >= kMinFactorBlocks)
                factors[module] = median(std::move(r));
        }
        double networkSum = 0;
        int count = 0;
        for (size_t i = 0; i < rows.size(); ++i) {
            const BlockObservation &b = *rows[i];
            const auto f = factors.find(b.module);
            if (b.source != heldOut || f == factors.end())
                continue;
            networkSum +=
                std::fabs(f->second * b.predictedMs + costs[i] - b.measuredMs) / b.measuredMs;
            ++count;
        }
        if (count > 0) {
            sum += networkSum / count;
            ++networks;
            *blocksPredicted += count;
        }
    }
    *networksPredicted = networks;
    return networks > 0 ? 100 * sum / networks : 0.0;
}

} // namespace

QString costScaleToText(const CostScaleChoice &choice)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("layerlens::core", text);
    };
    if (choice.blocks == 0)
        return {};
    if (choice.scale == 1) {
        return tr("  costs per MiB read as fitted: they predict each of the %1 networks' blocks "
                  "from the other networks' best (held-out block MAPE %2 %)\n")
            .arg(choice.networks)
            .arg(choice.mapeAtOne, 0, 'f', 1);
    }
    return tr("  costs per MiB read above: x%1 the fitted ones, which predict each of the %2 "
              "networks' blocks from the other networks' best (held-out block MAPE %3 % as "
              "fitted, %4 % at x%1)\n")
        .arg(choice.scale, 0, 'g', 3)
        .arg(choice.networks)
        .arg(choice.mapeAtOne, 0, 'f', 1)
        .arg(choice.mapeChosen, 0, 'f', 1);
}

CacheMissFit scaledReadCosts(CacheMissFit fit, double scale)
{
    for (DeviceProfile::CacheMissCost &c : fit.costs)
        c.msPerMiB *= scale;
    return fit;
}

CostScaleChoice chooseCostScale(const std::vector<BlockObservation> &blocks,
                                const CacheMissFit &fit)
{
    CostScaleChoice choice;
    std::vector<const BlockObservation *> rows;
    std::vector<QString> sources; // of the networks; probes' blocks are never held out
    for (const BlockObservation &b : blocks) {
        if (!(b.predictedMs > 0) || !(b.measuredMs > 0))
            continue;
        rows.push_back(&b);
        if (!b.probe && std::find(sources.begin(), sources.end(), b.source) == sources.end())
            sources.push_back(b.source);
    }
    if (fit.costs.empty())
        return choice;
    std::vector<double> costs(rows.size());
    auto errorAt = [&](double scale, int *predicted, int *networks) {
        const CacheMissFit scaled = scaledReadCosts(fit, scale);
        for (size_t i = 0; i < rows.size(); ++i)
            costs[i] = cacheMissMs(scaled, *rows[i]);
        return heldOutError(rows, costs, sources, predicted, networks);
    };
    choice.mapeAtOne = errorAt(1, &choice.blocks, &choice.networks);
    choice.mapeChosen = choice.mapeAtOne;
    if (choice.networks < kMinHeldOutNetworks) {
        choice.blocks = 0;
        return choice;
    }
    for (double scale : kCostScales) {
        if (scale == 1)
            continue; // mapeAtOne
        int predicted = 0, networks = 0;
        const double e = errorAt(scale, &predicted, &networks);
        if (e < choice.mapeChosen && e <= choice.mapeAtOne - kMinScaleGain) {
            choice.scale = scale;
            choice.mapeChosen = e;
        }
    }
    return choice;
}

ThreadShareFit fitThreadShare(const std::vector<ThreadedBlock> &blocks)
{
    ThreadShareFit fit;
    fit.blocks = static_cast<int>(blocks.size());
    double misses = 0, measured = 0;
    for (const ThreadedBlock &b : blocks) {
        if (b.measuredMs > 0) {
            misses += b.missMs;
            measured += b.measuredMs;
        }
    }
    // The blocks' weighted mean absolute relative error at a share and an
    // overhead per block.
    const auto error = [&](double share, double overhead, bool weighted) {
        double sum = 0, weights = 0;
        for (const ThreadedBlock &b : blocks) {
            if (!(b.measuredMs > 0))
                continue;
            const double w = weighted ? b.weight : 1.0;
            sum += w * std::fabs(b.withoutMissesMs + share * b.missMs + overhead - b.measuredMs) /
                   b.measuredMs;
            weights += w;
        }
        return weights > 0 ? sum / weights * 100 : 0.0;
    };
    fit.mapeBefore = error(1, 0, false);
    fit.mapeAfter = fit.mapeBefore;
    if (fit.blocks < kMinThreadedBlocks)
        return fit;
    // The weighted error is convex in both: the best of a fine grid. Misses
    // too small to tell a share keep the whole.
    const int shareSteps = misses < 0.02 * measured ? 0 : kShareSteps;
    double best = error(1, 0, true);
    for (int step = 0; step <= shareSteps; ++step) {
        const double share = shareSteps > 0 ? double(step) / shareSteps : 1.0;
        for (int o = 0; o <= kOverheadSteps; ++o) {
            const double overhead = o * kOverheadStepMs;
            const double e = error(share, overhead, true);
            if (e < best) {
                best = e;
                fit.share = share;
                fit.blockOverheadMs = overhead;
            }
        }
    }
    fit.fitted = true;
    fit.mapeAfter = error(fit.share, fit.blockOverheadMs, false);
    return fit;
}

std::vector<TwoThreadFactor> fitTwoThreadFactors(const std::vector<ThreadedBlock> &blocks,
                                                 const ThreadShareFit &fit)
{
    // Per module, per run: log(measured / predicted at the share and overhead).
    std::map<QString, std::map<QString, std::vector<double>>> logs;
    std::map<QString, double> reach; // per module, the largest prediction
    for (const ThreadedBlock &b : blocks) {
        const double predicted = b.withoutMissesMs + fit.share * b.missMs + fit.blockOverheadMs;
        if (b.measuredMs > 0 && predicted > 0 && !b.module.isEmpty()) {
            logs[b.module][b.run].push_back(std::log(b.measuredMs / predicted));
            reach[b.module] = std::max(reach[b.module], predicted);
        }
    }
    std::vector<TwoThreadFactor> out;
    for (const auto &[module, runs] : logs) {
        std::vector<double> all;
        int above = 0, below = 0;
        for (const auto &[run, values] : runs) {
            all.insert(all.end(), values.begin(), values.end());
            const double m = median(values);
            above += m > 0 ? 1 : 0;
            below += m < 0 ? 1 : 0;
        }
        if (runs.size() < 2 || (above > 0 && below > 0) || above + below < int(runs.size()))
            continue;
        const double n = double(all.size());
        TwoThreadFactor f;
        f.module = module;
        f.blocks = static_cast<int>(all.size());
        f.runs = static_cast<int>(runs.size());
        f.reachMs = reach[module];
        f.factor = std::exp(median(all) * n / (n + 1));
        for (double r : all) {
            f.mapeBefore += std::fabs(std::expm1(-r)) / n * 100;
            f.mapeAfter += std::fabs(f.factor * std::exp(-r) - 1) / n * 100;
        }
        if (f.mapeAfter < 0.9 * f.mapeBefore)
            out.push_back(f);
    }
    return out;
}

QString twoThreadFactorKey(const QString &module, const std::map<QString, QString> &families,
                           const std::map<QString, int64_t> &params)
{
    const auto family = families.find(module);
    const auto kernel = params.find(QStringLiteral("kernel"));
    if (family == families.end() || family->second != QLatin1String("Conv") ||
        kernel == params.end())
        return module; // not a dense convolution
    return family->second + (kernel->second == 1 ? QStringLiteral(" 1x1") : QStringLiteral(" kxk"));
}

} // namespace layerlens::core
