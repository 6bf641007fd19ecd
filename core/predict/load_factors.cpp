#include "predict/load_factors.h"

#include "graph/analyzed_network.h"
#include "measure/statistics.h"
#include "predict/in_network_spread.h"
#include "predict/network_predictor.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

constexpr double kSlopeLimit = 0.5;
constexpr double kSlopeStep = 0.01;

// The one-thread factor's range, and its step; the constant part's range
// it is fitted over alongside.
constexpr double kOneThreadMaxLog = 1.8; // x6
constexpr double kOneThreadCoarseStep = 0.1;
constexpr double kOneThreadStep = 0.01;
constexpr double kLogFactorLow = -1, kLogFactorHigh = 3;
// A training set tells the factor of blocks on one BLAS thread apart where
// some run spends at least this share of its no-load time in them (ViT-B/16
// at batch 1 about four fifths). With a tenth, calibrations without ViT
// fitted x1.08 to x3.25 from the few classifier and GEMM-convolution blocks
// of the others, and predicted ViT-B/16, Swin-T and ConvNeXt-T 17-43 %
// under; with ViT, x2.29 put them within 6-15 %.
constexpr double kMinOneThreadShare = 0.4;

// A factor (log factor, slope, block range; the one-thread blocks' own
// factor where it was fitted) for the runs it was fitted on.
struct LoadCandidate
{
    double logFactor = 0;
    double slope = 0;
    double lowMs = 0, highMs = 0;
    std::optional<double> oneThreadLogFactor;
    double sse = std::numeric_limits<double>::infinity();
};

// The network's blocks on more threads and the rest of it under load,
// divided by exp(logFactor).
double scaledSum(const LoadedRun &run, double slope, double lowMs, double highMs)
{
    double sum = run.restMs;
    for (double ms : run.blockMs) {
        if (ms > 0)
            sum += ms * std::exp(slope * std::log(std::clamp(ms, lowMs, highMs)));
    }
    return sum;
}

double oneThreadSum(const LoadedRun &run)
{
    return std::accumulate(run.oneThreadMs.begin(), run.oneThreadMs.end(), 0.0);
}

double predicted(const LoadedRun &run, const LoadCandidate &c)
{
    if (!c.oneThreadLogFactor)
        return std::exp(c.logFactor) * scaledSum(run, c.slope, c.lowMs, c.highMs);
    return std::exp(c.logFactor) * scaledSum(run, c.slope, c.lowMs, c.highMs) +
           std::exp(*c.oneThreadLogFactor) * oneThreadSum(run);
}

// Where the one-thread blocks are taken like the others (their times in
// the sums with the slope), for the fit without a factor of their own.
LoadedRun pooled(const LoadedRun &run)
{
    LoadedRun all = run;
    all.blockMs.insert(all.blockMs.end(), run.oneThreadMs.begin(), run.oneThreadMs.end());
    all.oneThreadMs.clear();
    return all;
}

// The squared log errors at (a, c) of runs with sums m (times exp(a)) and
// b (times exp(c)).
double squaredErrors(const std::vector<double> &logMeasured, const std::vector<double> &m,
                     const std::vector<double> &b, double a, double c)
{
    double sse = 0;
    for (size_t i = 0; i < m.size(); ++i) {
        const double e = std::log(std::exp(a) * m[i] + std::exp(c) * b[i]) - logMeasured[i];
        sse += e * e;
    }
    return sse;
}

// The least-squares factor in log time at each slope tried (every slope
// when sloped, else 0 only); the best. Where some run spends
// kMinOneThreadShare of its time on one BLAS thread, those blocks take a
// factor of their own (a grid from x1 to x6, the constant part by golden
// section for each); else they are taken like the others.
LoadCandidate fitOn(const std::vector<const LoadedRun *> &given, bool sloped)
{
    bool separate = false;
    for (const LoadedRun *run : given) {
        const double one = oneThreadSum(*run);
        separate = separate || one >= kMinOneThreadShare * (one + scaledSum(*run, 0, 1, 1));
    }
    std::vector<LoadedRun> pooledRuns;
    std::vector<const LoadedRun *> runs = given;
    if (!separate) {
        for (const LoadedRun *run : given)
            pooledRuns.push_back(pooled(*run));
        runs.clear();
        for (const LoadedRun &run : pooledRuns)
            runs.push_back(&run);
    }
    double low = std::numeric_limits<double>::infinity(), high = 0;
    for (const LoadedRun *run : runs) {
        for (double ms : run->blockMs) {
            if (ms > 0) {
                low = std::min(low, ms);
                high = std::max(high, ms);
            }
        }
    }
    if (!(high > 0))
        low = high = 1;
    std::vector<double> logMeasured, b;
    for (const LoadedRun *run : runs) {
        logMeasured.push_back(std::log(run->measuredMs));
        b.push_back(oneThreadSum(*run));
    }
    LoadCandidate best;
    const int steps = sloped ? int(std::lround(kSlopeLimit / kSlopeStep)) : 0;
    for (int i = -steps; i <= steps; ++i) {
        LoadCandidate c;
        c.slope = i * kSlopeStep;
        c.lowMs = low;
        c.highMs = high;
        std::vector<double> m;
        for (const LoadedRun *run : runs)
            m.push_back(scaledSum(*run, c.slope, low, high));
        if (!separate) {
            double mean = 0;
            for (size_t r = 0; r < m.size(); ++r)
                mean += (logMeasured[r] - std::log(m[r])) / double(m.size());
            c.logFactor = mean;
            c.sse = squaredErrors(logMeasured, m, b, mean, 0);
        } else {
            // Each one-thread factor on the grid, its constant part by
            // Gauss-Newton (a few steps from the pooled level).
            auto fitA = [&](double one) {
                double a = 0;
                for (size_t r = 0; r < m.size(); ++r)
                    a += (logMeasured[r] - std::log(m[r] + b[r])) / double(m.size());
                for (int k = 0; k < 8; ++k) {
                    double gradient = 0, curvature = 0;
                    for (size_t r = 0; r < m.size(); ++r) {
                        const double own = std::exp(a) * m[r];
                        const double w = own / (own + std::exp(one) * b[r]);
                        gradient += (std::log(own + std::exp(one) * b[r]) - logMeasured[r]) * w;
                        curvature += w * w;
                    }
                    if (!(curvature > 0))
                        break;
                    a = std::clamp(a - gradient / curvature, kLogFactorLow, kLogFactorHigh);
                }
                return a;
            };
            auto tryOne = [&](double one) {
                const double a = fitA(one);
                const double sse = squaredErrors(logMeasured, m, b, a, one);
                if (sse < c.sse) {
                    c.sse = sse;
                    c.logFactor = a;
                    c.oneThreadLogFactor = one;
                }
            };
            // A coarse grid, then finer around its best.
            for (double one = 0; one <= kOneThreadMaxLog + 1e-9; one += kOneThreadCoarseStep)
                tryOne(one);
            const double coarse = c.oneThreadLogFactor.value_or(0);
            for (double one = coarse - kOneThreadCoarseStep; one <= coarse + kOneThreadCoarseStep;
                 one += kOneThreadStep) {
                if (one >= 0 && one <= kOneThreadMaxLog)
                    tryOne(one);
            }
        }
        if (c.sse < best.sse - 1e-12)
            best = c;
    }
    return best;
}

double percentError(double predictedMs, double measuredMs)
{
    return std::fabs(predictedMs - measuredMs) / measuredMs * 100;
}

// Each network's runs predicted by the factor fitted on the other
// networks' runs: their log errors.
std::vector<double> heldOutLogErrors(const std::vector<const LoadedRun *> &runs, bool sloped)
{
    QSet<QString> networks;
    for (const LoadedRun *run : runs)
        networks.insert(run->network);
    std::vector<double> errors;
    for (const QString &held : networks) {
        std::vector<const LoadedRun *> others;
        for (const LoadedRun *run : runs) {
            if (run->network != held)
                others.push_back(run);
        }
        const LoadCandidate c = fitOn(others, sloped);
        for (const LoadedRun *run : runs) {
            if (run->network == held)
                errors.push_back(std::log(run->measuredMs / predicted(*run, c)));
        }
    }
    return errors;
}

double mapeOf(const std::vector<double> &logErrors)
{
    double sum = 0;
    for (double e : logErrors)
        sum += std::fabs(std::exp(-e) - 1) * 100; // predicted = measured x exp(-e)
    return logErrors.empty() ? 0 : sum / double(logErrors.size());
}

} // namespace

LoadFactorFit fitLoadFactor(const std::vector<LoadedRun> &runs, int threads, int utilization)
{
    LoadFactorFit fit;
    fit.factor.threads = threads;
    fit.factor.utilization = utilization;
    std::vector<const LoadedRun *> usable;
    QSet<QString> networks;
    for (const LoadedRun &run : runs) {
        if (run.measuredMs > 0 && scaledSum(run, 0, 1, 1) > 0) {
            usable.push_back(&run);
            networks.insert(run.network);
        }
    }
    fit.factor.runs = int(usable.size());
    fit.factor.networks = int(networks.size());
    for (const LoadedRun *run : usable)
        fit.modelMape += percentError(run->modelMs, run->measuredMs) / double(usable.size());
    if (fit.factor.networks < kMinLoadNetworks)
        return fit;
    fit.sloped = fit.factor.networks >= kMinSlopedLoadNetworks;
    const std::vector<double> errors = heldOutLogErrors(usable, fit.sloped);
    fit.heldOutMape = mapeOf(errors);
    const LoadCandidate c = fitOn(usable, fit.sloped);
    fit.factor.logFactor = c.logFactor;
    fit.factor.slope = c.slope;
    fit.factor.lowMs = c.lowMs;
    fit.factor.highMs = c.highMs;
    fit.factor.oneThreadLogFactor = c.oneThreadLogFactor;
    for (const LoadedRun *run : usable)
        fit.fittedMape += percentError(predicted(*run, c), run->measuredMs) / double(usable.size());
    fit.factor.spread = interval90HalfWidth(errors);
    fit.fitted = fit.heldOutMape < fit.modelMape * (1 + kModelMarginShare);
    return fit;
}

double loadFactorOf(const DeviceProfile::LoadFactor &f, double blockMs, int utilization,
                    bool oneThread)
{
    if (utilization <= 0)
        return 1;
    const double share = std::min(1.0, double(utilization) / double(f.utilization));
    double exponent = f.logFactor;
    if (oneThread && f.oneThreadLogFactor)
        exponent = *f.oneThreadLogFactor;
    else if (blockMs > 0)
        exponent += f.slope * std::log(std::clamp(blockMs, f.lowMs, f.highMs));
    return std::exp(share * exponent);
}

void applyLoadFactor(const DeviceProfile::LoadFactor &f, int utilization,
                     ConfigPrediction *prediction)
{
    for (BlockPrediction &p : prediction->blocks) {
        if (!p.latencyMs.available || p.view)
            continue;
        const double factor = loadFactorOf(f, p.latencyMs.value, utilization, p.oneBlasThread);
        p.latencyMs.value *= factor;
        p.latencyMs.low *= factor;
        p.latencyMs.high *= factor;
        if (utilization > f.utilization && !p.outOfDistribution) {
            p.outOfDistribution = true;
            p.outOfRange = {QStringLiteral("utilization"), double(utilization), 0,
                            double(f.utilization)};
        }
    }
}

double loadSpread(const DeviceProfile::LoadFactor &f, int utilization, double moduleExtra)
{
    if (utilization > f.utilization)
        return std::max(f.spread, moduleExtra);
    return f.spread * std::max(0, utilization) / double(f.utilization);
}

void fitLoadFactors(DeviceProfile *profile, const ProfilingSpec &spec,
                    const std::vector<const CalibrationMeasurements::Network *> &runs,
                    double speedScale, QString *text)
{
    // The module models' prediction at the load is taken without any factor
    // the profile (its base) had; those stay where no runs replace them.
    std::vector<DeviceProfile::LoadFactor> kept = std::move(profile->loadFactors);
    profile->loadFactors.clear();
    std::map<std::pair<int, int>, std::vector<LoadedRun>> conditions;
    for (const CalibrationMeasurements::Network *run : runs) {
        if (run->utilization <= 0 || run->passes.empty())
            continue;
        const AnalyzedNetwork network = loadShapesAndAnalyze(run->path, run->batch);
        NetworkPredictor predictor;
        QString problem;
        if (!network.ok() ||
            !predictor.prepare(*network.graph, network.analysis, *profile, spec, &problem)) {
            *text +=
                tr("%1 not used: %2\n").arg(run->label, network.ok() ? problem : network.error);
            continue;
        }
        const ConfigPrediction unloaded = predictor.predict({run->batch, 0, run->threads});
        LoadedRun loaded;
        loaded.network = run->path;
        loaded.label = run->label;
        loaded.measuredMs = run->endToEndMs() * speedScale;
        loaded.modelMs =
            predictor.predict({run->batch, run->utilization, run->threads}).latencyMs.value;
        double blocks = 0;
        for (const BlockPrediction &b : unloaded.blocks) {
            if (b.latencyMs.available && !b.view && b.latencyMs.value > 0) {
                (b.oneBlasThread ? loaded.oneThreadMs : loaded.blockMs)
                    .push_back(b.latencyMs.value);
                blocks += b.latencyMs.value;
            }
        }
        loaded.restMs = std::max(0.0, unloaded.latencyMs.value - blocks);
        conditions[{run->threads, run->utilization}].push_back(std::move(loaded));
    }
    for (const auto &[condition, loaded] : conditions) {
        const auto [threads, utilization] = condition;
        const LoadFactorFit fit = fitLoadFactor(loaded, threads, utilization);
        if (fit.factor.networks < kMinLoadNetworks) {
            *text += tr("%1 thread(s) under %2 % load: %3 network run(s) of %4 network(s) tell "
                        "no factor that a network held out can check; the module models "
                        "predict it\n")
                         .arg(threads)
                         .arg(utilization)
                         .arg(fit.factor.runs)
                         .arg(fit.factor.networks);
            continue;
        }
        const DeviceProfile::LoadFactor &f = fit.factor;
        QString shape = fit.sloped
                            ? tr("x%1 for a 1 ms block, times (block ms)^%2 within %3-%4 ms")
                                  .arg(std::exp(f.logFactor), 0, 'f', 2)
                                  .arg(f.slope, 0, 'f', 2)
                                  .arg(f.lowMs, 0, 'g', 2)
                                  .arg(f.highMs, 0, 'g', 3)
                            : tr("x%1 for every block").arg(std::exp(f.logFactor), 0, 'f', 2);
        if (f.oneThreadLogFactor)
            shape += tr(", x%1 for blocks on one BLAS thread")
                         .arg(std::exp(*f.oneThreadLogFactor), 0, 'f', 2);
        *text += tr("%1 thread(s) under %2 % load, against the prediction without load: %3 (%4 "
                    "runs of %5 networks; MAPE of the module models there %6 %, with the factor "
                    "%7 %, each network held out of its fit %8 %, interval +-%9 %)")
                     .arg(threads)
                     .arg(utilization)
                     .arg(shape)
                     .arg(f.runs)
                     .arg(f.networks)
                     .arg(fit.modelMape, 0, 'f', 1)
                     .arg(fit.fittedMape, 0, 'f', 1)
                     .arg(fit.heldOutMape, 0, 'f', 1)
                     .arg((std::exp(f.spread) - 1) * 100, 0, 'f', 1);
        std::erase_if(kept, [threads = threads](const auto &k) { return k.threads == threads; });
        *text += fit.fitted
                     ? QStringLiteral("\n")
                     : tr("; not kept: the module models do better by more than a quarter\n");
        for (const LoadedRun &run : loaded) {
            const double unloaded = std::accumulate(run.blockMs.begin(), run.blockMs.end(),
                                                    run.restMs + oneThreadSum(run));
            *text += tr("  %1: measured %2 ms, x%3 its prediction without load (%4 ms); the "
                        "module models %5 ms, with the factor %6 ms\n")
                         .arg(run.label)
                         .arg(run.measuredMs, 0, 'f', 2)
                         .arg(run.measuredMs / unloaded, 0, 'f', 2)
                         .arg(unloaded, 0, 'f', 2)
                         .arg(run.modelMs, 0, 'f', 2)
                         .arg(predicted(run, {f.logFactor, f.slope, f.lowMs, f.highMs,
                                              f.oneThreadLogFactor}),
                              0, 'f', 2);
        }
        if (fit.fitted)
            kept.push_back(f);
    }
    profile->loadFactors = std::move(kept);
}

} // namespace layerlens::core
