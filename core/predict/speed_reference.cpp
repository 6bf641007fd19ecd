#include "predict/speed_reference.h"

#include "devices/blas_kernels.h"

#include "models/device_profile.h"
#include "profiling/model_writer.h"
#include "runtime/runtime_api.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QByteArray referenceNetwork()
{
    constexpr int64_t kChannels = 64, kExpanded = 192, kSize = 56, kClasses = 1000;
    ModelWriter w(kSpeedReferenceVersion);
    w.input("x", {1, kChannels, kSize, kSize});
    auto conv = [&](const std::string &in, const std::string &out, int64_t from, int64_t to,
                    int64_t kernel, int64_t groups) {
        w.weight(out + ".w", {to, from / groups, kernel, kernel});
        w.weight(out + ".b", {to});
        auto *n = w.node("Conv", {in, out + ".w", out + ".b"}, out);
        const int64_t pad = kernel / 2;
        ModelWriter::ints(n, "kernel_shape", {kernel, kernel});
        ModelWriter::ints(n, "pads", {pad, pad, pad, pad});
        ModelWriter::integer(n, "group", groups);
    };
    conv("x", "c1", kChannels, kChannels, 3, 1);
    w.node("Relu", {"c1"}, "r1");
    conv("r1", "e", kChannels, kExpanded, 1, 1);
    w.node("Relu", {"e"}, "re");
    conv("re", "d", kExpanded, kExpanded, 3, kExpanded);
    w.node("Relu", {"d"}, "rd");
    conv("rd", "p", kExpanded, kChannels, 1, 1);
    w.node("Add", {"p", "r1"}, "s");
    auto *pool = w.node("MaxPool", {"s"}, "m");
    ModelWriter::ints(pool, "kernel_shape", {2, 2});
    ModelWriter::ints(pool, "strides", {2, 2});
    w.node("GlobalAveragePool", {"m"}, "g");
    w.node("Flatten", {"g"}, "f");
    w.weight("fc.w", {kClasses, kChannels});
    w.weight("fc.b", {kClasses});
    ModelWriter::integer(w.node("Gemm", {"f", "fc.w", "fc.b"}, "y"), "transB", 1);
    w.output("y");
    return QByteArray::fromStdString(w.model().SerializeAsString());
}

} // namespace

std::optional<TimingStats> timeSpeedReference(const RuntimeApi &runtime, double seconds,
                                              QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = tr("no temporary folder for the speed reference: %1").arg(dir.errorString());
        return std::nullopt;
    }
    const QString path = QDir(dir.path()).filePath(QStringLiteral("speed-reference.onnx"));
    QFile file(path);
    const QByteArray bytes = referenceNetwork();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    file.close();
    MeasureOptions options;
    options.threads = 1;
    options.maxTimeSeconds = seconds;
    options.minRuns = 20;
    // The whole budget, however steady the runs: a few seconds of the
    // machine, not the first quiet tenth of one.
    options.targetRelativeError = 0;
    options.idlePowerSeconds = 0;
    NetworkMeasurement m;
    if (!runtime.measureModel(path, LoadOptions{}, options, &m, error, {}))
        return std::nullopt;
    return m.latency;
}

std::optional<double> speedRatio(const DeviceProfile &profile, const TimingStats &now)
{
    const DeviceProfile::SpeedReference &then = profile.speedReference;
    if (then.version != kSpeedReferenceVersion || !(then.medianMs > 0) || !(now.median > 0))
        return std::nullopt;
    return now.median / then.medianMs;
}

QString speedCheckToText(const DeviceProfile &profile, const TimingStats &now)
{
    QString text = tr("speed reference now: %1 ms median (%2 runs, cv %3 %)\n")
                       .arg(now.median, 0, 'f', 3)
                       .arg(now.runs)
                       .arg(now.cv * 100, 0, 'f', 1);
    const DeviceProfile::SpeedReference &then = profile.speedReference;
    const auto ratio = speedRatio(profile, now);
    if (!ratio) {
        return text + (then.version == 0
                           ? tr("the profile recorded no speed reference (calibrate records one)\n")
                           : tr("the profile's speed reference is of another version (%1, this "
                                "LayerLens times version %2); calibrate again to compare\n")
                                 .arg(then.version)
                                 .arg(kSpeedReferenceVersion));
    }
    text += tr("when calibrated: %1 ms median (%2 runs, cv %3 %)\n")
                .arg(then.medianMs, 0, 'f', 3)
                .arg(then.runs)
                .arg(then.cv * 100, 0, 'f', 1);
    // One ratio cannot stand for a BLAS whose kernels changed.
    const QString thenCore = profile.deviceInfo.value(QStringLiteral("blas_core")).toString();
    if (const QString here = localBlasKernels().core;
        !thenCore.isEmpty() && !here.isEmpty() && here != thenCore)
        text += tr("OpenBLAS runs its %1 kernels here and ran its %2 kernels on the profile's "
                   "machine: matrix products do not move with the speed reference\n")
                    .arg(here, thenCore);
    const double percent = (*ratio - 1) * 100;
    if (std::fabs(percent) < kSpeedTolerancePercent)
        return text + tr("this machine runs as fast as when the profile was calibrated (%1 %)\n")
                          .arg(percent, 0, 'f', 1);
    return text + (percent > 0 ? tr("this machine runs %1 % slower than when the profile was "
                                    "calibrated: expect predictions about that much too low; "
                                    "`predict --speed-ratio %2` scales them to it, or calibrate "
                                    "again\n")
                               : tr("this machine runs %1 % faster than when the profile was "
                                    "calibrated: expect predictions about that much too high; "
                                    "`predict --speed-ratio %2` scales them to it, or calibrate "
                                    "again\n"))
                      .arg(std::fabs(percent), 0, 'f', 1)
                      .arg(*ratio, 0, 'f', 3);
}

} // namespace layerlens::core
