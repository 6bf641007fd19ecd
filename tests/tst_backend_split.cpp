// Which library LibTorch runs a convolution on (ATen's GEMM or oneDNN), and
// calibration that corrects each apart: the rule against LibTorch itself
// (DNNL_VERBOSE), the split of a module's rows, a calibrated model with a
// correction per backend, and in-network corrections per backend.
#include "graph/conv_backend.h"
#include "models/backend_split.h"
#include "models/blas_rows.h"
#include "models/calibrated_model.h"
#include "models/device_profile.h"
#include "models/module_training.h"
#include "predict/network_corrections.h"
#include "profiling/profiling_spec.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace layerlens;

Q_DECLARE_METATYPE(core::ConvCall)

namespace {

core::ConvCall call(int64_t batch, int64_t channels, int64_t size, int64_t kernel,
                    int64_t stride = 1, int threads = 1, int64_t groups = 1)
{
    core::ConvCall c = core::squareConvCall(batch, channels, size, kernel, stride, threads);
    c.groups = groups;
    return c;
}

const QStringList kConvFeatures{
    QStringLiteral("param:batch"),  QStringLiteral("param:in_channels"),
    QStringLiteral("param:kernel"), QStringLiteral("param:out_channels"),
    QStringLiteral("param:size"),   QStringLiteral("param:stride"),
    QStringLiteral("threads"),      QStringLiteral("utilization")};

// An encoded row of the dense convolution module (log(1 + value) of each feature).
Eigen::RowVectorXd convRow(int64_t batch, int64_t in, int64_t kernel, int64_t out, int64_t size,
                           int64_t stride, int threads)
{
    const double values[] = {double(batch), double(in),     double(kernel),  double(out),
                             double(size),  double(stride), double(threads), 0};
    Eigen::RowVectorXd row(8);
    for (int i = 0; i < 8; ++i)
        row[i] = std::log1p(values[i]);
    return row;
}

// Rows of 1x1 (ATen's GEMM at batch 1, one thread) and 3x3 (oneDNN) convolutions.
core::Matrix mixedRows(int perBackend)
{
    core::Matrix x(2 * perBackend, 8);
    for (int i = 0; i < perBackend; ++i) {
        const int64_t in = 32 << (i % 4), out = 64 << (i % 3), size = 14 << (i % 3);
        x.row(2 * i) = convRow(1, in, 1, out, size, 1, 1);
        x.row(2 * i + 1) = convRow(1, in, 3, out, size, 1, 1);
    }
    return x;
}

// A base model: ridge on the rows, fitted to a log-linear cost.
std::unique_ptr<core::RegressionModel> baseModel(const core::Matrix &x)
{
    core::Vector y(x.rows());
    for (Eigen::Index r = 0; r < x.rows(); ++r)
        y[r] = x(r, 1) + x(r, 3) + 2 * x(r, 4) + 0.5 * x(r, 2) - 17; // log ms, about -3 to 3
    auto model = core::createModel(QStringLiteral("ridge"));
    QString error;
    if (!model->fit(x, y, &error))
        qFatal("ridge: %s", qPrintable(error));
    return model;
}

core::ModuleTraining convModule(const QString &name, const core::Matrix &x)
{
    core::ModuleTraining m;
    m.module = name;
    m.op = QStringLiteral("Conv");
    m.encoding.names = kConvFeatures;
    core::TargetTraining t;
    t.target = core::Target::Latency;
    t.model = baseModel(x);
    m.targets.push_back(std::move(t));
    return m;
}

// Blocks of `module` measured at `gemmFactor` / `onednnFactor` times their prediction.
std::vector<core::BlockObservation> blocks(const QString &module, int gemmBlocks, double gemmFactor,
                                           int onednnBlocks, double onednnFactor)
{
    std::vector<core::BlockObservation> out;
    for (int i = 0; i < gemmBlocks + onednnBlocks; ++i) {
        core::BlockObservation b;
        b.module = module;
        b.gemm = i < gemmBlocks;
        b.predictedMs = 0.5 + 0.1 * (i % 10);
        b.measuredMs = b.predictedMs * (b.gemm ? gemmFactor : onednnFactor);
        b.network = QStringLiteral("net%1").arg(i % 3);
        out.push_back(b);
    }
    return out;
}

const core::NetworkCorrection *correctionOf(const std::vector<core::NetworkCorrection> &all,
                                            const QString &module, const QString &backend)
{
    for (const core::NetworkCorrection &c : all) {
        if (c.module == module && c.backend == backend)
            return &c;
    }
    return nullptr;
}

// The latency model's prediction over the base's, for one row.
double ratioToBase(const core::ModuleTraining &m, const core::RegressionModel &base,
                   const Eigen::RowVectorXd &row)
{
    const core::Matrix x = row;
    return std::exp(m.targets[0].model->predict(x)[0] - base.predict(x)[0]);
}

} // namespace

class TestBackendSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<core::ConvCall>("conv");
        QTest::addColumn<bool>("gemm");
        QTest::newRow("1x1, batch 1, 1 thread") << call(1, 128, 28, 1) << true;
        QTest::newRow("1x1, 2 threads") << call(1, 128, 28, 1, 1, 2) << false;
        QTest::newRow("1x1, batch 8") << call(8, 128, 28, 1) << true;
        QTest::newRow("1x1, batch 16") << call(16, 128, 28, 1) << false;
        QTest::newRow("1x1, stride 2") << call(1, 256, 56, 1, 2) << false;
        QTest::newRow("3x3") << call(1, 64, 56, 3) << false;
        QTest::newRow("3x3 on 7,840 values") << call(1, 160, 7, 3) << true;
        QTest::newRow("3x3 on 7,840 values, batch 2") << call(2, 160, 7, 3) << false;
        QTest::newRow("5x5 on 1,568 values") << call(1, 32, 7, 5) << false;
        QTest::newRow("grouped 3x3") << call(1, 96, 14, 3, 1, 1, 96) << false;
        QTest::newRow("1x1 on a 1x1 map") << call(1, 960, 1, 1) << true;
        QTest::newRow("1x1 on a 1x1 map, 2 threads") << call(1, 960, 1, 1, 1, 2) << true;
        QTest::newRow("7x7, stride 2") << call(1, 3, 224, 7, 2) << false;
    }

    void rule()
    {
        QFETCH(core::ConvCall, conv);
        QFETCH(bool, gemm);
        QCOMPARE(core::convBackend(conv) == core::ConvBackend::Gemm, gemm);
    }

    // The rule against the LibTorch LayerLens runs: oneDNN says what it
    // executes under DNNL_VERBOSE, and a convolution on ATen's GEMM says nothing.
    void ruleMatchesLibTorch_data()
    {
        QTest::addColumn<core::ConvCall>("conv");
        QTest::newRow("1x1, batch 1, 1 thread") << call(1, 128, 28, 1);
        QTest::newRow("1x1, 2 threads") << call(1, 128, 28, 1, 1, 2);
        QTest::newRow("1x1, batch 8") << call(8, 128, 28, 1);
        QTest::newRow("1x1, stride 2") << call(1, 64, 28, 1, 2);
        QTest::newRow("3x3") << call(1, 64, 28, 3);
        QTest::newRow("3x3 on 7,840 values") << call(1, 160, 7, 3);
    }

    void ruleMatchesLibTorch()
    {
        QFETCH(core::ConvCall, conv);
        QTemporaryDir dir;
        test::ModelBuilder b;
        const std::string c = std::to_string(conv.inChannels), s = std::to_string(conv.height);
        b.input("x", {"batch", c, s, s});
        b.weight("w", {64, conv.inChannels, conv.kernelHeight, conv.kernelWidth});
        auto &node = b.node("Conv", {"x", "w"}, {"y"}, "conv");
        test::setInts(node, "kernel_shape", {conv.kernelHeight, conv.kernelWidth});
        test::setInts(node, "strides", {conv.stride, conv.stride});
        const int64_t pad = conv.kernelHeight / 2;
        test::setInts(node, "pads", {pad, pad, pad, pad});
        b.output("y");
        const QString path = b.save(dir.path(), QStringLiteral("conv.onnx"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNNL_VERBOSE"), QStringLiteral("1"));
        const test::ProgramRun r = test::runProgram(
            QStringLiteral("layerlens-cli"),
            {QStringLiteral("measure"), path, QStringLiteral("--batch"),
             QString::number(conv.batch), QStringLiteral("--threads"),
             QString::number(conv.threads), QStringLiteral("--max-time"), QStringLiteral("0.2")},
            env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const bool onednn = r.out.contains(QStringLiteral(",convolution,"));
        QCOMPARE(onednn, core::convBackend(conv) == core::ConvBackend::OneDnn);
    }

    void splitOfDenseConvolutionsOnly()
    {
        core::FeatureEncoding dense;
        dense.names = kConvFeatures;
        const auto split = core::BackendSplit::of(QStringLiteral("Conv"), dense);
        QVERIFY(split);
        QVERIFY(split->gemm(convRow(1, 128, 1, 64, 28, 1, 1)));
        QVERIFY(!split->gemm(convRow(1, 128, 3, 64, 28, 1, 1)));
        QVERIFY(!split->gemm(convRow(1, 128, 1, 64, 28, 1, 2)));
        QString error;
        QCOMPARE(core::BackendSplit::fromJson(split->toJson(), &error), split);
        QVERIFY(!core::BackendSplit::fromJson(QJsonObject{}, &error));
        QVERIFY2(error.contains(QStringLiteral("batch")), qPrintable(error));
        // A depthwise convolution (no out_channels) always runs on oneDNN.
        core::FeatureEncoding depthwise;
        depthwise.names = kConvFeatures;
        depthwise.names.removeAll(QStringLiteral("param:out_channels"));
        QVERIFY(!core::BackendSplit::of(QStringLiteral("Conv"), depthwise));
        QVERIFY(!core::BackendSplit::of(QStringLiteral("MaxPool"), dense));
    }

    // The rows LibTorch hands to the system BLAS take one thread without
    // load: a linear layer's every row, a convolution's on ATen's GEMM;
    // oneDNN's rows, rows under load and other modules keep theirs. The
    // encoding applies it to what it encodes and keeps it in its JSON.
    void blasRowsAtOneThread()
    {
        core::FeatureEncoding conv;
        conv.names = kConvFeatures;
        const auto rows = core::BlasRows::of(QStringLiteral("Conv"), conv);
        QVERIFY(rows);
        // 1x1 at batch 1 on 7x7x232 (11368 values): GEMM at two threads too.
        Eigen::RowVectorXd gemm = convRow(1, 232, 1, 232, 7, 1, 2);
        QVERIFY(rows->onBlas(gemm));
        rows->apply(&gemm);
        QCOMPARE(gemm, convRow(1, 232, 1, 232, 7, 1, 1));
        // The same at 28x28 and a 3x3 at 14x14 (oneDNN at two threads: more
        // than 20,480 input values) keep two threads.
        for (Eigen::RowVectorXd onednn :
             {convRow(1, 232, 1, 232, 28, 1, 2), convRow(1, 232, 3, 232, 14, 1, 2)}) {
            const Eigen::RowVectorXd before = onednn;
            QVERIFY(!rows->onBlas(onednn));
            rows->apply(&onednn);
            QCOMPARE(onednn, before);
        }
        core::Matrix x(2, 8);
        x.row(0) = convRow(1, 232, 1, 232, 7, 1, 2);
        x.row(1) = convRow(1, 232, 3, 232, 14, 1, 2);
        QCOMPARE(rows->apply(&x), (std::vector<bool>{true, false}));
        QCOMPARE(std::expm1(x(0, 6)), 1.0);
        QCOMPARE(std::expm1(x(1, 6)), 2.0);

        core::FeatureEncoding linear;
        linear.names = {QStringLiteral("param:batch"), QStringLiteral("param:in_features"),
                        QStringLiteral("param:out_features"), QStringLiteral("threads"),
                        QStringLiteral("utilization")};
        linear.blasRows = core::BlasRows::of(QStringLiteral("Gemm"), linear);
        QVERIFY(linear.blasRows);
        core::Sample s;
        s.params = QJsonObject{{QStringLiteral("batch"), 8},
                               {QStringLiteral("in_features"), 1024},
                               {QStringLiteral("out_features"), 1000}};
        s.threads = 2;
        const Eigen::RowVectorXd encoded = linear.encode(s);
        QCOMPARE(std::expm1(encoded[3]), 1.0);
        // Under load the op shares its core: the row keeps its threads.
        s.utilization = 50;
        QVERIFY(!linear.blasRows->movesToOneThread(linear.encode(s)));
        QCOMPARE(std::expm1(linear.encode(s)[3]), 2.0);
        QVERIFY(core::BlasRows::of(QStringLiteral("MatMul"), linear));
        QVERIFY(!core::BlasRows::of(QStringLiteral("Relu"), linear));
        QVERIFY(!core::BlasRows::of(QStringLiteral("MaxPool"), conv));
        linear.names.removeAll(QStringLiteral("threads"));
        QVERIFY(!core::BlasRows::of(QStringLiteral("Gemm"), linear));

        // Saved and loaded with the encoding; a damaged entry is named.
        conv.blasRows = rows;
        core::FeatureEncoding reloaded;
        QString error;
        QVERIFY2(reloaded.fromJson(conv.toJson(), &error), qPrintable(error));
        QCOMPARE(reloaded.blasRows, rows);
        QJsonObject damaged = conv.toJson();
        damaged.insert(QStringLiteral("blas_rows"), QJsonObject{{QStringLiteral("threads"), 42}});
        QVERIFY(!reloaded.fromJson(damaged, &error));
        QVERIFY2(error.contains(QStringLiteral("column the encoding")), qPrintable(error));
        damaged.insert(QStringLiteral("blas_rows"), QJsonObject{});
        QVERIFY(!reloaded.fromJson(damaged, &error));
        QVERIFY2(error.contains(QStringLiteral("BLAS")), qPrintable(error));
        core::FeatureEncoding plain;
        plain.names = kConvFeatures;
        QVERIFY(plain.fromJson(plain.toJson(), &error));
        QVERIFY(!plain.blasRows);
    }

    // Each backend's rows fit their own correction; without the split one
    // correction sits between them and misses both.
    void calibratedModelCorrectsEachBackend()
    {
        const core::Matrix x = mixedRows(12);
        const auto split = core::BackendSplit::of(QStringLiteral("Conv"), [] {
            core::FeatureEncoding e;
            e.names = kConvFeatures;
            return e;
        }());
        QVERIFY(split);
        const auto base = baseModel(x);
        const core::Vector p = base->predict(x);
        core::Vector y(x.rows());
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            y[r] = p[r] + std::log(split->gemm(x.row(r)) ? 3.0 : 1.2);
        QString error;
        core::CalibratedModel one(baseModel(x), 0, 1);
        QVERIFY(one.fit(x, y, &error));
        core::CalibratedModel two(baseModel(x), 0, 1);
        two.setSplit(*split);
        QVERIFY(two.fit(x, y, &error));
        const core::Vector pooled = one.predict(x), apart = two.predict(x);
        double pooledError = 0, apartError = 0; // mean relative
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            pooledError += std::fabs(std::expm1(pooled[r] - y[r])) / double(x.rows());
            apartError += std::fabs(std::expm1(apart[r] - y[r])) / double(x.rows());
        }
        QVERIFY2(pooledError > 0.25, qPrintable(QString::number(pooledError)));
        // What is left is the shrinkage toward no correction (the weight of
        // two samples against a x3 shift on 14 rows).
        QVERIFY2(apartError < 0.12 && apartError < pooledError / 3,
                 qPrintable(QStringLiteral("%1 against %2").arg(apartError).arg(pooledError)));

        // Saved and loaded, it predicts the same; folded around a calibrated
        // model, the corrections compose backend by backend.
        core::CalibratedModel reloaded;
        QVERIFY2(reloaded.fromJson(two.toJson(), &error), qPrintable(error));
        QVERIFY((reloaded.predict(x) - apart).cwiseAbs().maxCoeff() < 1e-12);
        auto inner = std::make_unique<core::CalibratedModel>();
        QVERIFY(inner->fromJson(two.toJson(), &error));
        core::CalibratedModel outer(std::move(inner), 0.1, 0.95);
        const core::Vector nested = outer.predict(x);
        outer.absorbCalibratedInner();
        QVERIFY(outer.split());
        QVERIFY((outer.predict(x) - nested).cwiseAbs().maxCoeff() < 1e-9);
        // A correction of one backend leaves the other's rows alone.
        core::CalibratedModel gemmOnly;
        QVERIFY(gemmOnly.fromJson(two.toJson(), &error));
        gemmOnly.compose({std::log(2.0), 1}, true);
        const core::Vector moved = gemmOnly.predict(x);
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            QCOMPARE_LT(
                std::fabs(moved[r] - apart[r] - (split->gemm(x.row(r)) ? std::log(2.0) : 0)), 1e-9);
    }

    // In-network corrections per backend where each has ten blocks or more,
    // one for the module otherwise; a sibling borrows both.
    void networkCorrectionsPerBackend()
    {
        const core::Matrix x = mixedRows(12);
        const Eigen::RowVectorXd gemmRow = convRow(1, 64, 1, 128, 28, 1, 1);
        const Eigen::RowVectorXd onednnRow = convRow(1, 64, 3, 128, 28, 1, 1);
        const auto base = baseModel(x);

        core::DeviceProfile profile;
        profile.modules.push_back(convModule(QStringLiteral("conv2d"), x));
        profile.modules.push_back(convModule(QStringLiteral("conv2d_relu"), x));
        const auto observed = blocks(QStringLiteral("conv2d"), 12, 2.0, 12, 0.8);
        auto applied = core::applyNetworkCorrections(&profile, observed);
        const auto *gemm = correctionOf(applied, QStringLiteral("conv2d"), QStringLiteral("gemm"));
        const auto *onednn =
            correctionOf(applied, QStringLiteral("conv2d"), QStringLiteral("onednn"));
        QVERIFY(gemm && onednn);
        // The factor alone, shrunk by n / (n + 1) in the log for n blocks.
        QCOMPARE_LT(std::fabs(gemm->factor - std::pow(2.0, 12.0 / 13)), 1e-9);
        QCOMPARE_LT(std::fabs(onednn->factor - std::pow(0.8, 12.0 / 13)), 1e-9);
        QCOMPARE_LT(std::fabs(ratioToBase(profile.modules[0], *base, gemmRow) - gemm->factor),
                    1e-9);
        QCOMPARE_LT(std::fabs(ratioToBase(profile.modules[0], *base, onednnRow) - onednn->factor),
                    1e-9);
        // Stand-ins (grouped convolutions, which oneDNN runs) take oneDNN's factor off.
        QCOMPARE(profile.inNetworkFactor(QStringLiteral("conv2d")), onednn->factor);

        // conv2d_relu, in no network, borrows both.
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        core::borrowNetworkCorrections(&profile, spec, observed, {}, &applied);
        const auto *lentGemm =
            correctionOf(applied, QStringLiteral("conv2d_relu"), QStringLiteral("gemm"));
        const auto *lentOnednn =
            correctionOf(applied, QStringLiteral("conv2d_relu"), QStringLiteral("onednn"));
        QVERIFY(lentGemm && lentOnednn);
        QCOMPARE(lentGemm->borrowedFrom, QStringLiteral("conv2d"));
        QCOMPARE_LT(std::fabs(ratioToBase(profile.modules[1], *base, gemmRow) - gemm->factor),
                    1e-9);
        QCOMPARE_LT(std::fabs(ratioToBase(profile.modules[1], *base, onednnRow) - onednn->factor),
                    1e-9);

        // Five blocks on GEMM are too few for a correction of their own: one
        // correction from all seventeen.
        core::DeviceProfile few;
        few.modules.push_back(convModule(QStringLiteral("conv2d"), x));
        const auto pooled =
            core::applyNetworkCorrections(&few, blocks(QStringLiteral("conv2d"), 5, 2.0, 12, 0.8));
        QCOMPARE(int(pooled.size()), 1);
        QVERIFY(pooled[0].backend.isEmpty());
        QCOMPARE(pooled[0].blocks, 17);
        QCOMPARE_LT(std::fabs(ratioToBase(few.modules[0], *base, gemmRow) -
                              ratioToBase(few.modules[0], *base, onednnRow)),
                    1e-9);
    }
};

QTEST_GUILESS_MAIN(TestBackendSplit)
#include "tst_backend_split.moc"
