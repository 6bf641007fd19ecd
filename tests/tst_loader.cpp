// Loading features on models built in code: weights as inputs, external data,
// dimension binding, shape folding, weight sharing, opset limits, bad graphs.
#include "graph/analyzed_network.h"
#include "support/model_builder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;
using test::ModelBuilder;

class TestLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    core::AnalyzedNetwork load(ModelBuilder &model, const core::LoadOptions &options = {},
                               const QString &file = QStringLiteral("model.onnx"))
    {
        return core::loadAndAnalyze(model.save(m_dir.path(), file), options);
    }

    // Conv 3->8 (3x3, pad 1) on a symbolic batch, then Relu.
    static ModelBuilder convModel()
    {
        ModelBuilder m;
        m.input("x", {"batch", "3", "16", "16"}).weight("w", {8, 3, 3, 3}).weight("b", {8});
        auto &conv = m.node("Conv", {"x", "w", "b"}, {"c"}, "conv");
        test::setInts(conv, "kernel_shape", {3, 3});
        test::setInts(conv, "pads", {1, 1, 1, 1});
        m.node("Relu", {"c"}, {"y"}, "relu");
        m.output("y");
        return m;
    }

    void expectError(ModelBuilder &model, const QString &fragment,
                     const core::LoadOptions &options = {})
    {
        const core::AnalyzedNetwork net = load(model, options, QStringLiteral("bad.onnx"));
        QVERIFY2(!net.ok(), "a bad model loaded");
        QVERIFY2(net.error.contains(QStringLiteral("bad.onnx")), qPrintable(net.error));
        QVERIFY2(net.error.contains(fragment, Qt::CaseInsensitive), qPrintable(net.error));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void convBatchBinding()
    {
        ModelBuilder m = convModel();
        core::LoadOptions options;
        options.batch = 5;
        const auto net = load(m, options);
        QVERIFY2(net.ok(), qPrintable(net.error));
        const auto &conv = net.analysis.layers[0];
        QCOMPARE(conv.macs, int64_t(5) * 8 * 16 * 16 * 3 * 3 * 3);
        QCOMPARE(conv.flops, 2 * conv.macs + 5 * 8 * 16 * 16);
        QCOMPARE(conv.params, int64_t(8 * 27 + 8));
        QCOMPARE(conv.inputBytes, int64_t(5 * 3 * 16 * 16 * 4));
        QCOMPARE(conv.outputBytes, int64_t(5 * 8 * 16 * 16 * 4));
        // x and c are alive together at the Conv, c and y at the Relu.
        QCOMPARE(net.analysis.totals.peakActivationBytes, int64_t(5 * 8 * 16 * 16 * 4 * 2));
    }

    void batchDefaultsToOne()
    {
        ModelBuilder m = convModel();
        const auto net = load(m);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.graph->boundDims.at(QStringLiteral("batch")), int64_t(1));
    }

    void namedDimensions()
    {
        ModelBuilder m;
        m.input("ids", {"batch", "seq", "64"}).weight("w", {64, 32});
        m.node("MatMul", {"ids", "w"}, {"y"});
        m.output("y");
        expectError(m, QStringLiteral("'seq'"));
        const auto failed = load(m);
        QCOMPARE(failed.unboundDims, QStringList{QStringLiteral("seq")});

        core::LoadOptions options;
        options.batch = 2;
        options.dims[QStringLiteral("seq")] = 7;
        const auto net = load(m, options);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.analysis.layers[0].macs, int64_t(2 * 7 * 64 * 32));

        core::LoadOptions typo;
        typo.dims[QStringLiteral("sequence")] = 7;
        expectError(m, QStringLiteral("no symbolic dimension named 'sequence'"), typo);
    }

    void fixedBatchWarns()
    {
        ModelBuilder m;
        m.input("x", {"1", "4"});
        m.node("Relu", {"x"}, {"y"});
        m.output("y");
        core::LoadOptions options;
        options.batch = 8;
        const auto net = load(m, options);
        QVERIFY2(net.ok(), qPrintable(net.error));
        bool warned = false;
        for (const auto &issue : net.analysis.issues)
            warned = warned || issue.message.contains(QStringLiteral("fixed batch"));
        QVERIFY(warned);
        QCOMPARE(net.graph->tensors[net.graph->inputs[0]].shape.dims, (std::vector<int64_t>{1, 4}));
    }

    void weightsAsGraphInputs()
    {
        ModelBuilder m = convModel();
        m.proto().set_ir_version(3);
        // IR 3 lists every initializer as a graph input too.
        for (const char *name : {"w", "b"}) {
            auto *v = m.graph().add_input();
            v->set_name(name);
            v->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
        }
        const auto net = load(m);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.graph->inputs.size(), size_t(1));
        QCOMPARE(net.analysis.totals.params, int64_t(8 * 27 + 8));
    }

    void externalData()
    {
        ModelBuilder m = convModel();
        auto *w = m.graph().mutable_initializer(0);
        std::vector<float> values(216);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<float>(i);
        QByteArray bytes(16, '\0'); // data starts at offset 16
        bytes.append(reinterpret_cast<const char *>(values.data()), 216 * 4);
        QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("weights.bin")), bytes));
        w->clear_raw_data();
        w->set_data_location(onnx::TensorProto::EXTERNAL);
        auto addEntry = [w](const char *key, const std::string &value) {
            auto *e = w->add_external_data();
            e->set_key(key);
            e->set_value(value);
        };
        addEntry("location", "weights.bin");
        addEntry("offset", "16");
        addEntry("length", std::to_string(216 * 4));

        core::OnnxLoader loader;
        core::LoadOptions options;
        options.keepWeightData = true;
        const auto graph = loader.load(m.save(m_dir.path(), QStringLiteral("ext.onnx")), options);
        QVERIFY2(graph, qPrintable(loader.errorString()));
        const core::Weight &weight = graph->weights[0];
        QVERIFY(weight.external);
        QCOMPARE(weight.elements, int64_t(216));
        QCOMPARE(weight.data.size(), size_t(216 * 4));
        float last = 0;
        std::memcpy(&last, weight.data.data() + 215 * 4, 4);
        QCOMPARE(last, 215.0f);

        // Too short a file, a missing file, and a path out of the folder.
        w->mutable_external_data(1)->set_value("100");
        expectError(m, QStringLiteral("weights.bin"));
        w->mutable_external_data(1)->set_value("16");
        w->mutable_external_data(0)->set_value("missing.bin");
        expectError(m, QStringLiteral("missing.bin"));
        w->mutable_external_data(0)->set_value("../weights.bin");
        expectError(m, QStringLiteral("outside the model's folder"));
    }

    // Shape computations on a symbolic batch fold to constants.
    void shapeComputationsFold()
    {
        ModelBuilder m;
        m.input("x", {"batch", "8", "4", "4"}).int64s("idx0", {}, {0}).int64s("axes", {1}, {0});
        m.int64s("rest", {1}, {-1});
        m.node("Shape", {"x"}, {"s"});
        m.node("Gather", {"s", "idx0"}, {"n"});
        m.node("Unsqueeze", {"n", "axes"}, {"n1"});
        test::setInt(m.node("Concat", {"n1", "rest"}, {"shape"}), "axis", 0);
        m.node("Reshape", {"x", "shape"}, {"y"}, "flatten");
        m.output("y");
        core::LoadOptions options;
        options.batch = 3;
        const auto net = load(m, options);
        QVERIFY2(net.ok(), qPrintable(net.error));
        const int y = net.graph->findTensor(QStringLiteral("y"));
        QCOMPARE(net.graph->tensors[y].shape.dims, (std::vector<int64_t>{3, 128}));
        QCOMPARE(net.analysis.totals.foldedLayers, 4);
        QCOMPARE(net.analysis.totals.layers, 1);
        QVERIFY(net.analysis.totals.complete);
    }

    void sharedWeightsCountOnce()
    {
        ModelBuilder m;
        m.input("x", {"1", "16"}).weight("w", {16, 16});
        m.node("Identity", {"w"}, {"w_shared"});
        m.node("MatMul", {"x", "w"}, {"h"}, "first");
        m.node("MatMul", {"h", "w_shared"}, {"y"}, "second");
        m.output("y");
        const auto net = load(m);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.analysis.totals.params, int64_t(256));
        for (const auto &layer : net.analysis.layers) {
            if (!net.graph->nodes[layer.node].folded)
                QCOMPARE(layer.params, int64_t(256));
        }
    }

    void unsupportedOperatorIsListed()
    {
        ModelBuilder m;
        auto *import = m.proto().add_opset_import();
        import->set_domain("com.example");
        import->set_version(1);
        m.input("x", {"1", "4"});
        auto &custom = m.node("Mystery", {"x"}, {"h"}, "mystery");
        custom.set_domain("com.example");
        m.node("Relu", {"h"}, {"y"});
        m.output("y");
        const auto net = load(m);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.analysis.unsupported.size(), size_t(1));
        QCOMPARE(net.analysis.unsupported[0].opType, QStringLiteral("com.example::Mystery"));
        QCOMPARE(net.analysis.unsupported[0].nodes, QStringList{QStringLiteral("mystery")});
        QVERIFY(!net.analysis.totals.complete);
        QVERIFY(!net.analysis.layers[0].costKnown);
        QVERIFY(!net.analysis.layers[1].costKnown); // Relu's input shape is unknown
    }

    void sortsNodesTopologically()
    {
        ModelBuilder m;
        m.input("x", {"1", "4"});
        m.node("Relu", {"h"}, {"y"}, "second");
        m.node("Relu", {"x"}, {"h"}, "first");
        m.output("y");
        const auto net = load(m);
        QVERIFY2(net.ok(), qPrintable(net.error));
        QCOMPARE(net.graph->nodes[0].name, QStringLiteral("first"));
        QCOMPARE(net.graph->nodes[1].name, QStringLiteral("second"));
    }

    void refusesBadGraphs_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("cycle") << 0 << "cycle";
        QTest::newRow("dangling input") << 1 << "'ghost'";
        QTest::newRow("two writers") << 2 << "also writes";
        QTest::newRow("old opset") << 3 << "opset 6";
        QTest::newRow("new opset") << 4 << "newer than";
        QTest::newRow("no default opset") << 5 << "no opset";
        QTest::newRow("missing output") << 6 << "'nothing'";
        QTest::newRow("bad raw data size") << 7 << "bytes of raw data";
        QTest::newRow("no graph") << 8 << "not an ONNX model";
    }

    void refusesBadGraphs()
    {
        QFETCH(int, kind);
        QFETCH(QString, fragment);
        ModelBuilder m(kind == 3 ? 6 : kind == 4 ? 99 : 13);
        m.input("x", {"1", "4"});
        switch (kind) {
        case 0:
            m.node("Add", {"x", "b"}, {"a"});
            m.node("Relu", {"a"}, {"b"});
            break;
        case 1:
            m.node("Add", {"x", "ghost"}, {"a"});
            break;
        case 2:
            m.node("Relu", {"x"}, {"a"});
            m.node("Relu", {"x"}, {"a"});
            break;
        case 5:
            m.proto().mutable_opset_import(0)->set_domain("com.example");
            break;
        case 6:
            m.output("nothing");
            break;
        case 7:
            m.weight("w", {4});
            m.graph().mutable_initializer(0)->mutable_raw_data()->resize(15);
            break;
        case 8:
            m.proto().clear_graph();
            break;
        default:
            m.node("Relu", {"x"}, {"a"});
        }
        expectError(m, fragment);
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
