#pragma once

#include "models/device_profile.h"
#include "profiling/module_config.h"
#include "profiling/profiling_spec.h"

#include <QStringList>

#include <vector>

namespace layerlens::core {

// Adaptive refinement (issue: profiling samplers): configurations to measure
// next where the profile's latency models err most. Samples are split among
// modules in proportion to their held-out MAPE; within a module, the
// configurations whose measured samples the model predicts worst are taken
// first, each moved to a neighbour (one parameter one step along its
// choices, or up to ±30% within its range) so the new samples fill the space
// around the error rather than repeat it. notes explains the allocation.
std::vector<ModuleConfig> refinementConfigs(const ProfilingSpec &spec, const DeviceProfile &profile,
                                            const std::vector<Sample> &samples, int count,
                                            uint64_t seed, QStringList *notes);

} // namespace layerlens::core
