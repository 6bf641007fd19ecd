// layerlens: the desktop app.
#include "main_window.h"

#include "common/language.h"
#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace layerlens;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationVersion(QString::fromLatin1(core::kVersion));
    // The language chosen in View > Language, else the system's.
    core::installTranslations(core::startupLanguage());

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
    const QCommandLineOption measureOpen(
        QStringLiteral("measure-open"),
        QApplication::translate("main", "Benchmark: open the network, print as JSON how long "
                                        "it took until its heatmap was drawn and the longest "
                                        "stall of the GUI thread meanwhile, then quit."));
    const QCommandLineOption speedRatio(
        QStringLiteral("speed-ratio"),
        QApplication::translate("main", "Scale every latency to a machine that takes R times "
                                        "what the profile's machine took at calibration (from "
                                        "'layerlens-cli calibrate --check'; default 1)."),
        QStringLiteral("R"), QStringLiteral("1"));
    parser.addOptions(
        {batch, sample, screenshot, device, utilization, threads, speedRatio, measureOpen});
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
        std::fputs(
            qPrintable(QApplication::translate(
                           "main", "layerlens: --threads needs a positive whole number, not '%1'\n")
                           .arg(parser.value(threads))),
            stderr);
        return 2;
    }
    window.setThreads(threadCount);
    const double ratio = parser.value(speedRatio).toDouble(&numberOk);
    if (!numberOk || !(ratio >= 0.1 && ratio <= 10)) {
        std::fputs(qPrintable(QApplication::translate(
                                  "main", "layerlens: --speed-ratio needs 0.1 to 10, not '%1'\n")
                                  .arg(parser.value(speedRatio))),
                   stderr);
        return 2;
    }
    window.setSpeedRatio(ratio);
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
    // The GUI thread's longest stall: a 5 ms timer that should tick on time.
    QElapsedTimer sinceTick;
    double longestStall = 0;
    int stallsOver100 = 0;
    QTimer ticker;
    if (parser.isSet(measureOpen)) {
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
            const double late = sinceTick.nsecsElapsed() / 1e6 - 5;
            longestStall = std::max(longestStall, late);
            stallsOver100 += late > 100 ? 1 : 0;
            sinceTick.restart();
        });
        sinceTick.start();
        ticker.start();
        QElapsedTimer *sinceOpen = new QElapsedTimer;
        QObject::connect(
            &window, &ui::MainWindow::networkLoaded, &app, [sinceOpen] { sinceOpen->start(); },
            Qt::SingleShotConnection);
        auto finish = [&, sinceOpen](int code) {
            const QByteArray json =
                QStringLiteral("{\"open_to_heatmap_ms\": %1, \"loaded_to_heatmap_ms\": %2, "
                               "\"max_gui_stall_ms\": %3, \"stalls_over_100_ms\": %4}\n")
                    .arg(sinceStart.nsecsElapsed() / 1e6, 0, 'f', 1)
                    .arg(sinceOpen->isValid() ? sinceOpen->nsecsElapsed() / 1e6 : -1.0, 0, 'f', 1)
                    .arg(longestStall, 0, 'f', 1)
                    .arg(stallsOver100)
                    .toUtf8();
            std::fputs(json.constData(), stdout);
            QApplication::exit(code);
        };
        QObject::connect(&window, &ui::MainWindow::predicted, &app, [finish] { finish(0); });
        QObject::connect(&window, &ui::MainWindow::loadFailed, &app, [finish] { finish(1); });
        QObject::connect(&window, &ui::MainWindow::profileFailed, &app, [finish] { finish(1); });
    }
    // View > Language: the new language shows after a restart, which keeps
    // the network and the parameters on screen.
    QObject::connect(&window, &ui::MainWindow::restartRequested, &app, [&window] {
        QStringList args;
        if (const auto p = window.prediction()) {
            args << QStringLiteral("--batch") << QString::number(p->config.batch)
                 << QStringLiteral("--utilization") << QString::number(p->config.utilization)
                 << QStringLiteral("--threads") << QString::number(p->config.threads)
                 << QStringLiteral("--speed-ratio") << QString::number(p->speedRatio, 'g', 6)
                 << QStringLiteral("--device") << p->profileName;
        }
        if (window.network().ok()) {
            const QString path = window.network().graph->path;
            args << (path == ui::MainWindow::sampleNetworkPath() ? QStringLiteral("--sample")
                                                                 : path);
        }
        if (QProcess::startDetached(QApplication::applicationFilePath(), args))
            window.close();
    });
    window.show();
    const QStringList models = parser.positionalArguments();
    if (!models.isEmpty())
        window.openNetwork(models.first());
    else if (parser.isSet(sample))
        window.openNetwork(ui::MainWindow::sampleNetworkPath());
    return app.exec();
}
