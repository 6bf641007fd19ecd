// Cost formulas of the operator table on single-operator models, against
// figures computed by hand.
#include "graph/analyzed_network.h"
#include "support/model_builder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;
using test::ModelBuilder;

class TestOpCosts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // Analyses the model and returns the layer producing `output`.
    core::LayerAnalysis layerFor(ModelBuilder &m, const std::string &output)
    {
        m.output(output);
        const QString path = m.save(m_dir.path(), QStringLiteral("m%1.onnx").arg(++m_counter));
        m_net = core::loadAndAnalyze(path, {});
        if (!m_net.ok())
            qFatal("%s", qPrintable(m_net.error));
        const int t = m_net.graph->findTensor(QString::fromStdString(output));
        return m_net.analysis.layers[m_net.graph->tensors[t].producer];
    }

    std::vector<int64_t> dimsOf(const std::string &name) const
    {
        return m_net.graph->tensors[m_net.graph->findTensor(QString::fromStdString(name))]
            .shape.dims;
    }

    core::AnalyzedNetwork m_net;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void groupedDilatedStridedConv()
    {
        // 16 -> 32 channels in 4 groups, 3x3 dilated by 2, stride 2, pad 2.
        ModelBuilder m;
        m.input("x", {"2", "16", "20", "20"}).weight("w", {32, 4, 3, 3});
        auto &conv = m.node("Conv", {"x", "w"}, {"y"});
        test::setInt(conv, "group", 4);
        test::setInts(conv, "dilations", {2, 2});
        test::setInts(conv, "strides", {2, 2});
        test::setInts(conv, "pads", {2, 2, 2, 2});
        const auto layer = layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{2, 32, 10, 10}));
        QCOMPARE(layer.macs, int64_t(2 * 32 * 10 * 10) * 4 * 9);
        QCOMPARE(layer.flops, 2 * layer.macs); // no bias
        QCOMPARE(layer.params, int64_t(32 * 4 * 9));
    }

    void depthwiseConv()
    {
        ModelBuilder m;
        m.input("x", {"1", "32", "14", "14"}).weight("w", {32, 1, 3, 3}).weight("b", {32});
        auto &conv = m.node("Conv", {"x", "w", "b"}, {"y"});
        test::setInt(conv, "group", 32);
        test::setInts(conv, "pads", {1, 1, 1, 1});
        const auto layer = layerFor(m, "y");
        QCOMPARE(layer.macs, int64_t(32 * 14 * 14 * 9));
        QCOMPARE(layer.flops, 2 * layer.macs + 32 * 14 * 14);
    }

    void convTranspose()
    {
        ModelBuilder m;
        m.input("x", {"1", "8", "7", "7"}).weight("w", {8, 4, 2, 2});
        test::setInts(m.node("ConvTranspose", {"x", "w"}, {"y"}), "strides", {2, 2});
        const auto layer = layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{1, 4, 14, 14}));
        QCOMPARE(layer.macs, int64_t(8 * 7 * 7) * 4 * 4);
    }

    void gemmTransposed()
    {
        ModelBuilder m;
        m.input("a", {"6", "3"}).weight("b", {5, 6}).weight("c", {5});
        auto &gemm = m.node("Gemm", {"a", "b", "c"}, {"y"});
        test::setInt(gemm, "transA", 1);
        test::setInt(gemm, "transB", 1);
        const auto layer = layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{3, 5}));
        QCOMPARE(layer.macs, int64_t(3 * 5 * 6));
        QCOMPARE(layer.flops, int64_t(2 * 3 * 5 * 6 + 3 * 5));
        QCOMPARE(layer.params, int64_t(30 + 5));
    }

    void batchedMatMulBroadcasts()
    {
        ModelBuilder m;
        m.input("a", {"2", "1", "4", "8"}).input("b", {"3", "8", "5"});
        m.node("MatMul", {"a", "b"}, {"y"});
        const auto layer = layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{2, 3, 4, 5}));
        QCOMPARE(layer.macs, int64_t(2 * 3 * 4 * 5 * 8));
        QCOMPARE(layer.params, int64_t(0));
    }

    // Attention scores: [B, heads, tokens, d] x [B, heads, d, tokens].
    void attentionMatMulAndSoftmax()
    {
        ModelBuilder m;
        m.input("q", {"1", "12", "197", "64"}).input("k", {"1", "12", "64", "197"});
        m.node("MatMul", {"q", "k"}, {"s"});
        test::setInt(m.node("Softmax", {"s"}, {"p"}), "axis", -1);
        const auto softmax = layerFor(m, "p");
        const auto &matmul = m_net.analysis.layers[0];
        QCOMPARE(matmul.macs, int64_t(12) * 197 * 197 * 64);
        QCOMPARE(softmax.flops, int64_t(12) * 197 * 197 * 5);
    }

    void pooling()
    {
        ModelBuilder m;
        m.input("x", {"1", "64", "112", "112"});
        auto &pool = m.node("MaxPool", {"x"}, {"p"});
        test::setInts(pool, "kernel_shape", {3, 3});
        test::setInts(pool, "strides", {2, 2});
        test::setInts(pool, "pads", {1, 1, 1, 1});
        m.node("GlobalAveragePool", {"p"}, {"g"});
        const auto global = layerFor(m, "g");
        QCOMPARE(dimsOf("p"), (std::vector<int64_t>{1, 64, 56, 56}));
        QCOMPARE(m_net.analysis.layers[0].flops, int64_t(64 * 56 * 56 * 9));
        QCOMPARE(global.flops, int64_t(64 * 56 * 56));
    }

    // LayerNormalization as opset 13 exporters write it: ReduceMean, Sub, Pow,
    // ReduceMean, Add, Sqrt, Div, Mul, Add. Every piece must be costed.
    void decomposedLayerNorm()
    {
        ModelBuilder m;
        m.input("x", {"1", "197", "768"}).weight("two", {}, {2.0f}).weight("eps", {}, {1e-5f});
        m.weight("gamma", {768}).weight("beta", {768});
        test::setInts(m.node("ReduceMean", {"x"}, {"mean"}), "axes", {-1});
        m.node("Sub", {"x", "mean"}, {"d"});
        m.node("Pow", {"d", "two"}, {"sq"});
        test::setInts(m.node("ReduceMean", {"sq"}, {"var"}), "axes", {-1});
        m.node("Add", {"var", "eps"}, {"ve"});
        m.node("Sqrt", {"ve"}, {"std"});
        m.node("Div", {"d", "std"}, {"n"});
        m.node("Mul", {"n", "gamma"}, {"s"});
        m.node("Add", {"s", "beta"}, {"y"});
        layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{1, 197, 768}));
        QVERIFY(m_net.analysis.unsupported.empty());
        QVERIFY(m_net.analysis.totals.complete);
        const int64_t n = 197 * 768;
        // mean (n + 197), sub n, pow n, var (n + 197), add 197, sqrt 197, div n, mul n, add n
        QCOMPARE(m_net.analysis.totals.flops, 7 * n + 4 * 197);
        QCOMPARE(m_net.analysis.totals.params, int64_t(2 + 768 * 2));
    }

    void layerNormalizationOp()
    {
        ModelBuilder m(17);
        m.input("x", {"2", "10", "32"}).weight("g", {32}).weight("b", {32});
        test::setInt(m.node("LayerNormalization", {"x", "g", "b"}, {"y"}), "axis", -1);
        const auto layer = layerFor(m, "y");
        QCOMPARE(layer.flops, int64_t(2 * 10 * 32 * 7));
        QCOMPARE(layer.params, int64_t(64));
    }

    // Clip bounds configure; they are not weights.
    void clipBoundsAreNotWeights()
    {
        ModelBuilder m;
        m.input("x", {"1", "8"}).weight("lo", {}, {0.0f}).weight("hi", {}, {6.0f});
        m.node("Clip", {"x", "lo", "hi"}, {"y"});
        const auto layer = layerFor(m, "y");
        QCOMPARE(layer.params, int64_t(0));
        QCOMPARE(layer.flops, int64_t(16));
        QCOMPARE(m_net.analysis.totals.params, int64_t(2)); // still in the file's total
    }

    void resizeLinear()
    {
        ModelBuilder m;
        m.input("x", {"1", "3", "8", "8"});
        auto *scales = m.graph().add_initializer();
        scales->set_name("scales");
        scales->set_data_type(onnx::TensorProto::FLOAT);
        scales->add_dims(4);
        for (float s : {1.0f, 1.0f, 2.0f, 2.0f})
            scales->add_float_data(s);
        test::setString(m.node("Resize", {"x", "", "scales"}, {"y"}), "mode", "linear");
        const auto layer = layerFor(m, "y");
        QCOMPARE(dimsOf("y"), (std::vector<int64_t>{1, 3, 16, 16}));
        QCOMPARE(layer.flops, int64_t(3 * 16 * 16) * 3 * 3); // 3 lerps of 3 FLOPs
        QCOMPARE(layer.params, int64_t(0));
    }

    void dataMovementHasBytesNotFlops()
    {
        ModelBuilder m;
        m.input("x", {"1", "6", "4"}).int64s("split", {2}, {2, 4});
        test::setInt(m.node("Split", {"x", "split"}, {"a", "b"}), "axis", 1);
        test::setInts(m.node("Transpose", {"b"}, {"t"}), "perm", {0, 2, 1});
        const auto transpose = layerFor(m, "t");
        QCOMPARE(dimsOf("a"), (std::vector<int64_t>{1, 2, 4}));
        QCOMPARE(dimsOf("t"), (std::vector<int64_t>{1, 4, 4}));
        QCOMPARE(transpose.flops, int64_t(0));
        QCOMPARE(transpose.inputBytes, int64_t(64));
        QCOMPARE(transpose.outputBytes, int64_t(64));
        QCOMPARE(m_net.analysis.layers[0].outputBytes, int64_t(96));
    }

    // Peak memory: a branch keeps x alive until the Add.
    void peakWithBranch()
    {
        ModelBuilder m;
        m.input("x", {"1", "1000"}); // 4000 bytes each
        m.node("Relu", {"x"}, {"a"});
        m.node("Sigmoid", {"a"}, {"b"});
        m.node("Add", {"x", "b"}, {"y"});
        layerFor(m, "y");
        // At the Sigmoid: x, a, b alive; at the Add: x, b, y.
        QCOMPARE(m_net.analysis.totals.peakActivationBytes, int64_t(12000));
    }
};

QTEST_GUILESS_MAIN(TestOpCosts)
#include "tst_op_costs.moc"
