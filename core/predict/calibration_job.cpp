#include "predict/calibration_job.h"

#include "graph/analyzed_network.h"
#include "predict/calibration.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "profiling/dataset_store.h"
#include "profiling/module_features.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <optional>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
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

    // In-network corrections and the per-operator term, from the networks
    // measured with per-layer timing: what their blocks take inside the
    // network against what the models predict, and what the whole network
    // takes beyond its blocks.
    profile->opOverheadMs = 0;
    // Operators without a module are timed afresh below; the base's costs
    // stay for operators the measured networks do not run.
    const std::map<QString, OperatorCost> baseCosts = profile->operatorCosts;
    profile->operatorCosts.clear();
    struct Measured
    {
        QString path;
        double endToEndMs = 0;
        double layersMs = 0; // the per-layer timings, summed
        AnalyzedNetwork network;
    };
    std::vector<OperatorObservation> operators;
    std::vector<Measured> measuredNetworks;
    std::vector<BlockObservation> observations;
    for (const QString &path : job.networks) {
        LoadOptions load;
        load.batch = 1;
        MeasureOptions measure;
        measure.maxTimeSeconds = 8;
        measure.perLayer = true;
        NetworkMeasurement m;
        if (!runtime.measureModel(path, load, measure, &m, &problem, {})) {
            *text += tr("%1 not measured: %2\n").arg(path, problem);
            continue;
        }
        load.keepWeightData = false;
        Measured entry{path, m.latency.median, 0, loadAndAnalyze(path, load)};
        NetworkPredictor predictor;
        if (!entry.network.ok() || !predictor.prepare(*entry.network.graph, entry.network.analysis,
                                                      *profile, job.profiling.spec, &problem)) {
            *text += tr("%1 not used: %2\n")
                         .arg(path, entry.network.ok() ? problem : entry.network.error);
            continue;
        }
        std::map<QString, double> layerMs;
        for (const LayerTiming &l : m.layers) {
            layerMs[l.name] = m.layerMs(l);
            entry.layersMs += m.layerMs(l);
        }
        const ConfigPrediction p = predictor.predict({1, 0, 1});
        const std::vector<bool> channelsLast = channelsLastTensors(*entry.network.graph);
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const NetworkBlock &block = predictor.blocks()[b];
            if (block.module.isEmpty() && block.nodes.size() == 1) {
                const Node &node = entry.network.graph->nodes[block.nodes.front()];
                const auto it = layerMs.find(node.name);
                ModuleFeatures f;
                if (it != layerMs.end() &&
                    blockFeatures(*entry.network.graph, entry.network.analysis, block.nodes, &f))
                    operators.push_back(
                        {node.opType, double(f.inputBytes + f.outputBytes), double(f.flops),
                         it->second,
                         runsAsView(*entry.network.graph, block.nodes.front(), 1, channelsLast)});
            }
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
            if (all && sum > 0)
                observations.push_back({block.module, p.blocks[b].latencyMs.value, sum});
        }
        measuredNetworks.push_back(std::move(entry));
    }
    auto corrections = applyNetworkCorrections(profile.get(), observations);
    borrowNetworkCorrections(profile.get(), job.profiling.spec, &corrections);
    if (!corrections.empty()) {
        *text +=
            tr("in-network correction per module (blocks of the measured networks, MAPE before "
               "-> after):\n");
        for (const NetworkCorrection &c : corrections) {
            if (!c.borrowedFrom.isEmpty()) {
                *text += tr("  %1   0 blocks, x%2 (borrowed from %3)\n")
                             .arg(c.module.leftJustified(22))
                             .arg(c.factor, 0, 'f', 3)
                             .arg(c.borrowedFrom);
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
    // The per-operator term: what the networks take beyond what their
    // blocks and operators are predicted to take, per operator. Of the
    // per-network values, the one that gives the least mean relative error
    // over the networks (their median weighted by operators / measured
    // time): pooling the residuals instead lets the largest network decide,
    // and a large network's residual is mostly its models' relative error
    // (ViT-B/16 under-predicted by 25% made 84 us per operator, a third
    // more on ShuffleNet). Not the gap between the end-to-end time and the
    // per-layer timings: timing each node costs the run several
    // microseconds per node, so that gap is mostly the timing's own cost,
    // and it scatters more between runs than the difference it measures.
    std::vector<std::pair<double, double>> perOperator; // (residual per operator, weight)
    for (const Measured &entry : measuredNetworks) {
        NetworkPredictor predictor;
        if (!predictor.prepare(*entry.network.graph, entry.network.analysis, *profile,
                               job.profiling.spec, &problem))
            continue;
        const double predicted = predictor.predict({1, 0, 1}).latencyMs.value;
        const int executed = predictor.executedNodes();
        if (executed > 0 && entry.endToEndMs > 0)
            perOperator.emplace_back((entry.endToEndMs - predicted) / executed,
                                     executed / entry.endToEndMs);
        *text += tr("%1: measured %2 ms (its nodes %3 ms), predicted %4 ms before the "
                    "per-operator term (%5 operators)\n")
                     .arg(QFileInfo(entry.path).fileName())
                     .arg(entry.endToEndMs, 0, 'f', 3)
                     .arg(entry.layersMs, 0, 'f', 3)
                     .arg(predicted, 0, 'f', 3)
                     .arg(predictor.executedNodes());
    }
    if (!perOperator.empty()) {
        // Not below zero: networks predicted above their time are the
        // models' error, not negative work between operators, and a
        // negative term would take most from networks of many small
        // operators.
        profile->opOverheadMs = std::max(0.0, weightedMedian(perOperator));
        profile->opOverheadSource =
            tr("calibrate: %1 network(s) at batch 1, 1 thread").arg(measuredNetworks.size());
    } else {
        profile->operatorCosts = baseCosts;
        profile->opOverheadMs = base.opOverheadMs;
        profile->opOverheadSource = base.opOverheadSource;
    }
    if (!profile->save(job.outDir, error))
        return false;
    *text += tr("per-operator overhead %1 ms; calibrated profile written to %2\n")
                 .arg(profile->opOverheadMs, 0, 'g', 3)
                 .arg(job.outDir);
    return true;
}

} // namespace layerlens::core
