#pragma once

#include "predict/network_corrections.h"

#include <QString>

#include <map>
#include <vector>

namespace layerlens::core {

// What a block pays inside a network when its kernel has not run yet in
// that run (BlockReads::firstOfKernel): the kernel's code, the runtime's
// dispatch state for it and the library's per-shape state were last used a
// whole run ago. A module measured alone runs the same kernel again and
// again and never pays it. In LibTorch 1.13 on a Xeon VM, a network's
// closing global average pool took 70-100 us where the module alone took
// 4-8 and the same pool inside a squeeze-excitation block, run every few
// layers, 12-28; in plain PyTorch a mean over 512x7x7 took 4.7 us warm and
// 39 us right after a 3x3 convolution over other data.
struct FirstRunCost
{
    QString module;
    double ms = 0;         // added to the block's prediction
    int blocks = 0;        // first-of-run blocks it was fitted on
    int networks = 0;      // the network files they came from
    double mapeBefore = 0; // %, those blocks at the module's level alone
    double mapeAfter = 0;  // %, with the cost
};

// Per module, the median over its first-of-run blocks of what they took
// beyond the module's level inside networks (the median ratio of measured
// to predicted over its other blocks, per backend for a dense convolution:
// what the in-network correction then sets), where at least
// kMinFirstRunBlocks such blocks from kMinFirstRunNetworks network files
// and kMinLevelBlocks other blocks show it, the median is positive and it
// brings those blocks closer. Calibration probes are left out: a probe is a
// few layers, which its harness runs with everything warm.
std::vector<FirstRunCost> fitFirstRunCosts(const std::vector<BlockObservation> &blocks);

// The costs as the profile keeps them (DeviceProfile::firstRunMs).
std::map<QString, double> firstRunCostsByModule(const std::vector<FirstRunCost> &costs);

// Takes each first-of-run block's cost off its measured time, so that the
// in-network corrections fitted next see the module's level alone.
void removeFirstRunCosts(std::vector<BlockObservation> *blocks,
                         const std::map<QString, double> &costs);

// What calibrate prints of the fit.
QString firstRunCostsToText(const std::vector<FirstRunCost> &costs);

} // namespace layerlens::core
