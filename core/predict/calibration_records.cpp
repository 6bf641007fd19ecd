#include "predict/calibration_records.h"

#include "measure/statistics.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// Version of the record's layout; a record of another version is refused.
constexpr int kRecordVersion = 1;

const QString kBase = QStringLiteral("base");
const QString kSpeed = QStringLiteral("speed_reference");
const QString kCaches = QStringLiteral("cache_bytes");
const QString kSampling = QStringLiteral("sampling");
const QString kNetworksPhase = QStringLiteral("networks");
const QString kNetworks = QStringLiteral("networks");
const QString kProbes = QStringLiteral("probes");
const QString kPasses = QStringLiteral("passes");
const QString kLayers = QStringLiteral("layers");
const QString kLatency = QStringLiteral("latency_ms");
const QString kWindow = QStringLiteral("sample_window_ms");

QJsonArray statsArray(const std::vector<TimingStats> &timings)
{
    QJsonArray out;
    for (const TimingStats &t : timings)
        out.append(timingStatsToJson(t));
    return out;
}

// Reads what timingStatsToJson wrote: every field a number.
std::optional<TimingStats> statsFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QString names[] = {QStringLiteral("median"), QStringLiteral("p10"),
                             QStringLiteral("p90"),    QStringLiteral("min"),
                             QStringLiteral("mean"),   QStringLiteral("cv"),
                             QStringLiteral("runs"),   QStringLiteral("relative_error")};
    for (const QString &name : names) {
        if (!o.value(name).isDouble())
            return std::nullopt;
    }
    TimingStats s;
    s.median = o.value(names[0]).toDouble();
    s.p10 = o.value(names[1]).toDouble();
    s.p90 = o.value(names[2]).toDouble();
    s.min = o.value(names[3]).toDouble();
    s.mean = o.value(names[4]).toDouble();
    s.cv = o.value(names[5]).toDouble();
    s.runs = o.value(names[6]).toInt();
    s.relativeError = o.value(names[7]).toDouble();
    return s;
}

QJsonObject measurementToRecord(const NetworkMeasurement &m)
{
    QJsonArray layers;
    for (const LayerTiming &l : m.layers)
        layers.append(QJsonArray{l.name, l.op, l.stats.median, l.stats.mean});
    return {{QStringLiteral("batch"), m.batch},
            {QStringLiteral("threads"), m.threads},
            {QStringLiteral("utilization"), m.utilizationPercent},
            {kWindow, m.sampleWindowMs},
            {kLatency, timingStatsToJson(m.latency)},
            {kLayers, layers}};
}

std::optional<NetworkMeasurement> measurementFromRecord(const QJsonValue &value, QString *error)
{
    const QJsonObject o = value.toObject();
    NetworkMeasurement m;
    const auto latency = statsFromJson(o.value(kLatency));
    if (!o.value(QStringLiteral("batch")).isDouble() || !latency || !o.value(kLayers).isArray()) {
        *error = tr("a measurement lacks its batch, %1 or %2").arg(kLatency, kLayers);
        return std::nullopt;
    }
    m.batch = o.value(QStringLiteral("batch")).toInt();
    m.threads = o.value(QStringLiteral("threads")).toInt(1);
    m.utilizationPercent = o.value(QStringLiteral("utilization")).toInt();
    m.sampleWindowMs = o.value(kWindow).toDouble();
    m.latency = *latency;
    for (const QJsonValue &entry : o.value(kLayers).toArray()) {
        const QJsonArray a = entry.toArray();
        if (a.size() != 4 || !a[0].isString() || !a[2].isDouble() || !a[3].isDouble()) {
            *error = tr("a layer is not [name, operator, median, mean]");
            return std::nullopt;
        }
        LayerTiming l;
        l.name = a[0].toString();
        l.op = a[1].toString();
        l.stats.median = a[2].toDouble();
        l.stats.mean = a[3].toDouble();
        m.layers.push_back(std::move(l));
    }
    return m;
}

} // namespace

double CalibrationMeasurements::Network::endToEndMs() const
{
    std::vector<double> medians;
    for (const NetworkMeasurement &pass : passes)
        medians.push_back(pass.latency.median);
    return median(std::move(medians));
}

double CalibrationMeasurements::Network::passSpread() const
{
    const double median = endToEndMs();
    if (passes.empty() || median <= 0)
        return 0;
    const auto [fastest, slowest] = std::minmax_element(
        passes.begin(), passes.end(), [](const NetworkMeasurement &a, const NetworkMeasurement &b) {
            return a.latency.median < b.latency.median;
        });
    return (slowest->latency.median - fastest->latency.median) / median;
}

double CalibrationMeasurements::Network::medianUncertainty() const
{
    std::vector<double> logs;
    for (const NetworkMeasurement &pass : passes)
        logs.push_back(std::log(std::max(pass.latency.median, 1e-9)));
    const double variance = meanAndVariance(logs).second;
    return logs.empty() ? 0 : std::sqrt(variance / double(logs.size()));
}

std::map<QString, double> CalibrationMeasurements::Network::layerMs() const
{
    std::map<QString, std::vector<double>> times;
    for (const NetworkMeasurement &pass : passes) {
        for (const LayerTiming &l : pass.layers)
            times[l.name].push_back(pass.layerMs(l));
    }
    std::map<QString, double> out;
    for (auto &[name, values] : times)
        out.emplace(name, median(std::move(values)));
    return out;
}

QJsonObject calibrationMeasurementsToJson(const CalibrationMeasurements &m)
{
    QJsonArray networks;
    for (const CalibrationMeasurements::Network &n : m.networks) {
        QJsonArray passes;
        for (const NetworkMeasurement &pass : n.passes)
            passes.append(measurementToRecord(pass));
        networks.append(QJsonObject{{QStringLiteral("path"), n.path},
                                    {QStringLiteral("sha256"), n.sha256},
                                    {QStringLiteral("batch"), n.batch},
                                    {QStringLiteral("threads"), n.threads},
                                    {QStringLiteral("utilization"), n.utilization},
                                    {QStringLiteral("label"), n.label},
                                    {kPasses, passes}});
    }
    QJsonArray probes;
    for (const CalibrationMeasurements::Probe &p : m.probes)
        probes.append(
            QJsonObject{{QStringLiteral("name"), p.name},
                        {QStringLiteral("sha256"), p.sha256},
                        {QStringLiteral("measurement"), measurementToRecord(p.measurement)}});
    QJsonArray caches;
    for (double bytes : m.cacheCapacities)
        caches.append(bytes);
    return {{QStringLiteral("version"), kRecordVersion},
            {kBase, m.baseDir},
            {kCaches, caches},
            {kSpeed, QJsonObject{{kSampling, statsArray(m.speedSampling)},
                                 {kNetworksPhase, statsArray(m.speedNetworks)}}},
            {kNetworks, networks},
            {kProbes, probes}};
}

std::optional<CalibrationMeasurements> calibrationMeasurementsFromJson(const QJsonObject &json,
                                                                       QString *error)
{
    const int version = json.value(QStringLiteral("version")).toInt();
    if (version != kRecordVersion) {
        *error = tr("calibration record of version %1; this LayerLens reads version %2")
                     .arg(version)
                     .arg(kRecordVersion);
        return std::nullopt;
    }
    if (!json.value(kBase).isString() || !json.value(kSpeed).isObject() ||
        !json.value(kNetworks).isArray() || !json.value(kProbes).isArray() ||
        !json.value(kCaches).isArray()) {
        *error = tr("calibration record lacks %1, %2, %3, %4 or %5")
                     .arg(kBase, kCaches, kSpeed, kNetworks, kProbes);
        return std::nullopt;
    }
    CalibrationMeasurements m;
    m.baseDir = json.value(kBase).toString();
    for (const QJsonValue &bytes : json.value(kCaches).toArray()) {
        if (bytes.toDouble() <= 0) {
            *error = tr("calibration record: a cache level of %1 bytes").arg(bytes.toDouble());
            return std::nullopt;
        }
        m.cacheCapacities.push_back(bytes.toDouble());
    }
    const QJsonObject speed = json.value(kSpeed).toObject();
    for (const auto &[key, into] :
         {std::pair{kSampling, &m.speedSampling}, std::pair{kNetworksPhase, &m.speedNetworks}}) {
        for (const QJsonValue &timing : speed.value(key).toArray()) {
            const auto stats = statsFromJson(timing);
            if (!stats || stats->median <= 0) {
                *error = tr("calibration record: a timing of the speed reference (%1) is not "
                            "timing statistics")
                             .arg(key);
                return std::nullopt;
            }
            into->push_back(*stats);
        }
    }
    QString problem;
    for (const QJsonValue &value : json.value(kNetworks).toArray()) {
        const QJsonObject o = value.toObject();
        CalibrationMeasurements::Network n;
        n.path = o.value(QStringLiteral("path")).toString();
        n.sha256 = o.value(QStringLiteral("sha256")).toString();
        n.batch = o.value(QStringLiteral("batch")).toInt();
        n.threads = o.value(QStringLiteral("threads")).toInt(1);
        n.utilization = o.value(QStringLiteral("utilization")).toInt(0);
        n.label = o.value(QStringLiteral("label")).toString();
        if (n.path.isEmpty() || n.batch < 1 || n.threads < 1 || n.utilization < 0 ||
            n.utilization > 100 || !o.value(kPasses).isArray()) {
            *error = tr("a network of the calibration record lacks its path, batch, threads, a "
                        "utilization of 0-100 % or %1")
                         .arg(kPasses);
            return std::nullopt;
        }
        for (const QJsonValue &pass : o.value(kPasses).toArray()) {
            auto measurement = measurementFromRecord(pass, &problem);
            if (!measurement) {
                *error = tr("%1 in the calibration record: %2").arg(n.label, problem);
                return std::nullopt;
            }
            n.passes.push_back(std::move(*measurement));
        }
        m.networks.push_back(std::move(n));
    }
    for (const QJsonValue &value : json.value(kProbes).toArray()) {
        const QJsonObject o = value.toObject();
        CalibrationMeasurements::Probe p;
        p.name = o.value(QStringLiteral("name")).toString();
        p.sha256 = o.value(QStringLiteral("sha256")).toString();
        auto measurement = measurementFromRecord(o.value(QStringLiteral("measurement")), &problem);
        if (p.name.isEmpty() || !measurement) {
            *error = tr("probe %1 in the calibration record: %2")
                         .arg(p.name, p.name.isEmpty() ? tr("no name") : problem);
            return std::nullopt;
        }
        p.measurement = std::move(*measurement);
        m.probes.push_back(std::move(p));
    }
    return m;
}

} // namespace layerlens::core
