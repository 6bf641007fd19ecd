#pragma once

#include "models/calibrated_model.h"
#include "models/device_profile.h"
#include "profiling/profiling_spec.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace layerlens::core {

// One block of a network measured with per-layer timing: its module, what
// the profile predicted and what the block's layers took inside the network.
struct BlockObservation
{
    QString module;
    double predictedMs = 0;
    double measuredMs = 0;
    // Per cache level calibrate fits (cache_misses.h): MiB the block read
    // from beyond it that alone it found in it, and how far the blocks since
    // its kernel last ran overflowed it (BlockReads).
    std::vector<double> coldMiB;
    std::vector<double> overflow;
    // MiB it wrote beyond the run's high-water mark (coldWrites): memory
    // last touched a whole run ago.
    double coldWriteMiB = 0;
    // The first block of its kernel in the run (BlockReads::firstOfKernel).
    bool firstOfKernel = false;
    // The weight of the block's network run in the level of its module's
    // correction: 1 / the run's measured time, so that every network and
    // batch counts alike and not a batch-8 ResNet-50 for most.
    double networkWeight = 1;
    // The network run it was observed in ("resnet50 at batch 8"): a slope
    // in a module's correction must show within runs, not only between them.
    QString network;
    // The network's file, which its runs at every batch share.
    QString source;
    // A dense convolution LibTorch runs on ATen's GEMM, not oneDNN
    // (graph/conv_backend.h).
    bool gemm = false;
    // Of a calibrate probe, not a network (calibration_probes.h).
    bool probe = false;
};

// Adds the blocks of calibrate's probes to the networks' blocks, marked as
// probes, for the modules none of the networks' blocks shows: a probe runs
// a concatenation between convolutions as SqueezeNet and ShuffleNet do,
// where the calibration networks may hold none, but its 1x1 convolutions
// at ShuffleNet's sizes bent the convolution corrections the networks'
// blocks set (on a Xeon VM, ATen's GEMM factor x1.13 from ResNet-50 to
// x1.00, and MobileNetV2 and SqueezeNet at batch 1 3-9 points lower).
void addProbeBlocks(std::vector<BlockObservation> *blocks, std::vector<BlockObservation> probes);

// How the in-network correction changed one module (on the observed blocks).
struct NetworkCorrection
{
    QString module;
    // Of one backend only (a dense convolution module with enough blocks on
    // each): "gemm" or "onednn"; empty: the module's every block.
    QString backend;
    int blocks = 0;
    double factor = 1;     // measured / predicted, as applied (the blocks' median)
    double slope = 1;      // of log measured on log predicted; 1: a factor alone
    double mapeBefore = 0; // %
    double mapeAfter = 0;  // %
    QString borrowedFrom;  // the module whose factor it took, seen in no network itself
    // With the factor, the lender's correction measured alone, where the
    // module's own samples set none: that correction's factor at a slope of
    // one (0: none borrowed).
    double borrowedAloneFactor = 0;
};

// A module's latency correction for this machine measured alone (calibrate's
// first stage), relative to the base profile's model; per backend where it
// has a split.
struct AloneCorrection
{
    LogCorrection all;
    std::optional<LogCorrection> gemm;
};

// Corrects each module's latency model by the ratio of its blocks' time
// inside measured networks to what the model predicts, set so that the
// corrected blocks sum to their measured time, each network run's blocks
// weighted by its networkWeight (their median ratio where
// that level would raise their mean error above the uncorrected one;
// shrunk toward 1 for modules seen in few blocks): a module measured alone
// does not see a network's caches, buffer reuse and in-place work.
// Where the blocks span at least a decade of predicted time the correction
// may also have a slope (log measured = shift + slope · log predicted,
// Theil-Sen), kept when it cuts the blocks' mean error by a tenth more than
// the ratio alone: a module's small configurations measured alone carry
// a harness cost the network does not. A correction that would raise the
// blocks' mean error, or that fewer than ten blocks support, is not applied
// (factor 1). A dense convolution module with ten blocks or more on each
// backend LibTorch runs it on (ATen's GEMM, oneDNN) is corrected backend by
// backend. The models are wrapped (CalibratedModel), not retrained.
std::vector<NetworkCorrection> applyNetworkCorrections(DeviceProfile *profile,
                                                       const std::vector<BlockObservation> &blocks);

// A module that no measured network had a block of (MobileNetV2's ReLU6
// depthwise convolution, when the calibration networks use other
// activations), or too few for a correction of its own, takes the factor
// of its closest sibling that was corrected: the same operator, depthwise
// or not alike, only the activation fused after it different; the one seen
// in most blocks. Without a sibling, a memory-bound module (anything but a
// dense convolution or matrix product: a concatenation, a pooling) takes
// the median factor of the corrected memory-bound modules, weighted by
// their blocks: measured alone, a module that moves much and computes
// little finds its inputs in the caches, which inside a network the
// layers before it have filled with their own data. The factor alone, no
// slope (a slope is fitted to its own module's range). A module seen in
// too few of `blocks` for a correction of its own borrows only a factor
// that brings those blocks closer than none does. A module whose own
// samples set no correction measured alone (none beat the base held out)
// borrows its sibling's from `alone` too: the in-network factor is relative
// to the sibling's corrected model, and without it the module kept the base
// machine's level (MobileNetV2's ReLU6 convolutions 39-52 % under on a Xeon
// VM, the plain convolution's x1.7 missing). Appends the borrowed
// corrections to `applied` (or replaces the uncorrected entry).
void borrowNetworkCorrections(DeviceProfile *profile, const ProfilingSpec &spec,
                              const std::vector<BlockObservation> &blocks,
                              const std::map<QString, AloneCorrection> &alone,
                              std::vector<NetworkCorrection> *applied);

} // namespace layerlens::core
