// The exact reference figures of ../shared/models/README.md.
#include "graph/analyzed_network.h"
#include "support/test_paths.h"

#include <QFileInfo>
#include <QTest>

using namespace layerlens;

class TestSharedNetworks : public QObject
{
    Q_OBJECT

private:
    static int64_t convGemmMacs(const core::AnalyzedNetwork &net)
    {
        int64_t macs = 0;
        for (const auto &layer : net.analysis.layers) {
            const QString &op = net.graph->nodes[layer.node].opType;
            if (op == QLatin1String("Conv") || op == QLatin1String("Gemm"))
                macs += layer.macs;
        }
        return macs;
    }

    static core::AnalyzedNetwork load(const QString &file, int64_t batch)
    {
        core::LoadOptions options;
        options.batch = batch;
        options.keepWeightData = false;
        return core::loadAndAnalyze(test::sharedModel(file), options);
    }

private Q_SLOTS:
    void references_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<qint64>("params");
        QTest::addColumn<qint64>("macs");
        QTest::newRow("squeezenet1_1") << "squeezenet1_1.onnx" << 83 << 1233288LL << 349151936LL;
        QTest::newRow("mobilenet_v2") << "mobilenet_v2.onnx" << 209 << 3475008LL << 300774272LL;
        QTest::newRow("resnet18") << "resnet18.onnx" << 65 << 11680872LL << 1814073344LL;
        QTest::newRow("shufflenet_v2_x1_0")
            << "shufflenet_v2_x1_0.onnx" << 937 << 2263878LL << 144907992LL;
    }

    void references()
    {
        QFETCH(QString, file);
        QFETCH(int, nodes);
        QFETCH(qint64, params);
        QFETCH(qint64, macs);
        if (!QFileInfo::exists(test::sharedModel(file)))
            QFAIL(qPrintable(QStringLiteral("missing shared network %1 (set "
                                            "LAYERLENS_SHARED_MODELS)")
                                 .arg(test::sharedModel(file))));

        for (const int64_t batch : {int64_t(1), int64_t(4)}) {
            const core::AnalyzedNetwork net = load(file, batch);
            QVERIFY2(net.ok(), qPrintable(net.error));
            const core::Graph &g = *net.graph;
            QCOMPARE(static_cast<int>(g.nodes.size()), nodes);
            // Parameters are what the file holds, exactly, at any batch.
            QCOMPARE(net.analysis.totals.params, params);
            QCOMPARE(g.weightElements(), params);
            // Conv + Gemm MACs exact, and scaled by the batch.
            QCOMPARE(convGemmMacs(net), macs * batch);
            QVERIFY(net.analysis.totals.macs >= macs * batch);
            // Every tensor concrete, every layer costed, nothing unsupported.
            for (const core::Tensor &t : g.tensors) {
                QVERIFY2(t.shape.isConcrete(),
                         qPrintable(QStringLiteral("%1 has shape %2 at batch %3")
                                        .arg(t.name, t.shape.toString())
                                        .arg(batch)));
            }
            QVERIFY(net.analysis.unsupported.empty());
            QVERIFY(net.analysis.totals.complete);
            QCOMPARE(net.analysis.totals.unknownCostLayers, 0);
            // Input and output bound to the batch.
            QCOMPARE(g.inputs.size(), size_t(1));
            QCOMPARE(g.tensors[g.inputs[0]].shape.dims, (std::vector<int64_t>{batch, 3, 224, 224}));
            QCOMPARE(g.tensors[g.outputs[0]].shape.dims, (std::vector<int64_t>{batch, 1000}));
            QCOMPARE(g.boundDims.at(QStringLiteral("batch")), batch);
            // Peak activations hold at least the input and the largest activation.
            int64_t largest = 0;
            for (const core::Tensor &t : g.tensors) {
                if (t.role == core::TensorRole::Activation)
                    largest = std::max(largest, t.byteSize());
            }
            QVERIFY(net.analysis.totals.peakActivationBytes >= largest);
            QVERIFY(net.analysis.totals.peakActivationBytes >= g.tensors[g.inputs[0]].byteSize());
        }
    }

    // The ShuffleNet channel shuffle is computed at run time in the file
    // (Shape -> Gather -> Unsqueeze -> Concat -> Reshape); it must fold.
    void shuffleNetShapesFold()
    {
        const core::AnalyzedNetwork net = load(QStringLiteral("shufflenet_v2_x1_0.onnx"), 4);
        QVERIFY2(net.ok(), qPrintable(net.error));
        int reshapes = 0;
        for (const core::Node &node : net.graph->nodes) {
            if (node.opType != QLatin1String("Reshape") || node.folded)
                continue;
            ++reshapes;
            const auto &dims = net.graph->tensors[node.outputs[0]].shape.dims;
            QCOMPARE(dims.front(), int64_t(4));
        }
        QVERIFY(reshapes >= 32); // two per shuffle block
        QVERIFY(net.graph->foldedNodeCount() > 500);
    }
};

QTEST_GUILESS_MAIN(TestSharedNetworks)
#include "tst_shared_networks.moc"
