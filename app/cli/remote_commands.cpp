#include "remote_commands.h"

#include "cli_common.h"

#include "devices/device_registry.h"
#include "devices/remote_profiling.h"
#include "profiling/dataset_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

std::atomic<bool> g_stop{false};

extern "C" void onStop(int)
{
    g_stop = true;
}

} // namespace

RemoteOptions::RemoteOptions()
    : tokenFile(QStringLiteral("token-file"),
                tr("File with the agent's token (for HOST:PORT devices)."), QStringLiteral("FILE"))
    , tls(QStringLiteral("tls"), tr("Reach the agent over TLS."))
    , tlsCa(QStringLiteral("tls-ca"), tr("Also trust this PEM certificate (a self-signed agent)."),
            QStringLiteral("FILE"))
{}

std::optional<RemoteTarget> resolveRemote(const QString &device, const QCommandLineParser &parser,
                                          const RemoteOptions &options, bool *isLocal)
{
    *isLocal = device.isEmpty() || device == QLatin1String("local");
    if (*isLocal)
        return std::nullopt;
    RemoteTarget target;
    target.label = device;
    QString problem;
    core::DeviceRegistry registry;
    if (!registry.load(&problem)) {
        printError(problem);
        return std::nullopt;
    }
    if (const core::RegisteredDevice *known = registry.find(device)) {
        const auto address = core::AgentAddress::parse(known->address, &problem);
        if (!address) {
            printError(tr("registered device %1: %2").arg(device, problem));
            return std::nullopt;
        }
        target.address = *address;
        target.tls.enabled = known->tls;
        target.tls.caFile = known->caFile;
        if (!parser.isSet(options.tokenFile)) {
            const auto token = registry.token(device, &problem);
            if (!token) {
                printError(problem);
                return std::nullopt;
            }
            target.token = *token;
        }
    } else {
        const auto address = core::AgentAddress::parse(device, &problem);
        if (!address) {
            printError(tr("--device: %1, nor a registered device (layerlens-cli devices list)")
                           .arg(problem));
            return std::nullopt;
        }
        target.address = *address;
        if (!parser.isSet(options.tokenFile)) {
            printError(tr("--device %1 needs --token-file FILE").arg(device));
            return std::nullopt;
        }
    }
    if (parser.isSet(options.tokenFile)) {
        const auto token = core::readTokenFile(parser.value(options.tokenFile), &problem);
        if (!token) {
            printError(problem);
            return std::nullopt;
        }
        target.token = *token;
    }
    if (parser.isSet(options.tls))
        target.tls.enabled = true;
    if (parser.isSet(options.tlsCa)) {
        target.tls.enabled = true;
        target.tls.caFile = parser.value(options.tlsCa);
    }
    return target;
}

bool connectRemote(const RemoteTarget &target, core::AgentClient *client)
{
    QString problem;
    if (!client->connectTo(target.address, target.token, target.tls, &problem)) {
        printError(problem);
        return false;
    }
    return true;
}

int runRemoteProfile(const RemoteTarget &target, const core::ProfileJobOptions &options)
{
    core::RemoteProfileRequest request;
    request.address = target.address;
    request.token = target.token;
    request.tls = target.tls;
    request.label = target.label;
    request.specJson = options.specJson;
    request.budgetSeconds = options.budgetSeconds;
    request.maxSamples = options.maxSamples;
    request.harvest = options.harvest;
    request.dbPath = options.dbPath;
    g_stop = false;
    std::signal(SIGINT, onStop);
    std::signal(SIGTERM, onStop);
    const bool tty = isatty(fileno(stderr));
    core::RemoteProfileResult result;
    const bool ok =
        core::runRemoteProfiling(request, &result, [&](const core::RemoteProfileProgress &p) {
            if (!p.message.isEmpty()) {
                if (tty)
                    std::fputs("\r\033[K", stderr);
                printError(p.message);
            } else if (tty) {
                std::fprintf(
                    stderr, "\r\033[K%s job %lld: %s, %lld samples on the agent, %lld imported",
                    qPrintable(target.label), static_cast<long long>(p.job), qPrintable(p.status),
                    static_cast<long long>(p.agentStored), static_cast<long long>(p.imported));
            }
            return !g_stop.load();
        });
    if (tty)
        std::fputs("\r\033[K", stderr);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (result.job > 0)
        printOut(tr("remote job %1 on %2: %3; %4 samples fetched, %5 new in %6 (device %7)%8\n")
                     .arg(result.job)
                     .arg(target.label, result.status.isEmpty() ? tr("unfinished") : result.status)
                     .arg(result.fetched)
                     .arg(result.imported)
                     .arg(options.dbPath,
                          result.fingerprint.isEmpty() ? QStringLiteral("-") : result.fingerprint,
                          result.reconnects > 0
                              ? tr("; reconnected %1 time(s)").arg(result.reconnects)
                              : QString()));
    if (!ok) {
        printError(result.error);
        return ExitFailure;
    }
    return result.status == QLatin1String("cancelled") ? 130 : ExitOk;
}

int runShardedRemoteProfile(const std::vector<RemoteTarget> &targets,
                            const core::ProfileJobOptions &options)
{
    // Devices of one kind: the same fingerprint inputs, or their samples
    // would not train one profile.
    std::vector<QJsonObject> devices;
    for (const RemoteTarget &t : targets) {
        core::AgentClient client;
        if (!connectRemote(t, &client))
            return ExitFailure;
        QJsonObject d = client.hello().value(QStringLiteral("device")).toObject();
        d.remove(QStringLiteral("host"));
        d.remove(QStringLiteral("kernel"));
        devices.push_back(d);
    }
    for (size_t i = 1; i < devices.size(); ++i) {
        if (devices[i] != devices[0]) {
            printError(tr("%1 and %2 are different kinds of device (CPU, cores, memory, OS or "
                          "BLAS differ); profile them separately")
                           .arg(targets[0].label, targets[i].label));
            return ExitUsage;
        }
    }
    g_stop = false;
    std::signal(SIGINT, onStop);
    std::signal(SIGTERM, onStop);
    const int n = static_cast<int>(targets.size());
    std::vector<core::RemoteProfileResult> results(n);
    std::vector<std::atomic<qint64>> stored(n);
    std::vector<QFuture<bool>> futures;
    for (int i = 0; i < n; ++i) {
        core::RemoteProfileRequest request;
        request.address = targets[i].address;
        request.token = targets[i].token;
        request.tls = targets[i].tls;
        request.label = targets[i].label;
        request.specJson = options.specJson;
        request.budgetSeconds = options.budgetSeconds;
        // A sample count is split; a time budget applies to each.
        request.maxSamples = options.maxSamples > 0
                                 ? options.maxSamples / n + (i < options.maxSamples % n ? 1 : 0)
                                 : 0;
        request.harvest = options.harvest;
        request.dbPath = options.dbPath;
        request.shardIndex = i;
        request.shardCount = n;
        futures.push_back(QtConcurrent::run([request, &results, &stored, i] {
            return core::runRemoteProfiling(request, &results[i],
                                            [&stored, i](const core::RemoteProfileProgress &p) {
                                                stored[i] = p.agentStored;
                                                return !g_stop.load();
                                            });
        }));
    }
    const bool tty = isatty(fileno(stderr));
    for (;;) {
        bool running = false;
        for (auto &f : futures)
            running = running || !f.isFinished();
        if (!running)
            break;
        if (tty) {
            qint64 total = 0;
            for (auto &s : stored)
                total += s;
            std::fprintf(stderr, "\r\033[K%d devices: %lld samples taken", n,
                         static_cast<long long>(total));
        }
        QThread::msleep(300);
    }
    if (tty)
        std::fputs("\r\033[K", stderr);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    int failed = 0;
    QString out;
    for (int i = 0; i < n; ++i) {
        const bool ok = futures[i].result();
        failed += ok ? 0 : 1;
        out += tr("%1 (share %2/%3): job %4 %5, %6 samples fetched, %7 new%8\n")
                   .arg(targets[i].label)
                   .arg(i + 1)
                   .arg(n)
                   .arg(results[i].job)
                   .arg(results[i].status.isEmpty() ? tr("unfinished") : results[i].status)
                   .arg(results[i].fetched)
                   .arg(results[i].imported)
                   .arg(ok ? QString() : tr(" (%1)").arg(results[i].error));
    }
    out += tr("merged into %1\n").arg(options.dbPath);
    printOut(out);
    return failed > 0 ? ExitFailure : ExitOk;
}

int runDevicesCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists, adds or removes the remote devices (layerlens-agent) this host knows. "
           "Tokens are stored in their own 0600 files, not in the settings."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list (default), add or remove."));
    RemoteOptions remote;
    remote.addTo(parser);
    if (const auto stop = parseCommand(parser, QStringLiteral("devices"), args, 3))
        return *stop;
    const QStringList p = parser.positionalArguments();
    const QString action = p.value(0, QStringLiteral("list"));
    if (!checkChoice(QStringLiteral("devices"), action,
                     {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("remove")}))
        return ExitUsage;
    if (action == QLatin1String("list") && p.size() > 1) {
        printError(tr("devices list takes no NAME: '%1'").arg(p[1]));
        return ExitUsage;
    }
    core::DeviceRegistry registry;
    QString problem;
    if (!registry.load(&problem)) {
        printError(problem);
        return ExitFailure;
    }
    if (action == QLatin1String("list")) {
        QString out = tr("local        this machine (in-process)\n");
        for (const auto &d : registry.devices())
            out += QStringLiteral("%1 %2%3\n")
                       .arg(d.name.leftJustified(12), d.address,
                            d.tls ? tr("  TLS%1").arg(d.caFile.isEmpty()
                                                          ? QString()
                                                          : tr(", trusts %1").arg(d.caFile))
                                  : QString());
        printOut(out);
        return ExitOk;
    }
    if (action == QLatin1String("remove")) {
        if (p.size() != 2) {
            printError(tr("devices remove needs NAME"));
            return ExitUsage;
        }
        if (!registry.remove(p[1], &problem)) {
            printError(problem);
            return ExitFailure;
        }
        printOut(tr("removed %1\n").arg(p[1]));
        return ExitOk;
    }
    if (p.size() != 3 || !parser.isSet(remote.tokenFile)) {
        printError(tr("devices add needs NAME HOST:PORT --token-file FILE"));
        return ExitUsage;
    }
    const auto token = core::readTokenFile(parser.value(remote.tokenFile), &problem);
    if (!token) {
        printError(problem);
        return ExitFailure;
    }
    core::RegisteredDevice device{p[1], p[2],
                                  parser.isSet(remote.tls) || parser.isSet(remote.tlsCa),
                                  parser.value(remote.tlsCa)};
    if (!registry.add(device, *token, &problem)) {
        printError(problem);
        return ExitFailure;
    }
    printOut(tr("added %1 at %2; token kept in %3\n")
                 .arg(device.name, device.address, registry.tokenPath(device.name)));
    return ExitOk;
}

int runDeviceInfoCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Connects to a device's agent and prints its description "
                                        "as JSON."));
    const QCommandLineOption device(QStringLiteral("device"), tr("HOST:PORT or a registered name."),
                                    QStringLiteral("DEVICE"));
    parser.addOption(device);
    RemoteOptions remote;
    remote.addTo(parser);
    if (const auto stop = parseCommand(parser, QStringLiteral("device-info"), args, 0))
        return *stop;
    if (!parser.isSet(device)) {
        printError(tr("device-info needs --device HOST:PORT or a registered device name"));
        return ExitUsage;
    }
    bool local = false;
    const auto target = resolveRemote(parser.value(device), parser, remote, &local);
    if (local) {
        printError(
            tr("device-info is for remote devices; layerlens-agent --info describes this one"));
        return ExitUsage;
    }
    if (!target)
        return ExitUsage;
    core::AgentClient client;
    if (!connectRemote(*target, &client))
        return ExitFailure;
    QJsonObject out = client.hello();
    out.remove(QStringLiteral("type"));
    out.remove(QStringLiteral("id"));
    printOut(QString::fromUtf8(QJsonDocument(out).toJson()));
    return ExitOk;
}

} // namespace layerlens::cli
