#pragma once

#include "models/device_profile.h"
#include "predict/calibration.h"

#include <vector>

namespace layerlens::core {

struct CacheMissFit
{
    std::vector<DeviceProfile::CacheMissCost> costs; // one per capacity; empty when none helps
    double coldWriteMsPerMiB = 0; // per MiB written beyond the run's high-water mark
    int blocks = 0;               // the observations it was fitted on
    double mapeBefore = 0;        // %, the blocks with a factor per module alone
    double mapeAfter = 0;         // %, with the cache-miss costs too
};

// What a block pays inside a network for reading data the caches no longer
// hold, per cache level (capacities, the order of the observations'
// coldMiB and overflow): a cost per MiB read from beyond the level, and a
// cost for running after blocks that overflowed it (the kernel's code and
// the runtime's state for it fetched again); and, whatever the level, a
// cost per MiB written to memory the run had not touched yet. Fitted to
//     measured = factor(module) * predicted + coldWriteMsPerMiB * coldWriteMiB
//                + sum over levels of (msPerMiB * coldMiB + afterOverflowMs * overflow)
// by least squares on relative errors, with a free factor per module (what
// calibrate's in-network correction then sets) and the costs non-negative;
// blocks the fit leaves far off (a per-layer timing caught badly) are
// dropped once and the fit repeated. No costs when fewer than 20 blocks
// were observed or the costs lower the blocks' mean error by less than 2 %
// of it.
CacheMissFit fitCacheMisses(const std::vector<BlockObservation> &blocks,
                            const std::vector<double> &capacities);

// What calibrate prints of the fit.
QString cacheMissesToText(const CacheMissFit &fit, const std::vector<double> &capacities);

// The last level's capacity tried, largest first: the one reported, then its
// halvings down to twice the level below (down to 1 MiB with one level).
std::vector<double> lastLevelCandidates(const std::vector<double> &reported);

// The capacities calibrate describes each observed block at (coldMiB and
// overflow): the levels below the last as reported, then every candidate of
// the last (lastLevelCandidates).
std::vector<double> observedCapacities(const std::vector<double> &reported);

struct CacheLevelsFit
{
    std::vector<double> capacities; // of the costs: the last level as fitted
    CacheMissFit fit;
    double reportedLast = 0;   // the last level as the machine reports it
    double mapeAtReported = 0; // %, the fit's error with it
};

// Of fits at lastLevelCandidates (the reported capacity first), the one
// fitCacheLevels takes: the largest capacity within kCapacityTolerance (0.5)
// points of block MAPE of the best fit with costs, and one below the
// reported only where it gains kMinCapacityGain (0.2) points on it.
size_t chooseLastLevel(const std::vector<CacheMissFit> &fits);

// The cache-miss costs with the capacity of the last (shared) level that
// the blocks bear out. A virtual machine reports its host's whole last
// level (480 MiB on a 2-core Xeon VM) and shares it with the host's other
// guests: the block fit of each candidate capacity is compared, and the
// largest within half a point of the best fit is taken (chooseLastLevel).
// blocks come described at observedCapacities
// (reported) and leave described at the capacities chosen, as
// cacheMissMs takes them.
CacheLevelsFit fitCacheLevels(std::vector<BlockObservation> *blocks,
                              const std::vector<double> &reported);

// cacheMissesToText, with the last level's capacity when it was fitted.
QString cacheLevelsToText(const CacheLevelsFit &levels);

// A block of a network run on two threads: what the profile predicts for it
// there without its cache misses, the misses as one thread pays them, what
// it took, and its network run's weight (BlockObservation::networkWeight).
struct ThreadedBlock
{
    double withoutMissesMs = 0;
    double missMs = 0;
    double measuredMs = 0;
    double weight = 1;
    QString module; // its module, for the factors per module (fitTwoThreadFactors)
    QString run;    // the network run it was timed in
};

struct ThreadShareFit
{
    bool fitted = false;
    double share = 1;
    double blockOverheadMs = 0; // what each block pays besides
    int blocks = 0;
    double mapeBefore = 0; // %, the misses paid whole, no overhead
    double mapeAfter = 0;  // %, at the share and the overhead
};

// The share of its one-thread cache-miss time a block pays on two threads,
// and what every block pays besides (its threads meeting at the kernel):
// measured = withoutMisses + share * miss + blockOverhead, the share in
// [0, 1] (steps of 1 %) and the overhead in [0, 30] us (steps of 0.5 us)
// with the least weighted mean absolute relative error, robust to the
// blocks the two-thread models leave far off. The share alone where the
// misses are under 2 % of the blocks' measured time; nothing with fewer
// than 20 blocks. On the Xeon VM the overhead took 2.5-5.5 us and the blocks'
// error fell by 2-4 points more than with the share alone: small
// networks at batch 1 gain little from a second thread there (ShuffleNet
// 5.7 ms on two against 5.9 on one).
ThreadShareFit fitThreadShare(const std::vector<ThreadedBlock> &blocks);

// A module's factor on two threads inside networks, beyond the share and
// the overhead per block (fitThreadShare): what a module runs into there
// that its samples alone do not show, such as the system BLAS's threads
// meeting OpenMP's workers still spinning after the operator before (in
// PyTorch 1.13 on a Xeon VM, a 1024 -> 1000 linear layer at batch 1 took
// 207 us alone on two threads and 418 us right after a parallel mean). The
// median ratio of measured to predicted over the module's blocks, shrunk by
// n / (n + 1) in the log, taken where the blocks come from at least two
// network runs that each lean the same way (their own median ratio on the
// same side of one) and the factor cuts the blocks' mean error by a tenth
// (with any gain, the convolutions' x1.2 from MobileNetV3's and
// EfficientNet's 1x1 layers put ResNet-18's 3x3 ones 5 points further
// over, before the factors were kept per kernel class: twoThreadFactorKey).
// On the Xeon VM the linear layers took x1.8 to x2.4 in every
// calibration. The blocks are batch-1 ones: the factor is kept with the
// largest of them (reachMs) and not carried to blocks far beyond it
// (DeviceProfile::twoThreadFactorReachMs): conv2d_relu's x1.07, from blocks
// of up to 3 ms that ran 1.10x their prediction between 0.1 and 1 ms and
// 0.98x above, put every batch-8 network 5-15 % over on two threads.
struct TwoThreadFactor
{
    QString module;
    double factor = 1;
    int blocks = 0;
    int runs = 0;
    double reachMs = 0;    // the largest block's prediction at the share and the overhead
    double mapeBefore = 0; // %, at the share and the overhead
    double mapeAfter = 0;  // %, with the factor
};
std::vector<TwoThreadFactor> fitTwoThreadFactors(const std::vector<ThreadedBlock> &blocks,
                                                 const ThreadShareFit &fit);

// What a block's factor on two threads is kept under (ThreadedBlock::module,
// DeviceProfile::twoThreadFactors): a dense convolution's family and its
// kernel's class, "Conv 1x1" or "Conv kxk", every other block its module.
// A 1x1 convolution at batch 1 runs on ATen's GEMM at one thread and on
// oneDNN at two (conv_backend.h): on a Xeon VM, in four calibrations, the
// 1x1 layers of five networks took x1.11-1.28 their prediction on two
// threads and the 3x3 ones x0.96-1.04, so one factor per module put
// ResNet-18's 3x3 layers 8 % over there and left MobileNetV2's 1x1
// projections (conv2d, with no factor) under. The fused activation changes
// neither: conv2d, conv2d_relu and conv2d_clip share it.
QString twoThreadFactorKey(const QString &module, const std::map<QString, QString> &families,
                           const std::map<QString, int64_t> &params);

// The cost the terms give one observed block.
double cacheMissMs(const CacheMissFit &fit, const BlockObservation &block);

struct CostScaleChoice
{
    double scale = 1;      // of the costs per MiB read
    int networks = 0;      // held out in turn
    int blocks = 0;        // of theirs predicted
    double mapeAtOne = 0;  // %, their blocks' held-out error at the costs as fitted
    double mapeChosen = 0; // %, at the scale
};

// The scale of the fitted costs per MiB read from beyond a cache
// (kCostScales, 1 to 3) that predicts each calibration network's blocks
// best from the other networks': per module, the median ratio of the
// others' blocks once the scaled costs are taken out (as the in-network
// corrections then set it), applied to the held-out network's blocks. The
// fit sets the costs and a free factor per module together; where every
// block of a module reads some data from beyond the caches, its factor
// takes on part of the cost, and a network whose data stay in the caches
// inherits it. On a Xeon VM ShuffleNet's convolutions at one thread came
// out 18 % over (depthwise 22 %) with the costs as fitted and 13 % at the
// x1.5 every calibration chose. A scale other than 1 is taken where it
// gains kMinScaleGain (0.2) points of held-out block MAPE; a module's
// factor needs 10 blocks of the other networks; probes' blocks help
// predict but are not held out; fewer than three networks predicted: no
// choice (blocks 0).
CostScaleChoice chooseCostScale(const std::vector<BlockObservation> &blocks,
                                const CacheMissFit &fit);

// What calibrate prints of the choice.
QString costScaleToText(const CostScaleChoice &choice);

// The fit with its costs per MiB read scaled.
CacheMissFit scaledReadCosts(CacheMissFit fit, double scale);

} // namespace layerlens::core
