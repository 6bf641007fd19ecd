#include "jobs/job_bodies.h"

#include "devices/blas_kernels.h"
#include "devices/device_registry.h"
#include "devices/remote_profiling.h"
#include "graph/onnx_loader.h"
#include "models/device_profile.h"
#include "predict/calibration_job.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "profiling/profiling_spec.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace layerlens::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::ui", text);
}

// Address, token and TLS of a registered device; false with error.
bool registeredTarget(const QString &name, core::AgentAddress *address, QByteArray *token,
                      core::ClientTls *tls, QString *error)
{
    core::DeviceRegistry registry;
    if (!registry.load(error))
        return false;
    const core::RegisteredDevice *device = registry.find(name);
    if (!device) {
        *error = tr("no registered device named %1").arg(name);
        return false;
    }
    const auto parsed = core::AgentAddress::parse(device->address, error);
    const auto secret = registry.token(name, error);
    if (!parsed || !secret)
        return false;
    *address = *parsed;
    *token = *secret;
    tls->enabled = device->tls;
    tls->caFile = device->caFile;
    return true;
}

// The LibTorch runtime module for a job on this machine, or nullptr with
// outcome->summary saying why. Reports the BLAS advice (a warning in the
// log) where OpenBLAS runs kernels older than the CPU can.
const core::RuntimeApi *localRuntime(const std::function<void(const JobReport &)> &report,
                                     JobOutcome *outcome)
{
    const core::RuntimeApi *api = core::runtimeApi(&outcome->summary);
    if (const QString advice = core::localBlasAdvice(); api && !advice.isEmpty())
        report(JobReport{-1, -1, tr("warning: %1").arg(advice)});
    return api;
}

} // namespace

JobBody remoteProfilingJob(const QString &device, const QString &db, double budgetSeconds,
                           qint64 maxSamples, const QStringList &harvest)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        core::RemoteProfileRequest request;
        if (!registeredTarget(device, &request.address, &request.token, &request.tls,
                              &outcome.summary))
            return outcome;
        request.label = device;
        request.specJson = core::defaultProfilingSpecJson();
        request.budgetSeconds = budgetSeconds;
        request.maxSamples = maxSamples;
        request.harvest = harvest;
        request.dbPath = db;
        core::RemoteProfileResult result;
        const bool ok =
            core::runRemoteProfiling(request, &result, [&](const core::RemoteProfileProgress &p) {
                JobReport r;
                r.fraction = maxSamples > 0 ? double(p.agentStored) / double(maxSamples) : -1;
                r.message = p.message;
                report(r);
                return !cancelled();
            });
        outcome.ok = ok && result.status == QLatin1String("done");
        outcome.cancelled = result.status == QLatin1String("cancelled");
        outcome.summary = ok ? tr("%1: %2 samples fetched, %3 new in %4")
                                   .arg(device)
                                   .arg(result.fetched)
                                   .arg(result.imported)
                                   .arg(db)
                             : result.error;
        return outcome;
    };
}

JobBody remoteMeasurementJob(const QString &device, const QString &path,
                             const core::PredictConfig &config)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        core::AgentAddress address;
        QByteArray token;
        core::ClientTls tls;
        if (!registeredTarget(device, &address, &token, &tls, &outcome.summary))
            return outcome;
        core::AgentClient client;
        QString error;
        if (!client.connectTo(address, token, tls, &error)) {
            outcome.summary = error;
            return outcome;
        }
        const auto sha = client.uploadNetwork(path, &error);
        const auto job = sha ? core::runRemoteJob(
                                   client,
                                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("measure")},
                                               {QStringLiteral("network"), *sha},
                                               {QStringLiteral("batch"), config.batch},
                                               {QStringLiteral("threads"), config.threads},
                                               {QStringLiteral("utilization"), config.utilization}},
                                   [&](double fraction) {
                                       report(JobReport{fraction, -1, QString()});
                                       return !cancelled();
                                   },
                                   &error)
                             : std::nullopt;
        if (!job || job->value(QStringLiteral("status")).toString() != QLatin1String("done")) {
            outcome.cancelled = cancelled();
            outcome.summary = error;
            return outcome;
        }
        const QJsonObject r = job->value(QStringLiteral("result")).toObject();
        const QJsonObject lat = r.value(QStringLiteral("latency_ms")).toObject();
        outcome.ok = true;
        outcome.summary = tr("on %1: measured %2 ms (median of %3 runs, CV %4 %)")
                              .arg(device)
                              .arg(lat.value(QStringLiteral("median")).toDouble(), 0, 'f', 3)
                              .arg(lat.value(QStringLiteral("runs")).toInt())
                              .arg(100 * lat.value(QStringLiteral("cv")).toDouble(), 0, 'f', 1);
        return outcome;
    };
}

JobBody calibrationJob(const QString &base, const QString &outDir, const QString &db,
                       double budgetSeconds, const QString &networkPath)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        QString error;
        const core::RuntimeApi *api = localRuntime(report, &outcome);
        if (!api)
            return outcome;
        const QString baseDir = core::resolveProfileDir(base, &error);
        if (baseDir.isEmpty()) {
            outcome.summary = error;
            return outcome;
        }
        core::CalibrationJob job;
        job.baseDir = baseDir;
        job.outDir = outDir;
        const auto spec = core::calibrationSpec(&job.profiling.specJson, &error);
        if (!spec) {
            outcome.summary = error;
            return outcome;
        }
        job.profiling.spec = *spec;
        job.profiling.dbPath = db;
        job.profiling.budgetSeconds = budgetSeconds;
        // Real files only: a network inside the app (the sample) is not measured.
        if (!networkPath.isEmpty() && !networkPath.startsWith(QLatin1Char(':'))) {
            job.profiling.harvest.append(networkPath);
            job.networks.append(networkPath);
        }
        job.profiling.progress = [&](const core::ProfileProgress &p) {
            report(JobReport{std::min(1.0, p.elapsedSeconds / std::max(budgetSeconds, 1e-9)),
                             p.etaSeconds, QString()});
            return !cancelled();
        };
        // After the sampling, each network run says what it measures.
        job.networkProgress = [&](const QString &next, double) {
            report(JobReport{-1, -1, tr("measuring %1").arg(next)});
            return !cancelled();
        };
        QString text;
        bool wasCancelled = false;
        if (!core::runCalibrationJob(*api, job, &text, &wasCancelled, &error)) {
            outcome.summary = error;
            return outcome;
        }
        outcome.cancelled = wasCancelled;
        outcome.ok = !wasCancelled;
        if (outcome.ok)
            outcome.profileDir = outDir;
        const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
        outcome.summary = lines.isEmpty() ? QString() : lines.last();
        for (int i = 0; i + 1 < lines.size(); ++i)
            report(JobReport{-1, -1, lines[i]});
        return outcome;
    };
}

JobBody speedCheckJob(const QString &profile)
{
    return [=](const auto &report, const auto &) {
        JobOutcome outcome;
        QString error;
        const core::RuntimeApi *api = localRuntime(report, &outcome);
        if (!api)
            return outcome;
        QString resolved;
        const auto loaded = core::loadProfile(profile, &resolved, &error);
        if (!loaded) {
            outcome.summary = error;
            return outcome;
        }
        report(JobReport{0, kSpeedCheckSeconds, QString()});
        const auto now = core::timeSpeedReference(*api, kSpeedCheckSeconds, &error);
        if (!now) {
            outcome.summary = error;
            return outcome;
        }
        const QStringList lines =
            core::speedCheckToText(*loaded, *now).trimmed().split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i)
            report(JobReport{-1, -1, lines[i]});
        outcome.ok = true;
        outcome.summary = lines.last();
        outcome.speedRatio = core::speedRatio(*loaded, *now).value_or(0);
        return outcome;
    };
}

JobBody profilingJob(const QString &db, double budgetSeconds, qint64 maxSamples,
                     const QStringList &harvest)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        QString error;
        const core::RuntimeApi *api = localRuntime(report, &outcome);
        if (!api)
            return outcome;
        core::ProfileJobOptions options;
        options.spec = core::defaultProfilingSpec();
        options.specJson = core::defaultProfilingSpecJson();
        options.dbPath = db;
        options.budgetSeconds = budgetSeconds;
        options.maxSamples = maxSamples;
        options.resumeIfAny = true; // continue an interrupted run of the same spec
        options.harvest = harvest;
        qint64 lastStored = -1;
        options.progress = [&](const core::ProfileProgress &p) {
            if (p.stored != lastStored) {
                lastStored = p.stored;
                JobReport r;
                r.fraction = maxSamples > 0      ? double(p.stored) / double(maxSamples)
                             : budgetSeconds > 0 ? p.elapsedSeconds / budgetSeconds
                                                 : -1;
                r.etaSeconds = p.etaSeconds;
                if (p.stored > 0 && p.stored % 25 == 0)
                    r.message = tr("%1 samples stored, last %2 (%3 ms)")
                                    .arg(p.stored)
                                    .arg(p.lastModule)
                                    .arg(p.lastLatencyMs, 0, 'f', 3);
                report(r);
            }
            return !cancelled();
        };
        core::ProfileJobResult result;
        if (!api->runProfilingJob(options, &result, &error)) {
            outcome.summary = error;
            return outcome;
        }
        outcome.ok = !result.cancelled;
        outcome.cancelled = result.cancelled;
        outcome.summary = tr("%1 samples stored in %2 (%3 s%4)")
                              .arg(result.stored)
                              .arg(db)
                              .arg(result.seconds, 0, 'f', 1)
                              .arg(result.cancelled ? tr(", cancelled; resumable") : QString());
        return outcome;
    };
}

JobBody measurementJob(const QString &path, const core::PredictConfig &config)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        QString error;
        const core::RuntimeApi *api = localRuntime(report, &outcome);
        if (!api)
            return outcome;
        core::LoadOptions load;
        load.batch = config.batch;
        core::MeasureOptions options;
        options.threads = config.threads;
        options.utilizationPercent = config.utilization;
        options.maxTimeSeconds = 10;
        core::NetworkMeasurement m;
        const bool ok = api->measureModel(path, load, options, &m, &error, [&](double fraction) {
            report(JobReport{fraction, -1, QString()});
            return !cancelled();
        });
        if (!ok) {
            outcome.cancelled = cancelled();
            outcome.summary = error;
            return outcome;
        }
        outcome.ok = true;
        outcome.summary = tr("measured %1 ms (median of %2 runs, CV %3 %), peak memory %4 MiB, "
                             "energy %5")
                              .arg(m.latency.median, 0, 'f', 3)
                              .arg(m.latency.runs)
                              .arg(100 * m.latency.cv, 0, 'f', 1)
                              .arg(double(m.peakAllocatedBytes) / (1 << 20), 0, 'f', 1)
                              .arg(m.energyJoules ? tr("%1 J").arg(*m.energyJoules, 0, 'g', 3)
                                                  : tr("unavailable"));
        return outcome;
    };
}

JobBody trainingJob(const QString &db, const QString &outDir)
{
    return [=](const auto &report, const auto &cancelled) {
        JobOutcome outcome;
        core::DatasetStore store;
        if (!store.open(db)) {
            outcome.summary = store.errorString();
            return outcome;
        }
        QStringList skipped;
        QString error;
        const auto profile = core::trainProfile(
            store, QString(), {}, core::TrainOptions(), &skipped, &error,
            [&](const QString &module, int done, int total) {
                report(JobReport{double(done) / total, -1,
                                 tr("training %1 (%2/%3)").arg(module).arg(done + 1).arg(total)});
                return !cancelled();
            });
        if (!profile) {
            outcome.cancelled = cancelled();
            outcome.summary = error;
            return outcome;
        }
        if (!profile->save(outDir, &error)) {
            outcome.summary = error;
            return outcome;
        }
        outcome.ok = true;
        outcome.profileDir = outDir;
        outcome.summary =
            tr("profile of %1 modules written to %2%3")
                .arg(profile->modules.size())
                .arg(outDir)
                .arg(skipped.isEmpty()
                         ? QString()
                         : tr("; skipped: %1").arg(skipped.join(QStringLiteral("; "))));
        return outcome;
    };
}

} // namespace layerlens::ui
