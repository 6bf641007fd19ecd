#pragma once

#include "profiling/profiling_spec.h"

#include "models/calibrated_model.h"
#include "models/device_profile.h"
#include "predict/network_corrections.h"
#include "profiling/dataset_store.h"

#include <map>
#include <memory>
#include <optional>
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
    int outsideSamples = 0; // outside the base model's trained range: not used
    double mapeBefore = 0;  // the base model on the held-out samples, %
    double mapeAfter = 0;   // the corrected model on them, %
    // The medians of the same errors, %: what candidates are judged by.
    double medianBefore = 0, medianAfter = 0;
    double offset = 0; // of the correction refitted on every sample
    double scale = 1;
    // A dense convolution's correction of the configurations LibTorch runs
    // on ATen's GEMM rather than oneDNN (offset and scale are then oneDNN's),
    // and how many of the samples they are.
    std::optional<LogCorrection> gemm;
    int gemmSamples = 0;
    // A module split by footprint instead: the correction of the
    // configurations beyond the cache (offset and scale are then those
    // within), the cache per core, and how many of the samples they are.
    std::optional<LogCorrection> beyond;
    double beyondCapacityBytes = 0;
    int beyondSamples = 0;
    bool applied = false; // false: no held-out gain, the base model is kept
    // The level alone (offset, a scale of one) did better held out than the
    // fitted line: that is what is applied.
    bool levelOnly = false;
    // What was applied, relative to the base's model (offset and scale
    // above include any correction the base's model already carried).
    LogCorrection relative;
    std::optional<LogCorrection> relativeGemm;
    // The correction fitted on the samples of every module of its family
    // (moduleFamilies) was applied: the modules named share it, fitted on
    // familySamples samples.
    QStringList family;
    int familySamples = 0;
};

struct CalibrationReport
{
    std::vector<ModuleCalibration> modules;
    QStringList uncovered; // modules of the base with no samples here: kept as they are
    // Modules whose rows on the system BLAS are predicted at one thread
    // (models/blas_rows.h): where the samples' OpenBLAS ran one thread.
    QStringList blasModules;
    // Run-time conditions (threads, utilization %) whose samples scatter so
    // (the median coefficient of variation of their runs above
    // kNoisyConditionCv) that they set no correction, with that median and
    // how many samples they had; their errors still widen their intervals.
    struct NoisyCondition
    {
        int threads = 1;
        int utilization = 0;
        double medianCv = 0;
        int samples = 0;
    };
    std::vector<NoisyCondition> noisyConditions;
    // Over every held-out latency sample of every module.
    double latencyMapeBefore = 0;
    double latencyMapeAfter = 0;
    int latencyHeldOut = 0;
    // Per (threads, utilization %): log(predicted / measured) of every
    // held-out latency sample, by the model calibrate kept (corrected or
    // the base): how far a module is off at each condition.
    std::map<std::pair<int, int>, std::vector<double>> heldOutLogErrors;
};

// A run-time condition whose module samples' runs scatter by more than
// this (the median of their coefficients of variation) is too noisy to set
// a correction: at 2 threads under 50 % load on a Xeon VM the median was
// 0.74-0.89 (0.01-0.22 at the other conditions), and its samples, fitted
// along, moved a calibration's convolution level by 15 % from one
// calibration to the next. Left out of the fits, seven calibrations
// predicting stored hours went from 6.4 % to 5.6 % at 1 thread. The
// steadiest condition is fitted on whatever its scatter.
inline constexpr double kNoisyConditionCv = 0.5;

// Few-shot transfer (issue: calibrate): adapts base to the device the
// samples come from. Per module and metric, the base model's log prediction
// gets an affine correction (CalibratedModel) fitted on the samples; the
// base models themselves are reused, not retrained. Errors before and after
// are measured on held-out configurations (splitByConfiguration, testShare);
// a correction that beats the base model there (by the median of the
// errors) is refitted on every sample and applied, any other is dropped. Samples outside the range
// the base model was trained on are left out of both. The result carries the samples' device
// fingerprint and info. Families: modules that run the same kernel and differ in the operators
// fused after it (conv2d, conv2d_relu and conv2d_clip): one key per module
// of the spec, its operator and whether depthwise. What moves a kernel's
// time from one machine to another moves the whole family's alike.
std::map<QString, QString> moduleFamilies(const ProfilingSpec &spec);

// With families, a module's latency takes the correction fitted on the
// samples of its whole family (each against its own base model) wherever
// that beats the base held out: the same correction for the same kernel,
// fitted on several times the samples. Otherwise, and without families,
// the better of its own samples' line and level. With cacheBytes (one
// core's private cache, the smallest level calibrate knows), a module
// without a backend split corrects the configurations whose data do not
// fit it apart from those that do (FootprintSplit), each with four samples
// or more.
std::unique_ptr<DeviceProfile> calibrateProfile(const DeviceProfile &base, const QString &baseDir,
                                                const std::vector<Sample> &samples,
                                                double testShare, uint64_t seed,
                                                CalibrationReport *report, QString *error,
                                                const std::map<QString, QString> &families = {},
                                                double cacheBytes = 0);

// The report as a terminal table.
QString calibrationToTable(const CalibrationReport &report);

} // namespace layerlens::core
