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
};

// Reads this machine's description from the OS.
DeviceInfo probeLocalDevice();

// The capacities in bytes of this machine's data caches from level 2 on
// (what one core sees), smallest first, as the kernel lists them for CPU 0;
// empty where it does not.
std::vector<int64_t>
localCacheCapacities(const QString &sysfsCpu = QStringLiteral("/sys/devices/system/cpu/cpu0"));

// JSON form: {"host", "cpu", "cores", "memory_bytes", "os", "kernel", "arch", "blas"}.
QJsonObject deviceInfoToJson(const DeviceInfo &info);
DeviceInfo deviceInfoFromJson(const QJsonObject &json);

} // namespace layerlens::core
