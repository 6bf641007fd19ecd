// How much longer networks take on more threads under a background load
// than their prediction without load (predict/load_factors.h): the fit, its
// place in the profile, and in predictions.
#include "graph/analyzed_network.h"
#include "predict/in_network_spread.h"
#include "predict/load_factors.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/prediction_support.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace layerlens;

namespace {

// A network of `blocks` blocks around `typicalMs`, measured under load at
// exp(a + s ln t) times each block's time t and exp(a) times the rest, with
// `noise` (sd of the log) on the whole; the module models said `modelRatio`
// times its no-load time.
core::LoadedRun loadedRun(const QString &network, int blocks, double typicalMs, double a, double s,
                          double noise, double modelRatio, std::mt19937 *rng)
{
    std::lognormal_distribution<double> size(std::log(typicalMs), 1.0);
    std::normal_distribution<double> error(0, noise);
    core::LoadedRun run;
    run.network = network;
    run.restMs = 0.01 * blocks;
    double measured = run.restMs * std::exp(a), unloaded = run.restMs;
    for (int i = 0; i < blocks; ++i) {
        const double ms = size(*rng);
        run.blockMs.push_back(ms);
        measured += ms * std::exp(a + s * std::log(ms));
        unloaded += ms;
    }
    run.measuredMs = measured * std::exp(error(*rng));
    run.modelMs = unloaded * modelRatio;
    return run;
}

} // namespace

class TestLoadFactors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Networks whose small blocks suffer more under load (a = ln 3 at 1 ms,
    // slope -0.1), with 3 % noise: the slope and the factor come back, the
    // held-out error is close to the noise and far below the module models'
    // (which said 2.4x throughout), and the spread covers the noise.
    void fitRecoversFactorAndSlope()
    {
        std::mt19937 rng(7);
        std::vector<core::LoadedRun> runs;
        const double a = std::log(3.0), s = -0.1;
        int n = 0;
        for (double typical : {0.02, 0.05, 0.1, 0.3, 1.0, 3.0}) {
            const QString network = QStringLiteral("net%1.onnx").arg(n++);
            runs.push_back(loadedRun(network, 60, typical, a, s, 0.03, 2.4, &rng));
            runs.push_back(loadedRun(network, 60, typical * 8, a, s, 0.03, 2.4, &rng));
        }
        const core::LoadFactorFit fit = core::fitLoadFactor(runs, 2, 50);
        QVERIFY(fit.fitted);
        QVERIFY(fit.sloped);
        QCOMPARE(fit.factor.threads, 2);
        QCOMPARE(fit.factor.utilization, 50);
        QCOMPARE(fit.factor.runs, 12);
        QCOMPARE(fit.factor.networks, 6);
        QVERIFY2(std::fabs(fit.factor.slope - s) <= 0.03,
                 qPrintable(QString::number(fit.factor.slope)));
        QVERIFY2(std::fabs(fit.factor.logFactor - a) <= 0.05,
                 qPrintable(QString::number(std::exp(fit.factor.logFactor))));
        QVERIFY2(fit.heldOutMape < 6 && fit.heldOutMape < fit.modelMape / 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(fit.heldOutMape).arg(fit.modelMape)));
        QVERIFY(fit.factor.spread > 0.02 && fit.factor.spread < 0.12);
        QVERIFY(fit.factor.lowMs < 0.01 && fit.factor.highMs > 10);

        // Alike for every block: the slope comes out 0.
        rng.seed(11);
        runs.clear();
        n = 0;
        for (double typical : {0.02, 0.1, 1.0, 3.0}) {
            const QString network = QStringLiteral("net%1.onnx").arg(n++);
            runs.push_back(loadedRun(network, 40, typical, a, 0, 0.0, 2.4, &rng));
            runs.push_back(loadedRun(network, 40, typical * 8, a, 0, 0.0, 2.4, &rng));
        }
        const core::LoadFactorFit flat = core::fitLoadFactor(runs, 2, 50);
        QVERIFY(flat.fitted);
        QCOMPARE(flat.factor.slope, 0.0);
        QVERIFY(std::fabs(flat.factor.logFactor - a) < 1e-9);

        // Blocks on one BLAS thread at x1.5 whatever their time, the others
        // as before: where some run spends two fifths of its time there, that
        // factor comes back on its own.
        rng.seed(13);
        runs.clear();
        n = 0;
        for (double share : {0.0, 0.05, 0.3, 0.6, 0.8}) {
            const QString network = QStringLiteral("blas%1.onnx").arg(n++);
            for (double typical : {0.05, 0.4}) {
                core::LoadedRun run = loadedRun(network, 40, typical, a, s, 0.0, 2.4, &rng);
                const double others = run.measuredMs;
                const double blasMs = others / std::exp(a) * share / (1 - share);
                run.oneThreadMs = {blasMs / 2, blasMs / 2};
                run.measuredMs = others + 1.5 * blasMs;
                runs.push_back(run);
            }
        }
        const core::LoadFactorFit blas = core::fitLoadFactor(runs, 2, 50);
        QVERIFY(blas.fitted);
        QVERIFY(blas.factor.oneThreadLogFactor);
        QVERIFY2(std::fabs(*blas.factor.oneThreadLogFactor - std::log(1.5)) <= 0.03,
                 qPrintable(QString::number(std::exp(*blas.factor.oneThreadLogFactor))));
        QVERIFY2(std::fabs(blas.factor.logFactor - a) <= 0.05,
                 qPrintable(QString::number(std::exp(blas.factor.logFactor))));
        QVERIFY(blas.fittedMape < 2);
        QCOMPARE(core::loadFactorOf(blas.factor, 0.3, 50, true),
                 std::exp(*blas.factor.oneThreadLogFactor));
        QCOMPARE(core::loadFactorOf(blas.factor, 0.3, 25, true),
                 std::exp(*blas.factor.oneThreadLogFactor / 2));
        // Without such runs, none: those blocks take the others' factor.
        QVERIFY(!flat.factor.oneThreadLogFactor);

        // One network tells no factor anyone could check; where the module
        // models already predict the load, none is kept.
        const core::LoadFactorFit one = core::fitLoadFactor({runs[0], runs[1]}, 2, 50);
        QVERIFY(!one.fitted);
        QCOMPARE(one.factor.networks, 1);
        // Module models close behind the factor held out (within a quarter
        // of their error) do not drop it; clearly better ones do.
        const core::LoadFactorFit reference = core::fitLoadFactor(runs, 2, 50);
        QVERIFY(reference.heldOutMape > 0);
        for (const double share : {1.15, 1.4}) {
            for (core::LoadedRun &run : runs)
                run.modelMs = run.measuredMs * (1 + reference.heldOutMape / share / 100);
            const core::LoadFactorFit close = core::fitLoadFactor(runs, 2, 50);
            QVERIFY2(std::fabs(close.modelMape - reference.heldOutMape / share) < 1e-9,
                     qPrintable(QString::number(close.modelMape)));
            QCOMPARE(close.fitted, share < 1 + core::kModelMarginShare);
        }
        for (core::LoadedRun &run : runs)
            run.modelMs = run.measuredMs;
        QVERIFY(!core::fitLoadFactor(runs, 2, 50).fitted);
    }

    // The factor, applied: on ResNet-18 under 50 % load on two threads each
    // block is its no-load prediction times exp(a + s ln t), the rest of
    // the network times exp(a); under 25 % the exponent is halved; on one
    // thread, or without load, nothing changes. Beyond its load the factor
    // is held and the blocks are marked out of distribution. The interval
    // takes the factor's spread. It round-trips through the manifest, and a
    // damaged one is refused by name.
    void predictionsApplyIt()
    {
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->loadFactors.clear();
        // An in-network spread, so that network intervals are widened by
        // run-time condition (the built-in profile has none).
        profile->inNetworkSpreads[QStringLiteral("*")] = {0.8, 1.25, 0.05, 0.1, 100, 5};
        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor plain;
        QVERIFY(plain.prepare(*net.graph, net.analysis, *profile, core::defaultProfilingSpec(),
                              &error));
        const core::ConfigPrediction unloaded = plain.predict({1, 0, 2});
        const core::ConfigPrediction modelLoaded = plain.predict({1, 50, 2});
        const core::ConfigPrediction oneThread = plain.predict({1, 50, 1});

        core::DeviceProfile::LoadFactor f;
        f.threads = 2;
        f.utilization = 50;
        f.logFactor = std::log(3.0);
        f.slope = -0.1;
        f.lowMs = 0.05;
        f.highMs = 2;
        f.spread = 0.2;
        f.runs = 12;
        f.networks = 6;
        profile->loadFactors.push_back(f);
        QTemporaryDir dir;
        QVERIFY2(profile->save(dir.path(), &error), qPrintable(error));
        auto loaded = core::DeviceProfile::load(dir.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->loadFactors.size(), size_t(1));
        QCOMPARE(loaded->loadFactors.front().slope, -0.1);
        QCOMPARE(loaded->loadFactors.front().highMs, 2.0);
        QVERIFY(!loaded->loadFactors.front().oneThreadLogFactor);
        QVERIFY(!loaded->loadFactorAt(2, 0));
        QVERIFY(!loaded->loadFactorAt(1, 50));
        QVERIFY(loaded->loadFactorAt(2, 80));

        core::NetworkPredictor withFactor;
        QVERIFY(withFactor.prepare(*net.graph, net.analysis, *loaded, core::defaultProfilingSpec(),
                                   &error));
        for (const int utilization : {50, 25}) {
            const double share = utilization / 50.0;
            const core::ConfigPrediction p = withFactor.predict({1, utilization, 2});
            double blocks = 0, unloadedBlocks = 0;
            int clamped = 0;
            for (size_t i = 0; i < p.blocks.size(); ++i) {
                const core::MetricPrediction &before = unloaded.blocks[i].latencyMs;
                if (!before.available || unloaded.blocks[i].view)
                    continue;
                const double t = before.value;
                clamped += t > f.highMs || t < f.lowMs;
                const double expected =
                    t *
                    std::exp(share * (f.logFactor + f.slope * std::log(std::clamp(t, 0.05, 2.0))));
                QVERIFY2(std::fabs(p.blocks[i].latencyMs.value / expected - 1) < 1e-9,
                         qPrintable(QStringLiteral("block %1: %2 ms, expected %3")
                                        .arg(i)
                                        .arg(p.blocks[i].latencyMs.value)
                                        .arg(expected)));
                QVERIFY(!p.blocks[i].outOfDistribution || unloaded.blocks[i].outOfDistribution);
                blocks += p.blocks[i].latencyMs.value;
                unloadedBlocks += t;
            }
            QVERIFY(clamped > 0);
            const double rest = unloaded.latencyMs.value - unloadedBlocks;
            QVERIFY(std::fabs(p.latencyMs.value - blocks - rest * std::pow(3.0, share)) < 1e-6);
            // The interval: the factor's spread (scaled with the exponent)
            // in quadrature with the in-network spread.
            const double half = std::log(p.latencyMs.high / p.latencyMs.value);
            QVERIFY2(half >= 0.2 * share - 0.02,
                     qPrintable(QStringLiteral("+-%1 at %2 %").arg(half).arg(utilization)));
            QVERIFY(std::fabs(core::conditionExtra(*loaded, 2, utilization) - 0.2 * share) < 1e-12);
        }
        QVERIFY(std::fabs(withFactor.predict({1, 0, 2}).latencyMs.value -
                          unloaded.latencyMs.value) < 1e-9);
        QVERIFY(std::fabs(withFactor.predict({1, 50, 1}).latencyMs.value -
                          oneThread.latencyMs.value) < 1e-9);
        QVERIFY(std::fabs(withFactor.predict({1, 50, 2}).latencyMs.value -
                          modelLoaded.latencyMs.value) > 1e-3);
        // Beyond its load: held at it, and said.
        const core::ConfigPrediction beyond = withFactor.predict({1, 80, 2});
        const core::ConfigPrediction at = withFactor.predict({1, 50, 2});
        QVERIFY(std::fabs(beyond.latencyMs.value - at.latencyMs.value) < 1e-9);
        QVERIFY(beyond.outOfDistributionBlocks > at.outOfDistributionBlocks);
        bool said = false;
        for (const core::BlockPrediction &b : beyond.blocks)
            said = said || b.outOfDistributionReason().contains(QStringLiteral("utilization"));
        QVERIFY(said);

        QJsonObject factor;
        QVERIFY(test::editManifestNetwork(dir.path(), [&factor](QJsonObject &network) {
            factor = network.value(QStringLiteral("load_factors")).toArray()[0].toObject();
            factor.insert(QStringLiteral("one_thread_log_factor"), 0.4);
            network.insert(QStringLiteral("load_factors"), QJsonArray{factor});
        }));
        const auto withOneThread = core::DeviceProfile::load(dir.path(), &error);
        QVERIFY2(withOneThread, qPrintable(error));
        QCOMPARE(*withOneThread->loadFactors.front().oneThreadLogFactor, 0.4);
        QVERIFY2(withOneThread->save(dir.path(), &error), qPrintable(error));
        QCOMPARE(
            *core::DeviceProfile::load(dir.path(), &error)->loadFactors.front().oneThreadLogFactor,
            0.4);
        for (const QJsonValue &bad : {QJsonValue(QStringLiteral("x1.5")), QJsonValue(0)}) {
            QJsonObject damaged = factor;
            if (bad.isString())
                damaged.insert(QStringLiteral("one_thread_log_factor"), bad);
            else
                damaged.insert(QStringLiteral("low_ms"), bad);
            QVERIFY(test::editManifestNetwork(dir.path(), [&damaged](QJsonObject &network) {
                network.insert(QStringLiteral("load_factors"), QJsonArray{damaged});
            }));
            QVERIFY(!core::DeviceProfile::load(dir.path(), &error));
            QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                         error.contains(QStringLiteral("load factor")),
                     qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestLoadFactors)
#include "tst_load_factors.moc"
