#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace layerlens::core {

// What a device is: the facts that decide whether two measurements compare.
struct DeviceInfo
{
    QString hostName;
    QString cpuModel;
    int logicalCores = 0;
    int64_t memoryBytes = 0;
    QString os;     // "Debian GNU/Linux 12 (bookworm)"
    QString kernel; // "linux 6.1.0"
    QString architecture;
    QString blas; // active libblas.so.3 provider ("openblas-pthread", "reference"), or ""
    // OpenBLAS's kernel set ("Haswell", "Prescott"; blas_kernels.h), or "";
    // forced: chosen with OPENBLAS_CORETYPE rather than by OpenBLAS for the CPU.
    QString blasCore;
    bool blasCoreForced = false;
    // Threads of OpenBLAS's own pool beside ATen's (blasPoolSetting); 0:
    // not recorded, samples taken before session 26, when the pool ran as
    // many threads as ATen's.
    int blasPoolThreads = 0;
};

// Value of the first "key : value" line starting with key in a /proc file
// ("/proc/cpuinfo", "flags"), trimmed; empty when there is none.
QString procField(const char *file, const char *key);

// This machine's CPU model ("AMD EPYC 9B14"), or its architecture where the OS names none.
QString localCpuModel();

// Reads this machine's description from the OS.
DeviceInfo probeLocalDevice();

// The capacities in bytes of this machine's data caches from level 2 on
// (what one core sees), smallest first, as the kernel lists them for CPU 0;
// empty where it does not.
std::vector<int64_t>
localCacheCapacities(const QString &sysfsCpu = QStringLiteral("/sys/devices/system/cpu/cpu0"));

// The same, as the C library reads them from the CPU itself (CPUID on
// x86-64 with glibc); empty where it reads none. A virtual machine's CPU
// may report its host's shared cache.
std::vector<int64_t> cpuReportedCacheCapacities();

// The kernel's list where it has one, else what the CPU reports (a
// Firecracker guest's kernel lists no caches); *source says which
// ("sysfs", "cpuid"), empty where neither gives any.
std::vector<int64_t> machineCacheCapacities(QString *source);

// JSON form: {"host", "cpu", "cores", "memory_bytes", "os", "kernel", "arch", "blas"}, and
// "blas_core", "blas_core_forced", "blas_pool_threads" where the BLAS is OpenBLAS.
QJsonObject deviceInfoToJson(const DeviceInfo &info);
DeviceInfo deviceInfoFromJson(const QJsonObject &json);

} // namespace layerlens::core
