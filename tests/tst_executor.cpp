// The LibTorch executor: ONNX backend conformance, the shared networks end to
// end, fusions that do not change results, and up-front refusal of
// unsupported operators.
#include "devices/blas_kernels.h"
#include "graph/onnx_loader.h"
#include "measure/load_generator.h"
#include "runtime/allocation_tracker.h"
#include "runtime/conformance.h"
#include "runtime/executor.h"
#include "runtime/network_measurer.h"
#include "support/model_builder.h"
#include "support/test_paths.h"

#include <ATen/Parallel.h>

#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;

class TestExecutor : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<core::Graph> load(const QString &file, int64_t batch)
    {
        core::OnnxLoader loader;
        core::LoadOptions options;
        options.batch = batch;
        auto graph = loader.load(test::sharedModel(file), options);
        if (!graph)
            qFatal("%s", qPrintable(loader.errorString()));
        return graph;
    }

    // A model that may use operators of the domain com.example, with an
    // input x of [1, 4].
    static test::ModelBuilder customDomainModel()
    {
        test::ModelBuilder m;
        auto *import = m.proto().add_opset_import();
        import->set_domain("com.example");
        import->set_version(1);
        m.input("x", {"1", "4"});
        return m;
    }

    // m with the graph output y, saved into dir and loaded (weights' data kept).
    static std::unique_ptr<core::Graph> loadWithOutput(test::ModelBuilder &m, const QString &dir)
    {
        m.output("y");
        core::OnnxLoader loader;
        return loader.load(m.save(dir, QStringLiteral("m.onnx")));
    }

private Q_SLOTS:
    void conformance()
    {
        const auto report = core::runConformance(test::onnxTestData() + QStringLiteral("/node"));
        QStringList failures;
        for (const auto &c : report.cases) {
            if (c.status == core::ConformanceCase::Status::Failed)
                failures.append(QStringLiteral("%1 (%2): %3").arg(c.name, c.op, c.detail));
        }
        qInfo("ONNX node tests on the executor: %d passed, %d failed, %d unsupported",
              report.passed, report.failed, report.unsupported);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(report.passed >= 300);
    }

    void sharedNetworks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("squeezenet1_1") << "squeezenet1_1.onnx";
        QTest::newRow("mobilenet_v2") << "mobilenet_v2.onnx";
        QTest::newRow("resnet18") << "resnet18.onnx";
        QTest::newRow("shufflenet_v2_x1_0") << "shufflenet_v2_x1_0.onnx";
    }

    // Fused and unfused plans agree; a batch of two copies of an input gives
    // the batch-1 output twice.
    void sharedNetworks()
    {
        QFETCH(QString, file);
        const auto one = load(file, 1);
        const auto two = load(file, 2);
        core::Executor fused, plain, batched;
        core::ExecutorOptions noFusion;
        noFusion.fuse = false;
        QVERIFY2(fused.prepare(*one), qPrintable(fused.errorString()));
        QVERIFY2(plain.prepare(*one, noFusion), qPrintable(plain.errorString()));
        QVERIFY2(batched.prepare(*two), qPrintable(batched.errorString()));
        QVERIFY(!fused.appliedFusions().isEmpty());
        QVERIFY(plain.appliedFusions().isEmpty());

        const std::vector<at::Tensor> input = fused.makeInputs(7);
        const at::Tensor a = fused.run(input).at(0);
        const at::Tensor b = plain.run(input).at(0);
        QCOMPARE(a.sizes().vec(), (std::vector<int64_t>{1, 1000}));
        QVERIFY(at::isfinite(a).all().item<bool>());
        QVERIFY2(at::allclose(a, b, 1e-4, 1e-4),
                 qPrintable(QStringLiteral("fused and unfused differ by %1")
                                .arg((a - b).abs().max().item<double>())));
        const at::Tensor c = batched.run({at::cat({input[0], input[0]})}).at(0);
        QCOMPARE(c.sizes().vec(), (std::vector<int64_t>{2, 1000}));
        QVERIFY(at::allclose(c[0], a[0], 1e-4, 1e-4));
        QVERIFY(at::allclose(c[1], a[0], 1e-4, 1e-4));
    }

    // Reshape -> Transpose(0,2,1,3,4) -> Reshape runs as one copy that keeps
    // the input's memory order, with the three nodes' result, for ShuffleNet's
    // two groups (the interleaving loop), three (the generic one) and NCHW
    // input (ATen's copy); a Slice of the channels-last result stays so.
    void fusesChannelShuffles_data()
    {
        QTest::addColumn<int>("groups");
        QTest::addColumn<bool>("channelsLast");
        QTest::newRow("2 groups, channels-last") << 2 << true;
        QTest::newRow("3 groups, channels-last") << 3 << true;
        QTest::newRow("2 groups, NCHW") << 2 << false;
    }

    void fusesChannelShuffles()
    {
        QFETCH(int, groups);
        QFETCH(bool, channelsLast);
        const int64_t c = 6 * groups;
        QTemporaryDir dir;
        test::ModelBuilder m;
        m.input("x", {"2", std::to_string(c), "5", "3"});
        m.int64s("grouped", {5}, {2, groups, c / groups, 5, 3});
        m.int64s("flat", {4}, {2, c, 5, 3});
        m.int64s("starts", {1}, {0});
        m.int64s("ends", {1}, {c / 2});
        m.int64s("axes", {1}, {1});
        m.node("Relu", {"x"}, {"r"}, "relu");
        m.node("Reshape", {"r", "grouped"}, {"g"}, "split_groups");
        test::setInts(m.node("Transpose", {"g"}, {"t"}, "swap"), "perm", {0, 2, 1, 3, 4});
        m.node("Reshape", {"t", "flat"}, {"shuffled"}, "merge_groups");
        m.node("Slice", {"shuffled", "starts", "ends", "axes"}, {"half"}, "half");
        m.output("shuffled");
        m.output("half");
        core::OnnxLoader loader;
        const auto graph = loader.load(m.save(dir.path(), QStringLiteral("shuffle.onnx")));
        QVERIFY2(graph, qPrintable(loader.errorString()));
        core::ExecutorOptions options, noFusion;
        options.channelsLast = noFusion.channelsLast = channelsLast;
        noFusion.fuse = false;
        core::Executor fused, plain;
        QVERIFY2(fused.prepare(*graph, options), qPrintable(fused.errorString()));
        QVERIFY2(plain.prepare(*graph, noFusion), qPrintable(plain.errorString()));
        QCOMPARE(
            fused.appliedFusions().filter(QStringLiteral("channel_shuffle")),
            QStringList{QStringLiteral("channel_shuffle: split_groups + swap + merge_groups")});
        QCOMPARE(fused.stepCount(), plain.stepCount() - 2);

        const std::vector<at::Tensor> input = fused.makeInputs(3);
        const auto a = fused.run(input);
        const auto b = plain.run(input);
        QVERIFY(at::equal(a[0], b[0]));
        QVERIFY(at::equal(a[1], b[1]));
        // Channel j * groups + k of the result is channel k * c/groups + j of the input.
        const at::Tensor x = input[0].relu();
        QVERIFY(at::equal(a[0].select(1, groups + 1), x.select(1, c / groups + 1)));
        const auto layout =
            channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
        QVERIFY(a[0].is_contiguous(layout));
        QVERIFY(a[1].is_contiguous(layout));
    }

    void unsupportedFailsUpFront()
    {
        QTemporaryDir dir;
        test::ModelBuilder m = customDomainModel();
        m.node("Relu", {"x"}, {"h"}, "first");
        m.node("Mystery", {"h"}, {"y"}, "mystery").set_domain("com.example");
        const auto graph = loadWithOutput(m, dir.path());
        QVERIFY(graph);
        core::Executor executor;
        QVERIFY(!executor.prepare(*graph));
        QVERIFY2(executor.errorString().contains(QStringLiteral("'mystery'")),
                 qPrintable(executor.errorString()));
        QVERIFY(executor.errorString().contains(QStringLiteral("com.example::Mystery")));
        QCOMPARE(executor.unsupported().size(), size_t(1));
    }

    // Many nodes of one operator that cannot run are named once, with their
    // count and the first of them, not one by one.
    void unsupportedNodesGroupedByOperator()
    {
        QTemporaryDir dir;
        test::ModelBuilder m = customDomainModel();
        m.node("Mystery", {"x"}, {"h1"}, "m1").set_domain("com.example");
        m.node("Mystery", {"h1"}, {"h2"}, "m2").set_domain("com.example");
        m.node("Mystery", {"h2"}, {"h3"}, "m3").set_domain("com.example");
        m.node("Enigma", {"h3"}, {"y"}, "enigma").set_domain("com.example");
        const auto graph = loadWithOutput(m, dir.path());
        QVERIFY(graph);
        core::Executor executor;
        QVERIFY(!executor.prepare(*graph));
        const QString error = executor.errorString();
        QVERIFY2(error.startsWith(QStringLiteral("4 node(s) cannot run")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("3 com.example::Mystery nodes, the first 'm1'")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("'m2'")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("'enigma' (com.example::Enigma")),
                 qPrintable(error));
        QCOMPARE(executor.unsupported().size(), size_t(4));
    }

    // Dropout in training mode runs only where it drops nothing: a constant
    // ratio of zero (torchvision's Swin-T exports its attention dropout so).
    void dropoutInTrainingMode_data()
    {
        QTest::addColumn<float>("ratio");
        QTest::addColumn<bool>("runs");
        QTest::newRow("ratio 0") << 0.0f << true;
        QTest::newRow("ratio 0.1") << 0.1f << false;
    }

    void dropoutInTrainingMode()
    {
        QFETCH(float, ratio);
        QFETCH(bool, runs);
        QTemporaryDir dir;
        test::ModelBuilder m(13);
        m.input("x", {"2", "8"});
        m.weight("ratio", {}, {ratio});
        auto &mode = m.node("Constant", {}, {"training"}, "training_mode");
        auto *attr = mode.add_attribute();
        attr->set_name("value");
        attr->set_type(onnx::AttributeProto::TENSOR);
        attr->mutable_t()->set_data_type(onnx::TensorProto::BOOL);
        attr->mutable_t()->add_int32_data(1);
        m.node("Dropout", {"x", "ratio", "training"}, {"y"}, "dropout");
        const auto graph = loadWithOutput(m, dir.path());
        QVERIFY(graph);
        core::Executor executor;
        QCOMPARE(executor.prepare(*graph), runs);
        if (!runs) {
            QVERIFY2(executor.errorString().contains(QStringLiteral("training mode is random")),
                     qPrintable(executor.errorString()));
            return;
        }
        const auto inputs = executor.makeInputs(5);
        QVERIFY(at::equal(executor.run(inputs).at(0), inputs[0]));
    }

    // Bad indices in a network are a clear error naming the node and the
    // axis, never a crash: whether the data is an input, or every input is
    // constant (the folder, finding the index out of range, leaves the node
    // to the executor, which says why).
    void scatterIndexOutOfRange_data()
    {
        QTest::addColumn<bool>("constantData");
        QTest::newRow("at run time") << false;
        QTest::newRow("folded at load") << true;
    }

    void scatterIndexOutOfRange()
    {
        QFETCH(bool, constantData);
        QTemporaryDir dir;
        test::ModelBuilder m(16);
        if (constantData) {
            m.weight("x", {4, 3}, std::vector<float>(12, 1.0f));
            m.weight("u", {1, 3}, {2.0f, 3.0f, 4.0f});
        } else {
            m.input("x", {"4", "3"});
            m.input("u", {"1", "3"});
        }
        m.int64s("i", {1, 1}, {7}); // axis 0 has 4 rows
        m.node("ScatterND", {"x", "i", "u"}, {"s"}, "scatter");
        // Something that runs, for a network whose only node was folded.
        m.node("Relu", {"s"}, {"y"}, "relu");
        const auto graph = loadWithOutput(m, dir.path());
        QVERIFY(graph);
        core::MeasureOptions measure;
        measure.maxTimeSeconds = 0.1;
        core::NetworkMeasurement result;
        QString error;
        QVERIFY(!core::measureGraph(*graph, measure, &result, &error, {}));
        QVERIFY2(error.contains(QStringLiteral("'scatter'")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("out of range on axis 0")), qPrintable(error));
    }

    // Operators that once built full-size temporaries write their output and
    // nothing else of that size: the peak a run allocates stays near one
    // activation. A BatchNormalization no convolution absorbs (DenseNet's,
    // after each concatenation) made three of them, which doubled
    // DenseNet-121's measured peak; HardSigmoid and HardSwish (MobileNetV3)
    // made two.
    void singleOperatorAllocatesItsOutputOnly_data()
    {
        QTest::addColumn<QString>("op");
        QTest::newRow("BatchNormalization") << QStringLiteral("BatchNormalization");
        QTest::newRow("HardSigmoid") << QStringLiteral("HardSigmoid");
        QTest::newRow("HardSwish") << QStringLiteral("HardSwish");
    }

    void singleOperatorAllocatesItsOutputOnly()
    {
        QFETCH(QString, op);
        QTemporaryDir dir;
        test::ModelBuilder m(14);
        m.input("x", {"1", "64", "56", "56"});
        if (op == QLatin1String("BatchNormalization")) {
            m.weight("scale", {64}, std::vector<float>(64, 1.5f));
            m.weight("bias", {64}, std::vector<float>(64, 0.25f));
            m.weight("mean", {64}, std::vector<float>(64, 0.5f));
            m.weight("var", {64}, std::vector<float>(64, 4.0f));
            m.node("BatchNormalization", {"x", "scale", "bias", "mean", "var"}, {"y"}, "op");
        } else {
            m.node(op.toStdString(), {"x"}, {"y"}, "op");
        }
        const auto graph = loadWithOutput(m, dir.path());
        QVERIFY(graph);
        core::Executor executor;
        QVERIFY2(executor.prepare(*graph), qPrintable(executor.errorString()));
        const auto inputs = executor.makeInputs(3);
        const at::Tensor &x = inputs[0];
        const at::Tensor y = executor.run(inputs).at(0);
        const at::Tensor hardSigmoid = at::clamp(x / 6.0 + 0.5, 0, 1);
        const at::Tensor expected = op == QLatin1String("BatchNormalization")
                                        ? (x - 0.5) / std::sqrt(4.0 + 1e-5) * 1.5 + 0.25
                                    : op == QLatin1String("HardSigmoid")
                                        ? at::clamp(x * 0.2 + 0.5, 0, 1)
                                        : x * hardSigmoid;
        QVERIFY(at::allclose(y, expected, 1e-5, 1e-6));

        core::MeasureOptions measure;
        measure.maxTimeSeconds = 0.3;
        measure.inputsInRuntimeLayout = true;
        core::NetworkMeasurement result;
        QString error;
        QVERIFY2(core::measureGraph(*graph, measure, &result, &error, {}), qPrintable(error));
        const int64_t activation = 64 * 56 * 56 * 4;
        QVERIFY2(result.peakAllocatedBytes <= activation * 3 / 2,
                 qPrintable(QString::number(result.peakAllocatedBytes)));
    }

    // Without weight data the executor draws seeded random weights.
    void randomWeightsWhenNoData()
    {
        core::OnnxLoader loader;
        core::LoadOptions options;
        options.keepWeightData = false;
        const auto graph =
            loader.load(test::sharedModel(QStringLiteral("squeezenet1_1.onnx")), options);
        QVERIFY(graph);
        core::Executor first, second;
        QVERIFY(first.prepare(*graph));
        QVERIFY(second.prepare(*graph));
        const auto input = first.makeInputs(1);
        QVERIFY(at::equal(first.run(input).at(0), second.run(input).at(0)));
    }

    // A short measurement: every figure present and consistent.
    void measuresNetwork()
    {
        const auto graph = load(QStringLiteral("squeezenet1_1.onnx"), 1);
        core::MeasureOptions options;
        options.maxTimeSeconds = 3;
        options.perLayer = true;
        core::NetworkMeasurement m;
        QString error;
        int progressCalls = 0;
        QVERIFY2(core::measureGraph(*graph, options, &m, &error,
                                    [&](double f) {
                                        ++progressCalls;
                                        return f >= 0;
                                    }),
                 qPrintable(error));
        QVERIFY(m.latency.runs >= 1);
        QVERIFY(m.latency.median > 0);
        QVERIFY(m.latency.min <= m.latency.median);
        QVERIFY(m.warmupRuns >= 3);
        QVERIFY(progressCalls > 0);
        QVERIFY(m.peakAllocatedBytes > 0);
        QVERIFY(!m.layers.empty());
        QVERIFY(m.layerSumMs > 0);
        QCOMPARE(m.energyJoules.has_value(), !m.energySensors.isEmpty());
        if (!m.energyJoules)
            QVERIFY(!m.energyNote.isEmpty());
        // Without load every sample is one run.
        QCOMPARE(m.sampleWindowMs, 0.0);
        QCOMPARE(m.timedRuns, m.latency.runs);
    }

    // Under background load a sample is the mean of back-to-back runs over
    // two load periods, so that no sample falls wholly into the load's idle
    // phase: SqueezeNet runs in a few milliseconds, so windows hold several.
    void measuresUnderLoadOverWindows()
    {
        const auto graph = load(QStringLiteral("squeezenet1_1.onnx"), 1);
        core::MeasureOptions options;
        options.maxTimeSeconds = 1.5;
        options.utilizationPercent = 50;
        options.perLayer = true;
        core::NetworkMeasurement m;
        QString error;
        QVERIFY2(core::measureGraph(*graph, options, &m, &error, {}), qPrintable(error));
        using Ms = std::chrono::duration<double, std::milli>;
        QCOMPARE(m.sampleWindowMs, 2 * Ms(core::LoadGenerator::kPeriod).count());
        QVERIFY(m.latency.runs >= 1);
        // Every sample spans a window: as many runs as fit in it (one when a
        // run under load, on a busy machine, takes longer than the window).
        QVERIFY2(m.timedRuns >= m.latency.runs, qPrintable(QString::number(m.timedRuns)));
        QVERIFY(m.latency.runs * m.sampleWindowMs <= m.seconds * 1000);
        QVERIFY(m.achievedUtilization > 0);
        // Layers are summed by their means under load.
        double means = 0;
        for (const core::LayerTiming &l : m.layers)
            means += l.stats.mean;
        QVERIFY(!m.layers.empty());
        QVERIFY(qAbs(m.layerSumMs - means) <= 1e-9 * means);
    }

    void measurementCancels()
    {
        const auto graph = load(QStringLiteral("squeezenet1_1.onnx"), 1);
        core::NetworkMeasurement m;
        QString error;
        QVERIFY(!core::measureGraph(*graph, {}, &m, &error, [](double) { return false; }));
        QCOMPARE(error, QStringLiteral("cancelled"));
    }

    // Freed buffers are reused by same-size allocations; live bytes exclude them.
    void cachingAllocator()
    {
        namespace tracker = core::allocation_tracker;
        tracker::install();
        tracker::setCaching(true);
        const int64_t before = tracker::currentBytes();
        void *first = nullptr;
        {
            const at::Tensor t = at::empty({1024, 1024}, at::kFloat);
            first = t.data_ptr();
            QCOMPARE(tracker::currentBytes() - before, int64_t(4 << 20));
        }
        QCOMPARE(tracker::currentBytes(), before);
        QVERIFY(tracker::cachedBytes() >= int64_t(4 << 20));
        const at::Tensor again = at::empty({1024, 1024}, at::kFloat);
        QCOMPARE(again.data_ptr(), first);
        tracker::releaseCached();
        QCOMPARE(tracker::cachedBytes(), int64_t(0));
        tracker::setCaching(false);
    }

    void threadsApplied()
    {
        core::setComputeThreads(1);
        QCOMPARE(at::get_num_threads(), 1);
        core::setComputeThreads(2);
        QCOMPARE(at::get_num_threads(), 2);
    }

    // OpenBLAS's pool stays at one thread beside ATen's unless
    // LAYERLENS_BLAS_THREADS names another count; a bad value is named.
    void blasPoolApart()
    {
        if (core::blasThreads() == 0)
            QSKIP("LibTorch does not run on OpenBLAS here");
        qunsetenv("LAYERLENS_BLAS_THREADS");
        core::setComputeThreads(2);
        QCOMPARE(at::get_num_threads(), 2);
        QCOMPARE(core::blasThreads(), 1);

        qputenv("LAYERLENS_BLAS_THREADS", "2");
        QCOMPARE(core::blasPoolSetting(), 2);
        core::setComputeThreads(2);
        QCOMPARE(core::blasThreads(), 2);

        qputenv("LAYERLENS_BLAS_THREADS", "many");
        QString error;
        QCOMPARE(core::blasPoolSetting(&error), 1);
        QVERIFY2(error.contains(QLatin1String("LAYERLENS_BLAS_THREADS=many")), qPrintable(error));
        core::setComputeThreads(2);
        QCOMPARE(core::blasThreads(), 1);

        qputenv("LAYERLENS_BLAS_THREADS", "0");
        QCOMPARE(core::blasPoolSetting(), 1);
        qunsetenv("LAYERLENS_BLAS_THREADS");
        core::setComputeThreads(1);
        QCOMPARE(core::blasThreads(), 1);
    }
};

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
