// What a block allocates in a run where its shapes say so, predicted with
// the built-in profile and measured on the executor: dense convolutions on
// either library, element-wise blocks, Concat and BatchNormalization (their
// output only), MaxPool (its indices too).
#include "graph/analyzed_network.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "runtime/network_measurer.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace layerlens;

class TestBlockMemory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<core::DeviceProfile> m_profile;

    // The peak a run of the network allocates on the executor, within
    // `tolerance` (a share) of what the shapes say.
    static void verifyMeasuredPeak(const core::Graph &graph, double expected, double tolerance)
    {
        core::MeasureOptions measure;
        measure.maxTimeSeconds = 0.2;
        core::NetworkMeasurement measured;
        QString error;
        QVERIFY2(core::measureGraph(graph, measure, &measured, &error, {}), qPrintable(error));
        QVERIFY2(qAbs(double(measured.peakAllocatedBytes) - expected) < tolerance * expected,
                 qPrintable(QStringLiteral("measured %1, predicted %2")
                                .arg(measured.peakAllocatedBytes)
                                .arg(expected)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString resolved, error;
        m_profile = core::loadProfile({}, &resolved, &error);
        QVERIFY2(m_profile, qPrintable(error));
    }

    // A dense convolution's memory comes from its shapes and the library
    // LibTorch runs it on: its output and the network's input it reads; on
    // oneDNN its weights once, and twice for a kernel over 1x1; on ATen's
    // GEMM, for a kernel over 1x1, its weights and the im2col matrix. The
    // memory model had ViT-B/32's 32x32 patch convolution at 13.1 MiB
    // against 18.75 measured. The executor's measured peak agrees.
    void convolutionMemoryFromShapes_data()
    {
        QTest::addColumn<int>("inChannels");
        QTest::addColumn<int>("outChannels");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::addColumn<bool>("gemm");
        QTest::newRow("16x16 patches, oneDNN") << 3 << 768 << 224 << 16 << 16 << false;
        QTest::newRow("1x1 stride 2 on 1024 channels, oneDNN")
            << 1024 << 2048 << 14 << 1 << 2 << false;
        QTest::newRow("3x3 on 5x5, GEMM") << 448 << 384 << 5 << 3 << 1 << true;
        QTest::newRow("1x1 on 2048 channels, GEMM") << 2048 << 512 << 7 << 1 << 1 << true;
    }

    void convolutionMemoryFromShapes()
    {
        QFETCH(int, inChannels);
        QFETCH(int, outChannels);
        QFETCH(int, size);
        QFETCH(int, kernel);
        QFETCH(int, stride);
        QFETCH(bool, gemm);
        test::ModelBuilder b;
        b.input("x", {"1", std::to_string(inChannels), std::to_string(size), std::to_string(size)});
        b.weight("w", {outChannels, inChannels, kernel, kernel});
        auto &conv = b.node("Conv", {"x", "w"}, {"y"}, "conv");
        test::setInts(conv, "kernel_shape", {kernel, kernel});
        test::setInts(conv, "strides", {stride, stride});
        b.output("y");
        QTemporaryDir dir;
        core::AnalyzedNetwork network;
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(test::prepareBuilt(b, dir, QStringLiteral("conv.onnx"), *m_profile, &network,
                                    &predictor, &error),
                 qPrintable(error));
        const core::ConfigPrediction p = predictor.predict({1, 0, 1});
        QCOMPARE(p.blocks.size(), size_t(1));
        const double positions = std::pow((size - kernel) / stride + 1, 2);
        const double weights = double(outChannels) * inChannels * kernel * kernel;
        double elements = double(inChannels) * size * size + outChannels * positions;
        if (!gemm)
            elements += (kernel > 1 ? 2 : 1) * weights;
        else if (kernel > 1 || stride > 1)
            elements += weights + double(inChannels) * kernel * kernel * positions;
        const double expected = 4 * elements;
        QVERIFY2(
            qAbs(p.memoryBytes.value - expected) < 1e-6 * expected,
            qPrintable(QStringLiteral("%1 against %2").arg(p.memoryBytes.value).arg(expected)));
        verifyMeasuredPeak(*network.graph, expected, 0.03);
    }

    // A dense block's tail, as DenseNet's: the concatenated features, a
    // BatchNormalization no convolution absorbs (predicted with the relu
    // module), then ReLU and a 1x1 convolution. The executor writes only
    // the outputs of the Concat, BatchNormalization and ReLU, so the
    // network's peak is the features alive plus those outputs; the relu
    // module's memory model, far outside its range for a BatchNormalization
    // with weights, put DenseNet-121's peak 6 % over.
    void elementwiseMemoryFromShapes()
    {
        const int channels = 96, grown = 32, size = 28;
        test::ModelBuilder b;
        b.input("x", {"1", std::to_string(channels), std::to_string(size), std::to_string(size)});
        b.weight("w0", {grown, channels, 1, 1});
        b.weight("w1", {grown, channels + grown, 1, 1});
        b.weight("scale", {channels + grown}, std::vector<float>(channels + grown, 1.5f));
        b.weight("shift", {channels + grown}, std::vector<float>(channels + grown, 0.1f));
        b.weight("mean", {channels + grown}, std::vector<float>(channels + grown, 0.2f));
        b.weight("var", {channels + grown}, std::vector<float>(channels + grown, 2.0f));
        test::setInts(b.node("Conv", {"x", "w0"}, {"y0"}, "conv0"), "kernel_shape", {1, 1});
        test::setInt(b.node("Concat", {"x", "y0"}, {"features"}, "concat"), "axis", 1);
        b.node("BatchNormalization", {"features", "scale", "shift", "mean", "var"}, {"normed"},
               "norm");
        b.node("Relu", {"normed"}, {"relu"}, "relu");
        test::setInts(b.node("Conv", {"relu", "w1"}, {"y1"}, "conv1"), "kernel_shape", {1, 1});
        b.output("y1");
        QTemporaryDir dir;
        core::AnalyzedNetwork network;
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(test::prepareBuilt(b, dir, QStringLiteral("dense.onnx"), *m_profile, &network,
                                    &predictor, &error),
                 qPrintable(error));
        const core::ConfigPrediction p = predictor.predict({1, 0, 1});
        const double plane = 4.0 * size * size;
        const double features = (channels + grown) * plane;
        // Each of Concat, BatchNormalization and ReLU allocates its output
        // and nothing more; the peak is the normalization's, with the
        // concatenated features still alive.
        int elementwise = 0;
        for (size_t i = 0; i < p.blocks.size(); ++i) {
            const QString &module = predictor.blocks()[i].module;
            if (module == QLatin1String("concat") || module == QLatin1String("relu")) {
                ++elementwise;
                QCOMPARE(p.blocks[i].memoryBytes.value, features);
            }
        }
        QCOMPARE(elementwise, 3);
        QVERIFY2(qAbs(p.memoryBytes.value - 2 * features) < 1e-6 * features,
                 qPrintable(QString::number(p.memoryBytes.value)));
        verifyMeasuredPeak(*network.graph, 2 * features, 0.005);
    }

    // MaxPool writes its int64 indices besides its output (ATen computes
    // them even where nobody reads them): three times the output's bytes,
    // as every maxpool module sample measured.
    void maxPoolMemoryFromShapes()
    {
        const int channels = 64, size = 56;
        test::ModelBuilder b;
        b.input("x", {"1", std::to_string(channels), std::to_string(size), std::to_string(size)});
        b.weight("w", {channels, channels, 1, 1});
        test::setInts(b.node("Conv", {"x", "w"}, {"y"}, "conv"), "kernel_shape", {1, 1});
        auto &pool = b.node("MaxPool", {"y"}, {"z"}, "pool");
        test::setInts(pool, "kernel_shape", {3, 3});
        test::setInts(pool, "pads", {1, 1, 1, 1});
        b.output("z");
        QTemporaryDir dir;
        core::AnalyzedNetwork network;
        core::NetworkPredictor predictor;
        QString error;
        QVERIFY2(test::prepareBuilt(b, dir, QStringLiteral("pool.onnx"), *m_profile, &network,
                                    &predictor, &error),
                 qPrintable(error));
        const core::ConfigPrediction p = predictor.predict({1, 0, 1});
        QCOMPARE(predictor.blocks().back().module, QStringLiteral("maxpool"));
        const double activation = 4.0 * channels * size * size;
        QCOMPARE(p.blocks.back().memoryBytes.value, 3 * activation);
        // The convolution's output, alive while the pool writes.
        QVERIFY2(qAbs(p.memoryBytes.value - 4 * activation) < 1e-6 * activation,
                 qPrintable(QString::number(p.memoryBytes.value)));
        verifyMeasuredPeak(*network.graph, 4 * activation, 0.0025);
    }
};

QTEST_GUILESS_MAIN(TestBlockMemory)
#include "tst_block_memory.moc"
