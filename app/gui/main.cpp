// layerlens: the desktop app.
#include "main_window.h"

#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>

#include <cstdio>
#include <memory>

using namespace layerlens;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationVersion(QString::fromLatin1(core::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Per-layer cost explorer for deep-learning inference."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("model"),
                                 QApplication::translate("main", "ONNX network to open."),
                                 QStringLiteral("[MODEL.onnx]"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QApplication::translate("main", "Batch size (default 1)."),
                                   QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QApplication::translate("main", "Open the bundled sample network."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once the network is shown, "
                                        "then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption device(
        QStringLiteral("device"),
        QApplication::translate("main", "Device profile: a built-in or saved name, or a folder "
                                        "(default reference-cpu)."),
        QStringLiteral("NAME|DIR"));
    const QCommandLineOption utilization(
        QStringLiteral("utilization"),
        QApplication::translate("main", "Device utilization in % (default 0)."),
        QStringLiteral("PCT"), QStringLiteral("0"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QApplication::translate("main", "Threads (default 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({batch, sample, screenshot, device, utilization, threads});
    parser.process(app);

    ui::MainWindow window;
    bool batchOk = false;
    const int batchSize = parser.value(batch).toInt(&batchOk);
    if (!batchOk || batchSize <= 0) {
        const QByteArray message =
            QApplication::translate("main", "layerlens: --batch needs a positive whole number, "
                                            "not '%1'\n")
                .arg(parser.value(batch))
                .toUtf8();
        std::fputs(message.constData(), stderr);
        return 2;
    }
    window.setBatchSize(batchSize);
    bool numberOk = false;
    const int percent = parser.value(utilization).toInt(&numberOk);
    if (!numberOk || percent < 0 || percent > 95) {
        std::fputs(qPrintable(QApplication::translate(
                       "main", "layerlens: --utilization needs 0 to 95, not '%1'\n")
                                  .arg(parser.value(utilization))),
                   stderr);
        return 2;
    }
    window.setUtilization(percent);
    const int threadCount = parser.value(threads).toInt(&numberOk);
    if (!numberOk || threadCount < 1) {
        std::fputs(qPrintable(QApplication::translate(
                       "main", "layerlens: --threads needs a positive whole number, not '%1'\n")
                                  .arg(parser.value(threads))),
                   stderr);
        return 2;
    }
    window.setThreads(threadCount);
    if (parser.isSet(device))
        window.setDevice(parser.value(device));
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto save = [&window, file](int code) {
            QApplication::processEvents();
            if (!window.grab().save(file)) {
                std::fputs("layerlens: cannot write the screenshot\n", stderr);
                code = 1;
            }
            QApplication::exit(code);
        };
        // Once the predictions are drawn; without a usable profile, once the
        // network is shown.
        auto loaded = std::make_shared<bool>(false);
        auto noProfile = std::make_shared<bool>(false);
        QObject::connect(&window, &ui::MainWindow::predicted, &app, [save] { save(0); });
        QObject::connect(&window, &ui::MainWindow::networkLoaded, &app, [save, loaded, noProfile] {
            *loaded = true;
            if (*noProfile)
                save(0);
        });
        QObject::connect(&window, &ui::MainWindow::profileFailed, &app, [save, loaded, noProfile] {
            *noProfile = true;
            if (*loaded)
                save(0);
        });
        QObject::connect(&window, &ui::MainWindow::loadFailed, &app, [save] { save(1); });
    }
    window.show();
    const QStringList models = parser.positionalArguments();
    if (!models.isEmpty())
        window.openNetwork(models.first());
    else if (parser.isSet(sample))
        window.openNetwork(ui::MainWindow::sampleNetworkPath());
    return app.exec();
}
