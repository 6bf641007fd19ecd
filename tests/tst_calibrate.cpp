// calibrate end to end, what it keeps in the dataset, and `calibrate
// --refit`, which fits the profile again from that without measuring.
#include "models/module_training.h"
#include "predict/calibration.h"
#include "predict/calibration_job.h"
#include "predict/calibration_records.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "runtime/runtime_api.h"
#include "support/prediction_support.h"
#include "support/synthetic_samples.h"
#include "support/test_paths.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <numeric>
#include <random>

using namespace layerlens;
using test::runPredict;

namespace {

// Every file under dir, by its path relative to dir, with its content.
std::map<QString, QByteArray> filesUnder(const QString &dir)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files[QDir(dir).relativeFilePath(path)] = file.readAll();
    }
    return files;
}

test::ProgramRun calibrate(const QStringList &args)
{
    return test::runProgram(QStringLiteral("layerlens-cli"),
                            QStringList{QStringLiteral("calibrate")} + args);
}

core::CalibrationMeasurements someMeasurements()
{
    core::CalibrationMeasurements m;
    m.baseDir = QStringLiteral("/profiles/base");
    m.cacheCapacities = {1048576, 33554432};
    core::TimingStats speed;
    speed.runs = 600;
    speed.median = 2.75;
    speed.mean = 2.8;
    speed.cv = 0.031;
    m.speedSampling = {speed, speed};
    speed.median = 2.9;
    m.speedNetworks = {speed};
    core::NetworkMeasurement pass;
    pass.batch = 8;
    pass.threads = 2;
    pass.utilizationPercent = 50;
    pass.sampleWindowMs = 40;
    pass.latency.median = 49.64;
    pass.latency.runs = 80;
    pass.layers.push_back({-1, QStringLiteral("conv1"), QStringLiteral("Conv"), {}});
    pass.layers.back().stats.median = 1.25;
    pass.layers.back().stats.mean = 1.5;
    m.networks.push_back({QStringLiteral("/n/squeezenet1_1.onnx"),
                          QStringLiteral("ab12"),
                          8,
                          2,
                          50,
                          QStringLiteral("squeezenet1_1.onnx at batch 8"),
                          {pass, pass}});
    m.probes.push_back({QStringLiteral("split_1.onnx"), QStringLiteral("cd34"), pass});
    return m;
}

} // namespace

class TestCalibrate : public QObject
{
    Q_OBJECT

private:
    void refitsWhatCalibrateKept(const QString &calibrateText, const QString &db,
                                 const QString &network, const QString &calibrated,
                                 const QTemporaryDir &dir)
    {
        QVERIFY2(calibrateText.contains(
                     QStringLiteral("network measurements kept with run 1 of %1").arg(db)),
                 qPrintable(calibrateText));
        // The dataset says which runs it keeps.
        const test::ProgramRun listed =
            test::runProgram(QStringLiteral("layerlens-cli"),
                             {QStringLiteral("datasets"), QStringLiteral("--db"), db});
        QCOMPARE(listed.code, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("network measurements, runs 1 ")),
                 qPrintable(listed.out));
        // The same fit from what was kept: the same profile, byte for byte.
        const QString again = dir.filePath(QStringLiteral("again"));
        const test::ProgramRun refit =
            calibrate({QStringLiteral("--refit"), QStringLiteral("last"), QStringLiteral("--db"),
                       db, QStringLiteral("--out"), again});
        QVERIFY2(refit.code == 0, qPrintable(refit.out + refit.err));
        // The network at batch 1 and 8, and where the machine has two
        // threads at batch 1 on them, and at batch 1 and 8 on them under
        // load.
        const int runs = QThread::idealThreadCount() >= 2 ? 5 : 2;
        QVERIFY2(refit.out.contains(QStringLiteral("refitting run 1 of %1 from what calibrate "
                                                   "kept: 30 samples, %2 network runs, 24 probes")
                                        .arg(db)
                                        .arg(runs)),
                 qPrintable(refit.out));
        const auto original = filesUnder(calibrated);
        QVERIFY(original.size() > 5);
        QVERIFY(original == filesUnder(again));
        // The stage-2 report is the same too.
        const QString stage2 = QStringLiteral("in-network correction per module");
        QCOMPARE(
            refit.out.mid(refit.out.indexOf(stage2)).section(QStringLiteral("written to"), 0, 0),
            calibrateText.mid(calibrateText.indexOf(stage2))
                .section(QStringLiteral("written to"), 0, 0));

        // A network whose file changed since is not matched to its timings.
        {
            QFile file(network);
            QVERIFY(file.open(QIODevice::Append));
            file.write("changed");
        }
        const QString changed = dir.filePath(QStringLiteral("changed"));
        const test::ProgramRun withoutIt =
            calibrate({QStringLiteral("--refit"), QStringLiteral("1"), QStringLiteral("--db"), db,
                       QStringLiteral("--out"), changed});
        QVERIFY2(withoutIt.code == 0, qPrintable(withoutIt.err));
        QVERIFY2(withoutIt.out.contains(QStringLiteral("squeezenet1_1.onnx at batch 8 not used: "
                                                       "%1 changed since calibrate measured it")
                                            .arg(network)),
                 qPrintable(withoutIt.out));
        QVERIFY(withoutIt.out.contains(QStringLiteral("0 network runs")));
        QVERIFY(QFile::remove(network));
        const test::ProgramRun gone =
            calibrate({QStringLiteral("--refit"), QStringLiteral("1"), QStringLiteral("--db"), db,
                       QStringLiteral("--out"), changed});
        QVERIFY2(gone.out.contains(
                     QStringLiteral("squeezenet1_1.onnx not used: %1 cannot be read").arg(network)),
                 qPrintable(gone.out));

        // Runs that keep nothing, bad run numbers, a missing dataset,
        // measuring options: said, nothing written.
        const QString nowhere = dir.filePath(QStringLiteral("nowhere"));
        const test::ProgramRun noRun =
            calibrate({QStringLiteral("--refit"), QStringLiteral("7"), QStringLiteral("--db"), db,
                       QStringLiteral("--out"), nowhere});
        QCOMPARE(noRun.code, 1);
        QVERIFY2(noRun.err.contains(
                     QStringLiteral("run 7 keeps no calibration's network measurements (runs that "
                                    "do: 1)")),
                 qPrintable(noRun.err));
        const test::ProgramRun noDb = calibrate(
            {QStringLiteral("--refit"), QStringLiteral("last"), QStringLiteral("--db"),
             dir.filePath(QStringLiteral("none.sqlite")), QStringLiteral("--out"), nowhere});
        QCOMPARE(noDb.code, 1);
        QVERIFY2(noDb.err.contains(QStringLiteral("no such dataset")), qPrintable(noDb.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.sqlite"))));
        QCOMPARE(calibrate({QStringLiteral("--refit"), QStringLiteral("first"),
                            QStringLiteral("--db"), db, QStringLiteral("--out"), nowhere})
                     .code,
                 2);
        const test::ProgramRun measuring =
            calibrate({QStringLiteral("--refit"), QStringLiteral("1"), QStringLiteral("--networks"),
                       network, QStringLiteral("--db"), db, QStringLiteral("--out"), nowhere});
        QCOMPARE(measuring.code, 2);
        QVERIFY2(measuring.err.contains(QStringLiteral("--refit measures nothing")),
                 qPrintable(measuring.err));

        // A damaged record (the latest of the run is the one read) is refused by name.
        {
            core::DatasetStore store;
            QVERIFY2(store.open(db), qPrintable(store.errorString()));
            QJsonObject damaged = core::calibrationMeasurementsToJson(someMeasurements());
            damaged.remove(QStringLiteral("networks"));
            QVERIFY2(store.addRecord(1, QLatin1String(core::kCalibrationRecordKind), damaged),
                     qPrintable(store.errorString()));
        }
        const test::ProgramRun broken =
            calibrate({QStringLiteral("--refit"), QStringLiteral("1"), QStringLiteral("--db"), db,
                       QStringLiteral("--out"), nowhere});
        QCOMPARE(broken.code, 1);
        QVERIFY2(broken.err.contains(QStringLiteral("run 1: calibration record lacks")),
                 qPrintable(broken.err));
        QVERIFY(!QFileInfo::exists(nowhere));
    }

private Q_SLOTS:
    // What calibrate keeps reads back as it was; a record of another
    // version, or with a field missing or of the wrong kind, is refused.
    void measurementsRoundTrip()
    {
        const core::CalibrationMeasurements m = someMeasurements();
        const QJsonObject json = core::calibrationMeasurementsToJson(m);
        // Through the text SQLite keeps.
        const QJsonObject stored =
            QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
        QString error;
        const auto back = core::calibrationMeasurementsFromJson(stored, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->baseDir, m.baseDir);
        QCOMPARE(back->cacheCapacities, m.cacheCapacities);
        QCOMPARE(back->speedSampling.size(), size_t(2));
        QCOMPARE(back->speedSampling.front().median, 2.75);
        QCOMPARE(back->speedNetworks.size(), size_t(1));
        QCOMPARE(back->speedNetworks.front().median, 2.9);
        QCOMPARE(back->speedNetworks.front().runs, 600);
        QCOMPARE(back->networks.size(), size_t(1));
        const auto &n = back->networks.front();
        QCOMPARE(n.path, m.networks.front().path);
        QCOMPARE(n.sha256, QStringLiteral("ab12"));
        QCOMPARE(n.batch, 8);
        QCOMPARE(n.threads, 2);
        QCOMPARE(n.utilization, 50);
        QCOMPARE(n.label, QStringLiteral("squeezenet1_1.onnx at batch 8"));
        QCOMPARE(n.passes.size(), size_t(2));
        const core::NetworkMeasurement &pass = n.passes.back();
        QCOMPARE(pass.batch, 8);
        QCOMPARE(pass.threads, 2);
        QCOMPARE(pass.utilizationPercent, 50);
        QCOMPARE(pass.sampleWindowMs, 40.0);
        QCOMPARE(pass.latency.median, 49.64);
        QCOMPARE(pass.layers.size(), size_t(1));
        QCOMPARE(pass.layers.front().name, QStringLiteral("conv1"));
        QCOMPARE(pass.layers.front().op, QStringLiteral("Conv"));
        // Under load a layer's time is its mean: both kept.
        QCOMPARE(pass.layerMs(pass.layers.front()), 1.5);
        QCOMPARE(pass.layers.front().stats.median, 1.25);
        QCOMPARE(back->probes.size(), size_t(1));
        QCOMPARE(back->probes.front().name, QStringLiteral("split_1.onnx"));
        QCOMPARE(back->probes.front().measurement.latency.median, 49.64);

        QJsonObject newer = json;
        newer[QStringLiteral("version")] = 2;
        QVERIFY(!core::calibrationMeasurementsFromJson(newer, &error));
        QVERIFY2(error.contains(QStringLiteral("version 2")), qPrintable(error));
        QJsonObject badLayer = json;
        QJsonArray networks = badLayer.value(QStringLiteral("networks")).toArray();
        QJsonObject network = networks[0].toObject();
        QJsonArray passes = network.value(QStringLiteral("passes")).toArray();
        QJsonObject first = passes[0].toObject();
        first[QStringLiteral("layers")] = QJsonArray{QJsonArray{QStringLiteral("conv1"), 3}};
        passes[0] = first;
        network[QStringLiteral("passes")] = passes;
        networks[0] = network;
        badLayer[QStringLiteral("networks")] = networks;
        QVERIFY(!core::calibrationMeasurementsFromJson(badLayer, &error));
        QVERIFY2(error.contains(QStringLiteral("squeezenet1_1.onnx at batch 8")) &&
                     error.contains(QStringLiteral("[name, operator, median, mean]")),
                 qPrintable(error));
        QJsonObject badSpeed = json;
        badSpeed[QStringLiteral("speed_reference")] =
            QJsonObject{{QStringLiteral("sampling"), QJsonArray{QJsonObject{}}}};
        QVERIFY(!core::calibrationMeasurementsFromJson(badSpeed, &error));
        QVERIFY2(error.contains(QStringLiteral("speed reference (sampling)")), qPrintable(error));
        QJsonObject badCache = json;
        badCache[QStringLiteral("cache_bytes")] = QJsonArray{-1};
        QVERIFY(!core::calibrationMeasurementsFromJson(badCache, &error));
        // A record from before networks were measured on more threads ran
        // them on one; no threads at all is refused.
        for (int threads : {-1, 0}) {
            QJsonObject record = json;
            QJsonArray nets = record.value(QStringLiteral("networks")).toArray();
            QJsonObject n0 = nets[0].toObject();
            if (threads < 0)
                n0.remove(QStringLiteral("threads"));
            else
                n0[QStringLiteral("threads")] = threads;
            nets[0] = n0;
            record[QStringLiteral("networks")] = nets;
            const auto read = core::calibrationMeasurementsFromJson(record, &error);
            QCOMPARE(bool(read), threads < 0);
            if (read)
                QCOMPARE(read->networks.front().threads, 1);
            else
                QVERIFY2(error.contains(QStringLiteral("threads")), qPrintable(error));
        }
        // A record from before networks were measured under load ran them
        // without; a load beyond 100 % is refused.
        for (int utilization : {-1, 101}) {
            QJsonObject record = json;
            QJsonArray nets = record.value(QStringLiteral("networks")).toArray();
            QJsonObject n0 = nets[0].toObject();
            if (utilization < 0)
                n0.remove(QStringLiteral("utilization"));
            else
                n0[QStringLiteral("utilization")] = utilization;
            nets[0] = n0;
            record[QStringLiteral("networks")] = nets;
            const auto read = core::calibrationMeasurementsFromJson(record, &error);
            QCOMPARE(bool(read), utilization < 0);
            if (read)
                QCOMPARE(read->networks.front().utilization, 0);
            else
                QVERIFY2(error.contains(QStringLiteral("utilization")), qPrintable(error));
        }
    }

    // A device that is the base at a fixed factor, sampled on a machine
    // that now and then runs slow (a fifth of the samples 2.5x slower): the
    // level alone (the samples' median shift, a slope of one) beats the line
    // those samples pull on the held-out samples, and is what is applied.
    void calibrationFallsBackToTheLevel()
    {
        QTemporaryDir dir;
        QString error;
        const auto baseProfile = test::syntheticBaseProfile(dir.path(), &error);
        QVERIFY2(baseProfile, qPrintable(error));
        const core::DeviceProfile &base = *baseProfile;

        auto local = test::syntheticSamples(48, 31);
        std::mt19937_64 rng(32);
        std::normal_distribution<double> jitter(0, 0.05);
        for (size_t i = 0; i < local.size(); ++i) {
            core::Sample &s = local[i];
            s.deviceFingerprint = QStringLiteral("other");
            const double slowMode = rng() % 5 == 0 ? 2.5 : 1.0;
            s.latencyMedianMs *= 1.5 * slowMode * std::exp(jitter(rng));
        }
        core::CalibrationReport report;
        const auto calibrated =
            core::calibrateProfile(base, dir.path(), local, 0.3, 1, &report, &error);
        QVERIFY2(calibrated, qPrintable(error));
        const core::ModuleCalibration &c = report.modules.front();
        QCOMPARE(c.target, core::Target::Latency);
        QVERIFY2(c.applied && c.levelOnly, qPrintable(core::calibrationToTable(report)));
        QCOMPARE(c.scale, 1.0);
        // The fast mode's factor, not pulled toward the slow one.
        QVERIFY2(std::fabs(c.offset - std::log(1.5)) < 0.08, qPrintable(QString::number(c.offset)));
        QVERIFY(c.mapeAfter < c.mapeBefore);
        // Judged by the median held-out error, which the slow fifth moves
        // less than the mean: the typical sample is near the fast mode.
        QVERIFY2(c.medianAfter < 8 && c.medianAfter < c.medianBefore && c.medianAfter < c.mapeAfter,
                 qPrintable(core::calibrationToTable(report)));
        QVERIFY(core::calibrationToTable(report).contains(
            QStringLiteral("+ log p (the level alone did best held out)")));
        QVERIFY(core::calibrationToTable(report).contains(QStringLiteral("%1 -> %2")
                                                              .arg(c.medianBefore, 0, 'f', 2)
                                                              .arg(c.medianAfter, 0, 'f', 2)));
        // Applied as a correction of the base model, level for level.
        const auto &m = *calibrated->module(QStringLiteral("toy"));
        const auto &baseModule = *base.module(QStringLiteral("toy"));
        std::vector<int> rows(local.size());
        std::iota(rows.begin(), rows.end(), 0);
        const core::Vector before =
            baseModule.targets[0].model->predict(baseModule.encoding.encode(local, rows));
        const core::Vector after = m.targets[0].model->predict(m.encoding.encode(local, rows));
        for (Eigen::Index i = 0; i < after.size(); ++i)
            QVERIFY(std::fabs(after[i] - before[i] - c.offset) < 1e-9);
    }

    // Where the samples' OpenBLAS ran one thread beside ATen's, the rows a
    // module hands to BLAS are predicted at one thread without load: set on
    // a matrix-product module, not on others, named in the table and kept
    // in the saved profile. Samples that do not say (taken before the pool
    // was recorded) leave it unset.
    void blasRowsFollowTheSamplesPool()
    {
        QTemporaryDir dir, out;
        QString error;
        auto base = test::syntheticBaseProfile(dir.path(), &error,
                                               {QStringLiteral("toy"), QStringLiteral("fc")});
        QVERIFY2(base, qPrintable(error));
        for (core::ModuleTraining &m : base->modules) {
            if (m.module == QLatin1String("fc"))
                m.op = QStringLiteral("Gemm");
        }
        QVERIFY2(base->save(dir.path(), &error), qPrintable(error));
        auto samples = [](const QJsonObject &info) {
            std::vector<core::Sample> local;
            for (const QString &module : {QStringLiteral("toy"), QStringLiteral("fc")}) {
                for (core::Sample s : test::syntheticSamples(40, 33)) {
                    s.module = module;
                    s.deviceFingerprint = QStringLiteral("here");
                    s.deviceInfo = info;
                    s.threads = 1 + s.seq % 2;
                    s.latencyMedianMs *= 1.3;
                    local.push_back(s);
                }
            }
            return local;
        };
        core::CalibrationReport report;
        const auto pooled = core::calibrateProfile(
            *base, dir.path(), samples({{QStringLiteral("blas_pool_threads"), 1}}), 0.3, 1, &report,
            &error);
        QVERIFY2(pooled, qPrintable(error));
        QCOMPARE(report.blasModules, QStringList{QStringLiteral("fc")});
        QVERIFY(core::calibrationToTable(report).contains(QStringLiteral(
            "OpenBLAS ran one thread beside ATen's: the rows these modules hand to it predicted "
            "at one thread without load, whatever the thread count: fc")));
        QVERIFY(pooled->module(QStringLiteral("fc"))->encoding.blasRows);
        QVERIFY(!pooled->module(QStringLiteral("toy"))->encoding.blasRows);
        QVERIFY2(pooled->save(out.path(), &error), qPrintable(error));
        const auto reloaded = core::DeviceProfile::load(out.path(), &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->module(QStringLiteral("fc"))->encoding.blasRows,
                 pooled->module(QStringLiteral("fc"))->encoding.blasRows);

        core::CalibrationReport before;
        const auto unsaid =
            core::calibrateProfile(*base, dir.path(), samples({}), 0.3, 1, &before, &error);
        QVERIFY2(unsaid, qPrintable(error));
        QVERIFY(before.blasModules.isEmpty());
        QVERIFY(!unsaid->module(QStringLiteral("fc"))->encoding.blasRows);
    }

    // Samples of a run-time condition whose runs scatter (median coefficient
    // of variation above kNoisyConditionCv, as at 2 threads under load on a
    // shared VM) set no correction: the level comes from the steady
    // conditions alone, and the noisy samples only say how far that
    // condition's predictions are off. With the same samples steady, they
    // pull the level toward their own.
    void noisyConditionSetsNoCorrection()
    {
        QTemporaryDir dir;
        QString error;
        const std::pair<int, int> conditions[] = {{1, 0}, {1, 50}, {2, 0}, {2, 50}};
        std::vector<core::Sample> trained;
        for (const auto &[threads, utilization] : conditions) {
            for (core::Sample s : test::syntheticSamples(60, 70 + threads + utilization)) {
                s.threads = threads;
                s.utilization = utilization;
                trained.push_back(s);
            }
        }
        core::DeviceProfile base;
        base.device = QStringLiteral("dev");
        core::ModuleTraining training;
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge")};
        QVERIFY2(core::trainModule(QStringLiteral("toy"), trained, options, &training, &error),
                 qPrintable(error));
        base.modules.push_back(std::move(training));
        QVERIFY2(base.save(dir.path(), &error), qPrintable(error));

        auto local = [](double noisyCv) {
            std::vector<core::Sample> out;
            for (core::Sample s : test::syntheticSamples(40, 81)) {
                s.latencyMedianMs *= 1.5;
                s.latencyCv = 0.02;
                out.push_back(s);
            }
            for (core::Sample s : test::syntheticSamples(40, 82)) {
                s.id += QStringLiteral("-noisy");
                s.threads = 2;
                s.utilization = 50;
                s.latencyMedianMs *= 1.5 * 3; // a busy neighbour's hour
                s.latencyCv = noisyCv;
                out.push_back(s);
            }
            for (core::Sample &s : out)
                s.deviceFingerprint = QStringLiteral("other");
            return out;
        };
        auto latencyOf = [](const core::CalibrationReport &report) {
            for (const core::ModuleCalibration &c : report.modules) {
                if (c.target == core::Target::Latency)
                    return c;
            }
            return core::ModuleCalibration{};
        };

        core::CalibrationReport report;
        QVERIFY2(core::calibrateProfile(base, dir.path(), local(0.9), 0.3, 1, &report, &error),
                 qPrintable(error));
        const QString table = core::calibrationToTable(report);
        QCOMPARE(report.noisyConditions.size(), size_t(1));
        QCOMPARE(report.noisyConditions[0].threads, 2);
        QCOMPARE(report.noisyConditions[0].utilization, 50);
        QCOMPARE(report.noisyConditions[0].samples, 40);
        QVERIFY(std::fabs(report.noisyConditions[0].medianCv - 0.9) < 1e-12);
        QVERIFY2(table.contains(QStringLiteral("samples at 2 thread(s), 50 % load not fitted on")),
                 qPrintable(table));
        const core::ModuleCalibration steady = latencyOf(report);
        QVERIFY2(steady.applied, qPrintable(table));
        QCOMPARE(steady.fitSamples + steady.heldOutSamples, 40);
        QVERIFY2(std::fabs(steady.offset - std::log(1.5)) < 0.05, qPrintable(table));
        // Every noisy sample measures its condition's error: about x3 under.
        const auto &errors = report.heldOutLogErrors[{2, 50}];
        QCOMPARE(errors.size(), size_t(40));
        for (double e : errors)
            QVERIFY2(std::fabs(e + std::log(3.0)) < 0.1, qPrintable(QString::number(e)));

        // A machine noisy at every condition is still calibrated at its
        // steadiest one.
        std::vector<core::Sample> everywhere = local(0.9);
        for (core::Sample &s : everywhere) {
            if (s.threads == 1)
                s.latencyCv = 0.7;
        }
        core::CalibrationReport noisyMachine;
        QVERIFY(
            core::calibrateProfile(base, dir.path(), everywhere, 0.3, 1, &noisyMachine, &error));
        QCOMPARE(noisyMachine.noisyConditions.size(), size_t(1));
        QCOMPARE(noisyMachine.noisyConditions[0].threads, 2);
        QVERIFY(std::fabs(latencyOf(noisyMachine).offset - std::log(1.5)) < 0.05);

        core::CalibrationReport pulled;
        QVERIFY(core::calibrateProfile(base, dir.path(), local(0.02), 0.3, 1, &pulled, &error));
        QVERIFY(pulled.noisyConditions.empty());
        const core::ModuleCalibration mixed = latencyOf(pulled);
        QCOMPARE(mixed.fitSamples + mixed.heldOutSamples, 80);
        QVERIFY2(std::fabs(mixed.offset - std::log(1.5)) > 0.2,
                 qPrintable(core::calibrationToTable(pulled)));
    }

    // The shipped spec's families: a convolution and its fused-activation
    // variants share one, a depthwise one has its own.
    void familiesOfTheShippedSpec()
    {
        const auto families = core::moduleFamilies(core::defaultProfilingSpec());
        const auto of = [&](const char *m) {
            return families.at(QString::fromLatin1(m));
        };
        QCOMPARE(of("conv2d_relu"), of("conv2d"));
        QCOMPARE(of("conv2d_clip"), of("conv2d"));
        QCOMPARE(of("depthwise_conv2d_clip"), of("depthwise_conv2d"));
        QVERIFY(of("depthwise_conv2d") != of("conv2d"));
        QCOMPARE(of("add_relu"), of("add"));
        QVERIFY(of("relu") != of("add"));
    }

    // Two modules of one family on a device that runs the kernel at 1.5x
    // the base's time to the power 1.1: the one with 60 samples sees the
    // slope, the one with 6 samples fits a shift only and cannot. The
    // family's correction, fitted on both, is what the small one applies.
    void calibrationSharesTheFamilysCorrection()
    {
        QTemporaryDir dir;
        QString error;
        const auto base = test::syntheticBaseProfile(
            dir.path(), &error, {QStringLiteral("toy"), QStringLiteral("toy_relu")});
        QVERIFY2(base, qPrintable(error));

        std::vector<core::Sample> local = test::syntheticSamples(60, 41);
        auto few = test::syntheticSamples(6, 42);
        for (core::Sample &s : few)
            s.module = QStringLiteral("toy_relu");
        local.insert(local.end(), few.begin(), few.end());
        for (core::Sample &s : local) {
            s.deviceFingerprint = QStringLiteral("other");
            s.latencyMedianMs = 1.5 * std::pow(s.latencyMedianMs, 1.1);
        }
        const std::map<QString, QString> families{
            {QStringLiteral("toy"), QStringLiteral("Relu")},
            {QStringLiteral("toy_relu"), QStringLiteral("Relu")}};
        core::CalibrationReport report;
        const auto calibrated =
            core::calibrateProfile(*base, dir.path(), local, 0.3, 1, &report, &error, families);
        QVERIFY2(calibrated, qPrintable(error));
        const QString table = core::calibrationToTable(report);
        const core::ModuleCalibration *small = nullptr;
        for (const core::ModuleCalibration &c : report.modules) {
            if (c.module == QLatin1String("toy_relu") && c.target == core::Target::Latency)
                small = &c;
        }
        QVERIFY(small);
        QVERIFY2(small->applied && !small->levelOnly, qPrintable(table));
        QCOMPARE(small->family, QStringList({QStringLiteral("toy"), QStringLiteral("toy_relu")}));
        QCOMPARE(small->familySamples, 66);
        QVERIFY2(std::fabs(small->scale - 1.1) < 0.05, qPrintable(table));
        QVERIFY2(small->mapeAfter < 2.0, qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("(its family's, fitted on the 66 samples of toy, "
                                               "toy_relu)")),
                 qPrintable(table));

        // Without families the small module cannot follow the slope.
        core::CalibrationReport alone;
        QVERIFY(core::calibrateProfile(*base, dir.path(), local, 0.3, 1, &alone, &error));
        for (const core::ModuleCalibration &c : alone.modules) {
            if (c.module == QLatin1String("toy_relu") && c.target == core::Target::Latency) {
                QVERIFY(c.family.isEmpty());
                QVERIFY2(c.mapeAfter > small->mapeAfter + 1, qPrintable(calibrationToTable(alone)));
            }
        }
    }

    // The networks' times are scaled to the sampling's speed where the
    // speed reference moved between the phases beyond its own spread, not
    // where the machine switched between two speeds in both.
    void networkSpeedScaleNeedsAShift()
    {
        auto timings = [](std::initializer_list<double> medians) {
            std::vector<core::TimingStats> out;
            for (double ms : medians) {
                core::TimingStats t;
                t.median = ms;
                out.push_back(t);
            }
            return out;
        };
        core::CalibrationMeasurements m;
        m.networks.resize(1);
        QString text;
        // Drifted 10 % slower, each phase's timings within 1 %.
        m.speedSampling = timings({3.00, 3.02, 3.01});
        m.speedNetworks = timings({3.30, 3.31, 3.29, 3.32});
        QVERIFY(qAbs(core::networkSpeedScale(m, &text) - 3.01 / 3.305) < 1e-9);
        QVERIFY2(text.contains(QStringLiteral("the networks ran 9.8 % slower than the module "
                                              "sampling")),
                 qPrintable(text));
        // Switching between 3.6 and 4.7 ms in both phases, more often slow
        // in the networks' (medians 26 % apart, as on the Xeon VM).
        text.clear();
        m.speedSampling = timings({4.61, 3.62, 3.62, 3.55, 3.70, 3.82});
        m.speedNetworks = timings({3.82, 4.79, 4.26, 3.97, 4.59, 3.65, 3.54, 4.71, 4.79, 4.63, 4.63,
                                   3.69, 3.78, 4.69, 4.71, 4.72, 5.00, 4.97, 3.66});
        QCOMPARE(core::networkSpeedScale(m, &text), 1.0);
        QVERIFY2(text.contains(QStringLiteral("within their own spread")) &&
                     text.contains(QStringLiteral("switched between speeds")),
                 qPrintable(text));
        // Within the tolerance; and one timing of the networks is not enough.
        text.clear();
        m.speedSampling = timings({3.00, 3.01});
        m.speedNetworks = timings({3.04, 3.05});
        QCOMPARE(core::networkSpeedScale(m, &text), 1.0);
        QVERIFY2(text.contains(QStringLiteral("at the sampling's speed")), qPrintable(text));
        text.clear();
        m.speedNetworks = timings({3.9});
        QCOMPARE(core::networkSpeedScale(m, &text), 1.0);
        QVERIFY2(text.contains(QStringLiteral("not timed twice")), qPrintable(text));
    }

    // How a network's passes combine: the median pass end to end and per
    // layer (the mean of two), so that a third pass outvotes one slow phase.
    void passesCombineByTheirMedian()
    {
        auto pass = [](double ms, double conv, std::optional<double> relu) {
            core::NetworkMeasurement m;
            m.latency.median = ms;
            core::LayerTiming c;
            c.name = QStringLiteral("conv1");
            c.stats.median = conv;
            m.layers.push_back(c);
            if (relu) {
                core::LayerTiming r;
                r.name = QStringLiteral("relu1");
                r.stats.median = *relu;
                m.layers.push_back(r);
            }
            return m;
        };
        core::CalibrationMeasurements::Network network;
        QCOMPARE(network.endToEndMs(), 0.0);
        QCOMPARE(network.passSpread(), 0.0);
        QVERIFY(network.layerMs().empty());
        network.passes = {pass(10, 4, 1), pass(12, 6, 3)};
        QCOMPARE(network.endToEndMs(), 11.0);
        QCOMPARE(network.passSpread(), 2.0 / 11);
        QCOMPARE(network.layerMs().at(QStringLiteral("conv1")), 5.0);
        QCOMPARE(network.layerMs().at(QStringLiteral("relu1")), 2.0);
        // A slow third pass: the medians stay with the two that agree.
        network.passes.push_back(pass(30, 15, std::nullopt));
        QCOMPARE(network.endToEndMs(), 12.0);
        QCOMPARE(network.passSpread(), 20.0 / 12);
        QCOMPARE(network.layerMs().at(QStringLiteral("conv1")), 6.0);
        // A layer the third pass did not time: the median of those that did.
        QCOMPARE(network.layerMs().at(QStringLiteral("relu1")), 2.0);

        // The median's uncertainty: the passes' log standard deviation over
        // the square root of their number (calibrate measures a run under
        // load again while it is above 5 %).
        core::CalibrationMeasurements::Network loaded;
        loaded.passes = {pass(20, 1, std::nullopt)};
        QCOMPARE(loaded.medianUncertainty(), 0.0);
        loaded.passes.push_back(pass(20, 1, std::nullopt));
        QCOMPARE(loaded.medianUncertainty(), 0.0);
        const std::vector<double> ms = {20, 25, 16, 22};
        loaded.passes.clear();
        double sum = 0;
        for (double v : ms) {
            loaded.passes.push_back(pass(v, 1, std::nullopt));
            sum += std::log(v);
        }
        const double mean = sum / 4;
        double squares = 0;
        for (double v : ms)
            squares += (std::log(v) - mean) * (std::log(v) - mean);
        const double expected = std::sqrt(squares / 3 / 4);
        QVERIFY2(std::fabs(loaded.medianUncertainty() - expected) < 1e-12,
                 qPrintable(QString::number(loaded.medianUncertainty())));
        QVERIFY(expected > 0.05 && expected < 0.15);
    }

    // A dataset of schema version 1 (before run records) opens, gains the
    // table, and keeps its samples' runs.
    void datasetOfVersionOneTakesRecords()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        qint64 run = 0;
        {
            core::DatasetStore store;
            QVERIFY2(store.open(path), qPrintable(store.errorString()));
            run = store.startRun(store.deviceId(QStringLiteral("fp"), {}), QStringLiteral("h"),
                                 "{}", {});
            QVERIFY(run > 0);
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE run_records")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        core::DatasetStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QVERIFY(store.records(run, QStringLiteral("calibration")).empty());
        QVERIFY2(store.addRecord(run, QStringLiteral("calibration"), {{QStringLiteral("a"), 1}}),
                 qPrintable(store.errorString()));
        QCOMPARE(store.records(run, QStringLiteral("calibration")).size(), size_t(1));
        QCOMPARE(store.runsWithRecords(QStringLiteral("calibration")),
                 (std::vector<std::pair<qint64, int>>{{run, 1}}));
        QCOMPARE(store.runSpec(run), QByteArray("{}"));
        // A record of a run the dataset does not have is refused.
        QVERIFY(!store.addRecord(run + 5, QStringLiteral("calibration"), {}));
    }

    // calibrate end to end: module samples, the networks with per-layer
    // timing, the speed reference; then the same fit again from what it
    // kept in the dataset (`calibrate --refit`).
    // After the sampling each network run says what it measures; stopped
    // there, the job writes no profile and keeps the samples.
    void networkPhaseReportsAndStops()
    {
        QString error;
        const core::RuntimeApi *runtime = core::runtimeApi(&error);
        QVERIFY2(runtime, qPrintable(error));
        QTemporaryDir dir;
        core::CalibrationJob job;
        job.baseDir = core::resolveProfileDir(QStringLiteral("reference-cpu"), &error);
        QVERIFY2(!job.baseDir.isEmpty(), qPrintable(error));
        job.outDir = dir.filePath(QStringLiteral("calibrated"));
        const auto spec = core::calibrationSpec(&job.profiling.specJson, &error);
        QVERIFY2(spec, qPrintable(error));
        job.profiling.spec = *spec;
        job.profiling.dbPath = dir.filePath(QStringLiteral("c.sqlite"));
        job.profiling.maxSamples = 6;
        job.networks = {test::sharedModel(QStringLiteral("squeezenet1_1.onnx"))};
        QStringList steps;
        job.networkProgress = [&](const QString &next, double done) {
            steps << next;
            return done < 0 || steps.size() < 2; // stops before the second run
        };
        QString text;
        bool cancelled = false;
        QVERIFY2(core::runCalibrationJob(*runtime, job, &text, &cancelled, &error),
                 qPrintable(error));
        QVERIFY(cancelled);
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.front(), QStringLiteral("squeezenet1_1.onnx, pass 1"));
        QVERIFY2(text.contains(QStringLiteral("Interrupted while measuring the networks")),
                 qPrintable(text));
        QVERIFY(!QFileInfo::exists(job.outDir));
        core::DatasetStore store;
        QVERIFY(store.open(job.profiling.dbPath));
        QCOMPARE(store.sampleCount(), qint64(6));
    }

    void cliCalibrateWritesAProfilePredictCanUse()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("calibrated"));
        const QString db = dir.filePath(QStringLiteral("c.sqlite"));
        // A copy, so that the refit can see it change.
        const QString network = dir.filePath(QStringLiteral("squeezenet1_1.onnx"));
        QVERIFY(QFile::copy(test::sharedModel(QStringLiteral("squeezenet1_1.onnx")), network));
        QProcess p;
        p.start(test::program(QStringLiteral("layerlens-cli")),
                {QStringLiteral("calibrate"), QStringLiteral("--samples"), QStringLiteral("30"),
                 QStringLiteral("--db"), db, QStringLiteral("--networks"), network,
                 QStringLiteral("--out"), out});
        QVERIFY(p.waitForFinished(240000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(text + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(text.contains(QStringLiteral("squeezenet1_1.onnx: measured")), qPrintable(text));
        // A network that fast is measured at batch 8 too.
        QVERIFY2(text.contains(QStringLiteral("squeezenet1_1.onnx at batch 8: measured")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("us per operator between them")), qPrintable(text));
        // Two interleaved passes per network, and how far they differ.
        QVERIFY2(QRegularExpression(
                     QStringLiteral("squeezenet1_1.onnx: measured [0-9.]+ ms \\(passes differ "
                                    "[0-9.]+ %\\)"))
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("in-network correction")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("cache misses inside networks")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("24 of 24 calibration probes timed")),
                 qPrintable(text));
        QString resolved, error;
        const auto profile = core::loadProfile(out, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(profile->provenance.contains(QStringLiteral("calibrated_from")));
        QVERIFY(profile->opOverheadSource.contains(QStringLiteral("calibrate")));
        // The machine's speed, timed around the sampling and the networks,
        // with the networks' times scaled where it moved between them.
        // Timed before, during and after the sampling (30 samples: no
        // timing between them), and before the batch-8 run, any third
        // pass and after.
        QVERIFY2(QRegularExpression(QStringLiteral("speed reference \\(a fixed network, 1 "
                                                   "thread\\), median ms of each timing: during "
                                                   "the module sampling [0-9.]+, [0-9.]+ \\(median "
                                                   "[0-9.]+\\), during the networks ([0-9.]+, "
                                                   "){4,}[0-9.]+ \\(median "))
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral("the networks ran (at the sampling's speed|[0-9."
                                                   "]+ % (slower|faster) than the module "
                                                   "sampling)|the networks' timings lie -?[0-9.]+ "
                                                   "% from the sampling's, within their own "
                                                   "spread"))
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
        QCOMPARE(profile->speedReference.version, core::kSpeedReferenceVersion);
        QVERIFY(profile->speedReference.medianMs > 0);
        QVERIFY(profile->speedReference.runs >= 40);
        // `calibrate --check` times it again against the profile's.
        const test::ProgramRun check = test::runProgram(
            QStringLiteral("layerlens-cli"),
            {QStringLiteral("calibrate"), QStringLiteral("--check"), QStringLiteral("--base"), out,
             QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(check.code == 0, qPrintable(check.err));
        const QJsonObject speed = QJsonDocument::fromJson(check.out.toUtf8()).object();
        QCOMPARE(speed.value(QStringLiteral("calibrated"))
                     .toObject()
                     .value(QStringLiteral("median_ms"))
                     .toDouble(),
                 profile->speedReference.medianMs);
        const double ratio = speed.value(QStringLiteral("ratio")).toDouble();
        QVERIFY2(ratio > 0.3 && ratio < 3, qPrintable(check.out));
        QVERIFY(
            speed.value(QStringLiteral("now")).toObject().value(QStringLiteral("runs")).toInt() >=
            20);
        // A profile without one says so, and the check still times this machine.
        const auto unreferenced = core::DeviceProfile::load(out, &error);
        QVERIFY2(unreferenced, qPrintable(error));
        unreferenced->speedReference = {};
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QVERIFY2(unreferenced->save(plain, &error), qPrintable(error));
        const test::ProgramRun none =
            test::runProgram(QStringLiteral("layerlens-cli"),
                             {QStringLiteral("calibrate"), QStringLiteral("--check"),
                              QStringLiteral("--base"), plain});
        QCOMPARE(none.code, 0);
        QVERIFY2(none.out.contains(QStringLiteral("recorded no speed reference")),
                 qPrintable(none.out));
        QVERIFY2(none.out.contains(QStringLiteral("speed reference now: ")), qPrintable(none.out));
        // The probes' costs, by the executor's kernel, and ShuffleNet's
        // channel splits predicted by them.
        QVERIFY(profile->operatorCost(QStringLiteral("Slice (channels-last)")));
        QVERIFY(profile->operatorCost(QStringLiteral("Transpose (channel shuffle)")));
        int shuffleCode = 0;
        const QJsonObject shuffleNet =
            runPredict({test::sharedModel(QStringLiteral("shufflenet_v2_x1_0.onnx")),
                        QStringLiteral("--device"), out, QStringLiteral("--per-layer"),
                        QStringLiteral("--format"), QStringLiteral("json")},
                       &shuffleCode);
        QCOMPARE(shuffleCode, 0);
        QSet<QString> modules;
        for (const QJsonValue &layer : shuffleNet.value(QStringLiteral("layers")).toArray())
            modules.insert(layer.toObject().value(QStringLiteral("module")).toString());
        QVERIFY(modules.contains(QStringLiteral("operator:Slice (channels-last)")));
        QVERIFY(modules.contains(QStringLiteral("operator:Transpose (channel shuffle)")));
        int code = 0;
        const QJsonObject json = runPredict(
            {test::sharedModel(QStringLiteral("squeezenet1_1.onnx")), QStringLiteral("--device"),
             out, QStringLiteral("--format"), QStringLiteral("json")},
            &code);
        QCOMPARE(code, 0);
        QVERIFY(json.value(QStringLiteral("totals"))
                    .toObject()
                    .value(QStringLiteral("latency_ms"))
                    .toDouble() > 0);

        // A bad option is refused before anything runs.
        QProcess bad;
        bad.start(test::program(QStringLiteral("layerlens-cli")),
                  {QStringLiteral("calibrate"), QStringLiteral("--budget"), QStringLiteral("soon"),
                   QStringLiteral("--out"), out});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("--budget")));

        refitsWhatCalibrateKept(text, db, network, out, dir);
    }
};

QTEST_GUILESS_MAIN(TestCalibrate)
#include "tst_calibrate.moc"
