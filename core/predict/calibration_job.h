#pragma once

#include "runtime/profiling_job.h"

#include <QString>
#include <QStringList>

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

} // namespace layerlens::core
