#pragma once

#include "models/device_profile.h"
#include "predict/calibration_records.h"
#include "profiling/dataset_store.h"
#include "runtime/profiling_job.h"

#include <QString>
#include <QStringList>

#include <functional>

#include <optional>

namespace layerlens::core {

struct RuntimeApi;

// What `calibrate` does, for the CLI and the desktop's Jobs panel alike.
struct CalibrationJob
{
    QString baseDir;             // the profile to adapt (a folder or a built-in's resource path)
    QString outDir;              // where the calibrated profile goes
    ProfileJobOptions profiling; // spec, budget or samples, harvest, dataset, progress
    QStringList networks;        // measured for in-network corrections and the per-operator term
    // After the sampling, before each network run: what is measured next
    // ("resnet50/model.onnx at batch 8, pass 2") and the share of the runs
    // known so far that are done. False stops the job: the samples stay in
    // the dataset, no profile is written.
    std::function<bool(const QString &next, double done)> networkProgress;
};

// The spec calibrate profiles with: the run-time conditions predictions
// cover (resources/specs/conditions.json); its JSON in *json.
std::optional<ProfilingSpec> calibrationSpec(QByteArray *json, QString *error);

// Profiles this device (job.profiling), corrects the base profile's models
// per module where that beats them on held-out samples, measures the
// networks with per-layer timing for in-network corrections and the
// per-operator term, and writes the result to job.outDir. A readable report
// goes to *text. False with error; *cancelled when the profiling was
// cancelled (then nothing is written).
bool runCalibrationJob(const RuntimeApi &runtime, const CalibrationJob &job, QString *text,
                       bool *cancelled, QString *error);

// The fitting half of calibrate: corrects the base profile's models per
// module from the samples (stage 1), then sets the in-network corrections,
// cache-miss costs, operator costs and per-operator term from what was
// measured (stage 2), and writes the result to outDir. A readable report
// is appended to *text. base is the profile read from baseDir. False with
// error.
bool fitCalibration(const DeviceProfile &base, const QString &baseDir,
                    const std::vector<Sample> &samples, const CalibrationMeasurements &measured,
                    const ProfilingSpec &spec, const QString &outDir, QString *text,
                    QString *error);

// What fitCalibration multiplies the networks' times by to describe the
// module sampling's speed, from the speed reference timed in both phases:
// the ratio of the phases' median timings where they differ by more than
// kSpeedTolerancePercent and by more than the timings' own spread explains
// (Welch's t of their logs of 3 or more), else 1. Says which in *text.
double networkSpeedScale(const CalibrationMeasurements &m, QString *text);

// `calibrate --refit`: the fit made again from a calibration kept in a
// dataset, measuring nothing: the run's samples and network measurements,
// the networks' files read where calibrate was given them (one whose
// content changed since is left out), the base profile the calibration
// used unless baseDir names another.
struct CalibrationRefit
{
    QString dbPath;
    qint64 run = 0; // 0: the dataset's latest run with network measurements
    QString baseDir;
    QString outDir;
};
bool refitCalibration(const CalibrationRefit &refit, QString *text, QString *error);

} // namespace layerlens::core
