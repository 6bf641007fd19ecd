#pragma once

#include "devices/agent_client.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace layerlens::core {

// A profiling job to run on an agent, its samples fetched into a host dataset.
struct RemoteProfileRequest
{
    AgentAddress address;
    QByteArray token;
    ClientTls tls;
    QString label; // how the user named the device
    QByteArray specJson;
    double budgetSeconds = 0;
    qint64 maxSamples = 0;
    QStringList harvest; // local ONNX files, uploaded first
    QString dbPath;      // the host dataset
    int shardIndex = 0;  // this device's share of a spec split across devices
    int shardCount = 1;
};

struct RemoteProfileProgress
{
    qint64 job = 0;
    QString status; // the agent's job status
    qint64 agentStored = 0;
    qint64 imported = 0; // new in the host dataset so far
    QString message;     // a line worth logging (a reconnect), or empty
};

struct RemoteProfileResult
{
    qint64 job = 0;
    QString status; // "done", "failed", "cancelled"
    qint64 fetched = 0;
    qint64 imported = 0;
    QString fingerprint; // of the agent's device, from its samples
    int reconnects = 0;
    QString error;
};

// Uploads the harvest networks, submits the job and keeps fetching its
// samples into the host dataset (which skips ids it holds) while it runs;
// after a dropped link it reconnects, backing off, for up to five minutes.
// progress is called about twice a second; returning false cancels the
// remote job (its samples so far are still fetched). False with
// result->error when the job could not be run or followed.
bool runRemoteProfiling(const RemoteProfileRequest &request, RemoteProfileResult *result,
                        const std::function<bool(const RemoteProfileProgress &)> &progress);

// Submits a job (measure, train) on a connected agent and waits for its end,
// reporting its fraction done; progress returning false cancels it. The
// finished job's record ("status", "result", "error"), or nullopt with error
// when the job could not run or the link failed.
std::optional<QJsonObject> runRemoteJob(AgentClient &client, const QJsonObject &job,
                                        const std::function<bool(double)> &progress,
                                        QString *error);

} // namespace layerlens::core
