#pragma once

#include "jobs/job_runner.h"
#include "predict/network_predictor.h"

#include <QStringList>

namespace layerlens::ui {

// A profiling job on this device into the dataset at db (default spec),
// harvesting configurations from the given networks, until budgetSeconds
// pass or maxSamples are stored (whichever is set).
JobBody profilingJob(const QString &db, double budgetSeconds, qint64 maxSamples,
                     const QStringList &harvest);

// Measures the network at path on this device at config.
JobBody measurementJob(const QString &path, const core::PredictConfig &config);

// Trains a device profile from the dataset at db into outDir.
JobBody trainingJob(const QString &db, const QString &outDir);

// Calibrates the profile `base` (name or folder) to this machine into outDir:
// a short profiling job into db, then the network at networkPath measured
// for in-network corrections (see layerlens-cli calibrate).
JobBody calibrationJob(const QString &base, const QString &outDir, const QString &db,
                       double budgetSeconds, const QString &networkPath);

// Times the speed reference on this machine and compares it with the one
// the profile `profile` (name or folder) recorded when it was calibrated.
inline constexpr double kSpeedCheckSeconds = 3;
JobBody speedCheckJob(const QString &profile);

// The same profiling and measurement on a registered remote device (its
// agent); profiling samples are fetched into db as they are taken.
JobBody remoteProfilingJob(const QString &device, const QString &db, double budgetSeconds,
                           qint64 maxSamples, const QStringList &harvest);
JobBody remoteMeasurementJob(const QString &device, const QString &path,
                             const core::PredictConfig &config);

} // namespace layerlens::ui
