#pragma once

#include "devices/agent_client.h"
#include "runtime/profiling_job.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <optional>
#include <vector>

namespace layerlens::cli {

// An agent to run a job on: its address, token and TLS settings.
struct RemoteTarget
{
    core::AgentAddress address;
    QByteArray token;
    core::ClientTls tls;
    QString label; // as the user named it
};

// The options every command that can run remotely takes besides --device.
struct RemoteOptions
{
    Q_DECLARE_TR_FUNCTIONS(RemoteOptions)

public:
    RemoteOptions();
    QCommandLineOption tokenFile;
    QCommandLineOption tls;
    QCommandLineOption tlsCa;
    void addTo(QCommandLineParser &parser) const { parser.addOptions({tokenFile, tls, tlsCa}); }
};

// Resolves --device: "local" (nullopt, *isLocal true), a registered device
// name, or HOST:PORT with --token-file. Prints why and returns nullopt with
// *isLocal false when it cannot.
std::optional<RemoteTarget> resolveRemote(const QString &device, const QCommandLineParser &parser,
                                          const RemoteOptions &options, bool *isLocal);

// Connects and says hello; prints why and returns false when it cannot.
bool connectRemote(const RemoteTarget &target, core::AgentClient *client);

// Runs a profiling job on an agent: uploads the harvest networks, submits
// the job, and keeps fetching its samples into the host dataset as they are
// taken, reconnecting after a dropped link (up to five minutes). Ctrl-C
// cancels the remote job. Returns the exit code.
int runRemoteProfile(const RemoteTarget &target, const core::ProfileJobOptions &options);

// The same job split across several agents of one device kind: each takes a
// disjoint share of the spec's configurations; all samples land in one dataset.
int runShardedRemoteProfile(const std::vector<RemoteTarget> &targets,
                            const core::ProfileJobOptions &options);

// `layerlens-cli devices [list | add NAME HOST:PORT --token-file FILE [--tls] [--tls-ca FILE] |
// remove NAME]`
int runDevicesCommand(const QStringList &args);

// `layerlens-cli device-info --device HOST:PORT|NAME [--token-file FILE] [--tls] [--tls-ca FILE]`
int runDeviceInfoCommand(const QStringList &args);

} // namespace layerlens::cli
