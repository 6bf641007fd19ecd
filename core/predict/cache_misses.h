#pragma once

#include "models/device_profile.h"
#include "predict/calibration.h"

#include <vector>

namespace layerlens::core {

struct CacheMissFit
{
    std::vector<DeviceProfile::CacheMissCost> costs; // one per capacity; empty when none helps
    int blocks = 0;                                  // the observations it was fitted on
    double mapeBefore = 0;                           // %, the blocks with a factor per module alone
    double mapeAfter = 0;                            // %, with the cache-miss costs too
};

// What a block pays inside a network for reading data the caches no longer
// hold, per cache level (capacities, the order of the observations'
// coldMiB and overflow): a cost per MiB read from beyond the level, and a
// cost for running after blocks that overflowed it (the kernel's code and
// the runtime's state for it fetched again). Fitted to
//     measured = factor(module) * predicted + sum over levels of
//                (msPerMiB * coldMiB + afterOverflowMs * overflow)
// by least squares on relative errors, with a free factor per module (what
// calibrate's in-network correction then sets) and the costs non-negative;
// blocks the fit leaves far off (a per-layer timing caught badly) are
// dropped once and the fit repeated. No costs when fewer than 20 blocks
// were observed or the costs do not lower the blocks' mean error.
CacheMissFit fitCacheMisses(const std::vector<BlockObservation> &blocks,
                            const std::vector<double> &capacities);

// What calibrate prints of the fit.
QString cacheMissesToText(const CacheMissFit &fit, const std::vector<double> &capacities);

// The cost the terms give one observed block.
double cacheMissMs(const std::vector<DeviceProfile::CacheMissCost> &costs,
                   const BlockObservation &block);

} // namespace layerlens::core
