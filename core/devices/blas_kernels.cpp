#include "devices/blas_kernels.h"

#include "devices/device_info.h"

#include <QCoreApplication>
#include <QStringList>

#include <dlfcn.h>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// OpenBLAS's kernel sets built on AVX2 and FMA (its names, as
// openblas_get_corename and OPENBLAS_CORETYPE spell them).
const QStringList &avx2Cores()
{
    static const QStringList cores{QStringLiteral("Haswell"),        QStringLiteral("Zen"),
                                   QStringLiteral("SkylakeX"),       QStringLiteral("Cooperlake"),
                                   QStringLiteral("SapphireRapids"), QStringLiteral("Excavator")};
    return cores;
}

} // namespace

BlasKernels localBlasKernels()
{
    // The library LibTorch links; already in the process once the runtime is.
    void *lib = dlopen("libblas.so.3", RTLD_LAZY | RTLD_NOLOAD);
    if (!lib)
        lib = dlopen("libblas.so.3", RTLD_LAZY | RTLD_LOCAL);
    if (!lib)
        return {};
    // Not closed: OpenBLAS keeps threads that must not outlive its code.
    using CoreName = char *(*)();
    const auto coreName = reinterpret_cast<CoreName>(dlsym(lib, "openblas_get_corename"));
    BlasKernels kernels;
    if (const char *name = coreName ? coreName() : nullptr)
        kernels.core = QString::fromLatin1(name).trimmed();
    kernels.forced = !kernels.core.isEmpty() && !qEnvironmentVariableIsEmpty("OPENBLAS_CORETYPE");
    return kernels;
}

QSet<QString> localCpuFlags()
{
    const QStringList flags =
        procField("/proc/cpuinfo", "flags").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(flags.begin(), flags.end());
}

QString blasKernelAdvice(const QString &core, const QSet<QString> &cpuFlags)
{
    if (core.isEmpty() || !cpuFlags.contains(QStringLiteral("avx2")) ||
        !cpuFlags.contains(QStringLiteral("fma")) ||
        avx2Cores().contains(core, Qt::CaseInsensitive))
        return QString();
    // The SkylakeX kernels use these AVX-512 subsets.
    bool avx512 = true;
    for (const char *flag : {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"})
        avx512 = avx512 && cpuFlags.contains(QString::fromLatin1(flag));
    const QString better = avx512 ? QStringLiteral("SkylakeX") : QStringLiteral("Haswell");
    return tr("OpenBLAS runs its %1 kernels on this CPU, which has AVX2%2: its version does not "
              "recognise the CPU. Matrix products (Linear, MatMul, and 1x1 convolutions at one "
              "thread, which LibTorch hands to BLAS) run several times slower than with its %3 "
              "kernels, and what LayerLens measures and calibrates here describes the %1 ones. "
              "To use the faster kernels, start LayerLens and your deployment with "
              "OPENBLAS_CORETYPE=%3.")
        .arg(core, avx512 ? tr(" and AVX-512") : QString(), better);
}

QString localBlasAdvice()
{
    static const QString advice = blasKernelAdvice(localBlasKernels().core, localCpuFlags());
    return advice;
}

int blasPoolSetting(QString *error)
{
    const QByteArray value = qgetenv("LAYERLENS_BLAS_THREADS");
    if (value.isEmpty())
        return 1;
    bool ok = false;
    const int count = value.trimmed().toInt(&ok);
    if (ok && count >= 1 && count <= 256)
        return count;
    if (error) {
        *error = tr("LAYERLENS_BLAS_THREADS=%1 is not a thread count from 1 to 256; OpenBLAS "
                    "runs on one thread")
                     .arg(QString::fromLocal8Bit(value));
    }
    return 1;
}

} // namespace layerlens::core
