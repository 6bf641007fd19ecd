// layerlens-agent: runs LayerLens jobs on a device for hosts that connect to
// it (see core/devices/protocol.h), or describes the device (--info).
#include "common/language.h"
#include "common/paths.h"
#include "common/version.h"
#include "devices/agent_client.h"
#include "devices/agent_server.h"
#include "devices/blas_kernels.h"
#include "devices/device_info.h"
#include "devices/protocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace layerlens;

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

// SIGINT/SIGTERM end the event loop through a socket pair, so the running
// job stops cleanly and stays resumable.
int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// The token in path, or a new random one written there (mode 0600).
std::optional<QByteArray> tokenFrom(const QString &path, bool *created, QString *error)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            printLine(stderr, QCoreApplication::translate(
                                  "agent", "layerlens-agent: warning: %1 is readable by others; "
                                           "chmod 600 it")
                                  .arg(path));
        const QByteArray token = file.readLine().trimmed();
        if (token.size() < 16) {
            *error = QCoreApplication::translate("agent",
                                                 "%1: the token must have at least 16 characters")
                         .arg(path);
            return std::nullopt;
        }
        return token;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray token = core::newToken();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) ||
        !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        out.write(token + '\n') < 0 || !out.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    *created = true;
    return token;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QCoreApplication::setApplicationName(QStringLiteral("layerlens-agent"));
    core::installTranslations(core::startupLanguage());
    QCoreApplication::setApplicationVersion(QString::fromLatin1(core::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "agent",
        "LayerLens device agent: serves profiling, measurement and training jobs to "
        "LayerLens hosts that present its token, journals every result in its own dataset, "
        "and resumes an interrupted job when it starts again."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption info(
        QStringLiteral("info"),
        QCoreApplication::translate("agent", "Print this device's description as JSON and exit."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate(
            "agent",
            "Address and port to listen on (default 127.0.0.1:7878; port 0 picks a free one)."),
        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:7878"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QCoreApplication::translate(
            "agent", "File holding the token hosts must present; created with a random token (mode "
                     "0600) when missing. Default: ~/.config/layerlens/agent.token."),
        QStringLiteral("FILE"));
    const QCommandLineOption data(
        QStringLiteral("data"),
        QCoreApplication::translate("agent",
                                    "Folder for the agent's dataset, networks, profiles and job "
                                    "journal. Default: ~/.local/share/layerlens/agent."),
        QStringLiteral("DIR"));
    const QCommandLineOption cert(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("agent", "PEM certificate: serve TLS only."),
        QStringLiteral("FILE"));
    const QCommandLineOption key(
        QStringLiteral("tls-key"),
        QCoreApplication::translate("agent", "PEM private key of --tls-cert."),
        QStringLiteral("FILE"));
    parser.addOptions({info, listen, tokenFile, data, cert, key});
    parser.process(app);

    if (parser.isSet(info)) {
        const QByteArray json =
            QJsonDocument(core::deviceInfoToJson(core::probeLocalDevice())).toJson();
        std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
        return 0;
    }
    if (parser.isSet(cert) != parser.isSet(key)) {
        printLine(stderr, QCoreApplication::translate(
                              "agent", "layerlens-agent: --tls-cert and --tls-key go together"));
        return 2;
    }
    QString problem;
    core::AgentOptions options;
    const QString listenText = parser.value(listen);
    const int colon = listenText.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listenText.mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? listenText.left(colon) : QString();
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    if (!portOk || port < 0 || port > 65535 || !options.address.setAddress(host)) {
        printLine(stderr,
                  QCoreApplication::translate(
                      "agent", "layerlens-agent: --listen needs ADDR:PORT with a numeric address, "
                               "not '%1'")
                      .arg(listenText));
        return 2;
    }
    options.port = static_cast<quint16>(port);
    options.dataDir = parser.isSet(data)
                          ? parser.value(data)
                          : QDir(core::userDataDir()).filePath(QStringLiteral("agent"));
    options.tlsCertificate = parser.value(cert);
    options.tlsKey = parser.value(key);
    const QString tokenPath =
        parser.isSet(tokenFile)
            ? parser.value(tokenFile)
            : QDir(core::userConfigDir()).filePath(QStringLiteral("agent.token"));
    bool created = false;
    const auto token = tokenFrom(tokenPath, &created, &problem);
    if (!token) {
        printLine(stderr, QStringLiteral("layerlens-agent: %1").arg(problem));
        return 1;
    }
    options.token = *token;

    // Jobs run on this machine's BLAS kernels: say so where they are older than the CPU.
    if (const QString advice = core::localBlasAdvice(); !advice.isEmpty())
        printLine(stderr, QStringLiteral("layerlens-agent: warning: %1").arg(advice));
    core::AgentServer server;
    if (!server.start(options, &problem)) {
        printLine(stderr, QStringLiteral("layerlens-agent: %1").arg(problem));
        return 1;
    }
    if (options.address != QHostAddress::LocalHost &&
        options.address != QHostAddress::LocalHostIPv6 && options.tlsCertificate.isEmpty())
        printLine(stderr,
                  QCoreApplication::translate(
                      "agent", "layerlens-agent: warning: listening beyond this machine without "
                               "TLS; the token and the data cross the network in clear"));
    if (created)
        printLine(stdout,
                  QCoreApplication::translate(
                      "agent", "created a new token in %1 (give it to the hosts that may use this "
                               "device)")
                      .arg(tokenPath));
    printLine(stdout,
              QCoreApplication::translate(
                  "agent", "layerlens-agent %1 listening on %2:%3%4, token file %5, data %6")
                  .arg(QLatin1String(core::kVersion), options.address.toString())
                  .arg(server.port())
                  .arg(options.tlsCertificate.isEmpty()
                           ? QString()
                           : QCoreApplication::translate("agent", " (TLS)"),
                       tokenPath, options.dataDir));

    ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        printLine(
            stdout,
            QCoreApplication::translate(
                "agent", "layerlens-agent: stopping; a running job resumes at the next start"));
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    return app.exec();
}
