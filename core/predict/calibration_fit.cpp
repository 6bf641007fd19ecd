#include "predict/calibration_job.h"

#include "common/paths.h"
#include "graph/analyzed_network.h"
#include "graph/conv_backend.h"
#include "models/backend_split.h"
#include "predict/cache_misses.h"
#include "predict/calibration.h"
#include "predict/calibration_probes.h"
#include "predict/first_run_costs.h"
#include "predict/in_network_spread.h"
#include "predict/load_factors.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "profiling/module_features.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

// The fitting half of calibrate: from the module samples and what it
// measured (CalibrationMeasurements), the calibrated profile. Runs after
// measuring, and offline on a stored calibration (`calibrate --refit`).

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Passes of one network differing by more than this (the median over the
// networks) are warned about: 2-5% on an idle machine here.
constexpr double kUnsteadyPasses = 0.05;
// How many standard errors apart the speed reference's timings of the two
// phases must lie for the networks' times to be scaled (Welch's t).
constexpr double kSpeedShiftT = 3;

// Blocks without a module (data movement, operators no module covers), as
// the per-layer timing caught them: one node each, or a channel shuffle the
// executor runs as one copy at its Transpose.
void observeOperators(const AnalyzedNetwork &network, const NetworkPredictor &predictor,
                      const std::map<QString, double> &layerMs, bool probe,
                      std::vector<OperatorObservation> *out)
{
    const Graph &graph = *network.graph;
    const std::vector<bool> channelsLast = channelsLastTensors(graph);
    for (const NetworkBlock &block : predictor.blocks()) {
        if (!block.module.isEmpty() || block.nodes.empty())
            continue;
        const Node &node = graph.nodes[block.nodes.front()];
        // A probe teaches only the copy it was written for, not the
        // layers around it.
        if (probe && !isDataMovement(node.opType))
            continue;
        const bool shuffle = block.nodes.size() == 3 && node.opType == QLatin1String("Transpose");
        const auto timed = layerMs.find(node.name);
        ModuleFeatures f;
        if ((block.nodes.size() != 1 && !shuffle) || timed == layerMs.end() ||
            !blockFeatures(graph, network.analysis, {block.nodes.front()}, &f))
            continue;
        double ms = 0;
        for (int n : block.nodes) {
            const auto it = layerMs.find(graph.nodes[n].name);
            ms += it != layerMs.end() ? it->second : 0;
        }
        out->push_back({operatorCostKey(graph, block.nodes.front(), shuffle, channelsLast),
                        double(f.inputBytes + f.outputBytes), double(f.flops), ms,
                        runsAsView(graph, block.nodes.front(), 1, channelsLast), probe});
    }
}

// A phase's speed: the median of its timings of the speed reference;
// nothing from fewer than two. *list gets them, "3.046, 3.102 ms", and
// *logs their logarithms.
std::optional<double> phaseSpeed(const std::vector<TimingStats> &timings, QString *list,
                                 std::vector<double> *logs = nullptr)
{
    std::vector<double> medians;
    QStringList shown;
    for (const TimingStats &t : timings) {
        medians.push_back(t.median);
        shown << QString::number(t.median, 'f', 3);
        if (logs && t.median > 0)
            logs->push_back(std::log(t.median));
    }
    *list = shown.join(QStringLiteral(", "));
    if (medians.size() < 2)
        return std::nullopt;
    return median(std::move(medians));
}

// Welch's t of the difference between two samples' means; 0 where either
// has fewer than two values or neither varies.
double welchT(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() < 2 || b.size() < 2)
        return 0;
    const auto [ma, va] = meanAndVariance(a);
    const auto [mb, vb] = meanAndVariance(b);
    const double se = std::sqrt(va / double(a.size()) + vb / double(b.size()));
    return se > 0 ? (mb - ma) / se : 0;
}

// Whether LibTorch runs a block of a dense convolution module on ATen's
// GEMM (graph/conv_backend.h), at one thread as calibrate measures networks.
bool runsOnGemm(const DeviceProfile &profile, const NetworkBlock &block)
{
    const ModuleTraining *m = profile.module(block.module);
    if (!m || !BackendSplit::of(m->op, m->encoding))
        return false;
    const auto param = [&](const char *name) {
        const auto it = block.params.find(QString::fromLatin1(name));
        return it == block.params.end() ? int64_t(1) : it->second;
    };
    return convBackend(squareConvCall(param("batch"), param("in_channels"), param("size"),
                                      param("kernel"), param("stride"), 1)) == ConvBackend::Gemm;
}

// A block's time inside a measured network: its nodes' per-layer times
// summed; nothing unless every node was timed.
std::optional<double> timedMs(const Graph &graph, const NetworkBlock &block,
                              const std::map<QString, double> &layerMs)
{
    double sum = 0;
    for (int n : block.nodes) {
        const auto it = layerMs.find(graph.nodes[n].name);
        if (it == layerMs.end())
            return std::nullopt;
        sum += it->second;
    }
    return sum > 0 ? std::optional<double>(sum) : std::nullopt;
}

// Whether a block shows how its module runs inside networks: predicted by
// its own module, within its range (extrapolations and stand-ins would bend
// the corrections).
bool ownModuleBlock(const NetworkBlock &block, const BlockPrediction &p)
{
    return !block.module.isEmpty() && p.latencyMs.available && !p.outOfDistribution &&
           block.approximation.isEmpty();
}

// The blocks of one measured network run (at one thread, without load)
// that show how their modules run inside networks (ownModuleBlock), every
// node timed in layerMs, as observations: what the profile predicts for
// them, what they took, and their cache features at each capacity.
void observeBlocks(const DeviceProfile &profile, const Graph &graph,
                   const NetworkPredictor &predictor, const std::map<QString, double> &layerMs,
                   const QString &label, const QString &source, double endToEndMs,
                   const std::vector<double> &capacities, std::vector<BlockObservation> *out)
{
    const ConfigPrediction p = predictor.predict({int(predictor.analysedBatch()), 0, 1});
    for (size_t b = 0; b < predictor.blocks().size(); ++b) {
        const NetworkBlock &block = predictor.blocks()[b];
        const auto sum = timedMs(graph, block, layerMs);
        if (!ownModuleBlock(block, p.blocks[b]) || !sum || !(endToEndMs > 0))
            continue;
        BlockObservation o;
        o.module = block.module;
        o.predictedMs = p.blocks[b].latencyMs.value;
        o.measuredMs = *sum;
        o.networkWeight = 1 / endToEndMs;
        o.network = label;
        o.source = source;
        o.gemm = runsOnGemm(profile, block);
        o.coldWriteMiB = double(predictor.coldWrites()[b]) / (1 << 20);
        o.firstOfKernel = predictor.reads()[b].firstOfKernel;
        for (double capacity : capacities) {
            o.coldMiB.push_back(predictor.reads()[b].coldBytes(capacity, 1) / (1 << 20));
            o.overflow.push_back(predictor.reads()[b].kernelOverflow(capacity, 1));
        }
        out->push_back(std::move(o));
    }
}

// The share of their one-thread cache-miss time blocks pay on two threads,
// from the networks calibrate ran there (the blocks it takes at one thread:
// their own module's, within its range, every node timed), with the rest
// of the profile as fitted at one thread. Sets it on profile and says so.
void fitMissShare(DeviceProfile *profile, const ProfilingSpec &spec,
                  const std::vector<const CalibrationMeasurements::Network *> &runs,
                  double speedScale, QString *text)
{
    std::vector<ThreadedBlock> blocks;
    const std::map<QString, QString> families = moduleFamilies(spec);
    int networks = 0;
    for (const CalibrationMeasurements::Network *run : runs) {
        const AnalyzedNetwork network = loadShapesAndAnalyze(run->path, run->batch);
        NetworkPredictor predictor;
        QString problem;
        if (run->threads != 2 || run->utilization != 0 || !network.ok() ||
            !predictor.prepare(*network.graph, network.analysis, *profile, spec, &problem))
            continue;
        const std::map<QString, double> layerMs = run->layerMs();
        const double weight = 1 / (run->endToEndMs() * speedScale);
        const ConfigPrediction p = predictor.predict({run->batch, 0, run->threads});
        ++networks;
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const NetworkBlock &block = predictor.blocks()[b];
            const BlockPrediction &bp = p.blocks[b];
            const auto ms = timedMs(*network.graph, block, layerMs);
            // A block on OpenBLAS's one thread runs as at one thread. A
            // kernel's first run is paid whole on any number of threads.
            const double missMs = bp.cacheMissMs - bp.firstRunMs;
            if (ownModuleBlock(block, bp) && ms && !bp.oneBlasThread)
                blocks.push_back({bp.latencyMs.value - missMs, missMs, *ms * speedScale, weight,
                                  twoThreadFactorKey(block.module, families, block.params),
                                  run->label});
        }
    }
    if (networks == 0)
        return;
    const ThreadShareFit fit = fitThreadShare(blocks);
    if (!fit.fitted) {
        *text += tr("cache misses on 2 threads: %1 blocks of %2 network run(s) tell no share; "
                    "paid as on one thread\n")
                     .arg(fit.blocks)
                     .arg(networks);
        return;
    }
    profile->cacheMissShareTwoThreads = fit.share;
    profile->blockOverheadMsTwoThreads = fit.blockOverheadMs;
    *text += tr("cache misses on 2 threads: x%1 of their one-thread time, and %2 us more per "
                "block (%3 blocks of %4 network run(s); MAPE %5 % -> %6 %)\n")
                 .arg(fit.share, 0, 'f', 2)
                 .arg(fit.blockOverheadMs * 1000, 0, 'f', 1)
                 .arg(fit.blocks)
                 .arg(networks)
                 .arg(fit.mapeBefore, 0, 'f', 1)
                 .arg(fit.mapeAfter, 0, 'f', 1);
    for (const TwoThreadFactor &f : fitTwoThreadFactors(blocks, fit)) {
        profile->twoThreadFactors[f.module] = f.factor;
        profile->twoThreadFactorReachMs[f.module] = f.reachMs;
        *text += tr("  %1 on 2 threads: x%2 (%3 blocks of %4 network runs, up to %7 ms, not "
                    "carried beyond twice that; MAPE %5 % -> %6 %)\n")
                     .arg(f.module.leftJustified(22))
                     .arg(f.factor, 0, 'f', 3)
                     .arg(f.blocks)
                     .arg(f.runs)
                     .arg(f.mapeBefore, 0, 'f', 1)
                     .arg(f.mapeAfter, 0, 'f', 1)
                     .arg(f.reachMs, 0, 'g', 3);
    }
}

} // namespace

// What the networks' times are multiplied by to describe the module
// sampling's speed: sampling / networks (their timings' medians) where they
// differ by more than kSpeedTolerancePercent and by more than the timings'
// own spread can explain (Welch's t of their logs at least kSpeedShiftT);
// 1 otherwise, or without two timings of the speed reference in each
// phase. A machine whose speed drifts (the AMD VM, 5-11 % slower over half
// an hour, timings within 1-3 % of each other) is scaled; one that switches
// between two speeds from one timing to the next (the Xeon VM: 3.6 and 4.7
// ms) is not, since which phase caught more slow timings is chance: there,
// scaled by the medians, four calibrations predicted four stored hours
// at 19.9 % MAPE on average, unscaled at 18.4 %.
double networkSpeedScale(const CalibrationMeasurements &m, QString *text)
{
    QString samplingList, networksList;
    std::vector<double> samplingLogs, networksLogs;
    const auto sampling = phaseSpeed(m.speedSampling, &samplingList, &samplingLogs);
    const auto networks = phaseSpeed(m.speedNetworks, &networksList, &networksLogs);
    if (!sampling || m.networks.empty())
        return 1;
    if (!networks) {
        *text += tr("speed reference not timed twice during the networks; their times taken as "
                    "measured\n");
        return 1;
    }
    *text += tr("speed reference (a fixed network, 1 thread), median ms of each timing: during "
                "the module sampling %1 (median %2), during the networks %3 (median %4)\n")
                 .arg(samplingList)
                 .arg(*sampling, 0, 'f', 3)
                 .arg(networksList)
                 .arg(*networks, 0, 'f', 3);
    const double percent = (*networks / *sampling - 1) * 100;
    const double t = welchT(samplingLogs, networksLogs);
    if (std::fabs(percent) < kSpeedTolerancePercent) {
        *text += tr("the networks ran at the sampling's speed (%1 %); their times taken as "
                    "measured\n")
                     .arg(percent, 0, 'f', 1);
        return 1;
    }
    if (std::fabs(t) < kSpeedShiftT) {
        *text += tr("the networks' timings lie %1 % from the sampling's, within their own spread "
                    "(Welch's t %2): the machine switched between speeds rather than moved; "
                    "their times taken as measured\n")
                     .arg(percent, 0, 'f', 1)
                     .arg(t, 0, 'f', 1);
        return 1;
    }
    *text += (percent > 0 ? tr("the networks ran %1 % slower than the module sampling (the "
                               "machine's speed moved); their times are scaled by %2 to the "
                               "sampling's speed\n")
                          : tr("the networks ran %1 % faster than the module sampling (the "
                               "machine's speed moved); their times are scaled by %2 to the "
                               "sampling's speed\n"))
                 .arg(std::fabs(percent), 0, 'f', 1)
                 .arg(*sampling / *networks, 0, 'f', 3);
    return *sampling / *networks;
}

bool fitCalibration(const DeviceProfile &base, const QString &baseDir,
                    const std::vector<Sample> &samples, const CalibrationMeasurements &m,
                    const ProfilingSpec &spec, const QString &outDir, QString *text, QString *error)
{
    QString problem;
    CalibrationReport report;
    auto profile =
        calibrateProfile(base, baseDir, samples, 0.3, 1, &report, &problem, moduleFamilies(spec),
                         m.cacheCapacities.empty() ? 0
                                                   : *std::min_element(m.cacheCapacities.begin(),
                                                                       m.cacheCapacities.end()));
    if (!profile) {
        *error = problem;
        return false;
    }
    *text += calibrationToTable(report);
    // The speed the module samples were taken at, for `calibrate --check`
    // and `predict --speed-ratio`.
    QString timings;
    if (const auto speed = phaseSpeed(m.speedSampling, &timings)) {
        DeviceProfile::SpeedReference &reference = profile->speedReference;
        reference.version = kSpeedReferenceVersion;
        reference.medianMs = *speed;
        std::vector<double> cvs;
        reference.runs = 0;
        for (const TimingStats &t : m.speedSampling) {
            cvs.push_back(t.cv);
            reference.runs += t.runs;
        }
        std::sort(cvs.begin(), cvs.end());
        reference.cv = quantile(cvs, 0.5);
    } else {
        profile->speedReference = {};
    }

    // In-network corrections and the per-operator term, from the networks
    // measured with per-layer timing: what their blocks take inside the
    // network against what the models predict, and what the whole network
    // takes beyond its blocks.
    profile->opOverheadMs = 0;
    profile->cacheMissCosts.clear();
    profile->coldWriteMsPerMiB = 0;
    profile->cacheMissesOfWrites = true;
    profile->cacheMissShareTwoThreads = 1;
    profile->blockOverheadMsTwoThreads = 0;
    profile->twoThreadFactors.clear();
    profile->twoThreadFactorReachMs.clear();
    // Each block at every capacity the last level's fit tries.
    const std::vector<double> capacities = observedCapacities(m.cacheCapacities);
    // Operators without a module are timed afresh below; the base's costs
    // stay for operators the measured networks do not run.
    const std::map<QString, OperatorCost> baseCosts = profile->operatorCosts;
    profile->operatorCosts.clear();
    struct Measured
    {
        QString path;
        QString label;
        int batch = 1;
        double endToEndMs = 0;
        double layersMs = 0; // the per-layer timings, summed
        std::map<QString, double> layerMs;
        AnalyzedNetwork network;
        double passesDiffer = 0; // (slowest - fastest pass) / their median
    };
    std::vector<OperatorObservation> operators;
    std::vector<Measured> measuredNetworks;
    std::vector<BlockObservation> observations;
    const double speedScale = networkSpeedScale(m, text);
    // Runs on more threads than one set only how the misses share out
    // over threads, once the rest is fitted at one thread; runs under load
    // only the load factors, last.
    std::vector<const CalibrationMeasurements::Network *> threadedRuns;
    for (const CalibrationMeasurements::Network &run : m.networks) {
        if (run.passes.empty())
            continue;
        if (run.threads != 1 || run.utilization != 0) {
            threadedRuns.push_back(&run);
            continue;
        }
        const QString &path = run.path;
        const int batch = run.batch;
        const QString &label = run.label;
        // The median pass (the mean of two), per layer too.
        const double endToEndMs = run.endToEndMs() * speedScale;
        std::map<QString, double> layerMs = run.layerMs();
        for (auto &[name, ms] : layerMs)
            ms *= speedScale;
        Measured entry{path,
                       label,
                       batch,
                       endToEndMs,
                       0,
                       layerMs,
                       loadShapesAndAnalyze(path, batch),
                       run.passSpread()};
        NetworkPredictor predictor;
        if (!entry.network.ok() || !predictor.prepare(*entry.network.graph, entry.network.analysis,
                                                      *profile, spec, &problem)) {
            *text += tr("%1 not used: %2\n")
                         .arg(label, entry.network.ok() ? problem : entry.network.error);
            continue;
        }
        for (const auto &[name, ms] : layerMs)
            entry.layersMs += ms;
        observeOperators(entry.network, predictor, layerMs, false, &operators);
        observeBlocks(*profile, *entry.network.graph, predictor, layerMs, label, path, endToEndMs,
                      capacities, &observations);
        measuredNetworks.push_back(std::move(entry));
    }
    // The calibration probes (calibration_probes.h) as timed: data-movement
    // copies at the sizes networks do not vary them and concatenations
    // between convolutions. Their files are written again to be analysed,
    // and a probe whose file this LayerLens writes differently is left out.
    QTemporaryDir probeDir;
    const QStringList probeFiles = probeDir.isValid() && !m.probes.empty()
                                       ? writeCalibrationProbes(probeDir.path(), &problem)
                                       : QStringList();
    std::vector<BlockObservation> probeObservations;
    for (const CalibrationMeasurements::Probe &probe : m.probes) {
        const QString path = QDir(probeDir.path()).filePath(probe.name);
        if (!probeFiles.contains(path) || fileSha256(path) != probe.sha256) {
            *text += tr("calibration probe %1 not used: this LayerLens writes it differently "
                        "than the one calibrate timed\n")
                         .arg(probe.name);
            continue;
        }
        const AnalyzedNetwork network = loadShapesAndAnalyze(path);
        NetworkPredictor predictor;
        if (!network.ok() ||
            !predictor.prepare(*network.graph, network.analysis, *profile, spec, &problem))
            continue;
        std::map<QString, double> layerMs;
        for (const LayerTiming &l : probe.measurement.layers)
            layerMs[l.name] = probe.measurement.layerMs(l) * speedScale;
        observeOperators(network, predictor, layerMs, true, &operators);
        // The modules' blocks of a probe too, for the modules no
        // calibration network shows (addProbeBlocks): a fire module's or
        // a channel split's concatenation, where the calibration networks
        // may hold none.
        observeBlocks(*profile, *network.graph, predictor, layerMs, probe.name, probe.name,
                      probe.measurement.latency.median * speedScale, capacities,
                      &probeObservations);
    }
    addProbeBlocks(&observations, std::move(probeObservations));
    // What the blocks pay for data the caches no longer hold comes first: the
    // in-network corrections then see the rest of what they take.
    CacheLevelsFit levels = fitCacheLevels(&observations, m.cacheCapacities);
    const CostScaleChoice scale = chooseCostScale(observations, levels.fit);
    levels.fit = scaledReadCosts(levels.fit, scale.scale);
    const CacheMissFit &misses = levels.fit;
    profile->cacheMissCosts = misses.costs;
    profile->coldWriteMsPerMiB = misses.costs.empty() ? 0 : misses.coldWriteMsPerMiB;
    *text += cacheLevelsToText(levels);
    *text += costScaleToText(scale);
    for (BlockObservation &o : observations)
        o.measuredMs = std::max(o.measuredMs - cacheMissMs(misses, o), 0.25 * o.measuredMs);
    // Then what a kernel's first run in a network costs beyond that.
    const std::vector<FirstRunCost> firstRun = fitFirstRunCosts(observations);
    profile->firstRunMs = firstRunCostsByModule(firstRun);
    removeFirstRunCosts(&observations, profile->firstRunMs);
    *text += firstRunCostsToText(firstRun);
    auto corrections = applyNetworkCorrections(profile.get(), observations);
    std::map<QString, AloneCorrection> alone;
    for (const ModuleCalibration &c : report.modules) {
        if (c.applied && c.target == Target::Latency)
            alone[c.module] = {c.relative, c.relativeGemm};
    }
    borrowNetworkCorrections(profile.get(), spec, observations, alone, &corrections);
    if (!corrections.empty()) {
        *text +=
            tr("in-network correction per module (blocks of the measured networks, MAPE before "
               "-> after):\n");
        for (const NetworkCorrection &c : corrections) {
            // "conv2d on GEMM": one backend's correction.
            const QString name = c.backend.isEmpty() ? c.module
                                 : c.backend == QLatin1String("gemm")
                                     ? tr("%1 on GEMM").arg(c.module)
                                     : tr("%1 on oneDNN").arg(c.module);
            if (!c.borrowedFrom.isEmpty()) {
                *text += tr("  %1 %2 blocks, x%3 (borrowed from %4)%5\n")
                             .arg(name.leftJustified(22))
                             .arg(c.blocks, 3)
                             .arg(c.factor, 0, 'f', 3)
                             .arg(c.borrowedAloneFactor > 0
                                      ? tr("%1, with its correction measured alone, x%2")
                                            .arg(c.borrowedFrom)
                                            .arg(c.borrowedAloneFactor, 0, 'f', 3)
                                      : c.borrowedFrom)
                             .arg(c.blocks > 0 ? QStringLiteral(", %1 % -> %2 %")
                                                     .arg(c.mapeBefore, 0, 'f', 1)
                                                     .arg(c.mapeAfter, 0, 'f', 1)
                                               : QString());
                continue;
            }
            *text += QStringLiteral("  %1 %2 blocks, x%3%4, %5 % -> %6 %\n")
                         .arg(name.leftJustified(22))
                         .arg(c.blocks, 3)
                         .arg(c.factor, 0, 'f', 3)
                         .arg(c.slope != 1
                                  ? tr(" (median; slope %1 in log time)").arg(c.slope, 0, 'f', 3)
                                  : QString())
                         .arg(c.mapeBefore, 0, 'f', 1)
                         .arg(c.mapeAfter, 0, 'f', 1);
        }
    }
    // Operators no module covers: their cost as the networks timed them.
    // The first cache level, past which a copy may pay more per MiB.
    const double firstCache = !misses.costs.empty() ? misses.costs.front().capacityBytes
                              : !capacities.empty() ? capacities.front()
                                                    : 0.0;
    profile->operatorCosts = fitOperatorCosts(operators, firstCache);
    if (!profile->operatorCosts.empty()) {
        *text += tr("in-network cost of operators without a module (fixed + per MiB moved + per "
                    "Mflop):\n") +
                 operatorCostsToTable(profile->operatorCosts);
    }
    for (const auto &[op, cost] : baseCosts)
        profile->operatorCosts.emplace(op, cost);
    if (!profile->cacheMissCosts.empty())
        fitMissShare(profile.get(), spec, threadedRuns, speedScale, text);
    // The per-operator term: what a network takes beyond the time of its
    // operators, measured. Each network's end-to-end median less the sum of
    // its nodes' per-layer timings (taken with a timestamp after every step,
    // so the executor's own work between operators lands in the gap), per
    // operator; the profile keeps the networks' median, weighted by
    // operators / measured time, and not below zero. It is not what the
    // network takes beyond its blocks' *predictions*: that residual is the
    // models' error, which the in-network corrections above address per
    // module; charged per operator it raised networks of many small
    // operators (ShuffleNet by a fifth) to pay for under-predicted large
    // layers elsewhere. What the models leave unexplained is printed.
    std::vector<std::pair<double, double>> perOperator; // (gap per operator, weight)
    std::vector<double> passesDiffer;
    std::vector<SpreadObservation> spreadBlocks;
    for (const Measured &entry : measuredNetworks) {
        NetworkPredictor predictor;
        if (!predictor.prepare(*entry.network.graph, entry.network.analysis, *profile, spec,
                               &problem))
            continue;
        const ConfigPrediction prediction = predictor.predict({entry.batch, 0, 1});
        const double predicted = prediction.latencyMs.value;
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const NetworkBlock &block = predictor.blocks()[b];
            const BlockPrediction &p = prediction.blocks[b];
            if (block.module.isEmpty() || !p.latencyMs.available || p.view)
                continue;
            if (const auto sum = timedMs(*entry.network.graph, block, entry.layerMs))
                spreadBlocks.push_back(
                    {spreadKey(block, p.outOfDistribution), entry.path, p.latencyMs.value, *sum});
        }
        const int executed = predictor.executedNodes();
        // The per-operator term at batch 1, as it is applied.
        if (executed > 0 && entry.endToEndMs > 0 && entry.batch == 1)
            perOperator.emplace_back((entry.endToEndMs - entry.layersMs) / executed,
                                     executed / entry.endToEndMs);
        *text +=
            tr("%1: measured %2 ms (passes differ %8 %), its %3 operators %4 ms (%5 us per "
               "operator between them); its blocks predicted %6 ms (%7 %)\n")
                .arg(entry.label)
                .arg(entry.endToEndMs, 0, 'f', 3)
                .arg(executed)
                .arg(entry.layersMs, 0, 'f', 3)
                .arg(executed > 0 ? (entry.endToEndMs - entry.layersMs) / executed * 1000 : 0.0, 0,
                     'f', 1)
                .arg(predicted, 0, 'f', 3)
                .arg((predicted - entry.endToEndMs) / entry.endToEndMs * 100, 0, 'f', 1)
                .arg(entry.passesDiffer * 100, 0, 'f', 1);
        passesDiffer.push_back(entry.passesDiffer);
    }
    // A machine whose speed changed while the networks were measured (a
    // shared VM's neighbours, a thermal limit) sets factors for a speed it
    // does not keep: said, so that the user calibrates again when it is idle.
    if (!passesDiffer.empty()) {
        std::sort(passesDiffer.begin(), passesDiffer.end());
        const double typical = quantile(passesDiffer, 0.5);
        if (typical > kUnsteadyPasses)
            *text += tr("warning: the networks' passes differ by %1 % (median): this machine's "
                        "speed changed while calibrating, and the in-network factors carry that "
                        "change; calibrate again when it is idle\n")
                         .arg(typical * 100, 0, 'f', 1);
    }
    if (!perOperator.empty()) {
        profile->opOverheadMs = std::max(0.0, weightedMedian(perOperator));
        profile->opOverheadSource =
            tr("calibrate: end-to-end less per-layer time of %1 network(s) at batch 1, 1 thread")
                .arg(perOperator.size());
    } else {
        profile->operatorCosts = baseCosts;
        profile->opOverheadMs = base.opOverheadMs;
        profile->opOverheadSource = base.opOverheadSource;
        profile->cacheMissCosts = base.cacheMissCosts;
        profile->coldWriteMsPerMiB = base.coldWriteMsPerMiB;
        profile->cacheMissesOfWrites = base.cacheMissesOfWrites;
        profile->cacheMissShareTwoThreads = base.cacheMissShareTwoThreads;
        profile->blockOverheadMsTwoThreads = base.blockOverheadMsTwoThreads;
        profile->twoThreadFactors = base.twoThreadFactors;
        profile->twoThreadFactorReachMs = base.twoThreadFactorReachMs;
    }
    // The intervals: how far the blocks of a network the corrections did not
    // see fall from these predictions.
    if (spreadBlocks.empty()) {
        profile->inNetworkSpreads = base.inNetworkSpreads;
        profile->conditionSpreads = base.conditionSpreads;
    } else {
        profile->inNetworkSpreads = fitInNetworkSpreads(spreadBlocks);
        *text += inNetworkSpreadsToText(profile->inNetworkSpreads);
        profile->conditionSpreads = profile->inNetworkSpreads.empty()
                                        ? std::vector<DeviceProfile::ConditionSpread>()
                                        : fitConditionSpreads(report.heldOutLogErrors);
        if (!profile->inNetworkSpreads.empty())
            *text += conditionSpreadsToText(profile->conditionSpreads);
    }
    // Last, with everything else fitted: the networks' runs under load.
    fitLoadFactors(profile.get(), spec, threadedRuns, speedScale, text);
    if (!profile->save(outDir, error))
        return false;
    *text += tr("per-operator overhead %1 ms; calibrated profile written to %2\n")
                 .arg(profile->opOverheadMs, 0, 'g', 3)
                 .arg(outDir);
    return true;
}

bool refitCalibration(const CalibrationRefit &refit, QString *text, QString *error)
{
    if (!QFileInfo::exists(refit.dbPath)) {
        *error = tr("%1: no such dataset").arg(refit.dbPath);
        return false;
    }
    DatasetStore store;
    if (!store.open(refit.dbPath)) {
        *error = store.errorString();
        return false;
    }
    const QString kind = QLatin1String(kCalibrationRecordKind);
    const std::vector<std::pair<qint64, int>> kept = store.runsWithRecords(kind);
    const qint64 run = refit.run > 0 ? refit.run : (kept.empty() ? 0 : kept.back().first);
    const std::vector<QJsonObject> records = store.records(run, kind);
    if (records.empty()) {
        QStringList runs;
        for (const auto &[id, count] : kept)
            runs << QString::number(id);
        *error =
            refit.run > 0
                ? tr("%1: run %2 keeps no calibration's network measurements%3")
                      .arg(refit.dbPath)
                      .arg(refit.run)
                      .arg(runs.isEmpty()
                               ? QString()
                               : tr(" (runs that do: %1)").arg(runs.join(QStringLiteral(", "))))
                : tr("%1 keeps no calibration's network measurements").arg(refit.dbPath);
        return false;
    }
    QString problem;
    auto measured = calibrationMeasurementsFromJson(records.back(), &problem);
    if (!measured) {
        *error = tr("%1: run %2: %3").arg(refit.dbPath).arg(run).arg(problem);
        return false;
    }
    const auto spec = parseProfilingSpec(store.runSpec(run), &problem);
    if (!spec) {
        *error = tr("%1: the spec of run %2: %3").arg(refit.dbPath).arg(run).arg(problem);
        return false;
    }
    const std::vector<Sample> samples = store.samplesOfRun(run);
    // The networks are analysed again from their files: one that changed
    // since calibrate measured it would be matched to another's timings.
    std::map<QString, QString> sha256;
    auto &networks = measured->networks;
    for (auto it = networks.begin(); it != networks.end();) {
        auto known = sha256.find(it->path);
        if (known == sha256.end())
            known = sha256.emplace(it->path, fileSha256(it->path)).first;
        if (known->second == it->sha256) {
            ++it;
            continue;
        }
        *text += known->second.isEmpty()
                     ? tr("%1 not used: %2 cannot be read\n").arg(it->label, it->path)
                     : tr("%1 not used: %2 changed since calibrate measured it\n")
                           .arg(it->label, it->path);
        it = networks.erase(it);
    }
    const QString baseDir = refit.baseDir.isEmpty() ? measured->baseDir : refit.baseDir;
    const auto base = DeviceProfile::load(baseDir, &problem);
    if (!base) {
        *error = refit.baseDir.isEmpty()
                     ? tr("%1 (the base run %2 was calibrated from; name another with --base)")
                           .arg(problem)
                           .arg(run)
                     : problem;
        return false;
    }
    *text += tr("refitting run %1 of %2 from what calibrate kept: %3 samples, %4 network runs, "
                "%5 probes; base %6\n")
                 .arg(run)
                 .arg(refit.dbPath)
                 .arg(samples.size())
                 .arg(networks.size())
                 .arg(measured->probes.size())
                 .arg(baseDir);
    return fitCalibration(*base, baseDir, samples, *measured, *spec, refit.outDir, text, error);
}

} // namespace layerlens::core
