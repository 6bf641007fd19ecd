// Calibration that corrects a module's configurations whose data do not fit
// one core's cache apart from those that do (FootprintSplit): the split of
// the rows, a calibrated model with it (saved, folded, composed), and
// calibrate recovering a machine whose cache ends where the base's did not.
#include "models/calibrated_model.h"
#include "models/device_profile.h"
#include "models/footprint_split.h"
#include "models/module_training.h"
#include "predict/calibration.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>
#include <random>

using namespace layerlens;

namespace {

constexpr double kMiB = 1 << 20;

// An element-wise module's sample: channels × size² floats in and out.
core::Sample elementWise(int index, int channels, int size, int threads)
{
    core::Sample s;
    s.id = QStringLiteral("r-%1").arg(index);
    s.runUuid = QStringLiteral("r");
    s.deviceFingerprint = QStringLiteral("dev");
    s.seq = index;
    s.module = QStringLiteral("toy");
    s.op = QStringLiteral("Relu");
    s.params = QJsonObject{{QStringLiteral("channels"), channels}, {QStringLiteral("size"), size}};
    const double bytes = 4.0 * channels * size * size;
    s.features = QJsonObject{{QStringLiteral("input_bytes"), bytes},
                             {QStringLiteral("output_bytes"), bytes},
                             {QStringLiteral("weight_bytes"), 0}};
    s.threads = threads;
    // The base's machine: time in proportion to the bytes, halved on two threads.
    s.latencyMedianMs = 2e-8 * bytes / threads;
    s.peakMemoryBytes = int64_t(2 * bytes);
    s.runs = 5;
    return s;
}

std::vector<core::Sample> samples(int count, uint64_t seed, int maxThreads = 2)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> channels(8, 256), size(7, 56), threads(1, maxThreads);
    std::vector<core::Sample> out;
    for (int i = 0; i < count; ++i)
        out.push_back(elementWise(i, channels(rng), size(rng), threads(rng)));
    return out;
}

double bytesOf(const core::Sample &s)
{
    return s.features.value(QStringLiteral("input_bytes")).toDouble() +
           s.features.value(QStringLiteral("output_bytes")).toDouble();
}

// This machine: three times the base's time where the data do not fit 1 MiB
// per thread, 0.8 times where they do.
double onThisMachine(const core::Sample &s)
{
    return s.latencyMedianMs * (bytesOf(s) > kMiB * s.threads ? 3.0 : 0.8);
}

core::FeatureEncoding encodingOf(const std::vector<core::Sample> &s)
{
    return core::FeatureEncoding::of(s);
}

} // namespace

class TestFootprintSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Rows beyond capacity × threads, from the encoded bytes; none without
    // the columns or a capacity.
    void splitsByBytesPerThread()
    {
        const std::vector<core::Sample> s{elementWise(0, 64, 56, 1), elementWise(1, 64, 56, 2),
                                          elementWise(2, 16, 28, 1)};
        const core::FeatureEncoding e = encodingOf(s);
        const auto split = core::FootprintSplit::of(e, 1 * kMiB);
        QVERIFY(split);
        // 64 × 56² floats in and out: 1.53 MiB, beyond 1 MiB on one thread, not on two.
        QVERIFY(split->beyond(e.encode(s[0])));
        QVERIFY(!split->beyond(e.encode(s[1])));
        QVERIFY(!split->beyond(e.encode(s[2])));
        QVERIFY(!core::FootprintSplit::of(e, 0));
        core::FeatureEncoding noBytes = e;
        noBytes.names.removeAll(QStringLiteral("feature:weight_bytes"));
        QVERIFY(!core::FootprintSplit::of(noBytes, kMiB));

        QString error;
        const auto reloaded = core::FootprintSplit::fromJson(split->toJson(), &error);
        QVERIFY2(reloaded && *reloaded == *split, qPrintable(error));
        QJsonObject damaged = split->toJson();
        damaged.remove(QStringLiteral("threads"));
        QVERIFY(!core::FootprintSplit::fromJson(damaged, &error));
        QVERIFY2(error.contains(QStringLiteral("threads")), qPrintable(error));
        damaged = split->toJson();
        damaged.insert(QStringLiteral("capacity_bytes"), -1);
        QVERIFY(!core::FootprintSplit::fromJson(damaged, &error));
    }

    // Each side of the border fits its own correction; saved and loaded,
    // folded around a calibrated model, and composed on one side only, the
    // predictions follow.
    void calibratedModelCorrectsEachSide()
    {
        std::vector<core::Sample> s = samples(120, 3);
        const core::FeatureEncoding e = encodingOf(s);
        std::vector<int> rows(s.size());
        std::iota(rows.begin(), rows.end(), 0);
        const core::Matrix x = e.encode(s, rows);
        core::Vector base(x.rows()), y(x.rows());
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            base[r] = std::log(s[size_t(r)].latencyMedianMs);
            y[r] = std::log(onThisMachine(s[size_t(r)]));
        }
        auto baseModel = [&] {
            auto m = core::createModel(QStringLiteral("ridge"));
            QString error;
            if (!m->fit(x, base, &error))
                qFatal("ridge: %s", qPrintable(error));
            return m;
        };
        const auto split = core::FootprintSplit::of(e, kMiB);
        QVERIFY(split);
        QString error;
        core::CalibratedModel one(baseModel(), 0, 1), two(baseModel(), 0, 1);
        two.setFootprintSplit(*split);
        QVERIFY(one.fit(x, y, &error) && two.fit(x, y, &error));
        const auto meanError = [&](const core::Vector &p) {
            return (p - y).array().exp().log().abs().mean();
        };
        const double pooled = meanError(one.predict(x)), apart = meanError(two.predict(x));
        QVERIFY2(pooled > 0.3 && apart < 0.1,
                 qPrintable(QStringLiteral("%1 against %2").arg(apart).arg(pooled)));

        core::CalibratedModel reloaded;
        QVERIFY2(reloaded.fromJson(two.toJson(), &error), qPrintable(error));
        QVERIFY(reloaded.footprintSplit() && *reloaded.footprintSplit() == *split);
        QVERIFY((reloaded.predict(x) - two.predict(x)).cwiseAbs().maxCoeff() < 1e-12);

        auto inner = std::make_unique<core::CalibratedModel>();
        QVERIFY(inner->fromJson(two.toJson(), &error));
        core::CalibratedModel outer(std::move(inner), 0.1, 0.95);
        const core::Vector nested = outer.predict(x);
        outer.absorbCalibratedInner();
        QVERIFY(outer.footprintSplit());
        QVERIFY(!dynamic_cast<const core::CalibratedModel *>(outer.inner()));
        QVERIFY((outer.predict(x) - nested).cwiseAbs().maxCoeff() < 1e-9);

        core::CalibratedModel beyondOnly;
        QVERIFY(beyondOnly.fromJson(two.toJson(), &error));
        beyondOnly.compose({std::log(2.0), 1}, true);
        const core::Vector moved = beyondOnly.predict(x), before = two.predict(x);
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            QCOMPARE_LT(
                std::fabs(moved[r] - before[r] - (split->beyond(x.row(r)) ? std::log(2.0) : 0)),
                1e-9);
        // A backend split, where a module has one, decides instead.
        QJsonObject damaged = two.toJson();
        QJsonObject beyond = damaged.value(QStringLiteral("beyond")).toObject();
        beyond.insert(QStringLiteral("split"), QJsonObject{});
        damaged.insert(QStringLiteral("beyond"), beyond);
        QVERIFY(!reloaded.fromJson(damaged, &error));
        QVERIFY2(error.contains(QStringLiteral("capacity")), qPrintable(error));
    }

    // calibrate with the machine's cache splits the module and predicts
    // held-out configurations on both sides; without it, one line misses.
    void calibrateSplitsAtTheCache()
    {
        QTemporaryDir dir;
        QString error;
        auto base = std::make_unique<core::DeviceProfile>();
        base->device = QStringLiteral("dev");
        core::TrainOptions options;
        options.kinds = {QStringLiteral("ridge")};
        core::ModuleTraining training;
        QVERIFY2(
            core::trainModule(QStringLiteral("toy"), samples(200, 5), options, &training, &error),
            qPrintable(error));
        base->modules.push_back(std::move(training));
        QVERIFY2(base->save(dir.path(), &error), qPrintable(error));

        // One thread: about half the configurations beyond 1 MiB, so that
        // neither side's level alone wins by the median of the errors.
        std::vector<core::Sample> local = samples(60, 6, 1);
        for (core::Sample &s : local) {
            s.deviceFingerprint = QStringLiteral("other");
            s.latencyMedianMs = onThisMachine(s);
        }
        const auto latencyOf = [](const core::CalibrationReport &r) {
            for (const core::ModuleCalibration &c : r.modules) {
                if (c.target == core::Target::Latency)
                    return c;
            }
            return core::ModuleCalibration{};
        };
        core::CalibrationReport split, pooled;
        QVERIFY(core::calibrateProfile(*base, dir.path(), local, 0.3, 1, &split, &error, {}, kMiB));
        QVERIFY(core::calibrateProfile(*base, dir.path(), local, 0.3, 1, &pooled, &error));
        const QString table = core::calibrationToTable(split);
        const core::ModuleCalibration apart = latencyOf(split), one = latencyOf(pooled);
        QVERIFY2(apart.beyond && apart.beyondCapacityBytes == kMiB && apart.beyondSamples > 4,
                 qPrintable(table));
        QVERIFY2(!one.beyond, qPrintable(core::calibrationToTable(pooled)));
        QVERIFY2(apart.mapeAfter < 8 && apart.mapeAfter < one.mapeAfter / 3,
                 qPrintable(table + core::calibrationToTable(pooled)));
        QVERIFY2(
            table.contains(
                QStringLiteral("beyond 1 MiB per thread (%1 samples)").arg(apart.beyondSamples)),
            qPrintable(table));
    }
};

QTEST_GUILESS_MAIN(TestFootprintSplit)
#include "tst_footprint_split.moc"
