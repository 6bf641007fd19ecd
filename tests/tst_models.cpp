// Regression models, grouped evaluation, selection, and profile bundles.
#include "models/calibrated_model.h"
#include "models/device_profile.h"
#include "models/module_training.h"
#include "models/neural_models.h"
#include "models/profile_tables.h"
#include "models/regression_model.h"
#include "models/xgboost_model.h"
#include "predict/calibration.h"
#include "support/synthetic_samples.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <random>

using namespace layerlens;

namespace {

// A block of a module observed in a network: predicted and measured ms.
core::BlockObservation observed(const QString &module, double predictedMs, double measuredMs)
{
    core::BlockObservation b;
    b.module = module;
    b.predictedMs = predictedMs;
    b.measuredMs = measuredMs;
    return b;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A calibrated profile calibrated again keeps one wrapper around the
    // original model, predicting exactly what the nested corrections did,
    // and saves as a kind the loader reads.
    void calibrationOfACalibratedModelFolds()
    {
        core::Matrix x(6, 2);
        core::Vector y(6);
        for (int i = 0; i < 6; ++i) {
            x(i, 0) = i;
            x(i, 1) = 0.5 * i;
            y[i] = 0.3 * i + 1;
        }
        QString error;
        auto base = core::createModel(QStringLiteral("ridge"));
        QVERIFY2(base->fit(x, y, &error), qPrintable(error));
        auto first = std::make_unique<core::CalibratedModel>(std::move(base), 0.2, 1.1);
        auto second = std::make_unique<core::CalibratedModel>(
            std::make_unique<core::CalibratedModel>(std::move(first), 0.0, 1.0), -0.1, 0.9);
        // (a nested wrapper inside a wrapper inside a wrapper, as repeated calibration made)
        const core::Vector nested = second->predict(x);
        second->absorbCalibratedInner();
        QVERIFY(!dynamic_cast<const core::CalibratedModel *>(second->inner()));
        QVERIFY((second->predict(x) - nested).cwiseAbs().maxCoeff() < 1e-9);
        core::CalibratedModel reloaded;
        QVERIFY2(reloaded.fromJson(second->toJson(), &error), qPrintable(error));
        QVERIFY((reloaded.predict(x) - nested).cwiseAbs().maxCoeff() < 1e-9);
    }

    void ridgeRecoversLinearFunction()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal;
        core::Matrix x(200, 3);
        core::Vector y(200);
        for (int r = 0; r < 200; ++r) {
            for (int c = 0; c < 3; ++c)
                x(r, c) = normal(rng);
            y[r] = 2 * x(r, 0) - 3 * x(r, 1) + 0.5 * x(r, 2) + 7;
        }
        auto model = core::createModel(QStringLiteral("ridge"));
        QString error;
        QVERIFY(model->fit(x, y, &error));
        // Ridge shrinks standardized coefficients by 1/(1 + lambda) = 0.1%: the
        // residual stays within that share of the signal's spread.
        const double spread = (y.array() - y.mean()).abs().maxCoeff();
        QVERIFY((model->predict(x) - y).cwiseAbs().maxCoeff() < 0.005 * spread);
    }

    void polyRidgeFitsQuadratic()
    {
        core::Matrix x(300, 2);
        core::Vector y(300);
        std::mt19937_64 rng(4);
        std::uniform_real_distribution<double> u(-2, 2);
        for (int r = 0; r < 300; ++r) {
            x(r, 0) = u(rng);
            x(r, 1) = u(rng);
            y[r] = x(r, 0) * x(r, 1) + x(r, 0) * x(r, 0);
        }
        QString error;
        auto linear = core::createModel(QStringLiteral("ridge"));
        auto poly = core::createModel(QStringLiteral("poly_ridge"));
        QVERIFY(linear->fit(x, y, &error) && poly->fit(x, y, &error));
        const double linearError = (linear->predict(x) - y).norm();
        const double polyError = (poly->predict(x) - y).norm();
        QVERIFY2(polyError < 0.2 * linearError,
                 qPrintable(QStringLiteral("%1 vs %2").arg(polyError).arg(linearError)));
    }

    void knnReproducesTrainingPoints()
    {
        core::Matrix x(4, 1);
        x << 1, 2, 3, 4;
        core::Vector y(4);
        y << 10, 20, 30, 40;
        auto knn = core::createModel(QStringLiteral("knn"));
        QString error;
        QVERIFY(knn->fit(x, y, &error));
        QVERIFY(std::fabs(knn->predict(x)[2] - 30) < 1e-3);
    }

    void saveLoadIsBitIdentical()
    {
        const auto samples = test::syntheticSamples(60, 5);
        const auto encoding = core::FeatureEncoding::of(samples);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        const core::Matrix x = encoding.encode(samples, rows);
        core::Vector y(x.rows());
        for (int i = 0; i < y.size(); ++i)
            y[i] = std::log(samples[i].latencyMedianMs);
        for (const QString &kind : core::modelKinds()) {
            auto model = core::createModel(kind);
            QString error;
            QVERIFY(model->fit(x, y, &error));
            const QByteArray text = QJsonDocument(model->toJson()).toJson();
            auto loaded = core::createModel(kind);
            QVERIFY2(loaded->fromJson(QJsonDocument::fromJson(text).object(), &error),
                     qPrintable(error));
            const core::Vector a = model->predict(x), b = loaded->predict(x);
            QVERIFY2(std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0,
                     qPrintable(kind));
        }
    }

    // Tree models predict by walking the trees of XGBoost's JSON in
    // LayerLens; XGBoost's own predictor must give the same numbers, on the
    // training rows (values at the split points) and on rows far outside.
    void treeWalkAgreesWithXGBoost()
    {
        const auto samples = test::syntheticSamples(200, 11);
        const auto encoding = core::FeatureEncoding::of(samples);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        // Features on a grid of whole numbers, so that the exact method's
        // splits lie halfway between them and the probes can hit them.
        const core::Matrix x = (encoding.encode(samples, rows) * 4).array().round().matrix();
        core::Vector y(x.rows());
        for (int i = 0; i < y.size(); ++i)
            y[i] = std::log(samples[i].latencyMedianMs);
        core::Matrix probe(2 * x.rows() + 3, x.cols());
        probe.topRows(x.rows()) = x;
        probe.middleRows(x.rows(), x.rows()) = x.array() + 0.5;
        probe.row(2 * x.rows()).setConstant(-50);
        probe.row(2 * x.rows() + 1).setConstant(1e6);
        probe.row(2 * x.rows() + 2).setConstant(NAN);
        for (const QString &kind : {QStringLiteral("gbt"), QStringLiteral("random_forest")}) {
            core::XGBoostModel model(kind == QLatin1String("random_forest"));
            QString error;
            QVERIFY2(model.fit(x, y, &error), qPrintable(error));
            QCOMPARE(model.treeCount(), kind == QLatin1String("gbt") ? 300 : 100);
            const core::Vector walked = model.predict(probe);
            const core::Vector library = model.predictWithXGBoost(probe, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (Eigen::Index r = 0; r < probe.rows(); ++r) {
                QVERIFY2(std::abs(walked[r] - library[r]) <= 1e-5 * (1 + std::abs(library[r])),
                         qPrintable(QStringLiteral("%1 row %2: %3 vs XGBoost %4")
                                        .arg(kind)
                                        .arg(r)
                                        .arg(walked[r], 0, 'g', 9)
                                        .arg(library[r], 0, 'g', 9)));
            }
            // A prediction that is not the base score: the trees were walked.
            QVERIFY(std::abs(walked[0] - y[0]) < 0.5);
        }
        core::XGBoostModel broken(false);
        QString error;
        QVERIFY(!broken.fromJson(
            QJsonObject{{QStringLiteral("format"), QStringLiteral("xgboost-json")},
                        {QStringLiteral("model"), QStringLiteral("{\"learner\": 1}")}},
            &error));
        QVERIFY2(error.contains(QLatin1String("gbtree")), qPrintable(error));
    }

    void splitKeepsConfigurationsTogether()
    {
        auto samples = test::syntheticSamples(50, 6);
        for (int i = 0; i < 50; ++i) // every configuration measured twice
            samples.push_back(samples[i]);
        std::vector<int> train, test;
        core::splitByConfiguration(samples, 0.2, 1, &train, &test);
        QCOMPARE(train.size() + test.size(), samples.size());
        QSet<QString> trainKeys;
        for (int i : train)
            trainKeys.insert(QString::fromUtf8(QJsonDocument(samples[i].params).toJson()));
        for (int i : test)
            QVERIFY(
                !trainKeys.contains(QString::fromUtf8(QJsonDocument(samples[i].params).toJson())));
        QVERIFY(test.size() >= 10);
    }

    void selectionPrefersCheapWithinTolerance()
    {
        core::Candidate accurate{QStringLiteral("big"), {}};
        accurate.metrics.mape = 5.0;
        accurate.metrics.predictMicros = 10;
        accurate.metrics.sizeBytes = 100000;
        core::Candidate cheap{QStringLiteral("small"), {}};
        cheap.metrics.mape = 5.4;
        cheap.metrics.predictMicros = 0.1;
        cheap.metrics.sizeBytes = 500;
        core::Candidate poor{QStringLiteral("tiny"), {}};
        poor.metrics.mape = 9.0;
        poor.metrics.predictMicros = 0.01;
        poor.metrics.sizeBytes = 10;
        QCOMPARE(core::selectCandidate({accurate, cheap, poor}, 0.5), 1);
        QCOMPARE(core::selectCandidate({accurate, cheap, poor}, 0.1), 0);
        QCOMPARE(core::selectCandidate({}, 0.5), -1);
    }

    void trainsAccurateModelOfPowerLaw()
    {
        core::ModuleTraining training;
        QString error;
        QVERIFY2(core::trainModule(QStringLiteral("toy"), test::syntheticSamples(200, 7), {},
                                   &training, &error),
                 qPrintable(error));
        QCOMPARE(training.targets.size(), size_t(2)); // latency and memory
        const auto &latency = training.targets[0];
        QCOMPARE(latency.target, core::Target::Latency);
        QVERIFY(latency.selected >= 0);
        QVERIFY2(latency.candidates[latency.selected].metrics.mape < 1.0,
                 qPrintable(QString::number(latency.candidates[latency.selected].metrics.mape)));
        QVERIFY(!core::trainModule(QStringLiteral("toy"), test::syntheticSamples(5, 1), {},
                                   &training, &error));
        QVERIFY(error.contains(QStringLiteral("at least")));
    }

    void mednLearnsMaskedTargetsJointly()
    {
        // Two targets; the second (memory) measured on only every other sample.
        const auto samples = test::syntheticSamples(300, 10);
        const auto encoding = core::FeatureEncoding::of(samples);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        const core::Matrix x = encoding.encode(samples, rows);
        core::Matrix y(x.rows(), 2), mask = core::Matrix::Ones(x.rows(), 2);
        for (int i = 0; i < y.rows(); ++i) {
            y(i, 0) = std::log(samples[i].latencyMedianMs);
            y(i, 1) = i % 2 ? std::log(double(samples[i].peakMemoryBytes)) : 0.0;
            mask(i, 1) = i % 2;
        }
        QString error;
        const auto network = core::MednNetwork::fit(
            x, y, mask, {QStringLiteral("latency_ms"), QStringLiteral("memory_bytes")}, 1, &error);
        QVERIFY2(network, qPrintable(error));
        QCOMPARE(network->network.heads.size(), size_t(2));
        for (int head = 0; head < 2; ++head) {
            const core::MednModel model(network, head);
            const core::Vector p = model.predict(x);
            double ape = 0;
            for (int i = 0; i < y.rows(); ++i) {
                const double truth =
                    head == 0 ? samples[i].latencyMedianMs : double(samples[i].peakMemoryBytes);
                ape += std::fabs(std::exp(p[i]) - truth) / truth;
            }
            // Also the rows whose memory was masked are predicted well.
            QVERIFY2(100 * ape / y.rows() < 5, qPrintable(QString::number(100 * ape / y.rows())));
        }
        // Same seed, same data: the same network, to the bit.
        const auto again = core::MednNetwork::fit(
            x, y, mask, {QStringLiteral("latency_ms"), QStringLiteral("memory_bytes")}, 1, &error);
        QVERIFY(again);
        const core::Vector a = core::MednModel(network, 0).predict(x);
        const core::Vector b = core::MednModel(again, 0).predict(x);
        QVERIFY(std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
    }

    void trainModuleOffersMednPerTargetAndReportsGains()
    {
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge"), QStringLiteral("medn")};
        core::ModuleTraining training;
        QString error;
        QVERIFY2(core::trainModule(QStringLiteral("toy"), test::syntheticSamples(150, 11), options,
                                   &training, &error),
                 qPrintable(error));
        QCOMPARE(training.targets.size(), size_t(2));
        for (const auto &t : training.targets) {
            QCOMPARE(t.candidates.size(), size_t(2));
            QCOMPARE(t.candidates[1].kind, QStringLiteral("medn"));
            QVERIFY(t.model);
        }
        core::DeviceProfile profile;
        profile.modules.push_back(std::move(training));
        const auto gains = core::selectionGains(profile);
        QCOMPARE(gains.size(), size_t(2));
        QCOMPARE(gains[0].modules, 1);
        QVERIFY(std::isfinite(gains[0].mednMape));
        QVERIFY(gains[0].bestKindMape <= gains[0].mednMape);
        QVERIFY(core::profileToTable(profile).contains(QStringLiteral("MEDN alone")));
    }

    void incrementalRetrainingReusesUnchangedModules()
    {
        QTemporaryDir dir;
        core::DatasetStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("d.sqlite"))));
        auto toy = test::syntheticSamples(60, 12);
        auto other = test::syntheticSamples(60, 13);
        for (auto &s : other) {
            s.module = QStringLiteral("other");
            s.runUuid = QStringLiteral("o");
            s.id = QStringLiteral("o-%1").arg(s.seq);
        }
        QCOMPARE(store.importSamples(toy), 60);
        QCOMPARE(store.importSamples(other), 60);
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge"), QStringLiteral("knn")};
        QStringList skipped, reused;
        QString error;
        auto first = core::trainProfile(store, {}, {}, options, &skipped, &error);
        QVERIFY2(first, qPrintable(error));
        const QString profileDir = dir.filePath(QStringLiteral("profile"));
        QVERIFY(first->save(profileDir, &error));
        const QString otherHash = first->module(QStringLiteral("other"))->sampleHash;

        // New samples of one module: only that one is retrained.
        auto more = test::syntheticSamples(20, 14);
        for (auto &s : more) {
            s.module = QStringLiteral("other");
            s.runUuid = QStringLiteral("o2");
            s.id = QStringLiteral("o2-%1").arg(s.seq);
        }
        QCOMPARE(store.importSamples(more), 20);
        auto base = core::DeviceProfile::load(profileDir, &error);
        QVERIFY2(base, qPrintable(error));
        auto second =
            core::trainProfile(store, {}, {}, options, &skipped, &error, {}, base.get(), &reused);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(reused, QStringList{QStringLiteral("toy")});
        QCOMPARE(second->module(QStringLiteral("other"))->samples, 80);
        QVERIFY(second->module(QStringLiteral("other"))->sampleHash != otherHash);
        QVERIFY(second->save(profileDir, &error));
        QVERIFY(core::DeviceProfile::load(profileDir, &error));
    }

    void calibrationCorrectsAnotherDevice()
    {
        // The base device: latency as syntheticSamples makes it.
        QTemporaryDir dir;
        QString error;
        const auto baseProfile = test::syntheticBaseProfile(dir.path(), &error);
        QVERIFY2(baseProfile, qPrintable(error));
        const core::DeviceProfile &base = *baseProfile;

        // This device is 1.6x slower and a little less than linear in size.
        auto local = test::syntheticSamples(60, 21);
        for (auto &s : local) {
            s.deviceFingerprint = QStringLiteral("other");
            s.latencyMedianMs = 1.6 * std::pow(s.latencyMedianMs, 0.97);
        }
        // Maps of 1x1, which the base never saw, take four times what its
        // extrapolation says: left out, they do not bend the correction.
        auto small = test::syntheticSamples(10, 22);
        for (auto &s : small) {
            s.deviceFingerprint = QStringLiteral("other");
            s.id += QStringLiteral("-small");
            const int c = s.params.value(QStringLiteral("channels")).toInt();
            s.params.insert(QStringLiteral("size"), 1);
            s.features.insert(QStringLiteral("elements"), double(c));
            s.latencyMedianMs = 4 * 1.6 * std::pow(1e-5 * c, 0.97);
            local.push_back(s);
        }
        core::CalibrationReport report;
        auto calibrated = core::calibrateProfile(base, dir.path(), local, 0.3, 1, &report, &error);
        QVERIFY2(calibrated, qPrintable(error));
        QCOMPARE(calibrated->device, QStringLiteral("other"));
        QVERIFY(report.latencyHeldOut > 0);
        QVERIFY2(report.latencyMapeBefore > 30,
                 qPrintable(QString::number(report.latencyMapeBefore)));
        QVERIFY2(report.latencyMapeAfter < 3, qPrintable(QString::number(report.latencyMapeAfter)));
        QVERIFY(core::calibrationToTable(report).contains(QStringLiteral("held-out")));
        // The ten, and any of the others beyond the base's channels or sizes.
        int outside = 0;
        for (const auto &s : local)
            outside += base.modules.front().encoding.outsideRange(
                           base.modules.front().encoding.encode(s)) >= 0;
        QVERIFY(outside >= 10 && outside < 15);
        QCOMPARE(report.modules.front().outsideSamples, outside);
        QVERIFY(core::calibrationToTable(report).contains(
            QStringLiteral("not used: toy %1").arg(outside)));

        // It saves, loads and predicts as it did.
        QTemporaryDir out;
        QVERIFY2(calibrated->save(out.path(), &error), qPrintable(error));
        const auto loaded = core::DeviceProfile::load(out.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        const auto &m = *loaded->module(QStringLiteral("toy"));
        QCOMPARE(m.targets[0].model->kind(), QStringLiteral("calibrated"));
        QCOMPARE(m.targets[0].candidates[m.targets[0].selected].kind, QStringLiteral("calibrated"));
        std::vector<int> rows(local.size());
        std::iota(rows.begin(), rows.end(), 0);
        const core::Vector a = calibrated->module(QStringLiteral("toy"))
                                   ->targets[0]
                                   .model->predict(m.encoding.encode(local, rows));
        const core::Vector b = m.targets[0].model->predict(m.encoding.encode(local, rows));
        QVERIFY(std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
    }

    void networkCorrectionsScaleModulesSeenInNetworks()
    {
        core::DeviceProfile profile;
        core::ModuleTraining training;
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge")};
        QString error;
        QVERIFY(core::trainModule(QStringLiteral("toy"), test::syntheticSamples(100, 30), options,
                                  &training, &error));
        profile.modules.push_back(std::move(training));
        const auto samples = test::syntheticSamples(5, 31);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        const auto &m = profile.modules[0];
        const core::Vector before = m.targets[0].model->predict(m.encoding.encode(samples, rows));
        // Inside networks the module takes half of what it takes alone, in 12 blocks.
        std::vector<core::BlockObservation> blocks;
        for (int i = 0; i < 12; ++i)
            blocks.push_back(observed(QStringLiteral("toy"), 2.0 + i, (2.0 + i) / 2));
        blocks.push_back(observed(QStringLiteral("unknown"), 1, 1));
        const double factor = std::pow(0.5, 12.0 / 13); // shrunk by 12/13
        const auto corrections = core::applyNetworkCorrections(&profile, blocks);
        QCOMPARE(corrections.size(), size_t(1));
        QCOMPARE(corrections[0].blocks, 12);
        QVERIFY(qAbs(corrections[0].factor - factor) < 1e-9);
        QVERIFY(corrections[0].mapeAfter < corrections[0].mapeBefore);
        QVERIFY(qAbs(profile.inNetworkFactor(QStringLiteral("toy")) - factor) < 1e-12);
        QCOMPARE(m.targets[0].model->kind(), QStringLiteral("calibrated"));
        const core::Vector after = m.targets[0].model->predict(m.encoding.encode(samples, rows));
        for (int i = 0; i < after.size(); ++i)
            QVERIFY(qAbs((after[i] - before[i]) - std::log(factor)) < 1e-9);
        // Four blocks are too few to move the model again.
        blocks.resize(4);
        const auto few = core::applyNetworkCorrections(&profile, blocks);
        QCOMPARE(few.size(), size_t(1));
        QCOMPARE(few[0].factor, 1.0);
        const core::Vector again = m.targets[0].model->predict(m.encoding.encode(samples, rows));
        QVERIFY((again - after).cwiseAbs().maxCoeff() < 1e-12);
        // The memory model is left alone.
        QCOMPARE(m.targets[1].model->kind(), QStringLiteral("ridge"));

        // Blocks over three decades of predicted time whose small ones take
        // relatively less in the network (measured = 1.2 p^1.1): a slope,
        // not one factor, composed with the correction already there.
        std::vector<core::BlockObservation> spread;
        for (int i = 0; i < 20; ++i) {
            const double p = 0.01 * std::pow(10.0, 3.0 * i / 19);
            spread.push_back(
                observed(QStringLiteral("toy"), p, 1.2 * std::pow(p, 1.1) * (i % 2 ? 1.01 : 0.99)));
        }
        const auto line = core::applyNetworkCorrections(&profile, spread);
        QCOMPARE(line.size(), size_t(1));
        QVERIFY2(qAbs(line[0].slope - 1.1) < 0.01, qPrintable(QString::number(line[0].slope)));
        QVERIFY2(line[0].mapeAfter < 2, qPrintable(QString::number(line[0].mapeAfter)));
        const core::Vector sloped = m.targets[0].model->predict(m.encoding.encode(samples, rows));
        for (int i = 0; i < sloped.size(); ++i) {
            const double expected = std::log(1.2) + 1.1 * after[i];
            QVERIFY2(qAbs(sloped[i] - expected) < 0.02, qPrintable(QString::number(sloped[i])));
        }
        // Two runs, each flat within itself (small blocks at 1.0x, large at
        // 1.4x, as two networks measured at different moments): the pooled
        // blocks lean, no run does; one factor only. Runs that each show
        // the slope keep it.
        std::vector<core::BlockObservation> runs;
        for (int i = 0; i < 24; ++i) {
            const bool large = i >= 12;
            const double p = (large ? 1.0 : 0.01) * std::pow(10.0, 1.0 * (i % 12) / 11);
            core::BlockObservation b = observed(QStringLiteral("toy"), p, p * (large ? 1.4 : 1.0));
            b.measuredMs *= i % 2 ? 1.01 : 0.99;
            b.network = large ? QStringLiteral("large") : QStringLiteral("small");
            runs.push_back(b);
        }
        QCOMPARE(core::applyNetworkCorrections(&profile, runs)[0].slope, 1.0);
        for (core::BlockObservation &b : runs)
            b.measuredMs = 1.2 * std::pow(b.predictedMs, 1.1) *
                           (b.measuredMs > 1.2 * b.predictedMs ? 1.01 : 0.99);
        const auto both = core::applyNetworkCorrections(&profile, runs);
        QVERIFY2(qAbs(both[0].slope - 1.1) < 0.02, qPrintable(QString::number(both[0].slope)));

        // A decade short: one factor only.
        spread.resize(12);
        for (core::BlockObservation &b : spread) {
            b.predictedMs = 1 + 0.1 * b.predictedMs;
            b.measuredMs = b.predictedMs / 2;
        }
        QCOMPARE(core::applyNetworkCorrections(&profile, spread)[0].slope, 1.0);

        // Most blocks take twice the prediction, every fourth 4 times: the
        // factor makes the blocks sum right (shrunk by n/(n+1)), above the
        // median ratio, which would leave their sum a fifth short.
        std::vector<core::BlockObservation> skewed;
        double predictedSum = 0, measuredSum = 0;
        for (int i = 0; i < 16; ++i) {
            const double p = 2 + 0.25 * i, ratio = i % 4 == 0 ? 4.0 : 2.0; // within a decade
            skewed.push_back(observed(QStringLiteral("toy"), p, p * ratio));
            predictedSum += p;
            measuredSum += p * ratio;
        }
        const auto level = core::applyNetworkCorrections(&profile, skewed);
        QCOMPARE(level.size(), size_t(1));
        const double expected = std::pow(measuredSum / predictedSum, 16.0 / 17);
        QVERIFY2(qAbs(level[0].factor - expected) < 1e-9,
                 qPrintable(QString::number(level[0].factor)));
        QVERIFY(level[0].factor > 2.3);
        // The 4x blocks from a network run ten times as long: each run
        // counts alike (weight one over its time), not by its length.
        double weightedPredicted = 0, weightedMeasured = 0;
        for (size_t i = 0; i < skewed.size(); ++i) {
            skewed[i].networkWeight = i % 4 == 0 ? 0.01 : 0.1;
            weightedPredicted += skewed[i].networkWeight * skewed[i].predictedMs;
            weightedMeasured += skewed[i].networkWeight * skewed[i].measuredMs;
        }
        const auto weighted = core::applyNetworkCorrections(&profile, skewed);
        const double expectedWeighted = std::pow(weightedMeasured / weightedPredicted, 16.0 / 17);
        QVERIFY2(qAbs(weighted[0].factor - expectedWeighted) < 1e-9,
                 qPrintable(QString::number(weighted[0].factor)));
        QVERIFY(weighted[0].factor < 2.2 && weighted[0].factor > 1.9);
    }

    // A ridge latency/memory model of `name` on synthetic samples, and its
    // spec entry.
    static bool addModule(core::DeviceProfile *profile, core::ProfilingSpec *spec,
                          const QString &name, const QString &op, bool depthwise,
                          const QStringList &then = {})
    {
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge")};
        core::ModuleTraining training;
        QString error;
        if (!core::trainModule(name, test::syntheticSamples(100, 40), options, &training, &error))
            return false;
        profile->modules.push_back(std::move(training));
        core::ModuleSpec module;
        module.name = name;
        module.op = op;
        module.depthwise = depthwise;
        module.then = then;
        spec->modules.push_back(module);
        return true;
    }

    // A probe's blocks count for the modules the networks showed none of,
    // and are marked as a probe's; for the others the networks' blocks
    // alone stand. Ten probe concatenations 1.4x their alone time then set
    // the concatenation's correction.
    void probeBlocksOnlyForModulesNoNetworkShowed()
    {
        std::vector<core::BlockObservation> blocks;
        for (int i = 0; i < 12; ++i)
            blocks.push_back(observed(QStringLiteral("conv"), 1.0 + i, 1.0 + i));
        std::vector<core::BlockObservation> probes;
        for (int i = 0; i < 10; ++i) {
            probes.push_back(observed(QStringLiteral("conv"), 1.0 + i, 0.5 * (1.0 + i)));
            probes.push_back(observed(QStringLiteral("concat"), 0.01 * (1 + i), 0.014 * (1 + i)));
        }
        core::addProbeBlocks(&blocks, probes);
        QCOMPARE(blocks.size(), size_t(22));
        int concat = 0;
        for (size_t i = 0; i < blocks.size(); ++i) {
            const bool probe = blocks[i].module == QLatin1String("concat");
            QCOMPARE(blocks[i].probe, probe);
            QCOMPARE(i >= 12, probe);
            concat += probe ? 1 : 0;
        }
        QCOMPARE(concat, 10);
        // Added again, the probes' own blocks do not keep out their module.
        core::addProbeBlocks(&blocks, probes);
        QCOMPARE(blocks.size(), size_t(32));

        core::DeviceProfile profile;
        QString error;
        for (const QString &name : {QStringLiteral("conv"), QStringLiteral("concat")}) {
            core::ModuleTraining training;
            core::TrainOptions options;
            options.kinds = {QStringLiteral("ridge")};
            QVERIFY(
                core::trainModule(name, test::syntheticSamples(60, 7), options, &training, &error));
            profile.modules.push_back(std::move(training));
        }
        blocks.resize(22);
        const auto corrections = core::applyNetworkCorrections(&profile, blocks);
        QCOMPARE(corrections.size(), size_t(2));
        for (const core::NetworkCorrection &c : corrections) {
            const bool concatenation = c.module == QLatin1String("concat");
            QCOMPARE(c.blocks, concatenation ? 10 : 12);
            if (concatenation)
                QVERIFY2(c.factor > 1.3 && c.factor < 1.4, qPrintable(QString::number(c.factor)));
            else
                QCOMPARE(c.factor, 1.0);
        }
    }

    // A module no network had a block of takes the factor of its sibling
    // (same operator, depthwise alike, another activation) that was
    // corrected; a module of another kind keeps its model.
    void networkCorrectionsBorrowedBySiblings()
    {
        core::DeviceProfile profile;
        core::ProfilingSpec spec;
        const QStringList names = {QStringLiteral("dw"), QStringLiteral("dw_clip"),
                                   QStringLiteral("conv_clip")};
        for (const QString &name : names) {
            QVERIFY(addModule(
                &profile, &spec, name, QStringLiteral("Conv"), name.startsWith(QLatin1String("dw")),
                name.endsWith(QLatin1String("_clip")) ? QStringList{QStringLiteral("Clip")}
                                                      : QStringList{}));
        }
        const auto samples = test::syntheticSamples(5, 41);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        auto predict = [&](int m) {
            const auto &module = profile.modules[m];
            return core::Vector(
                module.targets[0].model->predict(module.encoding.encode(samples, rows)));
        };
        const core::Vector clipBefore = predict(1), convBefore = predict(2);
        std::vector<core::BlockObservation> blocks;
        for (int i = 0; i < 12; ++i)
            blocks.push_back(observed(QStringLiteral("dw"), 2.0 + i, (2.0 + i) * 1.5));
        auto corrections = core::applyNetworkCorrections(&profile, blocks);
        QCOMPARE(corrections.size(), size_t(1));
        core::borrowNetworkCorrections(&profile, spec, blocks, {}, &corrections);
        QCOMPARE(corrections.size(), size_t(2));
        const core::NetworkCorrection &borrowed = corrections[1];
        QCOMPARE(borrowed.module, QStringLiteral("dw_clip"));
        QCOMPARE(borrowed.borrowedFrom, QStringLiteral("dw"));
        QCOMPARE(borrowed.blocks, 0);
        QCOMPARE(borrowed.factor, corrections[0].factor);
        QVERIFY(borrowed.factor > 1.4);
        const core::Vector clipAfter = predict(1), convAfter = predict(2);
        for (int i = 0; i < clipAfter.size(); ++i)
            QVERIFY(qAbs((clipAfter[i] - clipBefore[i]) - std::log(borrowed.factor)) < 1e-9);
        QVERIFY((convAfter - convBefore).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY(qAbs(profile.inNetworkFactor(QStringLiteral("dw_clip")) - borrowed.factor) < 1e-12);
        // Borrowing again finds nothing new: dw_clip has its correction.
        core::borrowNetworkCorrections(&profile, spec, blocks, {}, &corrections);
        QCOMPARE(corrections.size(), size_t(2));
    }

    // A module no network ran and whose own samples set no correction
    // measured alone takes its sibling's with the in-network factor (that
    // factor is relative to it); one whose samples set its own does not.
    void siblingLendsItsCorrectionMeasuredAlone()
    {
        for (const bool ownCorrection : {false, true}) {
            core::DeviceProfile profile;
            core::ProfilingSpec spec;
            for (const QString &name : {QStringLiteral("dw"), QStringLiteral("dw_clip")}) {
                QVERIFY(addModule(&profile, &spec, name, QStringLiteral("Conv"), true,
                                  name == QLatin1String("dw_clip")
                                      ? QStringList{QStringLiteral("Clip")}
                                      : QStringList{}));
            }
            const auto samples = test::syntheticSamples(5, 43);
            std::vector<int> rows(samples.size());
            std::iota(rows.begin(), rows.end(), 0);
            const auto &clip = profile.modules[1];
            auto predictClip = [&] {
                return core::Vector(
                    clip.targets[0].model->predict(clip.encoding.encode(samples, rows)));
            };
            const core::Vector before = predictClip();
            std::vector<core::BlockObservation> blocks;
            for (int i = 0; i < 12; ++i)
                blocks.push_back(observed(QStringLiteral("dw"), 2.0 + i, (2.0 + i) * 1.3));
            auto corrections = core::applyNetworkCorrections(&profile, blocks);
            std::map<QString, core::AloneCorrection> alone;
            alone[QStringLiteral("dw")] = {{std::log(1.7), 1.0}, std::nullopt};
            if (ownCorrection)
                alone[QStringLiteral("dw_clip")] = {{std::log(1.2), 1.0}, std::nullopt};
            core::borrowNetworkCorrections(&profile, spec, blocks, alone, &corrections);
            QCOMPARE(corrections.size(), size_t(2));
            const core::NetworkCorrection &borrowed = corrections[1];
            QCOMPARE(borrowed.borrowedFrom, QStringLiteral("dw"));
            const double lent = ownCorrection ? 1.0 : 1.7;
            QCOMPARE(borrowed.borrowedAloneFactor, ownCorrection ? 0.0 : 1.7);
            const core::Vector after = predictClip();
            for (int i = 0; i < after.size(); ++i)
                QVERIFY(qAbs(after[i] - before[i] - std::log(lent * borrowed.factor)) < 1e-9);
            // The in-network factor is the lent factor alone.
            QVERIFY(qAbs(profile.inNetworkFactor(QStringLiteral("dw_clip")) - borrowed.factor) <
                    1e-12);
        }
    }

    void memoryBoundModulesBorrowPooledFactor()
    {
        // dw and add corrected from their blocks; concat seen in none, pool
        // and avg in too few (avg's own blocks nearer without the pooled
        // factor), conv (compute-bound) in none.
        core::DeviceProfile profile;
        core::ProfilingSpec spec;
        const std::vector<std::pair<QString, QString>> modules = {
            {QStringLiteral("dw"), QStringLiteral("Conv")},
            {QStringLiteral("add"), QStringLiteral("Add")},
            {QStringLiteral("concat"), QStringLiteral("Concat")},
            {QStringLiteral("pool"), QStringLiteral("MaxPool")},
            {QStringLiteral("avg"), QStringLiteral("AveragePool")},
            {QStringLiteral("conv"), QStringLiteral("Conv")}};
        for (const auto &[name, op] : modules)
            QVERIFY(addModule(&profile, &spec, name, op, name == QLatin1String("dw")));
        std::vector<core::BlockObservation> blocks;
        for (int i = 0; i < 12; ++i)
            blocks.push_back(observed(QStringLiteral("dw"), 2.0 + i, (2.0 + i) * 1.3));
        for (int i = 0; i < 16; ++i)
            blocks.push_back(observed(QStringLiteral("add"), 1.0 + i, (1.0 + i) * 2.0));
        for (int i = 0; i < 3; ++i) {
            blocks.push_back(observed(QStringLiteral("pool"), 1.0 + i, (1.0 + i) * 4.0));
            blocks.push_back(observed(QStringLiteral("avg"), 1.0 + i, (1.0 + i) * 0.9));
        }
        auto corrections = core::applyNetworkCorrections(&profile, blocks);
        QCOMPARE(corrections.size(), size_t(4));
        const auto find = [&](const QString &module) {
            return std::find_if(
                corrections.begin(), corrections.end(),
                [&](const core::NetworkCorrection &c) { return c.module == module; });
        };
        QCOMPARE(find(QStringLiteral("pool"))->factor, 1.0); // too few blocks of its own
        const double addFactor = find(QStringLiteral("add"))->factor;
        QVERIFY(addFactor > 1.8);
        core::borrowNetworkCorrections(&profile, spec, blocks, {}, &corrections);
        QCOMPARE(corrections.size(), size_t(5)); // concat added, pool replaced, avg and conv left
        for (const QString &module : {QStringLiteral("concat"), QStringLiteral("pool")}) {
            const auto c = find(module);
            QVERIFY(c != corrections.end());
            QCOMPARE(c->borrowedFrom, QStringLiteral("memory-bound modules"));
            QCOMPARE(c->factor, addFactor); // the blocks' majority is add's
            QVERIFY(qAbs(profile.inNetworkFactor(module) - addFactor) < 1e-12);
        }
        QCOMPARE(find(QStringLiteral("pool"))->blocks, 3);
        QVERIFY(find(QStringLiteral("pool"))->mapeAfter < find(QStringLiteral("pool"))->mapeBefore);
        QCOMPARE(find(QStringLiteral("avg"))->factor, 1.0);
        QVERIFY(find(QStringLiteral("avg"))->borrowedFrom.isEmpty());
        QCOMPARE(profile.inNetworkFactor(QStringLiteral("avg")), 1.0);
        QVERIFY(find(QStringLiteral("conv")) == corrections.end());
        QCOMPARE(profile.inNetworkFactor(QStringLiteral("conv")), 1.0);
    }

    void bundleRoundTripAndFutureSchema()
    {
        core::DeviceProfile profile;
        profile.device = QStringLiteral("dev");
        core::ModuleTraining training;
        QString error;
        QVERIFY(core::trainModule(QStringLiteral("toy"), test::syntheticSamples(100, 8), {},
                                  &training, &error));
        profile.modules.push_back(std::move(training));
        profile.speedReference = {1, 2.75, 0.048, 990};
        QTemporaryDir dir;
        QVERIFY2(profile.save(dir.path(), &error), qPrintable(error));
        const auto loaded = core::DeviceProfile::load(dir.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->speedReference.version, 1);
        QCOMPARE(loaded->speedReference.medianMs, 2.75);
        QCOMPARE(loaded->speedReference.cv, 0.048);
        QCOMPARE(loaded->speedReference.runs, 990);
        const auto samples = test::syntheticSamples(20, 9);
        std::vector<int> rows(samples.size());
        std::iota(rows.begin(), rows.end(), 0);
        const auto &a = profile.modules[0];
        const auto &b = *loaded->module(QStringLiteral("toy"));
        const core::Matrix x = a.encoding.encode(samples, rows);
        const core::Vector pa = a.targets[0].model->predict(x);
        const core::Vector pb = b.targets[0].model->predict(b.encoding.encode(samples, rows));
        QVERIFY(std::memcmp(pa.data(), pb.data(), sizeof(double) * pa.size()) == 0);
        QCOMPARE(b.targets[0].candidates.size(), a.targets[0].candidates.size());

        // A manifest from a future schema is refused, naming the file and versions.
        QFile manifest(QDir(dir.path()).filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
        manifest.close();
        // A speed reference that is no time is refused too.
        QJsonObject network = json.value(QStringLiteral("network")).toObject();
        QJsonObject speed = network.value(QStringLiteral("speed_reference")).toObject();
        speed.insert(QStringLiteral("median_ms"), 0);
        network.insert(QStringLiteral("speed_reference"), speed);
        QJsonObject damaged = json;
        damaged.insert(QStringLiteral("network"), network);
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(QJsonDocument(damaged).toJson());
        manifest.close();
        QVERIFY(!core::DeviceProfile::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("speed reference")),
                 qPrintable(error));
        json.insert(QStringLiteral("schema_version"), core::kProfileSchemaVersion + 1);
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(QJsonDocument(json).toJson());
        manifest.close();
        QVERIFY(!core::DeviceProfile::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("newer")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
