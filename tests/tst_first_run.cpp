// What a block pays where its kernel runs for the first time in a network
// run (first_run_costs.h): which blocks are first, the fit, its place in
// the profile, and in predictions.
#include "graph/analyzed_network.h"
#include "predict/first_run_costs.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/prediction_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace layerlens;

namespace {

// Blocks of a module at `level` times their prediction with 3 % noise;
// first-of-run ones `extraMs` more, each from its own network file.
void addBlocks(std::vector<core::BlockObservation> *out, const QString &module, int count,
               double level, bool first, double extraMs, std::mt19937 *rng)
{
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> noise(0, 0.03);
    for (int i = 0; i < count; ++i) {
        core::BlockObservation b;
        b.module = module;
        b.predictedMs = 0.005 + 0.02 * unit(*rng);
        b.measuredMs = b.predictedMs * level * (1 + noise(*rng)) + (first ? extraMs : 0);
        b.firstOfKernel = first;
        b.source = QStringLiteral("net%1.onnx").arg(first ? i : i % 4);
        out->push_back(b);
    }
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In ResNet-18 the stem convolution, the first residual addition and
    // the closing pool and classifier are the first of their kernels in a
    // run; every later block of the same operators is not.
    void firstBlocksOfEachKernel()
    {
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor predictor;
        QVERIFY2(predictor.prepare(*net.graph, net.analysis, *profile, core::defaultProfilingSpec(),
                                   &error),
                 qPrintable(error));
        std::map<QString, int> firsts, blocks;
        for (size_t b = 0; b < predictor.blocks().size(); ++b) {
            const QString &module = predictor.blocks()[b].module;
            ++blocks[module];
            if (predictor.reads()[b].firstOfKernel)
                ++firsts[module];
        }
        QVERIFY(blocks[QStringLiteral("conv2d_relu")] > 5 &&
                blocks[QStringLiteral("add_relu")] > 5);
        QCOMPARE(firsts[QStringLiteral("conv2d_relu")], 1);
        QCOMPARE(firsts[QStringLiteral("add_relu")], 1);
        QCOMPARE(firsts[QStringLiteral("global_avgpool")], 1);
        QCOMPARE(firsts[QStringLiteral("linear")], 1);
        // The stem is the first block of all.
        QVERIFY(predictor.reads()[0].firstOfKernel);
        QCOMPARE(predictor.blocks()[0].module, QStringLiteral("conv2d_relu"));
    }

    // A module whose first blocks take 50 us more than its level gets about
    // that; one whose first blocks come from a single network, one whose
    // first blocks take less, and one with too few other blocks for a
    // level get none; probes teach nothing.
    void fitRecoversTheCostOfAFirstRun()
    {
        std::mt19937 rng(7);
        std::vector<core::BlockObservation> blocks;
        addBlocks(&blocks, QStringLiteral("global_avgpool"), 30, 2.5, false, 0, &rng);
        addBlocks(&blocks, QStringLiteral("global_avgpool"), 6, 2.5, true, 0.05, &rng);
        addBlocks(&blocks, QStringLiteral("add"), 30, 1.0, false, 0, &rng);
        addBlocks(&blocks, QStringLiteral("add"), 5, 1.0, true, 0.03, &rng);
        for (core::BlockObservation &b : blocks) {
            if (b.module == QLatin1String("add") && b.firstOfKernel)
                b.source = QStringLiteral("one.onnx");
        }
        addBlocks(&blocks, QStringLiteral("relu"), 30, 1.0, false, 0, &rng);
        addBlocks(&blocks, QStringLiteral("relu"), 5, 0.7, true, 0, &rng);
        addBlocks(&blocks, QStringLiteral("maxpool"), 5, 1.0, false, 0, &rng);
        addBlocks(&blocks, QStringLiteral("maxpool"), 5, 1.0, true, 0.04, &rng);
        addBlocks(&blocks, QStringLiteral("concat"), 30, 1.0, false, 0, &rng);
        addBlocks(&blocks, QStringLiteral("concat"), 5, 1.0, true, 0.04, &rng);
        for (core::BlockObservation &b : blocks)
            b.probe = b.module == QLatin1String("concat");

        const std::vector<core::FirstRunCost> costs = core::fitFirstRunCosts(blocks);
        const core::FirstRunCost *pool = test::entryOf(costs, QStringLiteral("global_avgpool"));
        QVERIFY(pool);
        QVERIFY2(std::fabs(pool->ms - 0.05) < 0.005, qPrintable(QString::number(pool->ms)));
        QCOMPARE(pool->blocks, 6);
        QCOMPARE(pool->networks, 6);
        QVERIFY(pool->mapeAfter < pool->mapeBefore / 3);
        QCOMPARE(costs.size(), size_t(1));

        // Taken off the first blocks' measured times before the in-network
        // corrections are fitted.
        std::vector<core::BlockObservation> removed = blocks;
        core::removeFirstRunCosts(&removed, core::firstRunCostsByModule(costs));
        for (size_t i = 0; i < blocks.size(); ++i) {
            const bool paid =
                blocks[i].firstOfKernel && blocks[i].module == QLatin1String("global_avgpool");
            QCOMPARE(removed[i].measuredMs,
                     paid ? blocks[i].measuredMs - pool->ms : blocks[i].measuredMs);
        }
        QVERIFY(core::firstRunCostsToText(costs).contains(QStringLiteral("global_avgpool")));
        QVERIFY(core::firstRunCostsToText({}).contains(QStringLiteral("no cost")));
    }

    // The cost round-trips through the manifest and is added to the first
    // block of its module's kernel only, whole on any number of threads; a
    // negative one is refused with the file and the module named.
    void profileKeepsTheCostAndPredictionsAddIt()
    {
        QString withCost, error;
        QTemporaryDir dir;
        std::unique_ptr<core::DeviceProfile> before, after;
        QVERIFY2(
            test::savedWithChange(
                dir,
                [](core::DeviceProfile *p) { p->firstRunMs[QStringLiteral("add_relu")] = 0.04; },
                &before, &after, &withCost, &error),
            qPrintable(error));
        QCOMPARE(after->firstRunMs.size(), size_t(1));
        QCOMPARE(after->firstRunMs.at(QStringLiteral("add_relu")), 0.04);

        const core::AnalyzedNetwork net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY(net.ok());
        core::NetworkPredictor without, with;
        QVERIFY2(test::preparePair(net, *before, *after, &without, &with, &error),
                 qPrintable(error));
        for (int threads : {1, 2}) {
            const auto a = without.predict({1, 0, threads}), b = with.predict({1, 0, threads});
            int paid = 0;
            for (size_t i = 0; i < a.blocks.size(); ++i) {
                if (!a.blocks[i].latencyMs.available)
                    continue;
                const double more = b.blocks[i].latencyMs.value - a.blocks[i].latencyMs.value;
                const bool first = with.blocks()[i].module == QLatin1String("add_relu") &&
                                   with.reads()[i].firstOfKernel;
                QVERIFY2(std::fabs(more - (first ? 0.04 : 0.0)) < 1e-9,
                         qPrintable(QStringLiteral("%1 on %2 threads: %3 ms more")
                                        .arg(with.blocks()[i].module)
                                        .arg(threads)
                                        .arg(more)));
                QCOMPARE(b.blocks[i].firstRunMs, first ? 0.04 : 0.0);
                paid += first;
            }
            QCOMPARE(paid, 1);
        }

        QVERIFY(test::editManifest(withCost, "\"add_relu\": 0.04", "\"add_relu\": -0.04"));
        QVERIFY(!core::DeviceProfile::load(withCost, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("add_relu")) &&
                     error.contains(QStringLiteral("first block")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFirstRun)
#include "tst_first_run.moc"
