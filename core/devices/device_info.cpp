#include "devices/device_info.h"

#include "devices/blas_kernels.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>

#include <map>

#include <unistd.h>

namespace layerlens::core {

// (/proc files report size 0, so they are read whole rather than by atEnd().)
QString procField(const char *file, const char *key)
{
    QFile f(QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    }
    return QString();
}

namespace {

int64_t totalMemoryBytes()
{
    // "24684084 kB"
    return procField("/proc/meminfo", "MemTotal").section(QLatin1Char(' '), 0, 0).toLongLong() *
           1024;
}

// Debian chooses libblas.so.3 with update-alternatives; the link's target
// folder names the provider.
QString activeBlas()
{
    for (const char *dir :
         {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"}) {
        const QFileInfo link(QString::fromLatin1(dir) + QStringLiteral("/libblas.so.3"));
        if (!link.exists())
            continue;
        const QString target = link.canonicalFilePath();
        const QString provider = QFileInfo(target).dir().dirName();
        return provider == QLatin1String("blas") ? QStringLiteral("reference") : provider;
    }
    return QString();
}

} // namespace

std::vector<int64_t> localCacheCapacities(const QString &sysfsCpu)
{
    auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
    };
    std::map<int, int64_t> byLevel;
    const QDir caches(sysfsCpu + QStringLiteral("/cache"));
    for (const QString &index : caches.entryList({QStringLiteral("index*")}, QDir::Dirs)) {
        const QString dir = caches.filePath(index) + QLatin1Char('/');
        const int level = read(dir + QStringLiteral("level")).toInt();
        const QString type = read(dir + QStringLiteral("type"));
        // "1024K", "32M"
        QString size = read(dir + QStringLiteral("size"));
        int64_t unit = 1;
        if (size.endsWith(QLatin1Char('K')))
            unit = 1024;
        else if (size.endsWith(QLatin1Char('M')))
            unit = 1024 * 1024;
        if (unit > 1)
            size.chop(1);
        bool ok = false;
        const int64_t bytes = size.toLongLong(&ok) * unit;
        if (level >= 2 && ok && bytes > 0 && type != QLatin1String("Instruction"))
            byLevel[level] = bytes;
    }
    std::vector<int64_t> out;
    for (const auto &[level, bytes] : byLevel)
        out.push_back(bytes);
    return out;
}

std::vector<int64_t> cpuReportedCacheCapacities()
{
    std::vector<int64_t> out;
#if defined(_SC_LEVEL2_CACHE_SIZE) && defined(_SC_LEVEL3_CACHE_SIZE) &&                            \
    defined(_SC_LEVEL4_CACHE_SIZE)
    for (const int name : {_SC_LEVEL2_CACHE_SIZE, _SC_LEVEL3_CACHE_SIZE, _SC_LEVEL4_CACHE_SIZE}) {
        const long bytes = sysconf(name);
        // Levels the CPU has not got read as 0 or -1; a level is never
        // smaller than the one below it.
        if (bytes > 0 && (out.empty() || bytes >= out.back()))
            out.push_back(bytes);
    }
#endif
    return out;
}

std::vector<int64_t> machineCacheCapacities(QString *source)
{
    auto caches = localCacheCapacities();
    *source = QStringLiteral("sysfs");
    if (caches.empty()) {
        caches = cpuReportedCacheCapacities();
        *source = caches.empty() ? QString() : QStringLiteral("cpuid");
    }
    return caches;
}

QString localCpuModel()
{
    const QString model = procField("/proc/cpuinfo", "model name");
    return model.isEmpty() ? QSysInfo::currentCpuArchitecture() : model;
}

DeviceInfo probeLocalDevice()
{
    DeviceInfo info;
    info.hostName = QSysInfo::machineHostName();
    info.cpuModel = localCpuModel();
    info.logicalCores = QThread::idealThreadCount();
    info.memoryBytes = totalMemoryBytes();
    info.os = QSysInfo::prettyProductName();
    info.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    info.architecture = QSysInfo::currentCpuArchitecture();
    info.blas = activeBlas();
    const BlasKernels kernels = localBlasKernels();
    info.blasCore = kernels.core;
    info.blasCoreForced = kernels.forced;
    if (!kernels.core.isEmpty())
        info.blasPoolThreads = blasPoolSetting();
    return info;
}

QJsonObject deviceInfoToJson(const DeviceInfo &info)
{
    QJsonObject json{
        {QStringLiteral("host"), info.hostName},
        {QStringLiteral("cpu"), info.cpuModel},
        {QStringLiteral("cores"), info.logicalCores},
        {QStringLiteral("memory_bytes"), static_cast<qint64>(info.memoryBytes)},
        {QStringLiteral("os"), info.os},
        {QStringLiteral("kernel"), info.kernel},
        {QStringLiteral("arch"), info.architecture},
        {QStringLiteral("blas"), info.blas},
    };
    if (!info.blasCore.isEmpty()) {
        json.insert(QStringLiteral("blas_core"), info.blasCore);
        json.insert(QStringLiteral("blas_core_forced"), info.blasCoreForced);
    }
    if (info.blasPoolThreads > 0)
        json.insert(QStringLiteral("blas_pool_threads"), info.blasPoolThreads);
    return json;
}

DeviceInfo deviceInfoFromJson(const QJsonObject &json)
{
    DeviceInfo info;
    info.hostName = json.value(QStringLiteral("host")).toString();
    info.cpuModel = json.value(QStringLiteral("cpu")).toString();
    info.logicalCores = json.value(QStringLiteral("cores")).toInt();
    info.memoryBytes = json.value(QStringLiteral("memory_bytes")).toInteger();
    info.os = json.value(QStringLiteral("os")).toString();
    info.kernel = json.value(QStringLiteral("kernel")).toString();
    info.architecture = json.value(QStringLiteral("arch")).toString();
    info.blas = json.value(QStringLiteral("blas")).toString();
    info.blasCore = json.value(QStringLiteral("blas_core")).toString();
    info.blasCoreForced = json.value(QStringLiteral("blas_core_forced")).toBool();
    info.blasPoolThreads = json.value(QStringLiteral("blas_pool_threads")).toInt();
    return info;
}

} // namespace layerlens::core
