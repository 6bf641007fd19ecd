#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace layerlens::core {

// One job an agent runs, as its journal records it.
struct AgentJob
{
    qint64 id = 0;
    QString kind;        // "profile", "measure", "train"
    QJsonObject request; // as the host sent it
    QString status;      // "queued", "running", "done", "failed", "cancelled"
    QString error;
    QJsonObject result;
    double fraction = 0;
    qint64 stored = 0;  // profile: samples stored by this job
    double elapsed = 0; // seconds run so far, over restarts
    QString created;

    QJsonObject toJson() const;
};

// The agent's jobs: validated, queued and run one at a time on a worker
// thread (measurements must not share the device), journalled in
// <data>/jobs.json so that a job in progress when the agent died is resumed
// when it starts again. Profiling jobs write every sample into the agent's
// own dataset (<data>/agent.sqlite) as it is taken; hosts fetch from there.
class AgentJobs : public QObject
{
    Q_OBJECT

public:
    explicit AgentJobs(const QString &dataDir, QObject *parent = nullptr);
    ~AgentJobs() override;

    // Reads the journal and restarts jobs that were queued or running.
    bool open(QString *error);
    // Validates and queues a job; its id, or 0 with error.
    qint64 submit(const QJsonObject &request, QString *error);
    // Asks a queued or running job to stop; false for an unknown or finished one.
    bool cancel(qint64 id);
    std::vector<AgentJob> jobs() const;
    const AgentJob *job(qint64 id) const;

    QString datasetPath() const;
    QString networksDir() const;
    QString profilesDir() const;
    // The stored network with that SHA-256, or empty.
    QString networkPath(const QString &sha256) const;
    // Stops the running job and waits for it (shutdown).
    void stop();

Q_SIGNALS:
    void progress(qint64 id);
    void finished(qint64 id);

private:
    void startNext();
    void onFinished(qint64 id, const QString &status, const QString &error,
                    const QJsonObject &result);
    void saveJournal();

    QString m_dir;
    std::map<qint64, AgentJob> m_jobs;
    qint64 m_nextId = 1;
    qint64 m_running = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    qint64 m_lastSave = 0;
};

} // namespace layerlens::core
