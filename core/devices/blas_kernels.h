#pragma once

#include <QSet>
#include <QString>

namespace layerlens::core {

// Which kernels the system BLAS runs on this machine. OpenBLAS picks a
// kernel set ("core") for the CPU it finds when it loads; a CPU its version
// does not know gets a generic one: OpenBLAS 0.3.21 (Debian 12) runs its
// SSE3 "Prescott" kernels on a Xeon of model 207, 6x slower at a GEMM than
// its "SkylakeX" ones. OPENBLAS_CORETYPE overrides the choice.
struct BlasKernels
{
    QString core;        // openblas_get_corename() ("Haswell", "Prescott"), or "": not OpenBLAS
    bool forced = false; // OPENBLAS_CORETYPE is set: the core is the user's choice
};

// The kernels of the libblas.so.3 this process uses (loading it when no
// library of the process has yet).
BlasKernels localBlasKernels();

// The CPU's feature flags ("avx2", "fma", "avx512f"...), from /proc/cpuinfo.
QSet<QString> localCpuFlags();

// One sentence of advice when OpenBLAS runs kernels older than the CPU can
// run: a pre-AVX2 core on a CPU with AVX2 and FMA. Names the core in use,
// the one to set with OPENBLAS_CORETYPE ("SkylakeX" where the CPU has the
// AVX-512 subsets those kernels use, else "Haswell") and what it changes.
// Empty when there is nothing to advise (not OpenBLAS, a matching core, or
// a CPU without AVX2).
QString blasKernelAdvice(const QString &core, const QSet<QString> &cpuFlags);

// blasKernelAdvice for this machine (probed once per process).
QString localBlasAdvice();

// The threads of OpenBLAS's own pool beside ATen's intra-op threads
// (runtime/executor.h sets it): LAYERLENS_BLAS_THREADS where it names a
// count from 1 to 256, else 1. error, when given, is set where the variable
// holds anything else.
int blasPoolSetting(QString *error = nullptr);

} // namespace layerlens::core
