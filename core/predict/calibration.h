#pragma once

#include "models/device_profile.h"
#include "profiling/dataset_store.h"

#include <memory>
#include <vector>

namespace layerlens::core {

// How calibration changed one module's model of one metric, judged on this
// device's samples that the correction was not fitted on.
struct ModuleCalibration
{
    QString module;
    Target target = Target::Latency;
    int fitSamples = 0;
    int heldOutSamples = 0;
    double mapeBefore = 0; // the base model on the held-out samples, %
    double mapeAfter = 0;  // the corrected model on them, %
    double offset = 0;     // of the correction refitted on every sample
    double scale = 1;
};

struct CalibrationReport
{
    std::vector<ModuleCalibration> modules;
    QStringList uncovered; // modules of the base with no samples here: kept as they are
    // Over every held-out latency sample of every module.
    double latencyMapeBefore = 0;
    double latencyMapeAfter = 0;
    int latencyHeldOut = 0;
};

// Few-shot transfer (issue: calibrate): adapts base to the device the
// samples come from. Per module and metric, the base model's log prediction
// gets an affine correction (CalibratedModel) fitted on the samples; the
// base models themselves are reused, not retrained. Errors before and after
// are measured on held-out configurations (splitByConfiguration, testShare),
// then the correction is refitted on every sample. The result carries the
// samples' device fingerprint and info.
std::unique_ptr<DeviceProfile> calibrateProfile(const DeviceProfile &base,
                                                const QString &baseDir,
                                                const std::vector<Sample> &samples,
                                                double testShare, uint64_t seed,
                                                CalibrationReport *report, QString *error);

// The report as a terminal table.
QString calibrationToTable(const CalibrationReport &report);

} // namespace layerlens::core
