// What a module's blocks take inside networks on two threads beyond the
// share of their misses and the overhead per block (fitTwoThreadFactors):
// the fit, its place in the profile, and in predictions.
#include "graph/analyzed_network.h"
#include "predict/cache_misses.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/prediction_support.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace layerlens;

namespace {

// Blocks of a module in a run, measured at `factor` times what the share
// and the overhead predict (misses whole, no overhead here), with 2 % noise.
void addBlocks(std::vector<core::ThreadedBlock> *out, const QString &module, const QString &run,
               int count, double factor, std::mt19937 *rng)
{
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> noise(0, 0.02);
    for (int i = 0; i < count; ++i) {
        core::ThreadedBlock b;
        b.withoutMissesMs = 0.05 + unit(*rng);
        b.missMs = 0.2 * unit(*rng) * b.withoutMissesMs;
        b.measuredMs = (b.withoutMissesMs + b.missMs) * factor * (1 + noise(*rng));
        b.module = module;
        b.run = run;
        out->push_back(b);
    }
}

} // namespace

class TestThreadFactors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A module every run shows at twice its prediction gets a factor of
    // about two (shrunk by n / (n + 1) in the log); one whose runs lean
    // different ways, one seen in a single run, and one the factor would
    // not cut the error of by a tenth get none.
    void factorWhereEveryRunShowsIt()
    {
        std::mt19937 rng(7);
        std::vector<core::ThreadedBlock> blocks;
        for (const char *run : {"a", "b", "c"})
            addBlocks(&blocks, QStringLiteral("linear"), QString::fromLatin1(run), 2, 2.0, &rng);
        addBlocks(&blocks, QStringLiteral("conv2d"), QStringLiteral("a"), 20, 1.3, &rng);
        addBlocks(&blocks, QStringLiteral("conv2d"), QStringLiteral("b"), 20, 0.8, &rng);
        addBlocks(&blocks, QStringLiteral("relu"), QStringLiteral("a"), 20, 2.0, &rng);
        // add: every run's blocks alternate at x1.25 and x0.85, so each
        // run leans up (median x1.05) but a factor cuts little of the error.
        for (int i = 0; i < 20; ++i) {
            core::ThreadedBlock b;
            b.withoutMissesMs = 0.1 + 0.01 * i;
            b.measuredMs = b.withoutMissesMs * (i % 2 ? 1.25 : 0.85);
            b.module = QStringLiteral("add");
            b.run = i < 10 ? QStringLiteral("a") : QStringLiteral("b");
            blocks.push_back(b);
        }
        core::ThreadShareFit fit;
        fit.fitted = true;
        const auto factors = core::fitTwoThreadFactors(blocks, fit);
        const core::TwoThreadFactor *linear = test::entryOf(factors, QStringLiteral("linear"));
        QVERIFY(linear);
        QCOMPARE(linear->blocks, 6);
        QCOMPARE(linear->runs, 3);
        QVERIFY2(std::fabs(linear->factor - std::pow(2.0, 6.0 / 7)) < 0.05,
                 qPrintable(QString::number(linear->factor)));
        QVERIFY(linear->mapeAfter < 0.5 * linear->mapeBefore);
        // Its reach: the largest of its blocks as predicted (misses whole here).
        double largest = 0;
        for (const core::ThreadedBlock &b : blocks) {
            if (b.module == QLatin1String("linear"))
                largest = std::max(largest, b.withoutMissesMs + b.missMs);
        }
        QCOMPARE(linear->reachMs, largest);
        QVERIFY(!test::entryOf(factors, QStringLiteral("conv2d")));
        QVERIFY(!test::entryOf(factors, QStringLiteral("relu")));
        QVERIFY(!test::entryOf(factors, QStringLiteral("add")));
        // Predicted with the share and the overhead: blocks that pay them
        // and nothing more get no factor.
        std::vector<core::ThreadedBlock> paid;
        for (core::ThreadedBlock b : blocks) {
            b.measuredMs = b.withoutMissesMs + 0.5 * b.missMs + 0.004;
            paid.push_back(b);
        }
        core::ThreadShareFit sharing;
        sharing.fitted = true;
        sharing.share = 0.5;
        sharing.blockOverheadMs = 0.004;
        QVERIFY(core::fitTwoThreadFactors(paid, sharing).empty());
    }

    // The factors round-trip through the manifest; on two threads a block
    // of the module takes the factor, on four its square, on one nothing,
    // and other modules' blocks stay as they were. A non-positive factor
    // is refused by name.
    void profileKeepsFactorsAndPredictionsApplyThem()
    {
        QString withFactor, error;
        QTemporaryDir dir;
        std::unique_ptr<core::DeviceProfile> before, after;
        QVERIFY2(test::savedWithChange(
                     dir,
                     [](core::DeviceProfile *p) {
                         p->twoThreadFactors[QStringLiteral("conv2d_relu")] = 1.5;
                     },
                     &before, &after, &withFactor, &error),
                 qPrintable(error));
        QCOMPARE(after->twoThreadFactors.size(), size_t(1));
        QCOMPARE(after->twoThreadFactors.at(QStringLiteral("conv2d_relu")), 1.5);

        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor without, with;
        QVERIFY2(test::preparePair(net, *before, *after, &without, &with, &error),
                 qPrintable(error));
        int scaled = 0, kept = 0;
        for (int threads : {1, 2, 4}) {
            const double expected = threads == 1 ? 1.0 : threads == 2 ? 1.5 : 2.25;
            const auto a = without.predict({1, 0, threads}), b = with.predict({1, 0, threads});
            for (size_t i = 0; i < a.blocks.size(); ++i) {
                if (!a.blocks[i].latencyMs.available)
                    continue;
                const bool module = with.blocks()[i].module == QLatin1String("conv2d_relu");
                const double ratio = b.blocks[i].latencyMs.value / a.blocks[i].latencyMs.value;
                QVERIFY2(std::fabs(ratio - (module ? expected : 1.0)) < 1e-9,
                         qPrintable(QStringLiteral("%1 on %2 threads: x%3")
                                        .arg(with.blocks()[i].module)
                                        .arg(threads)
                                        .arg(ratio)));
                (module && threads > 1 ? scaled : kept) += 1;
            }
        }
        QVERIFY(scaled > 10 && kept > 10);

        QVERIFY(test::editManifest(withFactor, "\"conv2d_relu\": 1.5", "\"conv2d_relu\": -1.5"));
        QVERIFY(!core::DeviceProfile::load(withFactor, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("conv2d_relu")) &&
                     error.contains(QStringLiteral("two threads")),
                 qPrintable(error));
    }

    // A factor with a reach applies whole to blocks up to it, not at all
    // from twice it on, and in between to the power 1 - log2(block / reach);
    // the reach round-trips through the manifest and a non-positive one is
    // refused by name.
    void factorFadesBeyondItsReach()
    {
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->twoThreadFactors.clear();
        profile->twoThreadFactorReachMs.clear();
        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor plain;
        QVERIFY(plain.prepare(*net.graph, net.analysis, *profile, core::defaultProfilingSpec(),
                              &error));
        const core::ConfigPrediction a = plain.predict({1, 0, 2});
        std::vector<double> sizes;
        for (size_t i = 0; i < a.blocks.size(); ++i) {
            if (plain.blocks()[i].module == QLatin1String("conv2d_relu") &&
                a.blocks[i].latencyMs.available)
                sizes.push_back(a.blocks[i].latencyMs.value);
        }
        QVERIFY(sizes.size() > 5);
        std::sort(sizes.begin(), sizes.end());
        const double reach = sizes[sizes.size() / 3];
        QVERIFY2(sizes.back() > 2 * reach, qPrintable(QString::number(sizes.back() / reach)));

        profile->twoThreadFactors[QStringLiteral("conv2d_relu")] = 1.5;
        profile->twoThreadFactorReachMs[QStringLiteral("conv2d_relu")] = reach;
        QTemporaryDir dir;
        QVERIFY2(profile->save(dir.path(), &error), qPrintable(error));
        auto loaded = core::DeviceProfile::load(dir.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->twoThreadFactorReachMs.at(QStringLiteral("conv2d_relu")), reach);
        core::NetworkPredictor faded;
        QVERIFY(
            faded.prepare(*net.graph, net.analysis, *loaded, core::defaultProfilingSpec(), &error));
        const core::ConfigPrediction b = faded.predict({1, 0, 2});
        int whole = 0, none = 0, between = 0;
        for (size_t i = 0; i < a.blocks.size(); ++i) {
            if (plain.blocks()[i].module != QLatin1String("conv2d_relu") ||
                !a.blocks[i].latencyMs.available)
                continue;
            const double p = a.blocks[i].latencyMs.value;
            const double ratio = b.blocks[i].latencyMs.value / p;
            const double power = std::clamp(1 - std::log2(std::max(p, reach) / reach), 0.0, 1.0);
            QVERIFY2(std::fabs(ratio - std::pow(1.5, power)) < 1e-9,
                     qPrintable(QStringLiteral("%1 ms: x%2").arg(p).arg(ratio)));
            (power == 1 ? whole : power == 0 ? none : between) += 1;
        }
        QVERIFY(whole > 0 && none > 0);

        QVERIFY(test::editManifestNetwork(dir.path(), [](QJsonObject &network) {
            network.insert(QStringLiteral("two_thread_factor_reach_ms"),
                           QJsonObject{{QStringLiteral("conv2d_relu"), 0}});
        }));
        QVERIFY(!core::DeviceProfile::load(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("conv2d_relu")) &&
                     error.contains(QStringLiteral("two threads")),
                 qPrintable(error));
    }

    // A dense convolution's factor is kept per kernel class of the family
    // (conv2d, conv2d_relu and conv2d_clip alike), every other block's per
    // module. On MobileNetV2 at two threads the 1x1 layers take the "Conv
    // 1x1" factor and the 3x3 stem the "Conv kxk" one, whatever activation
    // they fuse; the depthwise layers their module's. A profile written
    // before the classes keeps its factor per module, taken where the
    // block's class has none.
    void convolutionFactorsPerKernelClass()
    {
        const std::map<QString, QString> families =
            core::moduleFamilies(core::defaultProfilingSpec());
        const auto key = [&](const char *module, int64_t kernel) {
            return core::twoThreadFactorKey(QString::fromLatin1(module), families,
                                            {{QStringLiteral("kernel"), kernel}});
        };
        QCOMPARE(key("conv2d", 1), QStringLiteral("Conv 1x1"));
        QCOMPARE(key("conv2d_clip", 1), QStringLiteral("Conv 1x1"));
        QCOMPARE(key("conv2d_relu", 3), QStringLiteral("Conv kxk"));
        QCOMPARE(key("conv2d_relu", 7), QStringLiteral("Conv kxk"));
        QCOMPARE(key("depthwise_conv2d", 3), QStringLiteral("depthwise_conv2d"));
        QCOMPARE(key("maxpool", 3), QStringLiteral("maxpool"));
        QCOMPARE(core::twoThreadFactorKey(QStringLiteral("conv2d"), families, {}),
                 QStringLiteral("conv2d"));

        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->twoThreadFactors.clear();
        profile->twoThreadFactorReachMs.clear();
        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("mobilenet_v2.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor plain;
        QVERIFY(plain.prepare(*net.graph, net.analysis, *profile, core::defaultProfilingSpec(),
                              &error));
        profile->twoThreadFactors[QStringLiteral("Conv 1x1")] = 1.25;
        profile->twoThreadFactors[QStringLiteral("Conv kxk")] = 0.8;
        profile->twoThreadFactors[QStringLiteral("depthwise_conv2d_clip")] = 1.1;
        profile->twoThreadFactors[QStringLiteral("conv2d_clip")] = 3.0; // its classes' win
        QTemporaryDir dir;
        QVERIFY2(profile->save(dir.path(), &error), qPrintable(error));
        auto loaded = core::DeviceProfile::load(dir.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->twoThreadFactors.at(QStringLiteral("Conv 1x1")), 1.25);
        core::NetworkPredictor classes;
        QVERIFY(classes.prepare(*net.graph, net.analysis, *loaded, core::defaultProfilingSpec(),
                                &error));
        const core::ConfigPrediction a = plain.predict({1, 0, 2}), b = classes.predict({1, 0, 2});
        std::map<QString, int> seen;
        for (size_t i = 0; i < a.blocks.size(); ++i) {
            const core::NetworkBlock &block = classes.blocks()[i];
            if (!a.blocks[i].latencyMs.available || a.blocks[i].oneBlasThread)
                continue;
            const QString k = core::twoThreadFactorKey(block.module, families, block.params);
            const double expected = k == QLatin1String("Conv 1x1")                ? 1.25
                                    : k == QLatin1String("Conv kxk")              ? 0.8
                                    : k == QLatin1String("depthwise_conv2d_clip") ? 1.1
                                                                                  : 1.0;
            const double ratio = b.blocks[i].latencyMs.value / a.blocks[i].latencyMs.value;
            QVERIFY2(std::fabs(ratio - expected) < 1e-9,
                     qPrintable(QStringLiteral("%1 (%2): x%3").arg(block.module, k).arg(ratio)));
            seen[k] += 1;
        }
        QVERIFY(seen[QStringLiteral("Conv 1x1")] > 20);
        QCOMPARE(seen[QStringLiteral("Conv kxk")], 1);
        QVERIFY(seen[QStringLiteral("depthwise_conv2d_clip")] > 10);

        // Before the classes: the module's factor for all its blocks.
        profile->twoThreadFactors.clear();
        profile->twoThreadFactors[QStringLiteral("conv2d_clip")] = 1.5;
        core::NetworkPredictor old;
        QVERIFY(
            old.prepare(*net.graph, net.analysis, *profile, core::defaultProfilingSpec(), &error));
        const core::ConfigPrediction c = old.predict({1, 0, 2});
        int scaled = 0;
        for (size_t i = 0; i < a.blocks.size(); ++i) {
            if (!a.blocks[i].latencyMs.available || a.blocks[i].oneBlasThread)
                continue;
            const bool clip = old.blocks()[i].module == QLatin1String("conv2d_clip");
            const double ratio = c.blocks[i].latencyMs.value / a.blocks[i].latencyMs.value;
            QVERIFY2(std::fabs(ratio - (clip ? 1.5 : 1.0)) < 1e-9,
                     qPrintable(old.blocks()[i].module));
            scaled += clip ? 1 : 0;
        }
        QVERIFY(scaled > 10);
    }
};

QTEST_GUILESS_MAIN(TestThreadFactors)
#include "tst_thread_factors.moc"
