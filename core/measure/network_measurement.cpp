#include "measure/network_measurement.h"

#include "report/number_format.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject measurementToJson(const NetworkMeasurement &m)
{
    QJsonObject json{
        {QStringLiteral("model"), m.model},
        {QStringLiteral("batch"), m.batch},
        {QStringLiteral("threads"), m.threads},
        {QStringLiteral("blas_threads"), m.blasThreads},
        {QStringLiteral("latency_ms"), timingStatsToJson(m.latency)},
        {QStringLiteral("sample_window_ms"), m.sampleWindowMs},
        {QStringLiteral("timed_runs"), m.timedRuns},
        {QStringLiteral("repeatability"),
         QJsonObject{{QStringLiteral("half_difference"), m.repeatability.halfDifference},
                     {QStringLiteral("tolerance"), m.repeatability.tolerance},
                     {QStringLiteral("repeatable"), m.repeatability.repeatable}}},
        {QStringLiteral("warmup_runs"), m.warmupRuns},
        {QStringLiteral("seconds"), m.seconds},
        {QStringLiteral("peak_memory_bytes"), static_cast<qint64>(m.peakAllocatedBytes)},
        {QStringLiteral("resident_growth_bytes"), static_cast<qint64>(m.residentGrowthBytes)},
        {QStringLiteral("energy_j"), optionalNumber(m.energyJoules)},
        {QStringLiteral("idle_power_w"), optionalNumber(m.idlePowerWatts)},
        {QStringLiteral("energy_sensors"), QJsonArray::fromStringList(m.energySensors)},
        {QStringLiteral("energy_note"), m.energyNote},
        {QStringLiteral("utilization"),
         QJsonObject{{QStringLiteral("requested_percent"), m.utilizationPercent},
                     {QStringLiteral("achieved"), m.achievedUtilization}}},
        {QStringLiteral("fusions"), static_cast<int>(m.fusions.size())},
    };
    if (!m.layers.empty()) {
        QJsonArray layers;
        for (const LayerTiming &l : m.layers) {
            QJsonObject entry = timingStatsToJson(l.stats);
            entry.insert(QStringLiteral("ms"), m.layerMs(l));
            entry.insert(QStringLiteral("name"), l.name);
            entry.insert(QStringLiteral("op"), l.op);
            layers.append(entry);
        }
        json.insert(QStringLiteral("layers"), layers);
        json.insert(QStringLiteral("layer_sum_ms"), m.layerSumMs);
        json.insert(QStringLiteral("layer_gap_ms"), m.layerGapMs);
    }
    return json;
}

QString measurementToTable(const NetworkMeasurement &m)
{
    QString out;
    const TimingStats &l = m.latency;
    out += tr("%1, batch %2, %3 thread(s), background load %4% (achieved %5%)\n")
               .arg(m.model)
               .arg(m.batch)
               .arg(m.threads)
               .arg(m.utilizationPercent)
               .arg(m.achievedUtilization * 100, 0, 'f', 0);
    if (m.threads > 1 && m.blasThreads > 0)
        out += QCoreApplication::translate(
            "layerlens::core",
            "          OpenBLAS on %n thread(s) beside them (LAYERLENS_BLAS_THREADS)\n", "",
            m.blasThreads);
    out += tr("Latency   median %1 ms  p10 %2  min %3  p90 %4  cv %5%  (%6 runs after %7 "
              "warm-up, %8 s)\n")
               .arg(l.median, 0, 'f', 3)
               .arg(l.p10, 0, 'f', 3)
               .arg(l.min, 0, 'f', 3)
               .arg(l.p90, 0, 'f', 3)
               .arg(l.cv * 100, 0, 'f', 1)
               .arg(l.runs)
               .arg(m.warmupRuns)
               .arg(m.seconds, 0, 'f', 1);
    if (m.sampleWindowMs > 0)
        out += tr("          under load each sample is the mean of back-to-back runs over at "
                  "least %1 ms (%2 runs in all)\n")
                   .arg(m.sampleWindowMs, 0, 'f', 0)
                   .arg(m.timedRuns);
    out += tr("Repeatability: interleaved halves differ by %1% (tolerance %2%): %3\n")
               .arg(m.repeatability.halfDifference * 100, 0, 'f', 2)
               .arg(m.repeatability.tolerance * 100, 0, 'f', 2)
               .arg(m.repeatability.repeatable ? tr("repeatable") : tr("NOT repeatable"));
    out += tr("Memory    peak allocated %1 during a run, resident growth %2\n")
               .arg(formatBytes(m.peakAllocatedBytes), formatBytes(m.residentGrowthBytes));
    if (m.energyJoules) {
        out += tr("Energy    %1 J per inference (sensors: %2; idle %3 W)\n")
                   .arg(*m.energyJoules, 0, 'g', 4)
                   .arg(m.energySensors.join(QStringLiteral(", ")))
                   .arg(m.idlePowerWatts.value_or(0), 0, 'f', 2);
    } else {
        out += tr("Energy    unavailable: %1\n").arg(m.energyNote);
    }
    if (!m.layers.empty()) {
        const bool underLoad = m.sampleWindowMs > 0;
        out += (underLoad ? tr("\n   #  %1  %2    mean ms   share\n")
                          : tr("\n   #  %1  %2  median ms   share\n"))
                   .arg(tr("Layer").leftJustified(48), tr("Op").leftJustified(18));
        for (const LayerTiming &t : m.layers) {
            const double share = m.layerSumMs > 0 ? m.layerMs(t) / m.layerSumMs * 100 : 0;
            out += QStringLiteral("%1  %2  %3  %4  %5%\n")
                       .arg(t.node, 4)
                       .arg(t.name.left(48).leftJustified(48))
                       .arg(t.op.left(18).leftJustified(18))
                       .arg(m.layerMs(t), 9, 'f', 3)
                       .arg(share, 5, 'f', 1);
        }
        out += (underLoad ? tr("Sum of layer means %1 ms; end-to-end median %2 ms; gap %3 ms\n")
                          : tr("Sum of layer medians %1 ms; end-to-end median %2 ms; gap %3 ms\n"))
                   .arg(m.layerSumMs, 0, 'f', 3)
                   .arg(m.latency.median, 0, 'f', 3)
                   .arg(m.layerGapMs, 0, 'f', 3);
    }
    return out;
}

} // namespace layerlens::core
