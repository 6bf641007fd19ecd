// The intervals of a calibrated profile: how far blocks fall from their
// prediction in networks left out of the fit (fitInNetworkSpreads), which
// spread a block takes, how the network's interval combines them, and
// their place in the profile bundle.
#include "graph/analyzed_network.h"
#include "predict/in_network_spread.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/prediction_support.h"
#include "support/test_paths.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace layerlens;

namespace {

// Blocks of one key in a network: predicted 1 ms, measured at the
// network's level times a scatter spread evenly over [1/spread, spread].
void addBlocks(std::vector<core::SpreadObservation> *blocks, const QString &key,
               const QString &network, double level, double spread, int count)
{
    for (int i = 0; i < count; ++i) {
        const double t = count > 1 ? double(i) / (count - 1) : 0.5;
        blocks->push_back({key, network, 1.0, level * std::pow(spread, 2 * t - 1)});
    }
}

bool near(double a, double b, double tolerance)
{
    return std::fabs(a - b) <= tolerance;
}

} // namespace

class TestInNetworkSpread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spreadsAreTakenAgainstTheOtherNetworks()
    {
        // conv2d: three networks at levels x1, x1.2 and x0.8, no scatter.
        // Held out, each network's blocks lie off the others' median.
        std::vector<core::SpreadObservation> blocks;
        addBlocks(&blocks, QStringLiteral("conv2d"), QStringLiteral("a.onnx"), 1.0, 1.0, 10);
        addBlocks(&blocks, QStringLiteral("conv2d"), QStringLiteral("b.onnx"), 1.2, 1.0, 10);
        addBlocks(&blocks, QStringLiteral("conv2d"), QStringLiteral("c.onnx"), 0.8, 1.0, 10);
        const auto spreads = core::fitInNetworkSpreads(blocks);
        QVERIFY(spreads.count(QStringLiteral("conv2d")));
        const core::DeviceProfile::InNetworkSpread &conv = spreads.at(QStringLiteral("conv2d"));
        QCOMPARE(conv.blocks, 30);
        QCOMPARE(conv.networks, 3);
        // The others' medians, of log time (an even count: the mean of the
        // middle two): b and c's for a, a and c's for b, a and b's for c.
        const double a = 0, b = std::log(1.2), c = std::log(0.8);
        const double offA = a - (b + c) / 2, offB = b - (a + c) / 2, offC = c - (a + b) / 2;
        const double rms = std::sqrt((offA * offA + offB * offB + offC * offC) / 3);
        QVERIFY2(near(conv.offsetSd, rms, 1e-9), qPrintable(QString::number(conv.offsetSd)));
        QVERIFY(near(conv.withinSd, 0, 1e-12));
        // The 5th percentile is c's blocks, the 95th b's.
        QVERIFY2(near(conv.low, std::exp(offC), 1e-9), qPrintable(QString::number(conv.low)));
        QVERIFY2(near(conv.high, std::exp(offB), 1e-9), qPrintable(QString::number(conv.high)));
        // Pooled: conv2d is the only key.
        QVERIFY(spreads.count(QStringLiteral("*")));
        QCOMPARE(spreads.at(QStringLiteral("*")).blocks, 30);
        QVERIFY(near(spreads.at(QStringLiteral("*")).offsetSd, rms, 1e-9));
    }

    void scatterWithinANetworkIsMeasuredAboutItsLevel()
    {
        // Two networks at the same level, blocks x0.5 to x2 about it.
        std::vector<core::SpreadObservation> blocks;
        addBlocks(&blocks, QStringLiteral("add"), QStringLiteral("a.onnx"), 1.5, 2.0, 21);
        addBlocks(&blocks, QStringLiteral("add"), QStringLiteral("b.onnx"), 1.5, 2.0, 21);
        const auto spreads = core::fitInNetworkSpreads(blocks);
        const core::DeviceProfile::InNetworkSpread &add = spreads.at(QStringLiteral("add"));
        QVERIFY(near(add.offsetSd, 0, 1e-12));
        // log scatter spread evenly over [-log 2, log 2]: its RMS is
        // log 2 * sqrt((n + 1) / (3 (n - 1))) for n evenly spaced points.
        const double expected = std::log(2.0) * std::sqrt(22.0 / (3 * 20.0));
        QVERIFY2(near(add.withinSd, expected, 1e-9), qPrintable(QString::number(add.withinSd)));
        // 90 % of the blocks within: x0.5^0.9 to x2^0.9, and 1 inside.
        QVERIFY2(near(add.low, std::pow(0.5, 0.9), 1e-9), qPrintable(QString::number(add.low)));
        QVERIFY2(near(add.high, std::pow(2.0, 0.9), 1e-9), qPrintable(QString::number(add.high)));

        // Every block twice as slow as predicted, in both: the range is
        // widened to take in 1 (the prediction itself).
        std::vector<core::SpreadObservation> slow;
        addBlocks(&slow, QStringLiteral("add"), QStringLiteral("a.onnx"), 2.0, 1.0, 12);
        addBlocks(&slow, QStringLiteral("add"), QStringLiteral("b.onnx"), 2.0, 1.0, 12);
        const auto level = core::fitInNetworkSpreads(slow).at(QStringLiteral("add"));
        QCOMPARE(level.low, 1.0);
        QCOMPARE(level.high, 1.0);
    }

    void keysAndPoolsFollowTheBlocksKind()
    {
        std::vector<core::SpreadObservation> blocks;
        // conv2d's own blocks in two networks; its blocks outside the trained
        // range in two; add as a stand-in in one network only; linear with
        // too few blocks of its own.
        const QString conv = QStringLiteral("conv2d");
        const QString outside = QStringLiteral("conv2d (outside its range)");
        const QString standIn = QStringLiteral("add (stand-in)");
        addBlocks(&blocks, conv, QStringLiteral("a.onnx"), 1.0, 1.2, 12);
        addBlocks(&blocks, conv, QStringLiteral("b.onnx"), 1.1, 1.2, 12);
        addBlocks(&blocks, outside, QStringLiteral("a.onnx"), 1.0, 5.0, 12);
        addBlocks(&blocks, outside, QStringLiteral("b.onnx"), 3.0, 5.0, 12);
        addBlocks(&blocks, standIn, QStringLiteral("a.onnx"), 2.0, 3.0, 30);
        addBlocks(&blocks, QStringLiteral("linear"), QStringLiteral("a.onnx"), 1.0, 1.1, 3);
        addBlocks(&blocks, QStringLiteral("linear"), QStringLiteral("b.onnx"), 1.0, 1.1, 3);
        const auto spreads = core::fitInNetworkSpreads(blocks);
        QVERIFY(spreads.count(conv));
        QVERIFY(spreads.count(outside));
        // One network: nothing held out.
        QVERIFY(!spreads.count(standIn));
        QVERIFY(!spreads.count(QStringLiteral("* (stand-in)")));
        // Six blocks: pooled only. The modules' own pool has conv2d's 24
        // and linear's 6; the pool of blocks outside their range, 24.
        QVERIFY(!spreads.count(QStringLiteral("linear")));
        QCOMPARE(spreads.at(QStringLiteral("*")).blocks, 30);
        QCOMPARE(spreads.at(QStringLiteral("* (outside its range)")).blocks, 24);
        QVERIFY(spreads.at(outside).high > 2 * spreads.at(conv).high);
        // conv2d's level spread, log 1.1 from its two networks, is drawn
        // toward its pool's (conv2d's 24 blocks at log 1.1, linear's 6 at 0)
        // as if the pool were three networks more.
        const double own = std::log(1.1), pooled = std::sqrt(24.0 / 30) * own;
        QVERIFY(near(spreads.at(QStringLiteral("*")).offsetSd, pooled, 1e-12));
        QVERIFY2(near(spreads.at(conv).offsetSd,
                      std::sqrt((2 * own * own + 3 * pooled * pooled) / 5), 1e-12),
                 qPrintable(QString::number(spreads.at(conv).offsetSd)));

        core::DeviceProfile profile;
        profile.inNetworkSpreads = spreads;
        QCOMPARE(core::spreadFor(profile, conv), &profile.inNetworkSpreads.at(conv));
        QCOMPARE(core::spreadFor(profile, QStringLiteral("linear")),
                 &profile.inNetworkSpreads.at(QStringLiteral("*")));
        QCOMPARE(core::spreadFor(profile, QStringLiteral("maxpool (outside its range)")),
                 &profile.inNetworkSpreads.at(QStringLiteral("* (outside its range)")));
        // No stand-in pool: the modules' own.
        QCOMPARE(core::spreadFor(profile, standIn),
                 &profile.inNetworkSpreads.at(QStringLiteral("*")));
        const QString text = core::inNetworkSpreadsToText(spreads);
        QVERIFY2(text.contains(QStringLiteral("24 blocks of 2 networks")), qPrintable(text));

        // Without enough blocks for the modules' own pool: no spreads at all.
        std::vector<core::SpreadObservation> few;
        addBlocks(&few, conv, QStringLiteral("a.onnx"), 1.0, 1.2, 6);
        addBlocks(&few, conv, QStringLiteral("b.onnx"), 1.0, 1.2, 6);
        addBlocks(&few, outside, QStringLiteral("a.onnx"), 1.0, 1.2, 20);
        addBlocks(&few, outside, QStringLiteral("b.onnx"), 1.0, 1.2, 20);
        QVERIFY(core::fitInNetworkSpreads(few).empty());
        QVERIFY(core::inNetworkSpreadsToText({}).contains(QStringLiteral("too few")));
    }

    void networkIntervalCombinesModulesAsIndependent()
    {
        core::DeviceProfile profile;
        profile.inNetworkSpreads[QStringLiteral("conv2d")] = {0.8, 1.3, 0.10, 0.20, 40, 3};
        profile.inNetworkSpreads[QStringLiteral("add")] = {0.5, 2.0, 0.30, 0.40, 40, 3};
        profile.inNetworkSpreads[QStringLiteral("*")] = {0.7, 1.5, 0.2, 0.3, 80, 3};
        std::vector<core::NetworkBlock> blocks(4);
        blocks[0].module = blocks[1].module = QStringLiteral("conv2d");
        blocks[2].module = QStringLiteral("add");
        blocks[3].module = QStringLiteral("add");
        blocks[3].approximation = QStringLiteral("Mul, predicted as add");
        core::ConfigPrediction p;
        p.blocks.resize(4);
        const double ms[] = {3, 1, 0.5, 0.5};
        double sum = 0;
        for (int b = 0; b < 4; ++b) {
            // The model's own interval: +-10 %, except the first block's,
            // wider than its spread below.
            p.blocks[b].latencyMs = {true, ms[b], ms[b] / 1.1, ms[b] * 1.1};
            sum += ms[b];
        }
        p.blocks[0].latencyMs.low = 1.0;
        p.overheadMs = 0.2;
        p.latencyMs = {true, sum + 0.2, 0, 0};
        core::applyInNetworkSpreads(profile, core::indexSpreads(profile, blocks), &p);
        // Blocks: value times the spread, the model's where wider.
        QCOMPARE(p.blocks[0].latencyMs.low, 1.0);
        QVERIFY(near(p.blocks[0].latencyMs.high, 3 * 1.3, 1e-12));
        QVERIFY(near(p.blocks[1].latencyMs.low, 0.8, 1e-12));
        QVERIFY(near(p.blocks[2].latencyMs.high, 1.0, 1e-12));
        // The stand-in takes the pool of the modules' own blocks.
        QVERIFY(near(p.blocks[3].latencyMs.low, 0.35, 1e-12));
        QVERIFY(near(p.blocks[3].latencyMs.high, 0.75, 1e-12));
        // Network: conv2d 4 ms of 5 at offset 0.1, add 0.5 at 0.3, the
        // stand-in's key 0.5 at 0.2; each block's scatter on its own.
        const double variance = std::pow(4.0 / 5 * 0.10, 2) + std::pow(0.5 / 5 * 0.30, 2) +
                                std::pow(0.5 / 5 * 0.2, 2) + std::pow(3.0 / 5 * 0.2, 2) +
                                std::pow(1.0 / 5 * 0.2, 2) + std::pow(0.5 / 5 * 0.4, 2) +
                                std::pow(0.5 / 5 * 0.3, 2);
        const double half = core::kInterval90Z * std::sqrt(variance);
        QVERIFY(near(p.latencyMs.low, 0.2 + 5 * std::exp(-half), 1e-12));
        QVERIFY(near(p.latencyMs.high, 0.2 + 5 * std::exp(half), 1e-12));
        // Narrower than the blocks' ranges summed, which take every block
        // at its extreme at once.
        double high = 0.2;
        for (const core::BlockPrediction &b : p.blocks)
            high += b.latencyMs.high;
        QVERIFY(p.latencyMs.high < high);

        // A profile without spreads leaves the models' intervals.
        core::ConfigPrediction q;
        q.blocks.resize(1);
        q.blocks[0].latencyMs = {true, 1, 0.9, 1.1};
        q.latencyMs = {true, 1, 0.9, 1.1};
        core::applyInNetworkSpreads(core::DeviceProfile(),
                                    core::indexSpreads(core::DeviceProfile(), {blocks[0]}), &q);
        QCOMPARE(q.blocks[0].latencyMs.low, 0.9);
        QCOMPARE(q.latencyMs.high, 1.1);
    }

    void conditionsWidenIntervalsByTheirHeldOutSamples()
    {
        // |log error| of 0.1 at 1 thread without load (where the networks
        // were measured), 0.3 at 2 threads under 50 % load, 0.05 at 1 thread
        // under load; 2 threads without load has too few samples.
        std::map<std::pair<int, int>, std::vector<double>> errors;
        for (int i = 0; i < 30; ++i) {
            const double sign = i % 2 ? 1 : -1;
            errors[{1, 0}].push_back(0.1 * sign);
            errors[{2, 50}].push_back(0.3 * sign);
            errors[{1, 50}].push_back(0.05 * sign);
        }
        errors[{2, 0}] = std::vector<double>(10, 0.5);
        const auto spreads = core::fitConditionSpreads(errors);
        QCOMPARE(spreads.size(), size_t(3));
        const double scale = core::kInterval90Z / 0.6745;
        const double reference = 0.1 * scale, loaded = 0.3 * scale;
        double extra = -1;
        for (const auto &c : spreads) {
            QCOMPARE(c.samples, 30);
            if (c.threads == 2 && c.utilization == 50)
                extra = c.extra;
            else
                QCOMPARE(c.extra, 0.0); // no wider than the networks' condition
        }
        QVERIFY2(near(extra, std::sqrt(loaded * loaded - reference * reference), 1e-12),
                 qPrintable(QString::number(extra)));
        QVERIFY2(core::conditionSpreadsToText(spreads).contains(QStringLiteral("50 % load")),
                 qPrintable(core::conditionSpreadsToText(spreads)));
        // Without the networks' condition there is nothing to compare with.
        errors.erase({1, 0});
        QVERIFY(core::fitConditionSpreads(errors).empty());

        core::DeviceProfile profile;
        profile.conditionSpreads = spreads;
        QCOMPARE(core::conditionExtra(profile, 2, 50), extra);
        QCOMPARE(core::conditionExtra(profile, 1, 0), 0.0);
        // Four threads: the nearest is two; 25 %: as near 0 as 50, the wider.
        QCOMPARE(core::conditionExtra(profile, 4, 50), extra);
        QCOMPARE(core::conditionExtra(profile, 2, 25), extra);
        QCOMPARE(core::conditionExtra(core::DeviceProfile(), 2, 50), 0.0);

        // A block and its network at 2 threads under load: each half-width
        // in log time widened in quadrature.
        profile.inNetworkSpreads[QStringLiteral("*")] = {0.8, 1.25, 0.1, 0.2, 40, 3};
        std::vector<core::NetworkBlock> blocks(1);
        blocks[0].module = QStringLiteral("conv2d");
        for (const int utilization : {0, 50}) {
            core::ConfigPrediction p;
            p.config = {1, utilization, utilization ? 2 : 1};
            p.blocks.resize(1);
            p.blocks[0].latencyMs = {true, 2, 1.9, 2.1};
            p.latencyMs = {true, 2, 1.9, 2.1};
            core::applyInNetworkSpreads(profile, core::indexSpreads(profile, blocks), &p);
            const double e = utilization ? extra : 0;
            const double low = std::sqrt(std::pow(std::log(0.8), 2) + e * e);
            const double high = std::sqrt(std::pow(std::log(1.25), 2) + e * e);
            QVERIFY(near(p.blocks[0].latencyMs.low, 2 * std::exp(-low), 1e-12));
            QVERIFY(near(p.blocks[0].latencyMs.high, 2 * std::exp(high), 1e-12));
            const double sd = std::sqrt(0.1 * 0.1 + 0.2 * 0.2);
            const double half = std::sqrt(std::pow(core::kInterval90Z * sd, 2) + e * e);
            QVERIFY(near(p.latencyMs.low, 2 * std::exp(-half), 1e-12));
            QVERIFY(near(p.latencyMs.high, 2 * std::exp(half), 1e-12));
        }
    }

    void profileKeepsSpreadsAndPredictionsUseThem()
    {
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->inNetworkSpreads[QStringLiteral("*")] = {0.6, 1.7, 0.2, 0.3, 300, 4};
        profile->inNetworkSpreads[QStringLiteral("conv2d_relu")] = {0.75, 1.25, 0.1, 0.15, 60, 2};
        profile->conditionSpreads = {{1, 0, 0, 60}, {2, 50, 0.4, 55}};
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("p"));
        QVERIFY2(profile->save(saved, &error), qPrintable(error));
        auto loaded = core::DeviceProfile::load(saved, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->inNetworkSpreads.size(), size_t(2));
        const auto &relu = loaded->inNetworkSpreads.at(QStringLiteral("conv2d_relu"));
        QCOMPARE(relu.low, 0.75);
        QCOMPARE(relu.high, 1.25);
        QCOMPARE(relu.offsetSd, 0.1);
        QCOMPARE(relu.withinSd, 0.15);
        QCOMPARE(relu.blocks, 60);
        QCOMPARE(relu.networks, 2);
        QCOMPARE(loaded->conditionSpreads.size(), size_t(2));
        QCOMPARE(loaded->conditionSpreads[1].threads, 2);
        QCOMPARE(loaded->conditionSpreads[1].utilization, 50);
        QCOMPARE(loaded->conditionSpreads[1].extra, 0.4);
        QCOMPARE(loaded->conditionSpreads[1].samples, 55);

        // ResNet-18 predicted with the spreads: the same values; every
        // conv2d_relu block within its range spans x0.75 to x1.25 or its
        // model's wider interval; the network's interval is narrower than
        // without (where the blocks' intervals are summed).
        const auto net = test::analyzedShared(QStringLiteral("resnet18.onnx"));
        QVERIFY2(net.ok(), qPrintable(net.error));
        auto plain = core::DeviceProfile::load(saved, &error);
        QVERIFY(plain);
        plain->inNetworkSpreads.clear();
        core::NetworkPredictor with, without;
        QVERIFY(
            with.prepare(*net.graph, net.analysis, *loaded, core::defaultProfilingSpec(), &error));
        QVERIFY(without.prepare(*net.graph, net.analysis, *plain, core::defaultProfilingSpec(),
                                &error));
        const auto a = with.predict({1, 0, 1});
        const auto b = without.predict({1, 0, 1});
        QCOMPARE(a.latencyMs.value, b.latencyMs.value);
        int relus = 0;
        for (size_t i = 0; i < a.blocks.size(); ++i) {
            const auto &x = a.blocks[i].latencyMs;
            if (!x.available)
                continue;
            QCOMPARE(x.value, b.blocks[i].latencyMs.value);
            QVERIFY(x.low <= b.blocks[i].latencyMs.low && x.high >= b.blocks[i].latencyMs.high);
            if (with.blocks()[i].module == QLatin1String("conv2d_relu") &&
                !a.blocks[i].outOfDistribution) {
                ++relus;
                QVERIFY(x.low <= 0.75 * x.value + 1e-12 && x.high >= 1.25 * x.value - 1e-12);
            }
        }
        QVERIFY(relus > 0);
        QVERIFY(a.latencyMs.low < a.latencyMs.value && a.latencyMs.high > a.latencyMs.value);
        QVERIFY2(a.latencyMs.high - a.latencyMs.low < b.latencyMs.high - b.latencyMs.low,
                 qPrintable(QStringLiteral("%1..%2 against %3..%4")
                                .arg(a.latencyMs.low)
                                .arg(a.latencyMs.high)
                                .arg(b.latencyMs.low)
                                .arg(b.latencyMs.high)));

        // The CLI's JSON says which kind of interval it gives, and its table
        // how they were made.
        const QString model = test::sharedModel(QStringLiteral("resnet18.onnx"));
        for (const auto &[device, kind] :
             {std::pair{saved, QStringLiteral("held-out networks")},
              std::pair{QStringLiteral("reference-cpu"), QStringLiteral("model error")}}) {
            int code = -1;
            QString stderrText;
            const QJsonObject json =
                test::runPredict({model, QStringLiteral("--device"), device,
                                  QStringLiteral("--format"), QStringLiteral("json")},
                                 &code, &stderrText);
            QVERIFY2(code == 0, qPrintable(stderrText));
            QCOMPARE(json.value(QStringLiteral("device"))
                         .toObject()
                         .value(QStringLiteral("intervals"))
                         .toString(),
                     kind);
        }
        const test::ProgramRun table =
            test::runProgram(test::program(QStringLiteral("layerlens-cli")),
                             {QStringLiteral("predict"), model, QStringLiteral("--device"), saved});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains(QStringLiteral("left out of calibrate's fit")),
                 qPrintable(table.out));

        // A damaged spread is refused with the file named.
        QVERIFY(test::editManifest(saved, "\"low\": 0.75", "\"low\": 1.5"));
        QVERIFY(!core::DeviceProfile::load(saved, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("conv2d_relu")),
                 qPrintable(error));
        QVERIFY(test::editManifest(saved, "\"low\": 1.5", "\"low\": 0.75"));
        QVERIFY(core::DeviceProfile::load(saved, &error));
        QVERIFY(test::editManifest(saved, "\"extra\": 0.4", "\"extra\": -0.4"));
        QVERIFY(!core::DeviceProfile::load(saved, &error));
        QVERIFY2(error.contains(QStringLiteral("manifest.json")) &&
                     error.contains(QStringLiteral("condition spread")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestInNetworkSpread)
#include "tst_in_network_spread.moc"
