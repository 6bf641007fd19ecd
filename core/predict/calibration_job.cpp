#include "predict/calibration_job.h"

#include "common/paths.h"
#include "devices/device_info.h"
#include "graph/analyzed_network.h"
#include "predict/cache_misses.h"
#include "predict/calibration.h"
#include "predict/calibration_probes.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "profiling/module_features.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <functional>
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
// The threads a network under the same limit is measured on besides one,
// where the machine has them: how the cache-miss costs share out over
// threads is fitted from those runs (calibration_fit.cpp).
constexpr int kMoreThreads = 2;
// The load those networks are also measured under on kMoreThreads threads,
// at batch 1 and kLargeBatch, end to end (load_factors.h), and each such
// pass's time: runs there differ from one start of the threads to the next
// (passes 10-40 % apart on a Xeon VM), so shorter passes, and a third where
// two differ, tell more than longer ones.
constexpr int kLoadPercent = 50;
constexpr double kLoadedSeconds = 2;
// Each network's measuring time, split over interleaved passes.
constexpr double kSecondsPerNetwork = 8;
constexpr int kPasses = 2;
// A network whose two passes differ by more than this is measured a third
// time, and the fit takes the median pass: one slow phase of a shared
// machine (passes 12-23 % apart on a Xeon VM) no longer sets its factors.
constexpr double kThirdPassAbove = 0.10;
// A run under load is measured again after that, a pass at a time, while
// its median is less certain than this share (medianUncertainty) and it has
// fewer than kMaxLoadedPasses passes: on the Xeon VM the passes of one
// network on two threads under 50 % load lie 8-18 % apart in standard
// deviation, and three leave the median uncertain by 5-10 %, as much as
// the load factor's level differs between calibrations.
constexpr double kLoadedSettle = 0.05;
constexpr int kMaxLoadedPasses = 6;
// Seconds a timing of the speed reference takes around the phases, and
// within them: between samples every kReferenceEverySeconds, and before
// each network run but the first.
constexpr double kReferenceSeconds = 2;
constexpr double kShortReferenceSeconds = 1;
constexpr double kReferenceEverySeconds = 40;

// "resnet50/model.onnx" for an exported zoo network, else the file name.
QString networkLabel(const QString &path)
{
    const QFileInfo info(path);
    return info.fileName() == QLatin1String("model.onnx")
               ? info.dir().dirName() + QLatin1Char('/') + info.fileName()
               : info.fileName();
}

// Measures the networks with per-layer timing into m->networks: each at
// batch 1, and at batch 8 where a run at batch 1 takes at most
// kLargeBatchLimitMs (eight times the activations put what the caches no
// longer hold in plain view, and the factors learn from both); those also
// at batch 1 on kMoreThreads threads where the machine has them; there
// under kLoadPercent load, end to end, every network at batch 1 and those
// at kLargeBatch. Every
// network is measured in kPasses interleaved passes, so that no one phase
// of a shared machine sets the factors of the networks measured during it,
// and once more where they differ by more than kThirdPassAbove.
// betweenRuns() before every run but the first; progress (may be empty)
// before every run, and false from it stops the measuring (returns false).
// Then, when any network was measured, the calibration probes.
bool measureNetworks(const RuntimeApi &runtime, const QStringList &paths,
                     CalibrationMeasurements *m, QString *text,
                     const std::function<void()> &betweenRuns,
                     const std::function<bool(const QString &, double)> &progress)
{
    struct Run
    {
        CalibrationMeasurements::Network network;
        bool failed = false;
    };
    std::vector<Run> runs;
    for (const QString &path : paths)
        runs.push_back({{path, fileSha256(path), 1, 1, 0, networkLabel(path), {}}, false});
    QString problem;
    auto measureOnce = [&](const CalibrationMeasurements::Network &run, NetworkMeasurement *out) {
        LoadOptions load;
        load.batch = run.batch;
        MeasureOptions measure;
        measure.maxTimeSeconds =
            run.utilization > 0 ? kLoadedSeconds : kSecondsPerNetwork / kPasses;
        measure.perLayer = run.utilization == 0;
        measure.threads = run.threads;
        measure.utilizationPercent = run.utilization;
        return runtime.measureModel(run.path, load, measure, out, &problem, {});
    };
    const bool moreThreads = QThread::idealThreadCount() >= kMoreThreads;
    int done = 0;
    auto goOn = [&](const CalibrationMeasurements::Network &run, int pass) {
        // At most: runs under load may take up to kMaxLoadedPasses.
        double planned = 0;
        for (const Run &r : runs)
            planned += r.network.utilization > 0 ? kMaxLoadedPasses : kPasses;
        const bool on = !progress || progress(tr("%1, pass %2").arg(run.label).arg(pass + 1),
                                              std::min(1.0, done / planned));
        ++done;
        return on;
    };
    for (int pass = 0; pass < kPasses; ++pass) {
        for (size_t r = 0; r < runs.size(); ++r) {
            CalibrationMeasurements::Network &run = runs[r].network;
            if (runs[r].failed)
                continue;
            if (!goOn(run, pass))
                return false;
            if (pass > 0 || r > 0)
                betweenRuns();
            NetworkMeasurement measurement;
            if (!measureOnce(run, &measurement)) {
                *text += tr("%1 not measured: %2\n").arg(run.label, problem);
                runs[r].failed = run.passes.empty(); // else its earlier passes stand
                continue;
            }
            if (measurement.batch != run.batch) {
                runs[r].failed = true; // its batch is fixed: measured at batch 1 already
                continue;
            }
            const bool first = pass == 0 && run.batch == 1 && run.threads == 1;
            const bool large = first && measurement.latency.median <= kLargeBatchLimitMs;
            run.passes.push_back(std::move(measurement));
            if (!first)
                continue;
            CalibrationMeasurements::Network base = run; // run is invalid from here
            base.passes.clear();
            auto add = [&](int batch, int threads, int utilization, const QString &label) {
                CalibrationMeasurements::Network next = base;
                next.batch = batch;
                next.threads = threads;
                next.utilization = utilization;
                next.label = label;
                runs.push_back({std::move(next), false});
            };
            const QString name = networkLabel(base.path);
            if (large)
                add(kLargeBatch, 1, 0, tr("%1 at batch %2").arg(name).arg(kLargeBatch));
            if (!moreThreads)
                continue;
            // Under load every network at batch 1 (ViT-B/16 too: its linear
            // layers on one BLAS thread set their factor), at batch 8 those
            // measured there.
            for (const int batch : {1, kLargeBatch}) {
                if (batch == 1 || large)
                    add(batch, kMoreThreads, kLoadPercent,
                        tr("%1 at batch %2 on %3 threads under %4 % load")
                            .arg(name)
                            .arg(batch)
                            .arg(kMoreThreads)
                            .arg(kLoadPercent));
            }
            if (large)
                add(1, kMoreThreads, 0, tr("%1 on %2 threads").arg(name).arg(kMoreThreads));
        }
    }
    for (Run &run : runs) {
        CalibrationMeasurements::Network &network = run.network;
        if (run.failed || int(network.passes.size()) < kPasses)
            continue;
        for (;;) {
            const int count = int(network.passes.size());
            const double spread = network.passSpread();
            const double uncertainty = network.medianUncertainty();
            const bool third = count == kPasses && spread > kThirdPassAbove;
            const bool settling = count > kPasses && network.utilization > 0 &&
                                  count < kMaxLoadedPasses && uncertainty > kLoadedSettle;
            if (!third && !settling)
                break;
            if (!goOn(network, count))
                return false;
            betweenRuns();
            NetworkMeasurement measurement;
            if (!measureOnce(network, &measurement)) {
                *text +=
                    tr("%1: pass %2 failed: %3\n").arg(network.label).arg(count + 1).arg(problem);
                break;
            }
            if (measurement.batch != network.batch)
                break; // as in the passes before: measured at batch 1 already
            network.passes.push_back(std::move(measurement));
            if (third)
                *text += tr("%1: passes differ by %2 %; measured a third time (%3 ms), the "
                            "median counts\n")
                             .arg(network.label)
                             .arg(spread * 100, 0, 'f', 1)
                             .arg(network.passes.back().latency.median, 0, 'f', 3);
            else
                *text += tr("%1: median uncertain by %2 % after %3 passes; pass %4 (%5 ms)\n")
                             .arg(network.label)
                             .arg(uncertainty * 100, 0, 'f', 1)
                             .arg(count)
                             .arg(count + 1)
                             .arg(network.passes.back().latency.median, 0, 'f', 3);
        }
    }
    for (Run &run : runs) {
        if (!run.failed && !run.network.passes.empty())
            m->networks.push_back(std::move(run.network));
    }
    // The calibration probes (calibration_probes.h): data-movement copies
    // at the sizes networks do not vary them (a vision transformer slices
    // its tokens at one size) and concatenations between convolutions;
    // without measured networks the base's costs stay, and none are needed.
    QTemporaryDir probeDir;
    const QStringList probes = probeDir.isValid() && !m->networks.empty()
                                   ? writeCalibrationProbes(probeDir.path(), &problem)
                                   : QStringList();
    if (!probes.isEmpty() && progress && !progress(tr("calibration probes"), 1.0))
        return false;
    for (const QString &path : probes) {
        LoadOptions load;
        MeasureOptions measure;
        measure.maxTimeSeconds = 0.5;
        measure.perLayer = true;
        measure.inputsInRuntimeLayout = true; // as the convolution before it leaves them
        NetworkMeasurement measurement;
        if (runtime.measureModel(path, load, measure, &measurement, &problem, {}))
            m->probes.push_back(
                {QFileInfo(path).fileName(), fileSha256(path), std::move(measurement)});
    }
    if (!m->networks.empty())
        *text += tr("%1 of %2 calibration probes timed (channel splits, shuffles, "
                    "concatenations and fire modules)%3\n")
                     .arg(m->probes.size())
                     .arg(probes.size())
                     .arg(int(m->probes.size()) < probes.size() && !problem.isEmpty()
                              ? QStringLiteral(": ") + problem
                              : QString());
    return true;
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
    // A base that cannot be read fails now, not after minutes of profiling.
    const auto base = DeviceProfile::load(job.baseDir, error);
    if (!base)
        return false;
    CalibrationMeasurements measured;
    measured.baseDir = job.baseDir;
    QString cacheSource;
    QStringList cacheSizes;
    for (int64_t bytes : machineCacheCapacities(&cacheSource)) {
        measured.cacheCapacities.push_back(double(bytes));
        cacheSizes << tr("%1 MiB").arg(double(bytes) / (1 << 20), 0, 'g', 4);
    }
    if (cacheSource == QLatin1String("cpuid"))
        *text += tr("cache sizes as the CPU reports them (the kernel lists none): %1\n")
                     .arg(cacheSizes.join(QStringLiteral(", ")));
    // The machine's speed during the module sampling and during the
    // networks: the factors the networks set are only right for the sampled
    // models if both ran at one speed. One failed timing is said once.
    bool timingFailed = false;
    auto timeReference = [&](double seconds) -> std::optional<TimingStats> {
        auto t = timeSpeedReference(runtime, seconds, &problem);
        if (!t && !timingFailed)
            *text += tr("speed reference not timed: %1\n").arg(problem);
        timingFailed = timingFailed || !t;
        return t;
    };
    if (const auto t = timeReference(kReferenceSeconds))
        measured.speedSampling.push_back(*t);
    // Between samples, every kReferenceEverySeconds.
    ProfileJobOptions profiling = job.profiling;
    QElapsedTimer sinceTiming;
    sinceTiming.start();
    qint64 stored = 0;
    profiling.progress = [&](const ProfileProgress &p) {
        const bool betweenSamples = p.stored != stored;
        stored = p.stored;
        if (betweenSamples && sinceTiming.elapsed() > kReferenceEverySeconds * 1000) {
            if (const auto t = timeReference(kShortReferenceSeconds))
                measured.speedSampling.push_back(*t);
            sinceTiming.restart();
        }
        return !job.profiling.progress || job.profiling.progress(p);
    };
    ProfileJobResult result;
    if (!runtime.runProfilingJob(profiling, &result, error))
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
    const std::vector<Sample> local = store.samplesOfRun(result.runId);
    *text += tr("%1 samples of this device in %2 s (run %3 of %4)\n")
                 .arg(local.size())
                 .arg(result.seconds, 0, 'f', 0)
                 .arg(result.runId)
                 .arg(job.profiling.dbPath);
    if (const auto t = timeReference(kReferenceSeconds)) {
        measured.speedSampling.push_back(*t);
        measured.speedNetworks.push_back(*t);
    }
    const bool measuredAll = measureNetworks(
        runtime, job.networks, &measured, text,
        [&] {
            if (const auto t = timeReference(kShortReferenceSeconds))
                measured.speedNetworks.push_back(*t);
        },
        job.networkProgress);
    if (!measuredAll) {
        *cancelled = true;
        *text += tr("Interrupted while measuring the networks (the samples are kept in %1); no "
                    "profile written.\n")
                     .arg(job.profiling.dbPath);
        return true;
    }
    if (!measured.networks.empty()) {
        if (const auto t = timeReference(kReferenceSeconds))
            measured.speedNetworks.push_back(*t);
    }
    // Kept with the run, so that the fit can be made again offline.
    if (store.addRecord(result.runId, QLatin1String(kCalibrationRecordKind),
                        calibrationMeasurementsToJson(measured)))
        *text += tr("network measurements kept with run %1 of %2 (fit again with `calibrate "
                    "--refit %1 --db %2`)\n")
                     .arg(result.runId)
                     .arg(job.profiling.dbPath);
    else
        *text += tr("network measurements not kept: %1\n").arg(store.errorString());
    return fitCalibration(*base, job.baseDir, local, measured, job.profiling.spec, job.outDir, text,
                          error);
}

} // namespace layerlens::core
