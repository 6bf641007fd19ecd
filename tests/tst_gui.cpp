// The main window offscreen: loading off the GUI thread, the Layers table,
// batch changes, failed loads that keep the current network, drops.
#include "main_window.h"
#include "model/layer_table_model.h"
#include "support/test_paths.h"

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace layerlens;

class TestGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
        QApplication::setApplicationName(QStringLiteral("tst_gui"));
    }

    void opensSampleAndChangesBatch()
    {
        ui::MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::networkLoaded);
        window.openNetwork(ui::MainWindow::sampleNetworkPath());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.layerModel()->rowCount(), 65); // folded Identity nodes hidden
        QCOMPARE(window.network().analysis.totals.params, 1233288);
        const int64_t macs = window.network().analysis.totals.macs;
        QVERIFY(window.windowTitle().contains(QStringLiteral("squeezenet1_1.onnx")));

        window.layerModel()->setShowFolded(true);
        QCOMPARE(window.layerModel()->rowCount(), 83);

        window.setBatchSize(3);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.network().analysis.totals.macs, 3 * macs);
        QCOMPARE(window.network().graph->boundDims.at(QStringLiteral("batch")), int64_t(3));
    }

    void failedLoadKeepsNetwork()
    {
        ui::MainWindow window;
        QSignalSpy loaded(&window, &ui::MainWindow::networkLoaded);
        QSignalSpy failed(&window, &ui::MainWindow::loadFailed);
        window.openNetwork(ui::MainWindow::sampleNetworkPath());
        QVERIFY(loaded.wait(30000));

        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.onnx"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("definitely not protobuf");
        file.close();
        window.openNetwork(bad);
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("broken.onnx")));
        QVERIFY(window.network().ok());
        QCOMPARE(window.layerModel()->rowCount(), 65);

        // The batch control still re-analyses the network on screen.
        window.setBatchSize(2);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.network().graph->boundDims.at(QStringLiteral("batch")), int64_t(2));
    }

    void dropOpensNetwork()
    {
        ui::MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::networkLoaded);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(test::sharedModel(QStringLiteral("resnet18.onnx")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.network().analysis.totals.params, 11680872);

        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
        QDragEnterEvent refuse(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton,
                               Qt::NoModifier);
        refuse.setAccepted(false);
        QApplication::sendEvent(&window, &refuse);
        QVERIFY(!refuse.isAccepted());
    }

    void sortsNumerically()
    {
        ui::MainWindow window;
        QSignalSpy loaded(&window, &ui::MainWindow::networkLoaded);
        window.openNetwork(test::sharedModel(QStringLiteral("resnet18.onnx")));
        QVERIFY(loaded.wait(30000));
        auto *model = window.layerModel();
        // The sort role holds raw numbers, so 116 M sorts above 57.8 M.
        qint64 best = -1;
        int bestRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const qint64 macs = model
                                    ->data(model->index(row, ui::LayerTableModel::MacsColumn),
                                           ui::LayerTableModel::SortRole)
                                    .toLongLong();
            if (macs > best) {
                best = macs;
                bestRow = row;
            }
        }
        QCOMPARE(best, 118013952LL); // layer1 3x3 convs: 64*56*56*64*9
        QCOMPARE(model->data(model->index(bestRow, ui::LayerTableModel::OpColumn)).toString(),
                 QStringLiteral("Conv"));
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
