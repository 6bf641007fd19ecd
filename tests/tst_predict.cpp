// Block segmentation, per-layer prediction with the built-in profile, batch
// scaling, out-of-distribution flags, Pareto fronts, and `predict` on the CLI.
#include "graph/analyzed_network.h"
#include "predict/calibration_probes.h"
#include "predict/network_predictor.h"
#include "predict/operator_costs.h"
#include "predict/prediction_report.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "profiling/module_config.h"
#include "profiling/module_features.h"
#include "profiling/profiling_spec.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"
#include "support/test_paths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;
using test::analyzedBuilt;
using test::editManifest;
using test::runPredict;

namespace {

core::AnalyzedNetwork analyzed(const QString &file, int64_t batch)
{
    core::LoadOptions options;
    options.keepWeightData = false;
    options.batch = batch;
    return core::loadAndAnalyze(test::sharedModel(file), options);
}

} // namespace

class TestPredict : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::DeviceProfile> m_profile;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(core::builtinProfiles().contains(QLatin1String(core::kDefaultProfileName)),
                 qPrintable(core::builtinProfiles().join(QLatin1Char(','))));
        QString resolved, error;
        m_profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(m_profile, qPrintable(error));
        QCOMPARE(resolved, QString::fromLatin1(core::kDefaultProfileName));
    }

    void segmentsResnet18ByFusionRules()
    {
        const auto net = analyzed(QStringLiteral("resnet18.onnx"), 1);
        QVERIFY2(net.ok(), qPrintable(net.error));
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(predictor.prepare(*net.graph, net.analysis, *m_profile,
                                   core::defaultProfilingSpec(), &error),
                 qPrintable(error));
        // 49 run-time nodes: 9 Conv+Relu and 8 Add+Relu pairs run as one block each.
        std::map<QString, int> modules;
        int nodes = 0;
        for (const auto &b : predictor.blocks()) {
            ++modules[b.module];
            nodes += static_cast<int>(b.nodes.size());
        }
        QCOMPARE(nodes, 49);
        QCOMPARE(predictor.blocks().size(), size_t(32));
        QCOMPARE(modules[QStringLiteral("conv2d_relu")], 9);
        QCOMPARE(modules[QStringLiteral("conv2d")], 11);
        QCOMPARE(modules[QStringLiteral("add_relu")], 8);
        QCOMPARE(modules[QStringLiteral("add")], 0);
        QCOMPARE(modules[QStringLiteral("relu")], 0);
        QCOMPARE(modules[QStringLiteral("maxpool")], 1);
        QCOMPARE(modules[QStringLiteral("global_avgpool")], 1);
        QCOMPARE(modules[QStringLiteral("linear")], 1);
        QCOMPARE(modules[QString()], 1); // Flatten: no model, listed
        QCOMPARE(predictor.unmodelledNodes(), 1);
    }

    void blockFeaturesEqualProfiledModuleGraphs()
    {
        // What a model sees for a block of a real network is what the
        // profiler stored for the same configuration.
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        for (const QString &file :
             {QStringLiteral("resnet18.onnx"), QStringLiteral("mobilenet_v2.onnx")}) {
            const auto net = analyzed(file, 2);
            QVERIFY(net.ok());
            int compared = 0;
            for (int n = 0; n < static_cast<int>(net.graph->nodes.size()); ++n) {
                const auto match = core::matchModule(*net.graph, n, spec);
                if (!match)
                    continue;
                core::ModuleFeatures block;
                QVERIFY(core::blockFeatures(*net.graph, net.analysis, match->nodes, &block));
                QString error;
                const auto graph = core::buildModuleGraph(*spec.module(match->config.module),
                                                          match->config, &error);
                QVERIFY2(graph, qPrintable(error));
                const core::ModuleFeatures module =
                    core::moduleGraphFeatures(*graph, core::analyzeNetwork(*graph));
                const QString what = file + QLatin1Char(' ') + net.graph->nodes[n].name;
                QVERIFY2(block.macs == module.macs, qPrintable(what));
                QVERIFY2(block.flops == module.flops, qPrintable(what));
                QVERIFY2(block.inputBytes == module.inputBytes, qPrintable(what));
                QVERIFY2(block.outputBytes == module.outputBytes, qPrintable(what));
                QVERIFY2(block.peakActivationBytes == module.peakActivationBytes,
                         qPrintable(what + QStringLiteral(" %1 %2")
                                               .arg(block.peakActivationBytes)
                                               .arg(module.peakActivationBytes)));
                ++compared;
            }
            QVERIFY(compared > 40);
        }
    }

    void batchScalingEqualsReanalysis()
    {
        const auto one = analyzed(QStringLiteral("resnet18.onnx"), 1);
        const auto four = analyzed(QStringLiteral("resnet18.onnx"), 4);
        core::NetworkPredictor a, b;
        QString error;
        QVERIFY(
            a.prepare(*one.graph, one.analysis, *m_profile, core::defaultProfilingSpec(), &error));
        QVERIFY(b.prepare(*four.graph, four.analysis, *m_profile, core::defaultProfilingSpec(),
                          &error));
        QCOMPARE(a.analysedBatch(), int64_t(1));
        QCOMPARE(b.analysedBatch(), int64_t(4));
        const core::ConfigPrediction pa = a.predict({4, 0, 1});
        const core::ConfigPrediction pb = b.predict({4, 0, 1});
        QCOMPARE(pa.blocks.size(), pb.blocks.size());
        for (size_t i = 0; i < pa.blocks.size(); ++i) {
            QCOMPARE(pa.blocks[i].latencyMs.available, pb.blocks[i].latencyMs.available);
            if (pa.blocks[i].latencyMs.available)
                QVERIFY(qFuzzyCompare(pa.blocks[i].latencyMs.value, pb.blocks[i].latencyMs.value));
        }
        QVERIFY(qFuzzyCompare(pa.memoryBytes.value, pb.memoryBytes.value));
    }

    void predictionsGrowWithBatchAndCarryIntervals()
    {
        const auto net = analyzed(QStringLiteral("mobilenet_v2.onnx"), 1);
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY(predictor.prepare(*net.graph, net.analysis, *m_profile,
                                  core::defaultProfilingSpec(), &error));
        const auto p1 = predictor.predict({1, 0, 1});
        const auto p8 = predictor.predict({8, 0, 1});
        QVERIFY(p1.latencyMs.available && p1.latencyMs.value > 0);
        QVERIFY(p8.latencyMs.value > 3 * p1.latencyMs.value);
        QVERIFY(p8.memoryBytes.value > p1.memoryBytes.value);
        QVERIFY(p1.latencyMs.low < p1.latencyMs.value && p1.latencyMs.value < p1.latencyMs.high);
        // No energy sensor where the built-in profile was made: unavailable, not zero.
        QVERIFY(!p1.energyJ.available);
        QCOMPARE(p1.outOfDistributionBlocks, 0);
        // Far outside anything profiled: flagged, with the feature named.
        const auto huge = predictor.predict({4096, 0, 1});
        QVERIFY(huge.outOfDistributionBlocks > 0);
        bool named = false;
        for (const auto &b : huge.blocks)
            named = named || b.outOfDistributionReason().contains(QStringLiteral("batch"));
        QVERIFY(named);
    }

    // What users bring beyond the shared networks: a squeeze-excite block on
    // a 112x112 map (GlobalAveragePool far outside its trained sizes, Mul by
    // a broadcast scale, HardSigmoid) and a transformer-style MatMul by a
    // weight over 197 tokens. Every block gets a model; extrapolations stay
    // physical; the network's batch is its input's, not a block's rows.
    void extrapolatesBeyondTrainedConfigurations()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "32", "112", "112"});
        b.input("t", {"1", "197", "256"});
        b.weight("w", {256, 1024});
        b.node("GlobalAveragePool", {"x"}, {"pooled"}, "se/pool");
        b.node("Mul", {"x", "pooled"}, {"scaled"}, "se/mul");
        b.node("HardSigmoid", {"scaled"}, {"y"}, "act");
        b.node("MatMul", {"t", "w"}, {"z"}, "mlp/fc1");
        b.output("y");
        b.output("z");
        QTemporaryDir dir;
        core::AnalyzedNetwork network;
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(test::prepareBuilt(b, dir, QStringLiteral("se.onnx"), *m_profile, &network,
                                    &predictor, &error),
                 qPrintable(error));
        QCOMPARE(predictor.analysedBatch(), int64_t(1));
        std::map<QString, QString> moduleOf;
        for (const core::NetworkBlock &block : predictor.blocks())
            moduleOf[network.graph->nodes[block.nodes.front()].name] = block.module;
        QCOMPARE(moduleOf[QStringLiteral("se/pool")], QStringLiteral("global_avgpool"));
        QCOMPARE(moduleOf[QStringLiteral("se/mul")], QStringLiteral("add"));
        QCOMPARE(moduleOf[QStringLiteral("act")], QStringLiteral("relu"));
        QCOMPARE(moduleOf[QStringLiteral("mlp/fc1")], QStringLiteral("linear"));

        const core::ConfigPrediction one = predictor.predict({1, 0, 1});
        const core::ConfigPrediction eight = predictor.predict({8, 0, 1});
        for (size_t i = 0; i < predictor.blocks().size(); ++i) {
            const QString name = network.graph->nodes[predictor.blocks()[i].nodes.front()].name;
            const core::MetricPrediction &l = one.blocks[i].latencyMs;
            QVERIFY2(l.available && l.value > 0, qPrintable(name));
            // Reading 1.6 MB once cannot take milliseconds on any CPU this
            // profile describes (the tree's own extrapolation said 34 ms for
            // such a pool); a 197x256x1024 product is ~52 M MACs: well under
            // 50 ms and above 0.1 ms.
            if (name == QLatin1String("se/pool")) {
                QVERIFY(one.blocks[i].outOfDistribution);
                QVERIFY2(l.value < 2.0, qPrintable(QString::number(l.value)));
            }
            if (name == QLatin1String("mlp/fc1")) {
                QVERIFY2(l.value > 0.1 && l.value < 50, qPrintable(QString::number(l.value)));
            }
            // More batch, more time: never less.
            QVERIFY2(eight.blocks[i].latencyMs.value >= l.value * 0.99, qPrintable(name));
        }
        QVERIFY(predictor.blocks().size() == 4);
    }

    // Operators without a module get the in-network cost calibrate fits:
    // fixed + per MiB + per Mflop, non-negative; copies (Transpose) by
    // their bytes too, views share one median cost; too few timed nodes
    // teach nothing.
    void fitsOperatorCostsFromTimedNodes()
    {
        std::vector<core::OperatorObservation> observed;
        const double mib = 1 << 20;
        for (int i = 1; i <= 12; ++i) // Sigmoid: 2 us + 60 us per MiB, +-1% noise
            observed.push_back({QStringLiteral("Sigmoid"), i * 0.25 * mib, 0,
                                (0.002 + 0.060 * i * 0.25) * (i % 2 ? 1.01 : 0.99)});
        for (int i = 0; i < 12; ++i) // one size only, as a transformer's repeated layers
            observed.push_back({QStringLiteral("Erf"), 2.3 * mib, 0, 0.9 * (i % 2 ? 1.01 : 0.99)});
        for (int i = 0; i < 12; ++i) // one tiny size: a per-token Sqrt
            observed.push_back({QStringLiteral("Sqrt"), 1576, 0, 0.003 * (i % 2 ? 1.01 : 0.99)});
        observed.push_back({QStringLiteral("Tanh"), mib, 0, 0.1});
        observed.push_back({QStringLiteral("Tanh"), mib, 0, 0.1});
        for (double ms : {0.002, 0.003, 0.004, 0.5, 0.003})
            observed.push_back({QStringLiteral("Reshape"), mib, 0, ms});
        for (int i = 1; i <= 6; ++i) // Transpose: 1 us + 20 us per MiB
            observed.push_back({QStringLiteral("Transpose"), i * 0.5 * mib, 0, 0.001 + 0.010 * i});
        observed.push_back({QStringLiteral("Split"), mib, 0, 0.2}); // one copy of its kind
        // Probes (networks built to time one copy at several sizes): they fit
        // their operator's cost; the shared data-movement term ignores them.
        for (int i = 1; i <= 8; ++i) {
            core::OperatorObservation o{QStringLiteral("Slice"), i * mib, 0, 0.002 + 0.009 * i};
            o.probe = true;
            observed.push_back(o);
        }
        const auto costs = core::fitOperatorCosts(observed);
        QVERIFY(costs.count(QStringLiteral("Slice")));
        // Timed in a probe, between convolutions as in a network: no cache
        // misses on top when predicted, as for a cost timed in networks.
        QVERIFY(!costs.at(QStringLiteral("Slice")).measuredAlone);
        QVERIFY(!costs.at(QStringLiteral("Transpose")).measuredAlone);
        QVERIFY2(std::abs(costs.at(QStringLiteral("Slice")).msPerMiB - 0.009) < 1e-6 &&
                     std::abs(costs.at(QStringLiteral("Slice")).fixedMs - 0.002) < 1e-6,
                 qPrintable(QString::number(costs.at(QStringLiteral("Slice")).msPerMiB)));
        QVERIFY(costs.count(QStringLiteral("Sigmoid")));
        const core::OperatorCost &sigmoid = costs.at(QStringLiteral("Sigmoid"));
        QVERIFY2(std::abs(sigmoid.msPerMiB - 0.060) < 0.002,
                 qPrintable(QString::number(sigmoid.msPerMiB)));
        QVERIFY2(std::abs(sigmoid.fixedMs - 0.002) < 0.001,
                 qPrintable(QString::number(sigmoid.fixedMs)));
        QVERIFY(sigmoid.mape < 2);
        QCOMPARE(sigmoid.observations, 12);
        // Sizes that do not vary: a cost that grows with the tensor, not a fixed one.
        const core::OperatorCost &erf = costs.at(QStringLiteral("Erf"));
        QVERIFY2(erf.fixedMs < 0.01 && erf.msPerMiB > 0.3,
                 qPrintable(QString::number(erf.msPerMiB)));
        // Tiny ones: the call's fixed cost, not a rate a larger map would pay 100 times.
        const core::OperatorCost &sqrt = costs.at(QStringLiteral("Sqrt"));
        QVERIFY2(std::abs(sqrt.fixedMs - 0.003) < 0.0001 && sqrt.msPerMiB < 1e-6,
                 qPrintable(QString::number(sqrt.msPerMiB)));
        QVERIFY(!costs.count(QStringLiteral("Tanh")));
        QVERIFY(costs.count(QStringLiteral("Transpose")));
        const core::OperatorCost &transpose = costs.at(QStringLiteral("Transpose"));
        QVERIFY2(std::abs(transpose.msPerMiB - 0.020) < 1e-6 &&
                     std::abs(transpose.fixedMs - 0.001) < 1e-6,
                 qPrintable(QString::number(transpose.msPerMiB)));
        QVERIFY(!costs.count(QStringLiteral("Reshape")) && !costs.count(QStringLiteral("Split")));
        // The views and the lone Split: 2, 3, 3, 4 us, 0.2 and 0.5 ms.
        QVERIFY(costs.count(QString::fromLatin1(core::kDataMovement)));
        QCOMPARE(costs.at(QString::fromLatin1(core::kDataMovement)).fixedMs, 0.0035);
        QCOMPARE(costs.at(QString::fromLatin1(core::kDataMovement)).observations, 6);
        for (const auto &[op, c] : costs)
            QVERIFY2(c.fixedMs >= 0 && c.msPerMiB >= 0 && c.msPerMflop >= 0, qPrintable(op));
        QVERIFY(sigmoid.msPerSpilledMiB == 0 && sigmoid.spillBytes == 0);

        // A copy that streams past a 2 MiB cache: 4 us + 20 us per MiB, and
        // 25 us per MiB more on what spills past 1 MiB (a share growing to
        // all of it at 2 MiB). One rate for every size misses it by a fifth.
        const auto shuffle = [mib](double bytes) {
            const double spilled = std::clamp(bytes / mib - 1, 0.0, 1.0);
            return 0.004 + (0.020 + 0.025 * spilled) * bytes / mib;
        };
        for (double size : {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0}) {
            core::OperatorObservation o{QStringLiteral("Transpose (channel shuffle)"), size * mib,
                                        0, shuffle(size * mib)};
            o.probe = true;
            observed.push_back(o);
        }
        const auto plain = core::fitOperatorCosts(observed);
        const auto spilled = core::fitOperatorCosts(observed, 2 * mib);
        const core::OperatorCost &straight =
            plain.at(QStringLiteral("Transpose (channel shuffle)"));
        QVERIFY2(straight.msPerSpilledMiB == 0 && straight.mape > 8,
                 qPrintable(QString::number(straight.mape)));
        const core::OperatorCost &knee = spilled.at(QStringLiteral("Transpose (channel shuffle)"));
        QVERIFY2(knee.spillBytes == mib && std::abs(knee.msPerSpilledMiB - 0.025) < 1e-6 &&
                     std::abs(knee.msPerMiB - 0.020) < 1e-6 &&
                     std::abs(knee.fixedMs - 0.004) < 1e-6,
                 qPrintable(
                     QStringLiteral("%1 past %2").arg(knee.msPerSpilledMiB).arg(knee.spillBytes)));
        QVERIFY(knee.mape < 0.01);
        QVERIFY(std::abs(knee.latencyMs(5 * mib, 0) - shuffle(5 * mib)) < 1e-9);
        // A straight line with noise gains nothing from the term.
        QCOMPARE(spilled.at(QStringLiteral("Sigmoid")).msPerSpilledMiB, 0.0);
    }

    // A profile's operator costs survive saving, predict the operators they
    // name, and a damaged entry is refused with the file named.
    void predictsOperatorsByTheirLearnedCost()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "64", "56", "56"});
        b.node("Sigmoid", {"x"}, {"s"}, "act/sigmoid");
        test::setInts(b.node("Transpose", {"s"}, {"t"}, "move/transpose"), "perm", {0, 2, 3, 1});
        b.node("Erf", {"t"}, {"y"}, "act/erf");
        b.output("y");
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("ops.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));

        core::DeviceProfile profile;
        profile.operatorCosts[QStringLiteral("Sigmoid")] = {0.002, 0.060, 0, 65, 8.2, 15};
        profile.operatorCosts[QString::fromLatin1(core::kDataMovement)] = {0.005, 0, 0, 40, 20, 60};
        QString error;
        QVERIFY2(profile.save(dir.filePath(QStringLiteral("profile")), &error), qPrintable(error));
        const auto loaded =
            core::DeviceProfile::load(dir.filePath(QStringLiteral("profile")), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->operatorCosts.size(), size_t(2));
        QCOMPARE(loaded->operatorCosts.at(QStringLiteral("Sigmoid")).msPerMiB, 0.060);

        core::NetworkPredictor predictor;
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, *loaded,
                                   core::defaultProfilingSpec(), &error),
                 qPrintable(error));
        QCOMPARE(predictor.blocks().size(), size_t(3));
        const core::NetworkBlock &sigmoid = predictor.blocks()[0];
        QCOMPARE(sigmoid.module, QStringLiteral("operator:Sigmoid"));
        QVERIFY(sigmoid.approximation.contains(QLatin1String("65 timed nodes")));
        QVERIFY(predictor.blocks()[1].module.isEmpty()); // data movement: the total's term
        QVERIFY(predictor.blocks()[2].module.isEmpty()); // Erf: never timed
        QCOMPARE(predictor.unmodelledNodes(), 2);
        const double bytes = 2.0 * 64 * 56 * 56 * 4; // read and written
        for (int batch : {1, 4}) {
            const core::ConfigPrediction p = predictor.predict({batch, 0, 1});
            const double expected = 0.002 + 0.060 * batch * bytes / (1 << 20);
            QVERIFY(p.blocks[0].latencyMs.available);
            QVERIFY2(std::abs(p.blocks[0].latencyMs.value - expected) < 1e-9,
                     qPrintable(QString::number(p.blocks[0].latencyMs.value)));
            QVERIFY(p.blocks[0].latencyMs.high > expected && p.blocks[0].latencyMs.low < expected);
            QVERIFY(!p.blocks[2].latencyMs.available);
            QCOMPARE(p.overheadMs, 0.005);
            QVERIFY(std::abs(p.latencyMs.value - expected - 0.005) < 1e-9);
        }
        // A copy timed often enough has a cost of its own: a layer then,
        // by its bytes, no longer in the shared data-movement term.
        loaded->operatorCosts[QStringLiteral("Transpose")] = {0.001, 0.020, 0, 73, 5, 9};
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, *loaded,
                                   core::defaultProfilingSpec(), &error),
                 qPrintable(error));
        QCOMPARE(predictor.blocks()[1].module, QStringLiteral("operator:Transpose"));
        QCOMPARE(predictor.unmodelledNodes(), 1);
        const core::ConfigPrediction t = predictor.predict({2, 0, 1});
        QVERIFY(std::abs(t.blocks[1].latencyMs.value - (0.001 + 0.020 * 2 * bytes / (1 << 20))) <
                1e-9);
        QCOMPARE(t.overheadMs, 0.0);
        // Past a cache, more per MiB on what spills (all of it from twice
        // spillBytes on): kept by the manifest and predicted.
        core::OperatorCost &spilling = loaded->operatorCosts[QStringLiteral("Transpose")];
        spilling.msPerSpilledMiB = 0.030;
        spilling.spillBytes = 1 << 20;
        QVERIFY2(loaded->save(dir.filePath(QStringLiteral("spilling")), &error), qPrintable(error));
        const auto reloaded =
            core::DeviceProfile::load(dir.filePath(QStringLiteral("spilling")), &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->operatorCosts.at(QStringLiteral("Transpose")).msPerSpilledMiB, 0.030);
        QCOMPARE(reloaded->operatorCosts.at(QStringLiteral("Transpose")).spillBytes,
                 double(1 << 20));
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, *reloaded,
                                   core::defaultProfilingSpec(), &error),
                 qPrintable(error));
        const double moved = 2 * bytes / (1 << 20); // 3 MiB at batch 2: all past 2 MiB
        QVERIFY(std::abs(predictor.predict({2, 0, 1}).blocks[1].latencyMs.value -
                         (0.001 + 0.050 * moved)) < 1e-9);

        // A negative coefficient in the manifest: refused, file named.
        QVERIFY(editManifest(dir.filePath(QStringLiteral("profile")), "\"ms_per_mib\": 0.06",
                             "\"ms_per_mib\": -0.06"));
        QVERIFY(!core::DeviceProfile::load(dir.filePath(QStringLiteral("profile")), &error));
        QVERIFY2(error.contains(QLatin1String("manifest.json")) &&
                     error.contains(QLatin1String("Sigmoid")),
                 qPrintable(error));
        QVERIFY(editManifest(dir.filePath(QStringLiteral("spilling")),
                             "\"ms_per_spilled_mib\": 0.03", "\"ms_per_spilled_mib\": -0.03"));
        QVERIFY(!core::DeviceProfile::load(dir.filePath(QStringLiteral("spilling")), &error));
        QVERIFY2(error.contains(QLatin1String("Transpose")), qPrintable(error));
    }

    // On two threads a block pays the profile's overhead per block, but an
    // operator's kernel on fewer elements than ATen splits over threads
    // runs on one, and pays none.
    void operatorsTooSmallToSplitPayNoThreadOverhead()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "16", "32", "32"}); // 16,384 elements at batch 1
        b.node("Sigmoid", {"x"}, {"y"}, "act/sigmoid");
        b.output("y");
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("small.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        core::DeviceProfile profile;
        profile.operatorCosts[QStringLiteral("Sigmoid")] = {0.002, 0.060, 0, 65, 8.2, 15};
        profile.blockOverheadMsTwoThreads = 0.003;
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(predictor.prepare(*network.graph, network.analysis, profile,
                                   core::defaultProfilingSpec(), &error),
                 qPrintable(error));
        QCOMPARE(predictor.blocks().front().outputElements, int64_t(16 * 32 * 32));
        for (int batch : {1, 2, 4}) {
            const double one = predictor.predict({batch, 0, 1}).blocks.front().latencyMs.value;
            const double two = predictor.predict({batch, 0, 2}).blocks.front().latencyMs.value;
            // 16,384 elements run on one thread; 32,768 and more are split.
            const double overhead = batch == 1 ? 0.0 : 0.003;
            QVERIFY2(std::abs(two - one - overhead) < 1e-12,
                     qPrintable(QStringLiteral("batch %1: %2 -> %3").arg(batch).arg(one).arg(two)));
        }
    }

    // Which data movement the executor runs as a view: a Transpose that
    // moves only dimensions of 1, a Slice or Split of whole rows of its
    // input's memory order: a channel slice of a row-major tensor at batch 1
    // but not at 2, never of a channels-last one (a graph input's), whose
    // rows of pixels are whole at batch 1 instead. Views cost the shared
    // term, copies their learned cost.
    void tellsViewsFromCopies()
    {
        test::ModelBuilder b;
        b.input("x", {"1", "116", "28", "28"});
        b.input("pixels", {"1", "90944"});
        b.input("tokens", {"1", "197", "768"});
        b.int64s("image", {4}, {1, 116, 28, 28});
        b.int64s("starts", {1}, {0});
        b.int64s("ends", {1}, {58});
        b.int64s("axes_c", {1}, {1});
        b.int64s("axes_h", {1}, {2});
        b.int64s("twos", {1}, {2});
        b.int64s("half_h", {1}, {14});
        b.int64s("flat", {1}, {-1});
        b.node("Reshape", {"pixels", "image"}, {"rows_first"}, "reshape/image");
        b.node("Slice", {"rows_first", "starts", "ends", "axes_c"}, {"channels"}, "slice/channels");
        b.node("Slice", {"x", "starts", "ends", "axes_c"}, {"nhwc_channels"},
               "slice/nhwc_channels");
        b.node("Slice", {"x", "starts", "half_h", "axes_h"}, {"rows"}, "slice/rows");
        b.node("Slice", {"x", "starts", "ends", "axes_c", "twos"}, {"strided"}, "slice/strided");
        test::setInts(b.node("Transpose", {"tokens"}, {"moved"}, "transpose/unit"), "perm",
                      {1, 0, 2});
        test::setInts(b.node("Transpose", {"x"}, {"nhwc"}, "transpose/copy"), "perm", {0, 2, 3, 1});
        test::setInt(b.node("Split", {"rows_first"}, {"half1", "half2"}, "split/channels"), "axis",
                     1);
        test::setInt(b.node("Split", {"x"}, {"half3", "half4"}, "split/nhwc_channels"), "axis", 1);
        b.node("Reshape", {"moved", "flat"}, {"row"}, "reshape/view");
        // ShuffleNet's channel shuffle, which the executor fuses into one
        // copy in its input's order.
        b.int64s("grouped", {5}, {1, 2, 58, 28, 28});
        b.node("Reshape", {"x", "grouped"}, {"g"}, "shuffle/split");
        test::setInts(b.node("Transpose", {"g"}, {"t"}, "shuffle/swap"), "perm", {0, 2, 1, 3, 4});
        b.node("Reshape", {"t", "image"}, {"shuffled"}, "shuffle/merge");
        for (const char *out : {"channels", "nhwc_channels", "rows", "strided", "moved", "nhwc",
                                "half1", "half2", "half3", "half4", "shuffled"})
            b.output(out);
        QTemporaryDir dir;
        const core::AnalyzedNetwork network = analyzedBuilt(b, dir, QStringLiteral("views.onnx"));
        QVERIFY2(network.ok(), qPrintable(network.error));
        const core::Graph &graph = *network.graph;
        const std::vector<bool> channelsLast = core::channelsLastTensors(graph);
        auto node = [&](const QString &name) {
            for (size_t n = 0; n < graph.nodes.size(); ++n) {
                if (graph.nodes[n].name == name)
                    return int(n);
            }
            qFatal("no node %s", qPrintable(name));
        };
        auto views = [&](const QString &name, int64_t scale) {
            return core::runsAsView(graph, node(name), scale, channelsLast);
        };
        auto nhwc = [&](const QString &name) {
            return bool(channelsLast[graph.nodes[node(name)].outputs[0]]);
        };
        // Layouts: the image input and what slices it stay channels-last;
        // a Reshape's and a Transpose's results are row-major.
        QVERIFY(nhwc(QStringLiteral("slice/nhwc_channels")) && nhwc(QStringLiteral("slice/rows")));
        QVERIFY(!nhwc(QStringLiteral("reshape/image")) && !nhwc(QStringLiteral("slice/channels")));
        QVERIFY(!nhwc(QStringLiteral("transpose/copy")));
        QVERIFY(nhwc(QStringLiteral("shuffle/merge")) && !nhwc(QStringLiteral("shuffle/swap")));

        QVERIFY(views(QStringLiteral("slice/channels"), 1));
        QVERIFY(!views(QStringLiteral("slice/channels"), 2));
        QVERIFY(!views(QStringLiteral("slice/nhwc_channels"), 1));
        QVERIFY(views(QStringLiteral("slice/rows"), 1));
        QVERIFY(!views(QStringLiteral("slice/rows"), 2));
        QVERIFY(!views(QStringLiteral("slice/strided"), 1));
        QVERIFY(views(QStringLiteral("transpose/unit"), 1));
        QVERIFY(!views(QStringLiteral("transpose/unit"), 2));
        QVERIFY(!views(QStringLiteral("transpose/copy"), 1));
        QVERIFY(views(QStringLiteral("split/channels"), 1));
        QVERIFY(!views(QStringLiteral("split/channels"), 2));
        QVERIFY(!views(QStringLiteral("split/nhwc_channels"), 1));
        QVERIFY(views(QStringLiteral("reshape/view"), 4));

        core::DeviceProfile profile;
        profile.operatorCosts[QStringLiteral("Slice")] = {0.001, 0.020, 0, 36, 5, 9};
        profile.operatorCosts[QString::fromLatin1(core::kDataMovement)] = {0.005, 0, 0, 40, 20, 60};
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(predictor.prepare(graph, network.analysis, profile, core::defaultProfilingSpec(),
                                   &error),
                 qPrintable(error));
        const core::ConfigPrediction one = predictor.predict({1, 0, 1});
        const core::ConfigPrediction two = predictor.predict({2, 0, 1});
        int slices = 0;
        for (size_t i = 0; i < predictor.blocks().size(); ++i) {
            const core::NetworkBlock &block = predictor.blocks()[i];
            if (block.costOperator != QLatin1String("Slice"))
                continue;
            ++slices;
            const QString &name = graph.nodes[block.nodes.front()].name;
            const bool view =
                name == QLatin1String("slice/channels") || name == QLatin1String("slice/rows");
            QCOMPARE(one.blocks[i].view, view);
            QCOMPARE(one.blocks[i].latencyMs.available, !view);
            QVERIFY(!two.blocks[i].view && two.blocks[i].latencyMs.available);
        }
        QCOMPARE(slices, 4);
        // At batch 1 the two slices that are views join the three
        // Transposes, the two Splits and the two Reshapes outside the
        // shuffle in the shared term (no cost of their own); at 2 only the
        // slices leave it. The shuffle's Reshapes are no steps: they join its
        // Transpose's block.
        QVERIFY2(std::abs(one.overheadMs - 9 * 0.005) < 1e-12,
                 qPrintable(QString::number(one.overheadMs)));
        QVERIFY(std::abs(two.overheadMs - 7 * 0.005) < 1e-12);
        bool shuffle = false;
        for (const core::NetworkBlock &block : predictor.blocks()) {
            if (graph.nodes[block.nodes.front()].name == QLatin1String("shuffle/swap")) {
                shuffle = true;
                QCOMPARE(block.nodes, (std::vector<int>{node(QStringLiteral("shuffle/swap")),
                                                        node(QStringLiteral("shuffle/split")),
                                                        node(QStringLiteral("shuffle/merge"))}));
            }
            QVERIFY(graph.nodes[block.nodes.front()].name != QLatin1String("shuffle/split"));
        }
        QVERIFY(shuffle);
    }

    void calibrationProbesAreWrittenOfEachKind()
    {
        QTemporaryDir dir;
        QString error;
        const QStringList files =
            core::writeCalibrationProbes(dir.filePath(QStringLiteral("probes")), &error);
        QVERIFY2(files.size() == 24, qPrintable(error));
        int splits = 0, shuffles = 0, fires = 0;
        QString resolved;
        auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        for (const QString &file : files) {
            core::LoadOptions options;
            options.keepWeightData = false;
            const auto net = core::loadAndAnalyze(file, options);
            QVERIFY2(net.ok(), qPrintable(net.error));
            core::NetworkPredictor predictor;
            QVERIFY2(predictor.prepare(*net.graph, net.analysis, *m_profile,
                                       core::defaultProfilingSpec(), &error),
                     qPrintable(error));
            // The copies (not views) of channels-last activations, which
            // calibrate times as their operator's cost: a split's two
            // Slices, or the shuffle with its Reshapes; every other block
            // is a module's (the convolutions around them, the Concat).
            const auto cl = core::channelsLastTensors(*net.graph);
            // A fire module's concatenation: a module's block, between the
            // convolutions of its expansions and the next squeeze.
            if (QFileInfo(file).fileName().startsWith(QLatin1String("fire"))) {
                QStringList modules;
                for (const core::NetworkBlock &block : predictor.blocks()) {
                    QVERIFY2(block.costOperator.isEmpty(), qPrintable(block.costOperator));
                    modules << block.module;
                }
                QCOMPARE(modules,
                         (QStringList{QStringLiteral("conv2d_relu"), QStringLiteral("conv2d_relu"),
                                      QStringLiteral("conv2d_relu"), QStringLiteral("concat"),
                                      QStringLiteral("conv2d_relu")}));
                ++fires;
                continue;
            }
            const bool split = QFileInfo(file).fileName().startsWith(QLatin1String("split"));
            const QString kernel = split ? QStringLiteral("Slice (channels-last)")
                                         : QStringLiteral("Transpose (channel shuffle)");
            std::vector<int> copies;
            for (size_t b = 0; b < predictor.blocks().size(); ++b) {
                const core::NetworkBlock &block = predictor.blocks()[b];
                if (block.costOperator.isEmpty()) {
                    QVERIFY2(!block.module.isEmpty(), qPrintable(block.reason));
                    continue;
                }
                const int node = block.nodes.front();
                QVERIFY(!core::runsAsView(*net.graph, node, 1, cl));
                QCOMPARE(net.graph->nodes[node].opType,
                         split ? QStringLiteral("Slice") : QStringLiteral("Transpose"));
                QCOMPARE(core::operatorCostKey(*net.graph, node, !split, cl), kernel);
                QCOMPARE(block.costOperator, kernel);
                if (!split)
                    QCOMPARE(block.nodes.size(), size_t(3)); // the shuffle's Reshapes join it
                copies.push_back(int(b));
            }
            QCOMPARE(copies.size(), size_t(split ? 2 : 1));
            (split ? splits : shuffles) += 1;
            // A profile without the kernel's cost predicts it by the operator's.
            profile->operatorCosts.erase(kernel);
            core::NetworkPredictor fallback;
            QVERIFY(fallback.prepare(*net.graph, net.analysis, *profile,
                                     core::defaultProfilingSpec(), &error));
            const int first = fallback.blocks()[size_t(copies.front())].nodes.front();
            QCOMPARE(fallback.blocks()[size_t(copies.front())].costOperator,
                     net.graph->nodes[first].opType);
        }
        QCOMPARE(splits, 8);
        QCOMPARE(shuffles, 8);
        QCOMPARE(fires, 8);
        QVERIFY(core::writeCalibrationProbes(QStringLiteral("/proc/no/such"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("/proc/no/such")), qPrintable(error));
    }

    void paretoFrontKeepsNonDominated()
    {
        auto config = [](double latency, double memory) {
            core::ConfigPrediction p;
            p.latencyMs = {true, latency, latency, latency};
            p.memoryBytes = {true, memory, memory, memory};
            return p;
        };
        const std::vector<core::ConfigPrediction> all = {config(1, 10), config(2, 5), config(3, 6),
                                                         config(1, 10), config(0.5, 20)};
        QCOMPARE(core::paretoFront(all), (std::vector<int>{0, 1, 3, 4}));
    }

    // --speed-ratio scales every latency (and its interval) to a slower or
    // faster machine; memory stays; bad values are refused.
    void cliPredictScalesToAMachinesSpeed()
    {
        const QString model = test::sharedModel(QStringLiteral("squeezenet1_1.onnx"));
        const QStringList common{model, QStringLiteral("--batch"), QStringLiteral("1,4"),
                                 QStringLiteral("--format"), QStringLiteral("json")};
        int code = 0;
        const QJsonObject plain = runPredict(common, &code);
        QCOMPARE(code, 0);
        const QJsonObject scaled = runPredict(
            common + QStringList{QStringLiteral("--speed-ratio"), QStringLiteral("1.5")}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(plain.value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("speed_ratio"))
                     .toDouble(),
                 1.0);
        QCOMPARE(scaled.value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("speed_ratio"))
                     .toDouble(),
                 1.5);
        const QJsonArray a = plain.value(QStringLiteral("configs")).toArray();
        const QJsonArray b = scaled.value(QStringLiteral("configs")).toArray();
        QCOMPARE(a.size(), 2);
        QCOMPARE(b.size(), 2);
        for (int i = 0; i < a.size(); ++i) {
            const QJsonObject x = a[i].toObject(), y = b[i].toObject();
            QVERIFY(qFuzzyCompare(y.value(QStringLiteral("latency_ms")).toDouble(),
                                  1.5 * x.value(QStringLiteral("latency_ms")).toDouble()));
            QCOMPARE(y.value(QStringLiteral("memory_bytes")).toDouble(),
                     x.value(QStringLiteral("memory_bytes")).toDouble());
        }
        const QJsonArray la = plain.value(QStringLiteral("layers")).toArray();
        const QJsonArray lb = scaled.value(QStringLiteral("layers")).toArray();
        QCOMPARE(la.size(), lb.size());
        for (int i = 0; i < la.size(); ++i) {
            const QJsonValue x = la[i].toObject().value(QStringLiteral("latency_ms"));
            const QJsonValue y = lb[i].toObject().value(QStringLiteral("latency_ms"));
            if (x.isDouble())
                QVERIFY(qFuzzyCompare(y.toDouble(), 1.5 * x.toDouble()));
        }
        // 'now' times this machine against the built-in profile's reference.
        const QJsonObject now = runPredict(
            common + QStringList{QStringLiteral("--speed-ratio"), QStringLiteral("now")}, &code);
        QCOMPARE(code, 0);
        const double ratio = now.value(QStringLiteral("device"))
                                 .toObject()
                                 .value(QStringLiteral("speed_ratio"))
                                 .toDouble();
        QVERIFY2(ratio > 0.1 && ratio < 10, qPrintable(QString::number(ratio)));
        QString err;
        runPredict({model, QStringLiteral("--speed-ratio"), QStringLiteral("0")}, &code, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--speed-ratio needs a positive number")),
                 qPrintable(err));
        // 'now' against a profile that recorded no speed reference.
        QTemporaryDir dir;
        QString resolved, error;
        const auto profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        profile->speedReference = {};
        const QString plainProfile = dir.filePath(QStringLiteral("plain"));
        QVERIFY2(profile->save(plainProfile, &error), qPrintable(error));
        runPredict({model, QStringLiteral("--device"), plainProfile,
                    QStringLiteral("--speed-ratio"), QStringLiteral("now")},
                   &code, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("recorded no speed reference")), qPrintable(err));
    }

    void cliPredictSweepsAndReportsJson()
    {
        int code = 0;
        const QJsonObject json = runPredict(
            {test::sharedModel(QStringLiteral("resnet18.onnx")), QStringLiteral("--batch"),
             QStringLiteral("1,2,4,8"), QStringLiteral("--utilization"),
             QStringLiteral("0,25,50,75"), QStringLiteral("--threads"), QStringLiteral("1,2,3,4"),
             QStringLiteral("--format"), QStringLiteral("json")},
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(json.value(QStringLiteral("configs")).toArray().size(), 64);
        QVERIFY(json.value(QStringLiteral("totals"))
                    .toObject()
                    .value(QStringLiteral("latency_ms"))
                    .toDouble() > 0);
        QVERIFY(json.value(QStringLiteral("totals"))
                    .toObject()
                    .value(QStringLiteral("energy_j"))
                    .isNull());
        QCOMPARE(json.value(QStringLiteral("layers")).toArray().size(), 32);
        QVERIFY(json.value(QStringLiteral("timing"))
                    .toObject()
                    .value(QStringLiteral("predict_us"))
                    .toDouble() > 0);
        int pareto = 0;
        for (const QJsonValue &c : json.value(QStringLiteral("configs")).toArray())
            pareto += c.toObject().value(QStringLiteral("pareto")).toBool() ? 1 : 0;
        QVERIFY(pareto >= 1 && pareto < 64);

        QString err;
        runPredict({test::sharedModel(QStringLiteral("resnet18.onnx")), QStringLiteral("--batch"),
                    QStringLiteral("0")},
                   &code, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--batch")), qPrintable(err));
        runPredict({test::sharedModel(QStringLiteral("resnet18.onnx")), QStringLiteral("--device"),
                    QStringLiteral("no-such-device")},
                   &code, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("no-such-device")) &&
                     err.contains(QStringLiteral("reference-cpu")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestPredict)
#include "tst_predict.moc"
