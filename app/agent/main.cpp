// layerlens-agent: runs LayerLens jobs on a device. This build describes the
// device it runs on; serving profiling jobs over the network comes with the
// agent protocol (see README, "Status").
#include "common/version.h"
#include "devices/device_info.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

using namespace layerlens;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("layerlens-agent"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(core::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "agent", "LayerLens device agent. --info prints this device's description (CPU, cores, "
                 "memory, OS, active BLAS) as JSON, as a host would record it."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption info(
        QStringLiteral("info"),
        QCoreApplication::translate("agent", "Print this device's description as JSON."));
    parser.addOption(info);
    parser.process(app);

    if (!parser.isSet(info)) {
        std::fputs(QCoreApplication::translate(
                       "agent", "layerlens-agent: nothing to do; this build only describes the "
                                "device (--info)\n")
                       .toUtf8()
                       .constData(),
                   stderr);
        return 2;
    }
    const QByteArray json =
        QJsonDocument(core::deviceInfoToJson(core::probeLocalDevice())).toJson();
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
    return 0;
}
