#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace layerlens::core {

// A cumulative energy counter of real hardware.
class EnergySensor
{
public:
    virtual ~EnergySensor() = default;
    // "rapl:package-0", "hwmon:amdgpu/energy1", "nvml:0".
    virtual QString name() const = 0;
    // Joules consumed since an arbitrary origin, wrap-arounds unfolded; nullopt
    // when the counter cannot be read now.
    virtual std::optional<double> readJoules() = 0;
};

// Every energy sensor found: RAPL package domains under
// <sysfsRoot>/class/powercap, hwmon energy inputs under <sysfsRoot>/class/hwmon,
// and NVIDIA GPUs through NVML when the driver's library loads.
std::vector<std::unique_ptr<EnergySensor>>
findEnergySensors(const QString &sysfsRoot = QStringLiteral("/sys"), bool withNvml = true);

// Measures energy over an interval with all sensors together.
class EnergyMeter
{
public:
    explicit EnergyMeter(std::vector<std::unique_ptr<EnergySensor>> sensors);

    bool available() const { return !m_sensors.empty(); }
    QStringList sensorNames() const;
    // Why energy is unavailable, for reports.
    static QString unavailableReason();

    void start();
    // Joules since start(), summed over sensors; nullopt if a counter failed.
    std::optional<double> stop();

private:
    std::vector<std::unique_ptr<EnergySensor>> m_sensors;
    std::vector<double> m_start;
};

} // namespace layerlens::core
