// layerlens: the desktop app.
#include "main_window.h"

#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>

#include <cstdio>

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
    parser.addOptions({batch, sample, screenshot});
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
        QObject::connect(&window, &ui::MainWindow::networkLoaded, &app, [save] { save(0); });
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
