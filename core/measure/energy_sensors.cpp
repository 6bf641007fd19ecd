#include "measure/energy_sensors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <dlfcn.h>

namespace layerlens::core {

namespace {

std::optional<double> readNumber(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const double value = file.readAll().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

// A microjoule counter file that wraps at a known range (RAPL) or not (hwmon).
class CounterFileSensor final : public EnergySensor
{
public:
    CounterFileSensor(QString name, QString path, double wrapMicrojoules)
        : m_name(std::move(name))
        , m_path(std::move(path))
        , m_wrap(wrapMicrojoules)
    {}
    QString name() const override { return m_name; }
    std::optional<double> readJoules() override
    {
        const auto raw = readNumber(m_path);
        if (!raw)
            return std::nullopt;
        if (m_last && *raw < *m_last && m_wrap > 0)
            m_unfolded += m_wrap; // the counter wrapped since the last read
        m_last = raw;
        return (m_unfolded + *raw) * 1e-6;
    }

private:
    QString m_name;
    QString m_path;
    double m_wrap;
    std::optional<double> m_last;
    double m_unfolded = 0;
};

// NVIDIA GPUs through NVML, loaded with dlopen so nothing links the driver.
class NvmlSensor final : public EnergySensor
{
public:
    using GetEnergy = int (*)(void *, unsigned long long *);
    NvmlSensor(void *device, GetEnergy get, int index)
        : m_device(device)
        , m_get(get)
        , m_index(index)
    {}
    QString name() const override { return QStringLiteral("nvml:%1").arg(m_index); }
    std::optional<double> readJoules() override
    {
        unsigned long long millijoules = 0;
        if (m_get(m_device, &millijoules) != 0)
            return std::nullopt;
        return millijoules * 1e-3;
    }

private:
    void *m_device;
    GetEnergy m_get;
    int m_index;
};

void addRapl(const QString &root, std::vector<std::unique_ptr<EnergySensor>> *out)
{
    const QDir dir(root + QStringLiteral("/class/powercap"));
    // Top-level zones only (intel-rapl:0, not intel-rapl:0:0), so nothing counts twice.
    for (const QString &zone : dir.entryList({QStringLiteral("intel-rapl:*")}, QDir::Dirs)) {
        if (zone.count(QLatin1Char(':')) != 1)
            continue;
        const QString base = dir.filePath(zone);
        if (!readNumber(base + QStringLiteral("/energy_uj")))
            continue; // unreadable (often root only)
        const QString label = readText(base + QStringLiteral("/name"));
        out->push_back(std::make_unique<CounterFileSensor>(
            QStringLiteral("rapl:%1").arg(label.isEmpty() ? zone : label),
            base + QStringLiteral("/energy_uj"),
            readNumber(base + QStringLiteral("/max_energy_range_uj")).value_or(0)));
    }
}

void addHwmon(const QString &root, std::vector<std::unique_ptr<EnergySensor>> *out)
{
    const QDir dir(root + QStringLiteral("/class/hwmon"));
    for (const QString &hwmon : dir.entryList({QStringLiteral("hwmon*")}, QDir::Dirs)) {
        const QDir device(dir.filePath(hwmon));
        const QString label = readText(device.filePath(QStringLiteral("name")));
        for (const QString &file :
             device.entryList({QStringLiteral("energy*_input")}, QDir::Files)) {
            if (!readNumber(device.filePath(file)))
                continue;
            out->push_back(std::make_unique<CounterFileSensor>(
                QStringLiteral("hwmon:%1/%2")
                    .arg(label.isEmpty() ? hwmon : label, file.section(QLatin1Char('_'), 0, 0)),
                device.filePath(file), 0));
        }
    }
}

void addNvml(std::vector<std::unique_ptr<EnergySensor>> *out)
{
    void *lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    using Init = int (*)();
    using Count = int (*)(unsigned *);
    using Handle = int (*)(unsigned, void **);
    const auto init = reinterpret_cast<Init>(dlsym(lib, "nvmlInit_v2"));
    const auto count = reinterpret_cast<Count>(dlsym(lib, "nvmlDeviceGetCount_v2"));
    const auto handle = reinterpret_cast<Handle>(dlsym(lib, "nvmlDeviceGetHandleByIndex_v2"));
    const auto energy =
        reinterpret_cast<NvmlSensor::GetEnergy>(dlsym(lib, "nvmlDeviceGetTotalEnergyConsumption"));
    unsigned devices = 0;
    if (!init || !count || !handle || !energy || init() != 0 || count(&devices) != 0)
        return;
    for (unsigned i = 0; i < devices; ++i) {
        void *device = nullptr;
        unsigned long long probe = 0;
        if (handle(i, &device) == 0 && energy(device, &probe) == 0)
            out->push_back(std::make_unique<NvmlSensor>(device, energy, static_cast<int>(i)));
    }
}

} // namespace

std::vector<std::unique_ptr<EnergySensor>> findEnergySensors(const QString &sysfsRoot,
                                                             bool withNvml)
{
    std::vector<std::unique_ptr<EnergySensor>> sensors;
    addRapl(sysfsRoot, &sensors);
    addHwmon(sysfsRoot, &sensors);
    if (withNvml)
        addNvml(&sensors);
    return sensors;
}

EnergyMeter::EnergyMeter(std::vector<std::unique_ptr<EnergySensor>> sensors)
    : m_sensors(std::move(sensors))
{}

QStringList EnergyMeter::sensorNames() const
{
    QStringList names;
    for (const auto &s : m_sensors)
        names.append(s->name());
    return names;
}

QString EnergyMeter::unavailableReason()
{
    return QCoreApplication::translate(
        "EnergyMeter", "no readable energy sensor (RAPL powercap, hwmon energy input or NVML) on "
                       "this device");
}

void EnergyMeter::start()
{
    m_start.clear();
    for (const auto &s : m_sensors)
        m_start.push_back(s->readJoules().value_or(0));
}

std::optional<double> EnergyMeter::stop()
{
    if (m_sensors.empty() || m_start.size() != m_sensors.size())
        return std::nullopt;
    double total = 0;
    for (size_t i = 0; i < m_sensors.size(); ++i) {
        const auto now = m_sensors[i]->readJoules();
        if (!now)
            return std::nullopt;
        total += *now - m_start[i];
    }
    return total;
}

} // namespace layerlens::core
