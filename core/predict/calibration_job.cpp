#include "predict/calibration_job.h"

#include "graph/analyzed_network.h"
#include "predict/calibration.h"
#include "predict/network_predictor.h"
#include "profiling/dataset_store.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

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
    struct Measured
    {
        QString path;
        double endToEndMs = 0;
        AnalyzedNetwork network;
    };
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
        Measured entry{path, m.latency.median, loadAndAnalyze(path, load)};
        NetworkPredictor predictor;
        if (!entry.network.ok() || !predictor.prepare(*entry.network.graph, entry.network.analysis,
                                                      *profile, job.profiling.spec, &problem))
            continue;
        std::map<QString, double> layerMs;
        for (const LayerTiming &l : m.layers)
            layerMs[l.name] = l.stats.median;
        const ConfigPrediction p = predictor.predict({1, 0, 1});
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
            if (all && sum > 0)
                observations.push_back({block.module, p.blocks[b].latencyMs.value, sum});
        }
        measuredNetworks.push_back(std::move(entry));
    }
    const auto corrections = applyNetworkCorrections(profile.get(), observations);
    if (!corrections.empty()) {
        *text +=
            tr("in-network correction per module (blocks of the measured networks, MAPE before "
               "-> after):\n");
        for (const NetworkCorrection &c : corrections)
            *text += QStringLiteral("  %1 %2 blocks, x%3, %4 % -> %5 %\n")
                         .arg(c.module.leftJustified(22))
                         .arg(c.blocks, 3)
                         .arg(c.factor, 0, 'f', 3)
                         .arg(c.mapeBefore, 0, 'f', 1)
                         .arg(c.mapeAfter, 0, 'f', 1);
    }
    // Pooled over the networks: their total time beyond their blocks over
    // their total operator count (a median of per-network values would let
    // one network decide).
    double residualMs = 0;
    int operators = 0;
    for (const Measured &entry : measuredNetworks) {
        NetworkPredictor predictor;
        if (!predictor.prepare(*entry.network.graph, entry.network.analysis, *profile,
                               job.profiling.spec, &problem))
            continue;
        const double predicted = predictor.predict({1, 0, 1}).latencyMs.value;
        residualMs += entry.endToEndMs - predicted;
        operators += predictor.executedNodes();
        *text += tr("%1: measured %2 ms, blocks predict %3 ms (%4 operators)\n")
                     .arg(QFileInfo(entry.path).fileName())
                     .arg(entry.endToEndMs, 0, 'f', 3)
                     .arg(predicted, 0, 'f', 3)
                     .arg(predictor.executedNodes());
    }
    if (operators > 0) {
        // May be negative: a module measured alone pays for what a network
        // does once (or shares), which the corrections above do not cover.
        profile->opOverheadMs = residualMs / operators;
        profile->opOverheadSource =
            tr("calibrate: %1 network(s) at batch 1, 1 thread").arg(measuredNetworks.size());
    } else {
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
