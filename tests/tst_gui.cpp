// The main window offscreen: loading off the GUI thread, the Layers table,
// batch changes, failed loads that keep the current network, drops.
#include "common/language.h"
#include "devices/device_info.h"
#include "issues/issues_panel.h"
#include "jobs/jobs_panel.h"
#include "main_window.h"
#include "model/layer_table_model.h"
#include "plots/breakdown_view.h"
#include "plots/design_space_view.h"
#include "plots/heatmap_view.h"
#include "plots/plot_export.h"
#include "predict/profile_registry.h"
#include "prediction/parameters_panel.h"
#include "prediction/prediction_result.h"
#include "profiling/dataset_store.h"
#include "summary_panel.h"
#include "support/test_paths.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineF>
#include <QMenuBar>
#include <QTableView>
#include <QTreeWidget>

#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSettings>
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

    // The GUI speaks the installed language: menus, dock titles, the
    // widgets' own labels; View > Language lists every language.
    void switchingLanguageChangesText()
    {
        struct Expect
        {
            QString language, file, summary, batch;
        };
        const QList<Expect> cases{
            {QStringLiteral("de"), QStringLiteral("&Datei"), QStringLiteral("Übersicht"),
             QStringLiteral("Batchgröße")},
            {QStringLiteral("zh_CN"), QStringLiteral("文件(&F)"), QStringLiteral("摘要"),
             QStringLiteral("批大小")},
            {QStringLiteral("en"), QStringLiteral("&File"), QStringLiteral("Summary"),
             QStringLiteral("Batch size")},
        };
        for (const Expect &e : cases) {
            QVERIFY(core::installTranslations(e.language));
            ui::MainWindow window;
            QCOMPARE(window.menuBar()->actions().first()->text(), e.file);
            QStringList docks;
            for (QDockWidget *d : window.findChildren<QDockWidget *>())
                docks.append(d->windowTitle());
            QVERIFY2(docks.contains(e.summary), qPrintable(docks.join(QLatin1Char(','))));
            auto *axis = window.heatmap()->findChild<QComboBox *>();
            QVERIFY(axis);
            QCOMPARE(axis->itemText(0), e.batch);
            QAction *language = nullptr;
            for (QAction *a : window.findChildren<QAction *>()) {
                if (a->data().toString() == QLatin1String("zh_CN"))
                    language = a;
            }
            QVERIFY(language);
            QCOMPARE(language->text(), QStringLiteral("中文 (简体)"));
        }
        QCOMPARE(core::currentLanguage(), QStringLiteral("en"));
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

namespace {

// Opens path in window and waits for its first prediction.
bool openAndPredict(ui::MainWindow &window, const QString &path)
{
    QSignalSpy predicted(&window, &ui::MainWindow::predicted);
    window.openNetwork(path);
    return predicted.wait(60000);
}

} // namespace

class TestGuiPrediction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
        QApplication::setApplicationName(QStringLiteral("tst_gui"));
        // Speed checks an earlier run remembered (of profiles in its
        // temporary folders) are not this run's.
        QSettings().remove(QStringLiteral("speedChecks"));
    }

    void predictsWithBuiltInProfileAndFillsTable()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(openAndPredict(window, test::sharedModel(QStringLiteral("resnet18.onnx"))));
        auto *model = window.layerModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The other item models of the window pass Qt's model checks too.
        auto *issues = window.findChild<ui::IssuesPanel *>();
        QVERIFY(issues);
        QAbstractItemModelTester issuesTester(
            issues->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(issues->model()->rowCount() >= 2); // Flatten without a model; energy unavailable
        auto *jobsTree = window.jobs()->findChild<QTreeWidget *>();
        QVERIFY(jobsTree);
        QAbstractItemModelTester jobsTester(jobsTree->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 49);
        int predicted = 0;
        double sum = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const double ms = model
                                  ->data(model->index(row, ui::LayerTableModel::LatencyColumn),
                                         ui::LayerTableModel::SortRole)
                                  .toDouble();
            if (ms > 0) {
                ++predicted;
                sum += ms;
            }
        }
        QCOMPARE(predicted,
                 31); // 32 blocks, Flatten has no model; fused Relus show no row of their own
        // The layers and the per-operator overhead make the total.
        const auto &current = window.prediction()->current;
        QVERIFY(qAbs(sum + current.overheadMs - current.latencyMs.value) < 1e-6 * sum);
        // Energy: unavailable, shown as such.
        QCOMPARE(model->data(model->index(0, ui::LayerTableModel::EnergyColumn)).toString(),
                 QStringLiteral("-"));
        QVERIFY(window.breakdown()->byOperator().size() >= 6);
        // The summary says how the intervals were made: the built-in profile
        // has no network measurements, so from its models' held-out error.
        auto *summary = window.findChild<ui::SummaryPanel *>();
        QVERIFY(summary);
        QVERIFY2(summary->toPlainText().contains(
                     QStringLiteral("Latency intervals: 90th percentile of each model")),
                 qPrintable(summary->toPlainText()));
    }

    // File > Export Report writes the prediction on screen, at its parameters.
    void exportsReportOfThePredictionOnScreen()
    {
        ui::MainWindow window;
        window.show();
        QString error;
        QTemporaryDir dir;
        QVERIFY(!window.exportReport(dir.filePath(QStringLiteral("r.html")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(openAndPredict(window, test::sharedModel(QStringLiteral("resnet18.onnx"))));
        window.setBatchSize(8);
        QTRY_COMPARE_WITH_TIMEOUT(window.prediction()->config.batch, 8, 20000);
        for (const QString &name : {QStringLiteral("r.html"), QStringLiteral("r.pdf"),
                                    QStringLiteral("r.csv"), QStringLiteral("r.netron.json")}) {
            QVERIFY2(window.exportReport(dir.filePath(name), &error), qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(name)).size() > 1000);
        }
        QFile html(dir.filePath(QStringLiteral("r.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("at batch 8,"));
        QVERIFY(!window.exportReport(dir.filePath(QStringLiteral("r.txt")), &error));
        QVERIFY2(error.contains(QStringLiteral("r.txt")), qPrintable(error));
    }

    void batchChangesHeatmapAndClickSelectsLayer()
    {
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndPredict(window, test::sharedModel(QStringLiteral("mobilenet_v2.onnx"))));
        ui::HeatmapView *heatmap = window.heatmap();
        heatmap->setAxis(ui::SweepAxis::Utilization);
        const auto before = heatmap->cells();
        size_t modelled = 0;
        for (const auto &b : window.prediction()->blocks())
            modelled += b.module.isEmpty() ? 0 : 1;
        QCOMPARE(before.size(), modelled); // rows: the blocks with a model
        QCOMPARE(heatmap->columnLabels().size(), qsizetype(4));

        QSignalSpy predicted(&window, &ui::MainWindow::predicted);
        window.setBatchSize(8);
        QVERIFY(predicted.wait(60000));
        const auto after = heatmap->cells();
        QCOMPARE(after.size(), before.size());
        QVERIFY(after[0][0] > before[0][0]); // the first conv at batch 8 takes longer

        // Share of column: every column sums to 100 %.
        heatmap->setShare(true);
        double column = 0;
        for (const auto &row : heatmap->cells())
            column += std::isnan(row[0]) ? 0 : row[0];
        QVERIFY(qAbs(column - 100) < 1e-6);
        QVERIFY(heatmap->cellText(3, 1).contains(QStringLiteral("%")));

        // Clicking a cell selects its layer in the table.
        heatmap->setShare(false);
        heatmap->showRows(0, 9);
        QTest::mouseClick(heatmap->plotWidget(), Qt::LeftButton, Qt::NoModifier,
                          heatmap->cellPixel(4, 1));
        auto *table = window.findChild<QTableView *>();
        QVERIFY(table);
        const QModelIndex current = table->selectionModel()->currentIndex().isValid()
                                        ? table->selectionModel()->currentIndex()
                                        : table->selectionModel()->selectedRows().value(0);
        QVERIFY(current.isValid());
        const int node = table->model()->data(current, ui::LayerTableModel::NodeIndexRole).toInt();
        QCOMPARE(window.prediction()->blockOfNode[node], heatmap->rowBlock(4));
    }

    void designSpaceClickAppliesParameters()
    {
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndPredict(window, test::sharedModel(QStringLiteral("squeezenet1_1.onnx"))));
        const auto result = window.prediction();
        QVERIFY(result->designSpace.size() >= 28);
        QVERIFY(!result->pareto.empty());
        // A point with a batch other than the current one, not hidden under another.
        ui::DesignSpaceView *design = window.designSpace();
        int target = -1;
        for (size_t i = 0; i < result->designSpace.size() && target < 0; ++i) {
            const auto &p = result->designSpace[i];
            const QPointF pixel = design->configPixel(int(i));
            // Configurations predicted alike (utilizations beyond the trained
            // range are predicted at its edge) share a pixel: not those.
            bool alone = true;
            for (size_t j = 0; j < result->designSpace.size() && alone; ++j)
                alone = j == i || QLineF(pixel, design->configPixel(int(j))).length() > 3;
            if (p.config.batch != 1 && alone && design->configAt(pixel.toPoint()) == int(i))
                target = int(i);
        }
        QVERIFY2(target >= 0, "every point of another batch lies under another point");
        const auto &p = result->designSpace[target];
        QSignalSpy loaded(&window, &ui::MainWindow::networkLoaded);
        QTest::mouseClick(design->plotWidget(), Qt::LeftButton, Qt::NoModifier,
                          design->configPixel(target).toPoint());
        QVERIFY(loaded.wait(60000));
        QSignalSpy predicted(&window, &ui::MainWindow::predicted);
        QVERIFY(predicted.wait(60000));
        QCOMPARE(window.prediction()->config.batch, p.config.batch);
        QCOMPARE(window.prediction()->config.utilization, p.config.utilization);
        QCOMPARE(window.prediction()->config.threads, p.config.threads);
    }

    void jobsRunToCompletionAndCancel()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(openAndPredict(window, ui::MainWindow::sampleNetworkPath()));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("jobs.sqlite"));
        ui::JobsPanel *jobs = window.jobs();
        jobs->setDatasetPath(db);
        QSignalSpy finished(jobs, &ui::JobsPanel::jobFinished);

        // A real short profiling job on this machine, to completion.
        const int first = jobs->startProfiling(0, 4);
        QCOMPARE(jobs->status(first), QStringLiteral("running"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(jobs->status(first), QStringLiteral("done"));
        qint64 stored = 0;
        {
            core::DatasetStore store;
            QVERIFY(store.open(db));
            stored = store.sampleCount();
            QCOMPARE(stored, qint64(4));
        }

        // A long one, cancelled: the dataset stays consistent and only grows.
        const int second = jobs->startProfiling(600, 0);
        QTest::qWait(1500);
        jobs->cancel(second);
        QVERIFY(finished.wait(60000));
        QCOMPARE(jobs->status(second), QStringLiteral("cancelled"));
        {
            core::DatasetStore store;
            QVERIFY(store.open(db));
            QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
            QVERIFY(store.sampleCount() >= stored);
        }
        // Calibrating the profile on screen: a short job, then the window predicts with it.
        QSignalSpy predicted(&window, &ui::MainWindow::predicted);
        const QString calibrated = dir.filePath(QStringLiteral("calibrated"));
        const int calibration = jobs->startCalibration(3, calibrated);
        QVERIFY(finished.wait(120000));
        QCOMPARE(jobs->status(calibration), QStringLiteral("done"));
        QVERIFY(QFile::exists(QDir(calibrated).filePath(QStringLiteral("manifest.json"))));
        QVERIFY(predicted.wait(60000));
        QCOMPARE(window.prediction()->profileName, calibrated);
        // Checking this machine's speed against the profile now on screen,
        // which recorded it while calibrating.
        QSignalSpy measured(jobs, &ui::JobsPanel::speedMeasured);
        const int speed = jobs->startSpeedCheck();
        QVERIFY(finished.wait(60000));
        QCOMPARE(jobs->status(speed), QStringLiteral("done"));
        QVERIFY2(jobs->log().contains(QStringLiteral("against calibrated")),
                 qPrintable(jobs->log()));
        QVERIFY2(jobs->log().contains(QStringLiteral("speed reference now: ")) &&
                     jobs->log().contains(QStringLiteral("when calibrated: ")),
                 qPrintable(jobs->log()));
        // The ratio it measured scales the window's latencies (memory stays),
        // and the report the window exports says so.
        const double unscaled = window.prediction()->current.latencyMs.value;
        const double memory = window.prediction()->current.memoryBytes.value;
        QCOMPARE(measured.size(), 1);
        const double checked = measured.front().front().toDouble();
        QVERIFY2(checked > 0.3 && checked < 3, qPrintable(QString::number(checked)));
        // The speed box keeps three decimals; a machine that runs as it did
        // at calibration seconds ago may check at x1.000, which changes
        // nothing: a ratio is then set by hand to see it scale.
        if (qRound(checked * 1000) == 1000)
            window.parameters()->setSpeedRatio(1.25);
        else
            QCOMPARE(window.parameters()->speedRatio(), qRound(checked * 1000) / 1000.0);
        if (window.prediction()->speedRatio == 1)
            QVERIFY(predicted.wait(60000));
        const double ratio = window.parameters()->speedRatio();
        QVERIFY2(ratio > 0.3 && ratio < 3 && ratio != 1, qPrintable(QString::number(ratio)));
        QCOMPARE(window.prediction()->speedRatio, ratio);
        QVERIFY(qAbs(window.prediction()->current.latencyMs.value - unscaled * ratio) <
                1e-9 * unscaled);
        QCOMPARE(window.prediction()->current.memoryBytes.value, memory);
        for (const core::ConfigPrediction &c : window.prediction()->designSpace)
            QVERIFY(c.latencyMs.value > 0);
        const QString scaledReport = dir.filePath(QStringLiteral("scaled.json"));
        QString reportError;
        QVERIFY2(window.exportReport(scaledReport, &reportError), qPrintable(reportError));
        QFile reportFile(scaledReport);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject reportJson = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(reportJson.value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("speed_ratio"))
                     .toDouble(),
                 ratio);
        const double reported = reportJson.value(QStringLiteral("totals"))
                                    .toObject()
                                    .value(QStringLiteral("latency_ms"))
                                    .toObject()
                                    .value(QStringLiteral("value"))
                                    .toDouble();
        QVERIFY2(qAbs(reported - unscaled * ratio) < 1e-6 * unscaled,
                 qPrintable(QStringLiteral("%1 reported, %2 x %3 on screen")
                                .arg(reported)
                                .arg(unscaled)
                                .arg(ratio)));
        // The next session starts from the ratio measured against this
        // profile on this CPU.
        {
            ui::MainWindow next;
            next.setDevice(calibrated);
            QVERIFY(openAndPredict(next, ui::MainWindow::sampleNetworkPath()));
            QCOMPARE(next.prediction()->profileName, calibrated);
            QCOMPARE(next.parameters()->speedRatio(), qRound(checked * 1000) / 1000.0);
            QCOMPARE(next.prediction()->speedRatio, next.parameters()->speedRatio());
            // Another profile does not take it.
            QSignalSpy nextPredicted(&next, &ui::MainWindow::predicted);
            next.setDevice(QStringLiteral("reference-cpu"));
            QVERIFY(nextPredicted.wait(60000));
            QCOMPARE(next.prediction()->speedRatio, 1.0);
        }
        // Back to 1: as predicted.
        window.parameters()->setSpeedRatio(1);
        QVERIFY(predicted.wait(60000));
        QCOMPARE(window.prediction()->current.latencyMs.value, unscaled);
        // Retraining from too few samples fails with the reason in the log.
        const int third = jobs->startTraining(dir.filePath(QStringLiteral("profile")));
        QVERIFY(finished.wait(60000));
        QCOMPARE(jobs->status(third), QStringLiteral("failed"));
        QVERIFY2(jobs->log().contains(QStringLiteral("enough samples")), qPrintable(jobs->log()));
    }

    void exportsPlotsAndSurvivesBadProfile()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(openAndPredict(window, ui::MainWindow::sampleNetworkPath()));
        QTemporaryDir dir;
        for (const QString &name :
             {QStringLiteral("h.png"), QStringLiteral("h.svg"), QStringLiteral("h.pdf")}) {
            QString error;
            QVERIFY2(ui::exportPlot(window.heatmap()->plot(), dir.filePath(name), &error),
                     qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(name)).size() > 500);
        }
        QString error;
        QVERIFY(!ui::exportPlot(window.heatmap()->plot(), dir.filePath(QStringLiteral("h.bmpx")),
                                &error));
        QVERIFY(error.contains(QStringLiteral(".svg")));

        // A profile folder that is not one: an error, and the predictions stay.
        QSignalSpy failed(&window, &ui::MainWindow::profileFailed);
        window.setDevice(dir.path());
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.first().first().toString().contains(dir.path()));
        QVERIFY(window.prediction());
        QVERIFY(window.prediction()->current.latencyMs.value > 0);
    }

    // A profile of another CPU says so beside its name, and where to go:
    // its times are that machine's.
    void profileOfAnotherCpuSaysSo()
    {
        ui::MainWindow window;
        QVERIFY(openAndPredict(window, ui::MainWindow::sampleNetworkPath()));
        QString resolved, error;
        auto profile =
            core::loadProfile(QString::fromLatin1(core::kDefaultProfileName), &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        QTemporaryDir other, same;
        profile->deviceInfo.insert(QStringLiteral("cpu"), QStringLiteral("Imaginary CPU 9000"));
        QVERIFY2(profile->save(other.path(), &error), qPrintable(error));
        profile->deviceInfo.insert(QStringLiteral("cpu"), core::localCpuModel());
        QVERIFY2(profile->save(same.path(), &error), qPrintable(error));

        QSignalSpy predicted(&window, &ui::MainWindow::predicted);
        window.setDevice(other.path());
        QVERIFY(predicted.wait(60000));
        const QString status = window.parameters()->profileStatus();
        QVERIFY2(status.contains(QStringLiteral("Imaginary CPU 9000")), qPrintable(status));
        QVERIFY2(
            status.contains(QStringLiteral("not on this machine's %1").arg(core::localCpuModel())),
            qPrintable(status));
        QVERIFY(
            window.parameters()->profileStatusDetails().contains(QStringLiteral("Check speed")));
        window.setDevice(same.path());
        QVERIFY(predicted.wait(60000));
        QVERIFY2(!window.parameters()->profileStatus().contains(QStringLiteral("this machine")),
                 qPrintable(window.parameters()->profileStatus()));
        QVERIFY(window.parameters()->profileStatusDetails().isEmpty());
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestGui gui;
    TestGuiPrediction prediction;
    return QTest::qExec(&gui, argc, argv) | QTest::qExec(&prediction, argc, argv);
}

#include "tst_gui.moc"
