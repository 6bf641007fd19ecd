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

const core::TwoThreadFactor *factorOf(const std::vector<core::TwoThreadFactor> &all,
                                      const QString &module)
{
    for (const core::TwoThreadFactor &f : all) {
        if (f.module == module)
            return &f;
    }
    return nullptr;
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
        const core::TwoThreadFactor *linear = factorOf(factors, QStringLiteral("linear"));
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
        QVERIFY(!factorOf(factors, QStringLiteral("conv2d")));
        QVERIFY(!factorOf(factors, QStringLiteral("relu")));
        QVERIFY(!factorOf(factors, QStringLiteral("add")));
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
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QVERIFY2(profile->save(plain, &error), qPrintable(error));
        profile->twoThreadFactors[QStringLiteral("conv2d_relu")] = 1.5;
        const QString withFactor = dir.filePath(QStringLiteral("factor"));
        QVERIFY2(profile->save(withFactor, &error), qPrintable(error));
        auto before = core::DeviceProfile::load(plain, &error);
        auto after = core::DeviceProfile::load(withFactor, &error);
        QVERIFY2(before && after, qPrintable(error));
        QCOMPARE(after->twoThreadFactors.size(), size_t(1));
        QCOMPARE(after->twoThreadFactors.at(QStringLiteral("conv2d_relu")), 1.5);

        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor without, with;
        QVERIFY(without.prepare(*net.graph, net.analysis, *before, core::defaultProfilingSpec(),
                                &error));
        QVERIFY(
            with.prepare(*net.graph, net.analysis, *after, core::defaultProfilingSpec(), &error));
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
};

QTEST_GUILESS_MAIN(TestThreadFactors)
#include "tst_thread_factors.moc"
