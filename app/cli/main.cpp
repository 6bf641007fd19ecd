// layerlens-cli: the headless twin of the LayerLens desktop app.
#include "analyze_command.h"
#include "calibrate_command.h"
#include "cli_common.h"
#include "conformance_command.h"
#include "measure_command.h"
#include "predict_command.h"
#include "profile_command.h"
#include "remote_commands.h"
#include "report_command.h"
#include "train_command.h"

#include "common/language.h"
#include "common/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstring>
#include <memory>

using namespace layerlens;

namespace {

QString usage()
{
    return QCoreApplication::translate(
        "cli",
        "Usage: layerlens-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  analyze MODEL.onnx   every layer's shapes and analytic cost, and the network's totals\n"
        "  measure MODEL.onnx   run the network on this device: latency, memory, energy\n"
        "  conformance DIR      ONNX backend node tests through the LibTorch executor\n"
        "  profile              measure module configurations into a dataset\n"
        "  datasets             summarize, export or import profiling datasets\n"
        "  train                fit and select regression models into a device profile\n"
        "  models PROFILE_DIR   a profile's evaluation and selection tables\n"
        "  devices              list, add or remove remote devices (layerlens-agent)\n"
        "  device-info          describe a remote device\n"
        "  predict MODEL.onnx   per-layer latency, memory and energy on a device, swept\n"
        "  calibrate            adapt a device profile to this machine in minutes\n"
        "  report MODEL.onnx    HTML, PDF, CSV, JSON or Netron report of a prediction\n"
        "\n"
        "Options:\n"
        "  -h, --help           this help; 'layerlens-cli COMMAND --help' for a command's options\n"
        "  -v, --version        the LayerLens version\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // Only a report may draw (PDF pages and plots): it gets the GUI library
    // on the offscreen platform; every other command stays headless.
    const bool drawing = argc > 1 && std::strcmp(argv[1], "report") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (drawing && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Where Qt would default to, made here so that it need not warn.
        const QString runtime = QDir::tempPath() + QStringLiteral("/runtime-") +
                                QString::fromLocal8Bit(qgetenv("USER"));
        if (QDir().mkpath(runtime) &&
            QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    std::unique_ptr<QCoreApplication> app = drawing
                                                ? std::make_unique<QGuiApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QCoreApplication::setApplicationName(QStringLiteral("layerlens-cli"));
    // The language of the settings (shared with the desktop app), else the system's.
    core::installTranslations(core::startupLanguage());
    QCoreApplication::setApplicationVersion(QString::fromLatin1(core::kVersion));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        cli::printError(QCoreApplication::translate("cli", "no command given"));
        cli::printOut(usage());
        return cli::ExitUsage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("-h") || command == QLatin1String("--help")) {
        cli::printOut(usage());
        return cli::ExitOk;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        cli::printOut(QStringLiteral("layerlens-cli %1\n").arg(QLatin1String(core::kVersion)));
        return cli::ExitOk;
    }
    if (command == QLatin1String("analyze"))
        return cli::runAnalyze(args);
    if (command == QLatin1String("measure"))
        return cli::runMeasureCommand(args);
    if (command == QLatin1String("profile"))
        return cli::runProfileCommand(args);
    if (command == QLatin1String("datasets"))
        return cli::runDatasetsCommand(args);
    if (command == QLatin1String("train"))
        return cli::runTrainCommand(args);
    if (command == QLatin1String("devices"))
        return cli::runDevicesCommand(args);
    if (command == QLatin1String("device-info"))
        return cli::runDeviceInfoCommand(args);
    if (command == QLatin1String("calibrate"))
        return cli::runCalibrateCommand(args);
    if (command == QLatin1String("predict"))
        return cli::runPredictCommand(args);
    if (command == QLatin1String("report"))
        return cli::runReportCommand(args);
    if (command == QLatin1String("models"))
        return cli::runModelsCommand(args);
    if (command == QLatin1String("conformance"))
        return cli::runConformanceCommand(args);
    cli::printError(
        QCoreApplication::translate("cli", "unknown command '%1'; try --help").arg(command));
    return cli::ExitUsage;
}
