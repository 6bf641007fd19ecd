// The single-precision dense layer that MLP and MEDN inference run on:
// both kernels (AVX2+FMA where the CPU has them, portable) against a
// double-precision reference, across the shapes the models have and the
// ragged ones they could have, and SiLU across its whole range.
#include "models/dense_kernel.h"

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace layerlens::core;

namespace {

using Kernel = void (*)(const float *, const float *, const float *, std::ptrdiff_t, std::ptrdiff_t,
                        std::ptrdiff_t, bool, float *);

double silu(double v)
{
    return v / (1 + std::exp(-v));
}

// The first output that is not SiLU of its input within 1e-6 relative (or
// 1e-30 absolute, where the result is no normal float), or "".
QString siluMismatch(const std::vector<float> &in, const std::vector<float> &out)
{
    for (size_t i = 0; i < in.size(); ++i) {
        const double expected = silu(in[i]);
        const double tolerance = std::max(1e-6 * std::abs(expected), 1e-30);
        if (!std::isfinite(out[i]) || !(std::abs(out[i] - expected) <= tolerance))
            return QStringLiteral("silu(%1) = %2, expected %3")
                .arg(in[i])
                .arg(out[i], 0, 'g', 9)
                .arg(expected, 0, 'g', 9);
    }
    return QString();
}

} // namespace

class TestDenseKernel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesDoublePrecision_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<bool>("activate");
        // The profiles' layers: 13-16 features into 64, 64 into 32 or 64,
        // 32 or 64 into one output; then odd sizes on every loop's tail.
        const int shapes[][3] = {{40, 16, 64}, {40, 64, 64}, {40, 64, 32}, {40, 64, 1},
                                 {1, 13, 64},  {3, 64, 32},  {17, 33, 96}, {5, 7, 33},
                                 {2, 1, 1},    {9, 70, 40},  {1, 1, 32},   {0, 16, 64}};
        for (const auto &s : shapes) {
            for (bool activate : {false, true}) {
                const QByteArray name = QByteArray::number(s[0]) + "x" + QByteArray::number(s[1]) +
                                        "->" + QByteArray::number(s[2]) + (activate ? " silu" : "");
                QTest::newRow(name.constData()) << s[0] << s[1] << s[2] << activate;
            }
        }
    }

    void matchesDoublePrecision()
    {
        QFETCH(int, rows);
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(bool, activate);
        std::mt19937 rng(rows * 1000003 + in * 101 + out);
        std::normal_distribution<float> normal(0, 1);
        std::vector<float> x(size_t(rows) * in), wT(size_t(in) * out), bias(out);
        for (float &v : x)
            v = normal(rng);
        for (float &v : wT)
            v = normal(rng) / std::sqrt(float(in));
        for (float &v : bias)
            v = normal(rng);

        for (Kernel kernel : {Kernel(denseLayer), Kernel(denseLayerPortable)}) {
            std::vector<float> y(size_t(rows) * out, std::nanf(""));
            kernel(x.data(), wT.data(), bias.data(), rows, in, out, activate, y.data());
            for (int r = 0; r < rows; ++r) {
                for (int o = 0; o < out; ++o) {
                    double sum = bias[o], magnitude = std::abs(bias[o]);
                    for (int i = 0; i < in; ++i) {
                        sum += double(x[size_t(r) * in + i]) * wT[size_t(i) * out + o];
                        magnitude +=
                            std::abs(double(x[size_t(r) * in + i]) * wT[size_t(i) * out + o]);
                    }
                    const double expected = activate ? silu(sum) : sum;
                    const double got = y[size_t(r) * out + o];
                    // Float rounding of each product and partial sum.
                    const double tolerance = 1e-6 * (in + 2) * (magnitude + 1);
                    if (!(std::abs(got - expected) <= tolerance)) {
                        QFAIL(qPrintable(
                            QStringLiteral("%1 kernel, row %2 output %3: %4, "
                                           "expected %5")
                                .arg(QLatin1String(kernel == Kernel(denseLayer) ? "dispatched"
                                                                                : "portable"))
                                .arg(r)
                                .arg(o)
                                .arg(got, 0, 'g', 9)
                                .arg(expected, 0, 'g', 9)));
                    }
                }
            }
        }
    }

    // SiLU of one input per row, from far negative (e^-v overflows a float
    // beyond 88) to far positive: within 1e-6 relative where the result is
    // a normal float, and never NaN or infinite.
    void siluAcrossItsRange()
    {
        std::vector<float> x;
        for (double v = -120; v <= 120; v += 0.37)
            x.push_back(float(v));
        for (float v : {0.0f, -0.0f, 1e-20f, -1e-20f, 88.0f, -88.0f, 87.5f, -87.5f})
            x.push_back(v);
        const auto rows = static_cast<std::ptrdiff_t>(x.size());
        const float one = 1, zero = 0;
        for (Kernel kernel : {Kernel(denseLayer), Kernel(denseLayerPortable)}) {
            std::vector<float> y(x.size());
            kernel(x.data(), &one, &zero, rows, 1, 1, true, y.data());
            const QString scalar = siluMismatch(x, y);
            QVERIFY2(scalar.isEmpty(), qPrintable(scalar));
            // Across a whole vector of lanes too, not only the scalar tail.
            std::vector<float> wide(8 * x.size());
            std::vector<float> zeros(8, 0.0f), identity(8 * 8, 0.0f);
            for (int k = 0; k < 8; ++k)
                identity[size_t(k) * 8 + k] = 1;
            std::vector<float> rowsOf8(8 * x.size());
            for (size_t i = 0; i < x.size(); ++i) {
                for (int k = 0; k < 8; ++k)
                    rowsOf8[i * 8 + k] = x[(i + size_t(k)) % x.size()];
            }
            kernel(rowsOf8.data(), identity.data(), zeros.data(), rows, 8, 8, true, wide.data());
            const QString vector = siluMismatch(rowsOf8, wide);
            QVERIFY2(vector.isEmpty(), qPrintable(vector + QStringLiteral(" (in a vector)")));
        }
    }

    // The wide kernel runs wherever the CPU has AVX2 and FMA, whatever the
    // CPU model is called (GCC's target_clones("arch=haswell") fell back to
    // the portable code on a Xeon it did not know).
    void wideKernelWhereTheCpuHasIt()
    {
#if defined(__GNUC__) && defined(__x86_64__)
        __builtin_cpu_init();
        const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        QCOMPARE(QString::fromLatin1(denseLayerKernel()),
                 QString::fromLatin1(avx2 ? "avx2+fma" : "portable"));
#else
        QCOMPARE(QString::fromLatin1(denseLayerKernel()), QStringLiteral("portable"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestDenseKernel)
#include "tst_dense_kernel.moc"
