// Measurement building blocks without LibTorch: statistics, the repeatability
// check, energy sensors read from a fake sysfs tree, the load generator, and
// the BLAS kernels this machine runs.
#include "devices/blas_kernels.h"
#include "devices/device_info.h"
#include "measure/energy_sensors.h"
#include "measure/load_generator.h"
#include "measure/statistics.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
}

} // namespace

class TestMeasure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statistics()
    {
        const core::TimingStats s = core::summarize({5, 1, 4, 2, 3});
        QCOMPARE(s.runs, 5);
        QCOMPARE(s.median, 3.0);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.mean, 3.0);
        QCOMPARE(s.p10, 1.4); // linear interpolation between 1 and 2
        QVERIFY(qAbs(s.cv - std::sqrt(2.5) / 3.0) < 1e-12);
        QCOMPARE(core::summarize({}).runs, 0);
    }

    // The value a weighted L1 fit picks: heavy weights pull it, a large
    // value with little weight does not.
    void weightedMedian()
    {
        QCOMPARE(core::weightedMedian({}), 0.0);
        QCOMPARE(core::weightedMedian({{4, 1}}), 4.0);
        // The calibration case: ViT-like residual 0.148 with weight 1.7
        // cannot outvote two small networks of weight 20 and 18.
        QCOMPARE(
            core::weightedMedian({{0.148, 1.66}, {0.033, 1.84}, {0.007, 20.2}, {-0.003, 17.6}}),
            0.007);
        QCOMPARE(core::weightedMedian({{1, 1}, {2, 1}, {3, 1}}), 2.0);
        QCOMPARE(core::weightedMedian({{1, 1}, {2, 5}}), 2.0);
        QCOMPARE(core::weightedMedian({{1, -3}, {2, 1}}), 2.0); // negative weight counts as 0
    }

    void repeatability()
    {
        std::vector<double> steady;
        for (int i = 0; i < 40; ++i)
            steady.push_back(10.0 + (i % 4) * 0.01);
        QVERIFY(core::checkRepeatability(steady).repeatable);
        // Alternating runs 10 and 13 ms: the two halves disagree by 30%.
        std::vector<double> drifting;
        for (int i = 0; i < 40; ++i)
            drifting.push_back(i % 2 ? 13.0 : 10.0);
        const auto r = core::checkRepeatability(drifting);
        QVERIFY(!r.repeatable);
        QVERIFY(r.halfDifference > 0.2);
    }

    void raplWithWrapAround()
    {
        QTemporaryDir sys;
        const QString zone = sys.filePath(QStringLiteral("class/powercap/intel-rapl:0"));
        writeText(zone + QStringLiteral("/name"), "package-0\n");
        writeText(zone + QStringLiteral("/max_energy_range_uj"), "1000000\n");
        writeText(zone + QStringLiteral("/energy_uj"), "900000\n");
        // A subzone must not be counted a second time.
        writeText(sys.filePath(QStringLiteral("class/powercap/intel-rapl:0:0/energy_uj")), "5\n");
        auto sensors = core::findEnergySensors(sys.path(), false);
        QCOMPARE(sensors.size(), size_t(1));
        QCOMPARE(sensors[0]->name(), QStringLiteral("rapl:package-0"));
        core::EnergyMeter meter(std::move(sensors));
        meter.start();
        writeText(zone + QStringLiteral("/energy_uj"), "100000\n"); // wrapped past 1,000,000
        const auto joules = meter.stop();
        QVERIFY(joules);
        QVERIFY(qAbs(*joules - 0.2) < 1e-9); // 100,000 to the wrap, 100,000 after
    }

    void hwmonEnergy()
    {
        QTemporaryDir sys;
        const QString dir = sys.filePath(QStringLiteral("class/hwmon/hwmon3"));
        writeText(dir + QStringLiteral("/name"), "amdgpu\n");
        writeText(dir + QStringLiteral("/energy1_input"), "5000000\n");
        writeText(dir + QStringLiteral("/temp1_input"), "40000\n");
        core::EnergyMeter meter(core::findEnergySensors(sys.path(), false));
        QCOMPARE(meter.sensorNames(), QStringList{QStringLiteral("hwmon:amdgpu/energy1")});
        meter.start();
        writeText(dir + QStringLiteral("/energy1_input"), "7500000\n");
        QCOMPARE(meter.stop().value_or(-1), 2.5);
    }

    void noSensorsMeansUnavailable()
    {
        QTemporaryDir sys;
        core::EnergyMeter meter(core::findEnergySensors(sys.path(), false));
        QVERIFY(!meter.available());
        meter.start();
        QVERIFY(!meter.stop());
        QVERIFY(!core::EnergyMeter::unavailableReason().isEmpty());
    }

    void unreadableCounterIsSkipped()
    {
        QTemporaryDir sys;
        writeText(sys.filePath(QStringLiteral("class/powercap/intel-rapl:1/energy_uj")),
                  "not a number\n");
        QVERIFY(core::findEnergySensors(sys.path(), false).empty());
    }

    void loadGenerator()
    {
        core::LoadGenerator idle;
        idle.start(0);
        QVERIFY(!idle.running());
        core::LoadGenerator load;
        load.start(50, 1);
        QVERIFY(load.running());
        QTest::qWait(200);
        load.stop();
        QVERIFY(!load.running());
        // Busy some of the time, never more than all of it (exact shares are
        // measured, not asserted: the machine is shared).
        QVERIFY(load.achievedUtilization() > 0.0);
        QVERIFY(load.achievedUtilization() <= 1.0);
    }

    void blasKernelAdvice_data()
    {
        QTest::addColumn<QString>("core");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("suggested"); // empty: no advice
        const QStringList avx2{QStringLiteral("sse3"), QStringLiteral("avx"),
                               QStringLiteral("avx2"), QStringLiteral("fma")};
        const QStringList avx512 =
            avx2 + QStringList{QStringLiteral("avx512f"), QStringLiteral("avx512cd"),
                               QStringLiteral("avx512bw"), QStringLiteral("avx512dq"),
                               QStringLiteral("avx512vl")};
        QTest::newRow("SSE3 kernels, AVX-512 CPU") << "Prescott" << avx512 << "SkylakeX";
        QTest::newRow("SSE3 kernels, AVX2 CPU") << "Prescott" << avx2 << "Haswell";
        QTest::newRow("AVX kernels, AVX2 CPU") << "Sandybridge" << avx2 << "Haswell";
        QTest::newRow("AVX2 kernels") << "Haswell" << avx512 << "";
        QTest::newRow("AVX-512 kernels") << "SkylakeX" << avx512 << "";
        QTest::newRow("Zen kernels") << "Zen" << avx2 << "";
        QTest::newRow("CPU without AVX2")
            << "Prescott" << QStringList{QStringLiteral("sse3")} << "";
        QTest::newRow("AVX2 without FMA")
            << "Prescott" << QStringList{QStringLiteral("avx2")} << "";
        QTest::newRow("not OpenBLAS") << "" << avx512 << "";
    }

    void blasKernelAdvice()
    {
        QFETCH(QString, core);
        QFETCH(QStringList, flags);
        QFETCH(QString, suggested);
        const QString advice =
            core::blasKernelAdvice(core, QSet<QString>(flags.begin(), flags.end()));
        if (suggested.isEmpty()) {
            QVERIFY2(advice.isEmpty(), qPrintable(advice));
            return;
        }
        QVERIFY2(advice.contains(QStringLiteral("its %1 kernels").arg(core)), qPrintable(advice));
        QVERIFY2(advice.contains(QStringLiteral("OPENBLAS_CORETYPE=%1").arg(suggested)),
                 qPrintable(advice));
    }

    // The BLAS kernels in use are part of this machine's description.
    void localBlasKernels()
    {
        const core::DeviceInfo info = core::probeLocalDevice();
        if (!info.blas.startsWith(QStringLiteral("openblas")))
            QSKIP("libblas.so.3 is not OpenBLAS here");
        QVERIFY(!info.blasCore.isEmpty());
        QCOMPARE(info.blasCoreForced, !qEnvironmentVariableIsEmpty("OPENBLAS_CORETYPE"));
        const core::DeviceInfo back = core::deviceInfoFromJson(core::deviceInfoToJson(info));
        QCOMPARE(back.blasCore, info.blasCore);
        QCOMPARE(back.blasCoreForced, info.blasCoreForced);
        QVERIFY(!core::localCpuFlags().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMeasure)
#include "tst_measure.moc"
