// Stand-ins: blocks a module of another operator predicts (a Mul by add,
// a grouped convolution by the dense module, a 1x7 one by the 1x1 module
// over seven times the channels; a spatial mean by the average pool), and
// what the CLI says of them.
#include "graph/analyzed_network.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "profiling/module_config.h"
#include "profiling/profiling_spec.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"
#include "support/test_paths.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;
using test::analyzedBuilt;
using test::editManifest;
using test::runPredict;

class TestStandIns : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::DeviceProfile> m_profile;

private Q_SLOTS:
    void initTestCase()
    {
        QString resolved, error;
        m_profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(m_profile, qPrintable(error));
    }

    // An in-network factor was learned on a module's own blocks: an Add
    // takes it, a Mul the add module predicts as a stand-in does not. The
    // factor survives saving; a damaged one is refused with the file named.
    void standInsTakeTheModuleAloneTime()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "64", "56", "56"});
        b.input("y", {"1", "64", "56", "56"});
        b.node("Add", {"x", "y"}, {"sum"}, "own/add");
        b.node("Mul", {"x", "y"}, {"product"}, "stand-in/mul");
        b.output("sum");
        b.output("product");
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("add.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        auto latencies = [&](const core::DeviceProfile &p) {
            core::NetworkPredictor predictor;
            QString problem;
            if (!predictor.prepare(*network.graph, network.analysis, p,
                                   core::defaultProfilingSpec(), &problem))
                return std::pair<double, double>{-1, -1};
            const core::ConfigPrediction c = predictor.predict({1, 0, 1});
            return std::pair{c.blocks[0].latencyMs.value, c.blocks[1].latencyMs.value};
        };
        profile->cacheMissCosts.clear(); // the factor alone
        profile->inNetworkFactors.erase(QStringLiteral("add"));
        const auto [addAlone, mulAlone] = latencies(*profile);
        QVERIFY(addAlone > 0);
        QVERIFY(qAbs(mulAlone - addAlone) < 1e-12 * addAlone); // same shapes, same model
        profile->inNetworkFactors[QStringLiteral("add")] = 2.5;
        const auto [add, mul] = latencies(*profile);
        QVERIFY(qAbs(add - addAlone) < 1e-12 * addAlone); // the factor is in the model already
        QVERIFY2(qAbs(mul - addAlone / 2.5) < 1e-12 * addAlone, qPrintable(QString::number(mul)));

        QVERIFY2(profile->save(dir.filePath(QStringLiteral("profile")), &error), qPrintable(error));
        const auto loaded =
            core::DeviceProfile::load(dir.filePath(QStringLiteral("profile")), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->inNetworkFactor(QStringLiteral("add")), 2.5);
        QCOMPARE(loaded->inNetworkFactor(QStringLiteral("no_such_module")), 1.0);
        QVERIFY(
            editManifest(dir.filePath(QStringLiteral("profile")), "\"add\": 2.5", "\"add\": 0"));
        QVERIFY(!core::DeviceProfile::load(dir.filePath(QStringLiteral("profile")), &error));
        QVERIFY2(error.contains(QLatin1String("manifest.json")) &&
                     error.contains(QLatin1String("in-network factor of add")),
                 qPrintable(error));
    }

    // A grouped convolution stands in as the dense module with one group's
    // output channels (same multiply-adds, input and weights), and is not
    // harvested as that configuration.
    void groupedConvolutionsStandInAsDenseOnOneGroup()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "32", "28", "28"});
        b.weight("wg", {64, 8, 3, 3});
        b.weight("wd", {16, 32, 3, 3});
        for (const auto &[w, y] : {std::pair{"wg", "grouped"}, std::pair{"wd", "dense"}}) {
            auto &conv = b.node("Conv", {"x", w}, {y}, y);
            test::setInts(conv, "kernel_shape", {3, 3});
            test::setInts(conv, "pads", {1, 1, 1, 1});
            if (std::string(y) == "grouped")
                test::setInt(conv, "group", 4);
            b.output(y);
        }
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("grouped.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        const auto grouped = core::matchModule(*network.graph, 0, spec);
        const auto dense = core::matchModule(*network.graph, 1, spec);
        QVERIFY(grouped && dense);
        QCOMPARE(grouped->groups, int64_t(4));
        QCOMPARE(dense->groups, int64_t(1));
        QCOMPARE(grouped->config.module, dense->config.module);
        QVERIFY(grouped->config.params == dense->config.params); // 32 -> 16 channels
        QCOMPARE(core::harvestConfigs(*network.graph, spec).size(), size_t(1));

        QString resolved, error;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->cacheMissCosts.clear();
        profile->inNetworkFactors.erase(grouped->config.module);
        core::NetworkPredictor predictor;
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, *profile, spec, &error),
                 qPrintable(error));
        const core::NetworkBlock &g = predictor.blocks()[0], &d = predictor.blocks()[1];
        QCOMPARE(g.module, d.module);
        QVERIFY2(g.approximation.contains(QLatin1String("4 groups")), qPrintable(g.approximation));
        QVERIFY(d.approximation.isEmpty());
        QCOMPARE(g.features.macs, d.features.macs);
        QCOMPARE(g.features.inputBytes, d.features.inputBytes);
        QCOMPARE(g.features.weightBytes, d.features.weightBytes);
        QCOMPARE(g.features.outputBytes, d.features.outputBytes);
        QCOMPARE(g.features.peakActivationBytes, d.features.peakActivationBytes);
        QCOMPARE(g.features.toJson(), d.features.toJson());
        const core::ConfigPrediction c = predictor.predict({1, 0, 1});
        QVERIFY(c.blocks[0].latencyMs.available && c.blocks[0].latencyMs.value > 0);
        QVERIFY(qAbs(c.blocks[0].latencyMs.value - c.blocks[1].latencyMs.value) <
                1e-9 * c.blocks[1].latencyMs.value);

        // The CLI says which layers a stand-in predicts, and how.
        int exitCode = -1;
        const QString file = dir.filePath(QStringLiteral("grouped.onnx"));
        const QJsonObject json =
            runPredict({file, QStringLiteral("--format"), QStringLiteral("json")}, &exitCode);
        QCOMPARE(exitCode, 0);
        const QJsonArray layers = json.value(QStringLiteral("layers")).toArray();
        QCOMPARE(layers.size(), 2);
        QVERIFY(layers[0]
                    .toObject()
                    .value(QStringLiteral("approximation"))
                    .toString()
                    .contains(QLatin1String("4 groups")));
        QVERIFY(!layers[1].toObject().contains(QStringLiteral("approximation")));
        QProcess table;
        table.start(test::program(QStringLiteral("layerlens-cli")),
                    {QStringLiteral("predict"), file});
        QVERIFY(table.waitForFinished(60000));
        const QString text = QString::fromUtf8(table.readAllStandardOutput());
        QVERIFY2(text.contains(QLatin1String("1 layer(s) predicted by the module of another "
                                             "operator (Conv 1;")),
                 qPrintable(text));
    }

    // A 1x7 convolution stands in as the 1x1 module over seven times the
    // input channels (its im2col product), is predicted, and not harvested.
    // ONNX infers a Conv's kernel from its weights where the attribute is
    // left out (some exporters do): it is the same module either way.
    void kernelComesFromTheWeightsWithoutItsAttribute()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "32", "28", "28"});
        b.weight("w", {16, 32, 3, 3});
        for (const char *y : {"stated", "inferred"}) {
            auto &conv = b.node("Conv", {"x", "w"}, {y}, y);
            if (std::string(y) == "stated")
                test::setInts(conv, "kernel_shape", {3, 3});
            test::setInts(conv, "pads", {1, 1, 1, 1});
            b.output(y);
        }
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("kernel.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        const auto stated = core::matchModule(*network.graph, 0, spec);
        const auto inferred = core::matchModule(*network.graph, 1, spec);
        QVERIFY(stated && inferred);
        QCOMPARE(inferred->config.module, stated->config.module);
        QVERIFY(inferred->config.params == stated->config.params);
        QCOMPARE(inferred->config.params.at(QStringLiteral("kernel")), int64_t(3));
    }

    void nonSquareKernelsStandInAsPointwise()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "32", "17", "17"});
        b.weight("w", {48, 32, 1, 7});
        auto &conv = b.node("Conv", {"x", "w"}, {"y"}, "conv_1x7");
        test::setInts(conv, "kernel_shape", {1, 7});
        test::setInts(conv, "pads", {0, 3, 0, 3});
        b.output("y");
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("1x7.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        const auto match = core::matchModule(*network.graph, 0, spec);
        QVERIFY(match);
        QCOMPARE(match->kernelTaps, int64_t(7));
        QCOMPARE(match->config.params.at(QStringLiteral("in_channels")), int64_t(32 * 7));
        QCOMPARE(match->config.params.at(QStringLiteral("kernel")), int64_t(1));
        QCOMPARE(match->config.params.at(QStringLiteral("out_channels")), int64_t(48));
        QVERIFY(core::harvestConfigs(*network.graph, spec).empty());

        QString error;
        core::NetworkPredictor predictor;
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, *m_profile, spec, &error),
                 qPrintable(error));
        QCOMPARE(predictor.blocks().size(), size_t(1));
        const core::NetworkBlock &block = predictor.blocks()[0];
        QVERIFY2(block.approximation.contains(QLatin1String("non-square kernel")),
                 qPrintable(block.approximation));
        // Its multiply-adds and weights, the im2col matrix as its input.
        QCOMPARE(block.features.macs, int64_t(48) * 32 * 7 * 17 * 17);
        QCOMPARE(block.features.weightBytes, int64_t(48) * 32 * 7 * 4);
        QCOMPARE(block.features.inputBytes, int64_t(32) * 7 * 17 * 17 * 4);
        const core::ConfigPrediction c = predictor.predict({1, 0, 1});
        QVERIFY(c.blocks[0].latencyMs.available && c.blocks[0].latencyMs.value > 0);
        QCOMPARE(predictor.unmodelledNodes(), 0);
    }

    // A mean over the spatial axes (ShuffleNet's pooling) is the global
    // average pool it computes; a mean over the channels is no pool.
    void spatialMeanIsGlobalAveragePool()
    {
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        QTemporaryDir dir;
        int file = 0;
        auto matchOf = [&](const std::vector<int64_t> &axes) {
            test::ModelBuilder b;
            b.input("x", {"2", "96", "7", "7"});
            auto &mean = b.node("ReduceMean", {"x"}, {"y"}, "mean");
            test::setInts(mean, "axes", axes);
            test::setInt(mean, "keepdims", 0);
            b.output("y");
            const core::AnalyzedNetwork network =
                analyzedBuilt(b, dir, QStringLiteral("mean%1.onnx").arg(file++));
            return network.ok() ? core::matchModule(*network.graph, 0, spec) : std::nullopt;
        };
        for (const std::vector<int64_t> &axes : {std::vector<int64_t>{2, 3}, {-1, -2}}) {
            const auto match = matchOf(axes);
            QVERIFY(match);
            QCOMPARE(match->config.module, QStringLiteral("global_avgpool"));
            QCOMPARE(match->config.params.at(QStringLiteral("batch")), int64_t(2));
            QCOMPARE(match->config.params.at(QStringLiteral("in_channels")), int64_t(96));
            QCOMPARE(match->config.params.at(QStringLiteral("size")), int64_t(7));
        }
        QVERIFY(!matchOf({1}));
        QVERIFY(!matchOf({1, 2}));
        QVERIFY(!matchOf({1, 2, 3}));

        // ShuffleNet's: predicted by the pool's module, no operator cost.
        QString error;
        core::LoadOptions options;
        options.keepWeightData = false;
        const auto shuffle = core::loadAndAnalyze(
            test::sharedModel(QStringLiteral("shufflenet_v2_x1_0.onnx")), options);
        QVERIFY2(shuffle.ok(), qPrintable(shuffle.error));
        core::NetworkPredictor predictor;
        QVERIFY2(predictor.prepare(*shuffle.graph, shuffle.analysis, *m_profile, spec, &error),
                 qPrintable(error));
        int means = 0;
        for (const core::NetworkBlock &block : predictor.blocks()) {
            if (shuffle.graph->nodes[block.nodes.front()].opType == QLatin1String("ReduceMean")) {
                ++means;
                QCOMPARE(block.module, QStringLiteral("global_avgpool"));
                QVERIFY(block.costOperator.isEmpty());
            }
        }
        QCOMPARE(means, 1);
    }
};

QTEST_GUILESS_MAIN(TestStandIns)
#include "tst_stand_ins.moc"
