#include "runtime/profiling_job.h"

#include "devices/blas_kernels.h"
#include "devices/device_info.h"
#include "graph/analysis.h"
#include "graph/onnx_loader.h"
#include "measure/energy_sensors.h"
#include "profiling/dataset_store.h"
#include "profiling/module_config.h"
#include "profiling/module_features.h"
#include "runtime/executor.h"
#include "runtime/network_measurer.h"

#include <torch/version.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <chrono>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

using Clock = std::chrono::steady_clock;

QString runtimeIdentity()
{
    // Changing how modules are measured makes samples incomparable: say so here.
    // OpenBLAS's own pool beside ATen's threads (executor.h): before it was
    // one thread whatever the thread count, it ran as many as ATen's.
    return QStringLiteral("libtorch %1 cpu; executor: channels-last, buffer reuse; module inputs "
                          "in runtime layout; OpenBLAS pool %2")
        .arg(QLatin1String(TORCH_VERSION))
        .arg(blasPoolSetting());
}

// What makes two devices' samples comparable: hardware, OS, BLAS, runtime.
// OpenBLAS's kernel set follows from the CPU and the OS's OpenBLAS unless
// OPENBLAS_CORETYPE chose another: only then is it named (a machine's
// fingerprint stays what it was before LayerLens read the kernel set).
QString fingerprintOf(const DeviceInfo &info)
{
    const QString blas = info.blasCoreForced
                             ? QStringLiteral("%1 (%2 kernels)").arg(info.blas, info.blasCore)
                             : info.blas;
    const QString key = QStringLiteral("%1|%2|%3 GiB|%4|%5|%6|%7")
                            .arg(info.cpuModel)
                            .arg(info.logicalCores)
                            .arg((info.memoryBytes + (1 << 29)) >> 30)
                            .arg(info.os, info.architecture, blas, runtimeIdentity());
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

std::map<QString, std::vector<ModuleConfig>> harvestAll(const ProfileJobOptions &options,
                                                        int *distinct, QString *error)
{
    std::map<QString, std::vector<ModuleConfig>> pool;
    QSet<QString> seen;
    for (const QString &path : options.harvest) {
        for (int64_t batch : options.spec.harvestBatches) {
            OnnxLoader loader;
            LoadOptions load;
            load.batch = batch;
            load.keepWeightData = false;
            const auto graph = loader.load(path, load);
            if (!graph) {
                *error = loader.errorString();
                return {};
            }
            for (ModuleConfig &c : harvestConfigs(*graph, options.spec)) {
                const QString key =
                    c.module +
                    QString::fromUtf8(QJsonDocument(moduleParamsToJson(c.params)).toJson());
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                pool[c.module].push_back(std::move(c));
            }
        }
    }
    *distinct = static_cast<int>(seen.size());
    return pool;
}

} // namespace

bool runProfilingJob(const ProfileJobOptions &options, ProfileJobResult *result, QString *error)
{
    const auto started = Clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(Clock::now() - started).count();
    };
    if (options.budgetSeconds <= 0 && options.maxSamples <= 0) {
        *error = tr("a profiling job needs a time budget or a sample count");
        return false;
    }
    QString problem;
    const auto pool = harvestAll(options, &result->harvested, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    DatasetStore store;
    if (!store.open(options.dbPath)) {
        *error = store.errorString();
        return false;
    }
    const DeviceInfo info = probeLocalDevice();
    const qint64 device = store.deviceId(fingerprintOf(info), info);
    if (device == 0) {
        *error = store.errorString();
        return false;
    }
    qint64 run = 0;
    if (options.resume || (options.resumeIfAny && options.configs.empty()))
        run = store.resumableRun(device, options.spec.hash);
    if (run == 0 && options.resume) {
        *error =
            tr("%1: no unfinished run of this spec on this device to resume").arg(options.dbPath);
        return false;
    }
    if (run == 0) {
        const QJsonObject runOptions{
            {QStringLiteral("runtime"), runtimeIdentity()},
            {QStringLiteral("budget_s"), options.budgetSeconds},
            {QStringLiteral("max_samples"), options.maxSamples},
            {QStringLiteral("harvest"), QJsonArray::fromStringList(options.harvest)},
            {QStringLiteral("refinement_configs"), static_cast<qint64>(options.configs.size())},
            {QStringLiteral("shard"), QJsonArray{options.shardIndex, options.shardCount}}};
        run = store.startRun(device, options.spec.hash, options.specJson, runOptions);
        if (run == 0) {
            *error = store.errorString();
            return false;
        }
    }
    result->runId = run;
    const qint64 storedBefore = std::max<qint64>(0, store.sampleCount(run));
    const qint64 target = options.maxSamples > 0 && options.maxSamplesCountsRun
                              ? std::max<qint64>(0, options.maxSamples - storedBefore)
                              : options.maxSamples;
    const QString runUuid = store.runUuid(run);
    qint64 seq = store.nextSeq(run);
    ProfileProgress progress;
    auto report = [&] {
        return !options.progress || options.progress(progress);
    };

    // The energy sensors, found once for the whole job.
    EnergyMeter meter(findEnergySensors());
    size_t drawn = 0;
    while (!result->cancelled) {
        if (options.maxSamples > 0 && result->stored >= target)
            break;
        if (options.budgetSeconds > 0 && elapsed() >= options.budgetSeconds)
            break;
        const int shards = std::max(1, options.shardCount);
        const ModuleConfig config =
            options.configs.empty()
                ? sampleConfig(options.spec, pool, seq * shards + options.shardIndex)
                : options.configs[drawn++ % options.configs.size()];
        const ModuleSpec *module = options.spec.module(config.module);
        if (!module) {
            *error = tr("configuration of unknown module %1").arg(config.module);
            return false;
        }
        const qint64 thisSeq = seq++;
        QString buildError;
        const auto graph = buildModuleGraph(*module, config, &buildError);
        NetworkMeasurement m;
        MeasureOptions measure;
        measure.maxTimeSeconds = options.spec.maxTimeSeconds;
        measure.minRuns = options.spec.minRuns;
        measure.threads = config.threads;
        measure.utilizationPercent = config.utilization;
        measure.seed = static_cast<uint64_t>(thisSeq);
        measure.idlePowerSeconds = 0; // no idle baseline per sample
        measure.inputsInRuntimeLayout = true;
        QString measureError;
        const bool measured = graph && measureGraph(
                                           *graph, measure, &m, &measureError,
                                           [&](double) {
                                               progress.elapsedSeconds = elapsed();
                                               if (!report())
                                                   result->cancelled = true;
                                               return !result->cancelled;
                                           },
                                           &meter);
        if (result->cancelled)
            break; // the sample in flight is dropped
        if (!measured) {
            ++result->skipped;
            if (result->problems.size() < 5)
                result->problems.append(
                    QStringLiteral("%1 %2: %3")
                        .arg(config.module,
                             QString::fromUtf8(QJsonDocument(moduleParamsToJson(config.params))
                                                   .toJson(QJsonDocument::Compact)),
                             graph ? measureError : buildError));
            continue;
        }
        Sample s;
        s.id = QStringLiteral("%1-%2").arg(runUuid).arg(thisSeq);
        s.runId = run;
        s.runUuid = runUuid;
        s.seq = thisSeq;
        s.module = config.module;
        s.op = module->op;
        s.source = config.source;
        s.params = moduleParamsToJson(config.params);
        s.features = moduleGraphFeatures(*graph, analyzeNetwork(*graph)).toJson();
        s.latencyMedianMs = m.latency.median;
        s.latencyP10Ms = m.latency.p10;
        s.latencyMinMs = m.latency.min;
        s.latencyCv = m.latency.cv;
        s.runs = m.latency.runs;
        s.repeatable = m.repeatability.repeatable;
        s.peakMemoryBytes = m.peakAllocatedBytes;
        s.energyJoules = m.energyJoules;
        s.threads = config.threads;
        s.utilization = config.utilization;
        if (!store.addSample(s)) {
            *error = store.errorString();
            return false;
        }
        ++result->stored;
        ++result->perModule[config.module];
        progress.stored = result->stored;
        progress.runStored = storedBefore + result->stored;
        progress.elapsedSeconds = elapsed();
        progress.lastModule = config.module;
        progress.lastLatencyMs = m.latency.median;
        const double perSample = progress.elapsedSeconds / double(result->stored);
        double eta = -1;
        if (options.budgetSeconds > 0)
            eta = std::max(0.0, options.budgetSeconds - progress.elapsedSeconds);
        if (options.maxSamples > 0) {
            const double bySamples = perSample * double(target - result->stored);
            eta = eta < 0 ? bySamples : std::min(eta, bySamples);
        }
        progress.etaSeconds = eta;
        if (!report())
            result->cancelled = true;
    }
    result->runStored = storedBefore + result->stored;
    store.finishRun(run,
                    result->cancelled ? QStringLiteral("cancelled") : QStringLiteral("stopped"));
    result->seconds = elapsed();
    return true;
}

} // namespace layerlens::core
