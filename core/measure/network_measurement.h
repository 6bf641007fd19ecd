#pragma once

#include "measure/statistics.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace layerlens::core {

// Timing of one layer over the per-layer runs.
struct LayerTiming
{
    int node = -1;
    QString name;
    QString op;
    TimingStats stats; // milliseconds
};

// Everything one measurement of a whole network on a device found.
struct NetworkMeasurement
{
    QString model;
    int batch = 1;
    int threads = 1;
    // OpenBLAS's own pool beside them (runtime/executor.h); 0: not OpenBLAS.
    int blasThreads = 0;
    TimingStats latency; // milliseconds per inference, one entry per sample
    // Under background load a sample is the mean of back-to-back runs over
    // at least sampleWindowMs (0 without load: one run per sample).
    double sampleWindowMs = 0;
    int timedRuns = 0; // runs behind the samples
    Repeatability repeatability;
    int warmupRuns = 0;
    double seconds = 0; // wall time the measurement took
    // Per-layer timing (when asked): each layer's stats, and how the sum of
    // their medians (means under background load) compares with the
    // end-to-end median.
    std::vector<LayerTiming> layers;
    double layerSumMs = 0;
    double layerGapMs = 0; // end-to-end median minus layerSumMs
    // Memory: the most bytes LibTorch's CPU allocator held during one run,
    // above what it held before (activations and workspace), and the
    // process's resident-memory growth over the whole measurement.
    int64_t peakAllocatedBytes = 0;
    int64_t residentGrowthBytes = 0;
    // Energy from real counters only.
    std::optional<double> energyJoules;   // per inference, idle power included
    std::optional<double> idlePowerWatts; // measured before the runs
    QStringList energySensors;
    QString energyNote; // why energy is unavailable, when it is
    int utilizationPercent = 0;
    double achievedUtilization = 0; // of the background load, 0..1
    QStringList fusions;

    // A layer's typical time: its median, or its mean under background load
    // (where the median of a short layer hides the load).
    double layerMs(const LayerTiming &l) const
    {
        return sampleWindowMs > 0 ? l.stats.mean : l.stats.median;
    }
};

// {"model", "batch", "threads", "latency_ms": {...}, "repeatability": {...},
//  "peak_memory_bytes", "resident_growth_bytes", "energy_j" (number or null),
//  "idle_power_w", "energy_sensors", "utilization", "layers"?...}
QJsonObject measurementToJson(const NetworkMeasurement &m);

// Aligned text for terminals.
QString measurementToTable(const NetworkMeasurement &m);

} // namespace layerlens::core
