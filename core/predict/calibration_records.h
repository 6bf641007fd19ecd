#pragma once

#include "measure/network_measurement.h"
#include "measure/statistics.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace layerlens::core {

// What calibrate measures besides the module samples: the speed reference
// around the sampling and the networks, the networks with per-layer timing
// and the calibration probes. Kept in the dataset with the sampling's run
// (one record of kCalibrationRecordKind), so that the in-network stage can
// be fitted again offline (`calibrate --refit`): a change to how it fits is
// judged on every stored calibration, not on one new, noisy one.
struct CalibrationMeasurements
{
    QString baseDir; // the profile that was calibrated
    // The machine's cache levels the cache-miss costs are fitted at, bytes
    // (localCacheCapacities on the machine measured).
    std::vector<double> cacheCapacities;
    // The speed reference timed during the module sampling (before it, every
    // kReferenceEverySeconds between samples, after it) and during the
    // networks (before them, before each network run, after them): the
    // timing between the phases belongs to both. A median over several
    // timings, not one, sets each phase's speed: one timing caught in a
    // slow moment of a shared machine put a profile's speed 11 % off.
    std::vector<TimingStats> speedSampling;
    std::vector<TimingStats> speedNetworks;

    struct Network
    {
        QString path; // as calibrate was given it
        QString sha256;
        int batch = 1;
        // Intra-op threads it ran on: 1, and 2 for the runs that show how
        // the cache-miss costs share out over threads (older records: 1).
        int threads = 1;
        // Background load it ran under, % (load_factors.h); 0 for the others.
        int utilization = 0;
        QString label; // "resnet18.onnx at batch 8"
        std::vector<NetworkMeasurement> passes;

        // The passes' end-to-end medians: their median (the mean of two),
        // and (slowest - fastest) / that median; 0 without passes.
        double endToEndMs() const;
        double passSpread() const;
        // How uncertain endToEndMs() is, as a share: the standard deviation
        // of the passes' log medians over the square root of their number;
        // 0 with fewer than two passes.
        double medianUncertainty() const;
        // Per layer name, the median of its time over the passes that timed
        // it: with three passes one slow phase no longer sets it.
        std::map<QString, double> layerMs() const;
    };
    std::vector<Network> networks;

    struct Probe
    {
        QString name; // the file writeCalibrationProbes gives it
        QString sha256;
        NetworkMeasurement measurement;
    };
    std::vector<Probe> probes;
};

inline constexpr char kCalibrationRecordKind[] = "calibration";

// The record as stored, and back. Of a measurement only what the fit reads
// is kept: batch, threads, utilization, the sampling window, the end-to-end
// statistics and each layer's name, operator, median and mean.
QJsonObject calibrationMeasurementsToJson(const CalibrationMeasurements &m);
// nullopt with error naming the first field that is missing or wrong.
std::optional<CalibrationMeasurements> calibrationMeasurementsFromJson(const QJsonObject &json,
                                                                       QString *error);

} // namespace layerlens::core
