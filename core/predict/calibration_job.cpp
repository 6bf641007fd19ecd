#include "predict/calibration_job.h"

#include "devices/device_info.h"
#include "graph/analyzed_network.h"
#include "predict/cache_misses.h"
#include "predict/calibration.h"
#include "predict/data_movement_probes.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "profiling/module_features.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// The batch calibrate measures a network at besides 1, when a run at batch
// 1 takes no longer than the limit: ResNet-50 (75 ms here) with room for a
// slow phase of the machine (it took 91 ms in one and lost its batch-8
// run), ViT-B/16 (390 ms) not.
constexpr int kLargeBatch = 8;
constexpr double kLargeBatchLimitMs = 150;
// Each network's measuring time, split over interleaved passes.
constexpr double kSecondsPerNetwork = 8;
constexpr int kPasses = 2;
// Passes of one network differing by more than this (the median over the
// networks) are warned about: 2-5% on an idle machine here.
constexpr double kUnsteadyPasses = 0.05;
// Seconds each timing of the speed reference takes.
constexpr double kReferenceSeconds = 2;

// "resnet50/model.onnx" for an exported zoo network, else the file name.
QString networkLabel(const QString &path)
{
    const QFileInfo info(path);
    return info.fileName() == QLatin1String("model.onnx")
               ? info.dir().dirName() + QLatin1Char('/') + info.fileName()
               : info.fileName();
}

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

// Times the speed reference after the networks (speeds holds the timings
// before the sampling and before the networks) and returns what their
// times are multiplied by to describe the sampling's speed: 1 within
// kSpeedTolerancePercent, else sampling / networks.
double networkSpeedScale(const RuntimeApi &runtime, std::vector<TimingStats> *speeds, QString *text)
{
    QString why;
    const auto after = timeSpeedReference(runtime, kReferenceSeconds, &why);
    if (!after) {
        *text += tr("speed reference not timed after the networks: %1; their times taken as "
                    "measured\n")
                     .arg(why);
        return 1;
    }
    speeds->push_back(*after);
    const std::vector<TimingStats> &s = *speeds;
    const double sampling = (s[0].median + s[1].median) / 2;
    const double networks = (s[1].median + s[2].median) / 2;
    *text += tr("speed reference (a fixed network, 1 thread; median of %1, %2, %3 runs): %4 ms "
                "before the module sampling, %5 ms before the networks, %6 ms after them\n")
                 .arg(s[0].runs)
                 .arg(s[1].runs)
                 .arg(s[2].runs)
                 .arg(s[0].median, 0, 'f', 3)
                 .arg(s[1].median, 0, 'f', 3)
                 .arg(s[2].median, 0, 'f', 3);
    const double percent = (networks / sampling - 1) * 100;
    if (std::fabs(percent) < kSpeedTolerancePercent) {
        *text += tr("the networks ran at the sampling's speed (%1 %); their times taken as "
                    "measured\n")
                     .arg(percent, 0, 'f', 1);
        return 1;
    }
    *text += (percent > 0 ? tr("the networks ran %1 % slower than the module sampling (the "
                               "machine's speed moved); their times are scaled by %2 to the "
                               "sampling's speed\n")
                          : tr("the networks ran %1 % faster than the module sampling (the "
                               "machine's speed moved); their times are scaled by %2 to the "
                               "sampling's speed\n"))
                 .arg(std::fabs(percent), 0, 'f', 1)
                 .arg(sampling / networks, 0, 'f', 3);
    return sampling / networks;
}

} // namespace

std::optional<ProfilingSpec> calibrationSpec(QByteArray *json, QString *error)
{
    QFile spec(QStringLiteral(":/layerlens/specs/conditions.json"));
    if (!spec.open(QIODevice::ReadOnly)) {
        *error = tr("the calibration spec is missing from this build");
        return std::nullopt;
    }
    *json = spec.readAll();
    return parseProfilingSpec(*json, error);
}

bool runCalibrationJob(const RuntimeApi &runtime, const CalibrationJob &job, QString *text,
                       bool *cancelled, QString *error)
{
    *cancelled = false;
    QString problem;
    const auto baseProfile = DeviceProfile::load(job.baseDir, error);
    if (!baseProfile)
        return false;
    const DeviceProfile &base = *baseProfile;
    // The machine's speed before the module sampling, before the networks
    // and after them: the factors the networks set are only right for the
    // sampled models if both ran at one speed.
    std::vector<TimingStats> speeds;
    auto timeReference = [&] {
        QString why;
        if (const auto t = timeSpeedReference(runtime, kReferenceSeconds, &why))
            speeds.push_back(*t);
        else
            *text += tr("speed reference not timed: %1\n").arg(why);
    };
    timeReference();
    ProfileJobResult result;
    if (!runtime.runProfilingJob(job.profiling, &result, error))
        return false;
    if (result.cancelled) {
        *cancelled = true;
        *text += tr("Interrupted after %1 samples (kept in %2); no profile written.\n")
                     .arg(result.stored)
                     .arg(job.profiling.dbPath);
        return true;
    }
    DatasetStore store;
    if (!store.open(job.profiling.dbPath)) {
        *error = store.errorString();
        return false;
    }
    std::vector<Sample> local;
    for (Sample &s : store.samples()) {
        if (s.runId == result.runId)
            local.push_back(std::move(s));
    }
    CalibrationReport report;
    auto profile = calibrateProfile(base, job.baseDir, local, 0.3, 1, &report, &problem);
    if (!profile) {
        *error = problem;
        return false;
    }
    *text += tr("%1 samples of this device in %2 s (run %3 of %4)\n")
                 .arg(local.size())
                 .arg(result.seconds, 0, 'f', 0)
                 .arg(result.runId)
                 .arg(job.profiling.dbPath);
    *text += calibrationToTable(report);
    if (speeds.size() == 1)
        timeReference();
    const bool sampledAtKnownSpeed = speeds.size() == 2;
    if (sampledAtKnownSpeed) {
        DeviceProfile::SpeedReference &reference = profile->speedReference;
        reference.version = kSpeedReferenceVersion;
        reference.medianMs = (speeds[0].median + speeds[1].median) / 2;
        reference.cv = (speeds[0].cv + speeds[1].cv) / 2;
        reference.runs = speeds[0].runs + speeds[1].runs;
    } else {
        profile->speedReference = {};
    }

    // In-network corrections and the per-operator term, from the networks
    // measured with per-layer timing: what their blocks take inside the
    // network against what the models predict, and what the whole network
    // takes beyond its blocks.
    profile->opOverheadMs = 0;
    profile->cacheMissCosts.clear();
    std::vector<double> capacities;
    for (int64_t bytes : localCacheCapacities())
        capacities.push_back(double(bytes));
    // Operators without a module are timed afresh below; the base's costs
    // stay for operators the measured networks do not run.
    const std::map<QString, OperatorCost> baseCosts = profile->operatorCosts;
    profile->operatorCosts.clear();
    struct Measured
    {
        QString path;
        int batch = 1;
        double endToEndMs = 0;
        double layersMs = 0; // the per-layer timings, summed
        AnalyzedNetwork network;
        double passesDiffer = 0; // (slowest - fastest pass) / their mean
    };
    std::vector<OperatorObservation> operators;
    std::vector<Measured> measuredNetworks;
    std::vector<BlockObservation> observations;
    // Each network at batch 1, and at batch 8 where a run at batch 1 takes
    // at most kLargeBatchLimitMs: eight times the activations put what the
    // caches no longer hold in plain view, and the factors learn from both.
    // Every network is measured in kPasses interleaved passes and the
    // passes' times averaged, so that no one phase of a shared machine sets
    // the factors of the networks measured during it.
    struct Run
    {
        QString path;
        int batch = 1;
        QString label;
        std::vector<NetworkMeasurement> passes;
        bool failed = false;
    };
    std::vector<Run> runs;
    runs.reserve(2 * job.networks.size()); // references into it survive the batch-8 runs
    for (const QString &path : job.networks)
        runs.push_back({path, 1, networkLabel(path), {}, false});
    for (int pass = 0; pass < kPasses; ++pass) {
        for (size_t r = 0; r < runs.size(); ++r) {
            Run &run = runs[r];
            if (run.failed)
                continue;
            LoadOptions load;
            load.batch = run.batch;
            MeasureOptions measure;
            measure.maxTimeSeconds = kSecondsPerNetwork / kPasses;
            measure.perLayer = true;
            NetworkMeasurement m;
            if (!runtime.measureModel(run.path, load, measure, &m, &problem, {})) {
                *text += tr("%1 not measured: %2\n").arg(run.label, problem);
                run.failed = run.passes.empty(); // else its earlier passes stand
                continue;
            }
            if (m.batch != run.batch) {
                run.failed = true; // its batch is fixed: measured at batch 1 already
                continue;
            }
            if (pass == 0 && run.batch == 1 && m.latency.median <= kLargeBatchLimitMs)
                runs.push_back({run.path,
                                kLargeBatch,
                                tr("%1 at batch %2").arg(networkLabel(run.path)).arg(kLargeBatch),
                                {},
                                false});
            run.passes.push_back(std::move(m));
        }
    }
    const double speedScale =
        sampledAtKnownSpeed && !runs.empty() ? networkSpeedScale(runtime, &speeds, text) : 1.0;
    for (const Run &run : runs) {
        if (run.failed || run.passes.empty())
            continue;
        const QString &path = run.path;
        const int batch = run.batch;
        const QString &label = run.label;
        // The passes' medians, averaged.
        double endToEndMs = 0, fastest = 0, slowest = 0;
        std::map<QString, double> layerMs;
        for (const NetworkMeasurement &m : run.passes) {
            const double median = m.latency.median * speedScale;
            endToEndMs += median / double(run.passes.size());
            fastest = fastest > 0 ? std::min(fastest, median) : median;
            slowest = std::max(slowest, median);
            for (const LayerTiming &l : m.layers)
                layerMs[l.name] += m.layerMs(l) * speedScale / double(run.passes.size());
        }
        LoadOptions load;
        load.batch = batch;
        load.keepWeightData = false;
        Measured entry{path,
                       batch,
                       endToEndMs,
                       0,
                       loadAndAnalyze(path, load),
                       (slowest - fastest) / endToEndMs};
        NetworkPredictor predictor;
        if (!entry.network.ok() || !predictor.prepare(*entry.network.graph, entry.network.analysis,
                                                      *profile, job.profiling.spec, &problem)) {
            *text += tr("%1 not used: %2\n")
                         .arg(label, entry.network.ok() ? problem : entry.network.error);
            continue;
        }
        for (const auto &[name, ms] : layerMs)
            entry.layersMs += ms;
        const ConfigPrediction p = predictor.predict({batch, 0, 1});
        observeOperators(entry.network, predictor, layerMs, false, &operators);
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const NetworkBlock &block = predictor.blocks()[b];
            // Only blocks inside their module's range, predicted by their own
            // module: extrapolations and stand-ins would bend the model.
            if (block.module.isEmpty() || !p.blocks[b].latencyMs.available ||
                p.blocks[b].outOfDistribution || !block.approximation.isEmpty())
                continue;
            double sum = 0;
            bool all = true;
            for (int n : block.nodes) {
                const auto it = layerMs.find(entry.network.graph->nodes[n].name);
                all = all && it != layerMs.end();
                sum += it != layerMs.end() ? it->second : 0;
            }
            if (!all || sum <= 0)
                continue;
            BlockObservation o{
                block.module, p.blocks[b].latencyMs.value, sum, {}, {}, 1 / endToEndMs, label};
            for (double capacity : capacities) {
                o.coldMiB.push_back(predictor.reads()[b].coldBytes(capacity, 1) / (1 << 20));
                o.overflow.push_back(predictor.reads()[b].kernelOverflow(capacity, 1));
            }
            observations.push_back(std::move(o));
        }
        measuredNetworks.push_back(std::move(entry));
    }
    // Data-movement copies at the sizes networks do not vary them (a
    // vision transformer slices its tokens at one size); without measured
    // networks the base's costs stay, and none are needed.
    QTemporaryDir probeDir;
    const QStringList probes = probeDir.isValid() && !measuredNetworks.empty()
                                   ? writeDataMovementProbes(probeDir.path(), &problem)
                                   : QStringList();
    int probed = 0;
    for (const QString &path : probes) {
        LoadOptions load;
        MeasureOptions measure;
        measure.maxTimeSeconds = 0.5;
        measure.perLayer = true;
        measure.inputsInRuntimeLayout = true; // as the convolution before it leaves them
        NetworkMeasurement m;
        if (!runtime.measureModel(path, load, measure, &m, &problem, {}))
            continue;
        load.keepWeightData = false;
        const AnalyzedNetwork network = loadAndAnalyze(path, load);
        NetworkPredictor predictor;
        if (!network.ok() || !predictor.prepare(*network.graph, network.analysis, *profile,
                                                job.profiling.spec, &problem))
            continue;
        std::map<QString, double> layerMs;
        for (const LayerTiming &l : m.layers)
            layerMs[l.name] = m.layerMs(l) * speedScale;
        observeOperators(network, predictor, layerMs, true, &operators);
        ++probed;
    }
    if (!measuredNetworks.empty())
        *text +=
            tr("%1 of %2 data-movement probes timed (channel splits and shuffles)%3\n")
                .arg(probed)
                .arg(probes.size())
                .arg(probed < probes.size() && !problem.isEmpty() ? QStringLiteral(": ") + problem
                                                                  : QString());
    // What the blocks pay for data the caches no longer hold comes first: the
    // in-network corrections then see the rest of what they take.
    const CacheMissFit misses = fitCacheMisses(observations, capacities);
    profile->cacheMissCosts = misses.costs;
    *text += cacheMissesToText(misses, capacities);
    for (BlockObservation &o : observations)
        o.measuredMs = std::max(o.measuredMs - cacheMissMs(misses.costs, o), 0.25 * o.measuredMs);
    auto corrections = applyNetworkCorrections(profile.get(), observations);
    borrowNetworkCorrections(profile.get(), job.profiling.spec, observations, &corrections);
    if (!corrections.empty()) {
        *text +=
            tr("in-network correction per module (blocks of the measured networks, MAPE before "
               "-> after):\n");
        for (const NetworkCorrection &c : corrections) {
            if (!c.borrowedFrom.isEmpty()) {
                *text += tr("  %1 %2 blocks, x%3 (borrowed from %4)%5\n")
                             .arg(c.module.leftJustified(22))
                             .arg(c.blocks, 3)
                             .arg(c.factor, 0, 'f', 3)
                             .arg(c.borrowedFrom)
                             .arg(c.blocks > 0 ? QStringLiteral(", %1 % -> %2 %")
                                                     .arg(c.mapeBefore, 0, 'f', 1)
                                                     .arg(c.mapeAfter, 0, 'f', 1)
                                               : QString());
                continue;
            }
            *text += QStringLiteral("  %1 %2 blocks, x%3%4, %5 % -> %6 %\n")
                         .arg(c.module.leftJustified(22))
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
    profile->operatorCosts = fitOperatorCosts(operators);
    if (!profile->operatorCosts.empty()) {
        *text += tr("in-network cost of operators without a module (fixed + per MiB moved + per "
                    "Mflop):\n") +
                 operatorCostsToTable(profile->operatorCosts);
    }
    for (const auto &[op, cost] : baseCosts)
        profile->operatorCosts.emplace(op, cost);
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
    for (const Measured &entry : measuredNetworks) {
        NetworkPredictor predictor;
        if (!predictor.prepare(*entry.network.graph, entry.network.analysis, *profile,
                               job.profiling.spec, &problem))
            continue;
        const double predicted = predictor.predict({entry.batch, 0, 1}).latencyMs.value;
        const int executed = predictor.executedNodes();
        // The per-operator term at batch 1, as it is applied.
        if (executed > 0 && entry.endToEndMs > 0 && entry.batch == 1)
            perOperator.emplace_back((entry.endToEndMs - entry.layersMs) / executed,
                                     executed / entry.endToEndMs);
        *text +=
            tr("%1: measured %2 ms (passes differ %8 %), its %3 operators %4 ms (%5 us per "
               "operator between them); its blocks predicted %6 ms (%7 %)\n")
                .arg(entry.batch == 1
                         ? networkLabel(entry.path)
                         : tr("%1 at batch %2").arg(networkLabel(entry.path)).arg(entry.batch))
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
    }
    if (!profile->save(job.outDir, error))
        return false;
    *text += tr("per-operator overhead %1 ms; calibrated profile written to %2\n")
                 .arg(profile->opOverheadMs, 0, 'g', 3)
                 .arg(job.outDir);
    return true;
}

} // namespace layerlens::core
