#include "devices/agent_jobs.h"

#include "models/device_profile.h"
#include "models/profile_tables.h"
#include "profiling/dataset_store.h"
#include "profiling/profiling_spec.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

bool isSha256(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(s).hasMatch();
}

// A non-negative number field (absent: fallback); false when it is something else.
bool numberField(const QJsonObject &o, const char *key, double low, double high, double fallback,
                 double *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        *out = fallback;
        return true;
    }
    if (!v.isDouble() || v.toDouble() < low || v.toDouble() > high) {
        *error =
            tr("%1: expected a number from %2 to %3").arg(QLatin1String(key)).arg(low).arg(high);
        return false;
    }
    *out = v.toDouble();
    return true;
}

struct Progress
{
    double fraction = -1;
    qint64 stored = 0;
    double elapsed = 0;
};

using Report = std::function<void(const Progress &)>;

} // namespace

struct AgentJobs::Worker
{
    QFuture<void> future;
};

QJsonObject AgentJob::toJson() const
{
    return QJsonObject{{QStringLiteral("job"), id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("request"), request},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("error"), error},
                       {QStringLiteral("result"), result},
                       {QStringLiteral("fraction"), fraction},
                       {QStringLiteral("stored"), stored},
                       {QStringLiteral("elapsed_s"), elapsed},
                       {QStringLiteral("created"), created}};
}

AgentJobs::AgentJobs(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dir(dataDir)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_worker(std::make_unique<Worker>())
{}

AgentJobs::~AgentJobs()
{
    stop();
}

QString AgentJobs::datasetPath() const
{
    return QDir(m_dir).filePath(QStringLiteral("agent.sqlite"));
}

QString AgentJobs::networksDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("networks"));
}

QString AgentJobs::profilesDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("profiles"));
}

QString AgentJobs::networkPath(const QString &sha256) const
{
    if (!isSha256(sha256))
        return QString();
    const QString path = QDir(networksDir()).filePath(sha256 + QStringLiteral(".onnx"));
    return QFileInfo::exists(path) ? path : QString();
}

bool AgentJobs::open(QString *error)
{
    if (!QDir().mkpath(networksDir()) || !QDir().mkpath(profilesDir())) {
        *error = tr("%1: cannot create the agent's data folder").arg(m_dir);
        return false;
    }
    QFile journal(QDir(m_dir).filePath(QStringLiteral("jobs.json")));
    if (journal.exists()) {
        if (!journal.open(QIODevice::ReadOnly)) {
            *error = tr("%1: %2").arg(journal.fileName(), journal.errorString());
            return false;
        }
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(journal.readAll(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = tr("%1: not a job journal (%2)").arg(journal.fileName(), parse.errorString());
            return false;
        }
        m_nextId = doc.object().value(QStringLiteral("next_id")).toInteger(1);
        for (const QJsonValue &v : doc.object().value(QStringLiteral("jobs")).toArray()) {
            const QJsonObject o = v.toObject();
            AgentJob job;
            job.id = o.value(QStringLiteral("job")).toInteger();
            job.kind = o.value(QStringLiteral("kind")).toString();
            job.request = o.value(QStringLiteral("request")).toObject();
            job.status = o.value(QStringLiteral("status")).toString();
            job.error = o.value(QStringLiteral("error")).toString();
            job.result = o.value(QStringLiteral("result")).toObject();
            job.fraction = o.value(QStringLiteral("fraction")).toDouble();
            job.stored = o.value(QStringLiteral("stored")).toInteger();
            job.elapsed = o.value(QStringLiteral("elapsed_s")).toDouble();
            job.created = o.value(QStringLiteral("created")).toString();
            // A job that was running when the agent stopped runs again; a
            // profiling job continues its run where the dataset ends.
            if (job.status == QLatin1String("running"))
                job.status = QStringLiteral("queued");
            m_jobs[job.id] = job;
            m_nextId = std::max(m_nextId, job.id + 1);
        }
    }
    startNext();
    return true;
}

qint64 AgentJobs::submit(const QJsonObject &request, QString *error)
{
    const QString kind = request.value(QStringLiteral("kind")).toString();
    double number = 0;
    if (kind == QLatin1String("profile")) {
        if (request.contains(QStringLiteral("spec"))) {
            if (!request.value(QStringLiteral("spec")).isObject()) {
                *error = tr("spec: expected a JSON object");
                return 0;
            }
            QString problem;
            if (!parseProfilingSpec(
                    QJsonDocument(request.value(QStringLiteral("spec")).toObject()).toJson(),
                    &problem)) {
                *error = tr("spec: %1").arg(problem);
                return 0;
            }
        }
        double budget = 0, samples = 0;
        if (!numberField(request, "budget_s", 0, 30 * 86400, 0, &budget, error) ||
            !numberField(request, "max_samples", 0, 1e9, 0, &samples, error))
            return 0;
        if (budget <= 0 && samples <= 0) {
            *error = tr("a profiling job needs budget_s or max_samples");
            return 0;
        }
        if (request.contains(QStringLiteral("shard"))) {
            const QJsonArray shard = request.value(QStringLiteral("shard")).toArray();
            const int index = shard.at(0).toInt(-1), count = shard.at(1).toInt(0);
            if (shard.size() != 2 || count < 1 || count > 256 || index < 0 || index >= count) {
                *error = tr("shard: expected [index, count] with 0 <= index < count <= 256");
                return 0;
            }
        }
        for (const QJsonValue &h : request.value(QStringLiteral("harvest")).toArray()) {
            if (networkPath(h.toString()).isEmpty()) {
                *error = tr("harvest: network %1 was not uploaded").arg(h.toString());
                return 0;
            }
        }
    } else if (kind == QLatin1String("measure")) {
        if (networkPath(request.value(QStringLiteral("network")).toString()).isEmpty()) {
            *error = tr("network: %1 was not uploaded")
                         .arg(request.value(QStringLiteral("network")).toString());
            return 0;
        }
        if (!numberField(request, "batch", 1, 65536, 1, &number, error) ||
            !numberField(request, "threads", 1, 1024, 1, &number, error) ||
            !numberField(request, "utilization", 0, 95, 0, &number, error) ||
            !numberField(request, "max_time_s", 0.1, 3600, 10, &number, error))
            return 0;
    } else if (kind == QLatin1String("train")) {
        for (const QJsonValue &k : request.value(QStringLiteral("kinds")).toArray()) {
            if (!modelKinds().contains(k.toString())) {
                *error = tr("kinds: unknown model kind '%1'").arg(k.toString());
                return 0;
            }
        }
    } else {
        *error = tr("kind: expected profile, measure or train, not '%1'").arg(kind);
        return 0;
    }
    AgentJob job;
    job.id = m_nextId++;
    job.kind = kind;
    job.request = request;
    job.status = QStringLiteral("queued");
    job.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_jobs[job.id] = job;
    saveJournal();
    startNext();
    return job.id;
}

bool AgentJobs::cancel(qint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return false;
    AgentJob &job = it->second;
    if (job.status == QLatin1String("queued")) {
        job.status = QStringLiteral("cancelled");
        saveJournal();
        Q_EMIT finished(id);
        return true;
    }
    if (job.status == QLatin1String("running")) {
        m_cancel->store(true);
        return true;
    }
    return false;
}

std::vector<AgentJob> AgentJobs::jobs() const
{
    std::vector<AgentJob> out;
    for (const auto &[id, job] : m_jobs)
        out.push_back(job);
    return out;
}

const AgentJob *AgentJobs::job(qint64 id) const
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : &it->second;
}

void AgentJobs::stop()
{
    m_cancel->store(true);
    m_worker->future.waitForFinished();
}

void AgentJobs::startNext()
{
    if (m_running != 0)
        return;
    auto next = std::find_if(m_jobs.begin(), m_jobs.end(), [](const auto &entry) {
        return entry.second.status == QLatin1String("queued");
    });
    if (next == m_jobs.end())
        return;
    AgentJob &job = next->second;
    job.status = QStringLiteral("running");
    m_running = job.id;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    saveJournal();

    const AgentJob snapshot = job;
    const QString dataset = datasetPath();
    const QString profiles = profilesDir();
    std::vector<QString> harvest;
    for (const QJsonValue &h : job.request.value(QStringLiteral("harvest")).toArray())
        harvest.push_back(networkPath(h.toString()));
    const QString network = networkPath(job.request.value(QStringLiteral("network")).toString());
    auto cancel = m_cancel;
    QPointer<AgentJobs> self(this);
    const Report report = [self, id = job.id](const Progress &p) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, p] {
                if (!self)
                    return;
                AgentJob &j = self->m_jobs[id];
                if (p.fraction >= 0)
                    j.fraction = p.fraction;
                const bool newSample = p.stored != j.stored;
                j.stored = p.stored;
                j.elapsed = p.elapsed;
                // Every stored sample is journalled at once, so that a job
                // resumed after a crash takes at most one sample too many.
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                if (newSample || now - self->m_lastSave > 1000)
                    self->saveJournal();
                Q_EMIT self->progress(id);
            },
            Qt::QueuedConnection);
    };
    m_worker->future = QtConcurrent::run([=] {
        QString status = QStringLiteral("failed"), error;
        QJsonObject result;
        const RuntimeApi *api =
            snapshot.kind == QLatin1String("train") ? nullptr : runtimeApi(&error);
        const QJsonObject &r = snapshot.request;
        if (snapshot.kind == QLatin1String("profile") && api) {
            ProfileJobOptions o;
            if (r.contains(QStringLiteral("spec"))) {
                o.specJson = QJsonDocument(r.value(QStringLiteral("spec")).toObject()).toJson();
                o.spec = *parseProfilingSpec(o.specJson, &error);
            } else {
                o.spec = defaultProfilingSpec();
                o.specJson = defaultProfilingSpecJson();
            }
            o.dbPath = dataset;
            o.resumeIfAny = true;
            const QJsonArray shard = r.value(QStringLiteral("shard")).toArray();
            if (shard.size() == 2) {
                o.shardIndex = shard.at(0).toInt();
                o.shardCount = shard.at(1).toInt();
            }
            const double budget = r.value(QStringLiteral("budget_s")).toDouble();
            const qint64 samples = r.value(QStringLiteral("max_samples")).toInteger();
            // What is left after earlier lives of this job: of the time, by
            // the journal; of the samples, by what its run holds, since the
            // journal may lag the dataset by the samples stored while the
            // agent was being killed.
            const bool resumed = snapshot.elapsed > 0 || snapshot.stored > 0;
            o.budgetSeconds = budget > 0 ? std::max(1.0, budget - snapshot.elapsed) : 0;
            o.maxSamples = samples > 0 ? samples : 0;
            o.maxSamplesCountsRun = resumed;
            for (const QString &h : harvest)
                o.harvest.append(h);
            o.progress = [&](const ProfileProgress &p) {
                Progress q;
                q.stored = resumed ? p.runStored : snapshot.stored + p.stored;
                q.elapsed = snapshot.elapsed + p.elapsedSeconds;
                q.fraction = samples > 0 ? double(q.stored) / double(samples)
                                         : std::min(1.0, q.elapsed / std::max(budget, 1e-9));
                report(q);
                return !cancel->load();
            };
            ProfileJobResult pr;
            if (api->runProfilingJob(o, &pr, &error)) {
                status = pr.cancelled ? QStringLiteral("cancelled") : QStringLiteral("done");
                result = QJsonObject{{QStringLiteral("run"), pr.runId},
                                     {QStringLiteral("stored"),
                                      resumed ? pr.runStored : snapshot.stored + pr.stored},
                                     {QStringLiteral("skipped"), pr.skipped}};
            }
        } else if (snapshot.kind == QLatin1String("measure") && api) {
            LoadOptions load;
            load.batch = r.value(QStringLiteral("batch")).toInt(1);
            MeasureOptions m;
            m.threads = r.value(QStringLiteral("threads")).toInt(1);
            m.utilizationPercent = r.value(QStringLiteral("utilization")).toInt(0);
            m.maxTimeSeconds = r.value(QStringLiteral("max_time_s")).toDouble(10);
            NetworkMeasurement nm;
            if (api->measureModel(network, load, m, &nm, &error, [&](double f) {
                    report(Progress{f, 0, 0});
                    return !cancel->load();
                })) {
                status = QStringLiteral("done");
                result = measurementToJson(nm);
            } else if (cancel->load()) {
                status = QStringLiteral("cancelled");
            }
        } else if (snapshot.kind == QLatin1String("train")) {
            DatasetStore store;
            if (!store.open(dataset)) {
                error = store.errorString();
            } else {
                TrainOptions options;
                if (r.contains(QStringLiteral("kinds"))) {
                    options.kinds.clear();
                    for (const QJsonValue &k : r.value(QStringLiteral("kinds")).toArray())
                        options.kinds.append(k.toString());
                }
                QStringList skipped;
                const auto profile = trainProfile(store, QString(), {}, options, &skipped, &error,
                                                  [&](const QString &, int done, int total) {
                                                      report(Progress{double(done) / total, 0, 0});
                                                      return !cancel->load();
                                                  });
                const QString dir =
                    QDir(profiles).filePath(QStringLiteral("job-%1").arg(snapshot.id));
                if (profile && profile->save(dir, &error)) {
                    status = QStringLiteral("done");
                    result = profileToJson(*profile);
                    result.insert(QStringLiteral("profile_dir"), dir);
                } else if (cancel->load()) {
                    status = QStringLiteral("cancelled");
                }
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, id = snapshot.id, status, error, result] {
                if (self)
                    self->onFinished(id, status, error, result);
            },
            Qt::QueuedConnection);
    });
}

void AgentJobs::onFinished(qint64 id, const QString &status, const QString &error,
                           const QJsonObject &result)
{
    AgentJob &job = m_jobs[id];
    job.status = status;
    job.error = status == QLatin1String("failed") ? error : QString();
    job.result = result;
    if (status == QLatin1String("done"))
        job.fraction = 1;
    // A profiling job's final count: a job resumed with nothing left to take
    // (killed after its last sample, before it was marked done) reports no
    // progress, and its journalled count may lag what its run holds.
    if (const QJsonValue stored = result.value(QStringLiteral("stored")); stored.isDouble())
        job.stored = stored.toInteger();
    m_running = 0;
    saveJournal();
    Q_EMIT finished(id);
    startNext();
}

void AgentJobs::saveJournal()
{
    m_lastSave = QDateTime::currentMSecsSinceEpoch();
    QJsonArray jobs;
    for (const auto &[id, job] : m_jobs)
        jobs.append(job.toJson());
    QSaveFile file(QDir(m_dir).filePath(QStringLiteral("jobs.json")));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("next_id"), m_nextId},
                                             {QStringLiteral("jobs"), jobs}})
                       .toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace layerlens::core
