#pragma once

#include "measure/statistics.h"

#include <QString>

#include <optional>

namespace layerlens::core {

struct DeviceProfile;
struct RuntimeApi;

// A fixed small network (an inverted-residual block after a dense 3x3
// convolution: compute-bound and memory-bound layers, pooling and a linear
// head, about 3 ms at one thread here) that LayerLens times to tell how fast
// this machine runs now. A shared VM's speed moves by a fifth with its
// neighbours, and a profile carries the speed of the hour it was calibrated
// in: calibrate times the reference around its phases and records it in the
// profile, `calibrate --check` times it again later and says how far the
// machine has moved since.
inline constexpr int kSpeedReferenceVersion = 1; // of the network and how it is timed
// Two timings of the reference more than this apart (%) are the machine's
// speed, not the timing's noise: two medians of a few hundred runs each
// agree within about 2% on an idle machine here.
inline constexpr double kSpeedTolerancePercent = 3;

// Times the reference at batch 1, one thread, no background load, for about
// seconds; nullopt with error when it cannot run.
std::optional<TimingStats> timeSpeedReference(const RuntimeApi &runtime, double seconds,
                                              QString *error);

// The machine now against the profile's recorded reference: now / recorded
// (above 1: slower now than when calibrated), or nullopt when the profile
// recorded none or one of another version.
std::optional<double> speedRatio(const DeviceProfile &profile, const TimingStats &now);

// "this machine runs the speed reference 12% slower than when <profile> was
// calibrated (...)": the check's words, for the CLI.
QString speedCheckToText(const DeviceProfile &profile, const TimingStats &now);

} // namespace layerlens::core
