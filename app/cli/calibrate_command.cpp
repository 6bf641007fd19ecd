#include "calibrate_command.h"

#include "cli_common.h"
#include "profile_command.h"

#include "graph/analyzed_network.h"
#include "predict/calibration.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/dataset_store.h"
#include "profiling/profiling_spec.h"
#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <map>

#include <algorithm>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("calibrate", text);
}

} // namespace

int runCalibrateCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adapts a device profile to this machine with a short profiling job: the base "
           "profile's models are kept and corrected per module and metric from a few local "
           "samples (few-shot transfer), the per-operator overhead is measured on the given "
           "networks, and the error before and after is printed on held-out samples."));
    const QCommandLineOption base(
        QStringLiteral("base"),
        tr("Profile to start from (default %1).").arg(QLatin1String(core::kDefaultProfileName)),
        QStringLiteral("NAME|DIR"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Profile folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption budget(QStringLiteral("budget"),
                                    tr("Profiling time budget (default 3m)."),
                                    QStringLiteral("DURATION"), QStringLiteral("3m"));
    const QCommandLineOption samples(QStringLiteral("samples"),
                                     tr("Profile this many samples instead of a time budget."),
                                     QStringLiteral("N"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        tr("Dataset that keeps the samples; default: %1.").arg(core::defaultDatasetPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption harvest(QStringLiteral("harvest"),
                                     tr("ONNX file or folder whose layers to profile; repeatable."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption networks(
        QStringLiteral("networks"),
        tr("ONNX file or folder to measure for the per-operator overhead (and to harvest); "
           "repeatable."),
        QStringLiteral("PATH"));
    parser.addOptions({base, out, budget, samples, db, harvest, networks});
    if (const auto stop = parseCommand(parser, QStringLiteral("calibrate"), args))
        return *stop;
    if (!parser.isSet(out)) {
        printError(tr("calibrate needs --out PROFILE_DIR"));
        return ExitUsage;
    }
    core::ProfileJobOptions options;
    if (parser.isSet(samples)) {
        const auto n = parsePositive(QStringLiteral("--samples"), parser.value(samples));
        if (!n)
            return ExitUsage;
        options.maxSamples = *n;
    } else {
        const auto seconds = parseDuration(parser.value(budget));
        if (!seconds || *seconds <= 0) {
            printError(tr("--budget needs a duration such as 90s, 3m or 1h, not '%1'")
                           .arg(parser.value(budget)));
            return ExitUsage;
        }
        options.budgetSeconds = *seconds;
    }
    QStringList measured;
    for (const QString &path : parser.values(harvest) + parser.values(networks)) {
        if (!QFileInfo::exists(path)) {
            printError(tr("%1: no such file or folder").arg(path));
            return ExitUsage;
        }
        options.harvest += onnxFiles(path);
    }
    for (const QString &path : parser.values(networks))
        measured += onnxFiles(path);

    QString problem;
    const QString baseDir = core::resolveProfileDir(parser.value(base), &problem);
    const auto baseProfile =
        baseDir.isEmpty() ? nullptr : core::DeviceProfile::load(baseDir, &problem);
    if (!baseProfile) {
        printError(problem);
        return ExitFailure;
    }
    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;

    // The spec with the run-time conditions predictions cover (threads, load).
    QFile spec(QStringLiteral(":/layerlens/specs/conditions.json"));
    if (spec.open(QIODevice::ReadOnly))
        options.specJson = spec.readAll();
    const auto conditions = core::parseProfilingSpec(options.specJson, &problem);
    if (!conditions) {
        printError(problem);
        return ExitFailure;
    }
    options.spec = *conditions;
    options.dbPath = parser.isSet(db) ? parser.value(db) : core::defaultDatasetPath();
    core::ProfileJobResult job;
    if (!runProfilingOnTerminal(runtime, options, &job, &problem)) {
        printError(problem);
        return ExitFailure;
    }
    if (job.cancelled) {
        printOut(tr("Interrupted after %1 samples (kept in %2); no profile written.\n")
                     .arg(job.stored)
                     .arg(options.dbPath));
        return 130;
    }
    core::DatasetStore store;
    if (!store.open(options.dbPath)) {
        printError(store.errorString());
        return ExitFailure;
    }
    std::vector<core::Sample> local;
    for (core::Sample &s : store.samples()) {
        if (s.runId == job.runId)
            local.push_back(std::move(s));
    }
    core::CalibrationReport report;
    auto profile = core::calibrateProfile(*baseProfile, baseDir, local, 0.3, 1, &report, &problem);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    QString text = tr("%1 samples of this device in %2 s (run %3 of %4)\n")
                       .arg(local.size())
                       .arg(job.seconds, 0, 'f', 0)
                       .arg(job.runId)
                       .arg(options.dbPath);
    text += core::calibrationToTable(report);

    // In-network corrections and the per-operator term, from the networks
    // measured with per-layer timing: what their blocks take inside the
    // network against what the models predict, and what the whole network
    // takes beyond its blocks.
    profile->opOverheadMs = 0;
    struct Measured
    {
        QString path;
        double endToEndMs = 0;
        core::AnalyzedNetwork network;
    };
    std::vector<Measured> measuredNetworks;
    std::vector<core::BlockObservation> observations;
    for (const QString &path : measured) {
        core::LoadOptions load;
        load.batch = 1;
        core::MeasureOptions measure;
        measure.maxTimeSeconds = 8;
        measure.perLayer = true;
        core::NetworkMeasurement m;
        if (!runtime->measureModel(path, load, measure, &m, &problem, {})) {
            text += tr("%1 not measured: %2\n").arg(path, problem);
            continue;
        }
        load.keepWeightData = false;
        Measured entry{path, m.latency.median, core::loadAndAnalyze(path, load)};
        core::NetworkPredictor predictor;
        if (!entry.network.ok() || !predictor.prepare(*entry.network.graph, entry.network.analysis,
                                                      *profile, options.spec, &problem))
            continue;
        std::map<QString, double> layerMs;
        for (const core::LayerTiming &l : m.layers)
            layerMs[l.name] = l.stats.median;
        const core::ConfigPrediction p = predictor.predict({1, 0, 1});
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const core::NetworkBlock &block = predictor.blocks()[b];
            if (block.module.isEmpty() || !p.blocks[b].latencyMs.available)
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
    const auto corrections = core::applyNetworkCorrections(profile.get(), observations);
    if (!corrections.empty()) {
        text += tr("in-network correction per module (blocks of the measured networks, MAPE before "
                   "-> after):\n");
        for (const core::NetworkCorrection &c : corrections)
            text += QStringLiteral("  %1 %2 blocks, x%3, %4 % -> %5 %\n")
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
        core::NetworkPredictor predictor;
        if (!predictor.prepare(*entry.network.graph, entry.network.analysis, *profile, options.spec,
                               &problem))
            continue;
        const double predicted = predictor.predict({1, 0, 1}).latencyMs.value;
        residualMs += entry.endToEndMs - predicted;
        operators += predictor.executedNodes();
        text += tr("%1: measured %2 ms, blocks predict %3 ms (%4 operators)\n")
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
        profile->opOverheadMs = baseProfile->opOverheadMs;
        profile->opOverheadSource = baseProfile->opOverheadSource;
    }
    if (!profile->save(parser.value(out), &problem)) {
        printError(problem);
        return ExitFailure;
    }
    text += tr("per-operator overhead %1 ms; calibrated profile written to %2\n")
                .arg(profile->opOverheadMs, 0, 'g', 3)
                .arg(parser.value(out));
    printOut(text);
    return ExitOk;
}

} // namespace layerlens::cli
