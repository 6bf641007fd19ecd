#pragma once

#include "models/device_profile.h"
#include "predict/network_predictor.h"

#include <QString>

#include <map>
#include <vector>

namespace layerlens::core {

// One block of a measured network, predicted with the finished profile.
struct SpreadObservation
{
    QString key;     // spreadKey: its module ("operator:" and the type without one)
    QString network; // the network file: its runs at every batch are one network
    double predictedMs = 0;
    double measuredMs = 0;
};

// What a block's spread is kept under: its module, set apart where the
// module stands in for another operator ("add (stand-in)") or the block
// lies outside the module's trained range ("conv2d (outside its range)"):
// those fall further from their predictions than the module's own blocks
// (on a Xeon VM a conv2d block within its range x0.78 to x1.61, outside it
// x0.57 to x10.4: squeeze-and-excitation convolutions on one pixel).
QString spreadKey(const NetworkBlock &block, bool outOfDistribution);

// The spread a block of key takes: its own; else the pool of its kind
// ("* (stand-in)", "* (outside its range)"); else the pool of the modules'
// own blocks ("*"). Null where the profile has none of them.
const DeviceProfile::InNetworkSpread *spreadFor(const DeviceProfile &profile, const QString &key);

// Blocks of fewer than this many held-out residuals, or of one network only,
// take the pooled spread.
constexpr int kMinSpreadBlocks = 10;
// The pooled spread needs at least this many.
constexpr int kMinPooledSpreadBlocks = 20;

// How far each module's blocks fall from the corrected prediction in a
// network the corrections did not see. A module's corrections are fitted
// on every measured network, so its own residuals there are too kind; each
// network's blocks are taken against the module's level in the other
// networks instead (leave one network out): r = log(measured / predicted),
// less the median r of the module's blocks in the other networks.
//   low, high  the 5th and 95th percentile of exp(r) (a block's 90 % range),
//              widened to take in 1
//   offsetSd   the root mean square of a network's median r: how far one
//              network's blocks of the module lie off together
//   withinSd   of r about its network's median: the scatter around that
// Per key with at least kMinSpreadBlocks residuals from two networks or
// more; pooled per kind of key (spreadFor) where the kind has at least
// kMinPooledSpreadBlocks, each key's offsets and scatter weighed by its
// blocks. A key's offsetSd, seen in a few networks only, is drawn toward its
// pool's: sqrt((n own^2 + 3 pool^2) / (n + 3)) for n networks. Empty without
// the pool of the modules' own blocks.
std::map<QString, DeviceProfile::InNetworkSpread>
fitInNetworkSpreads(const std::vector<SpreadObservation> &blocks);

// Held-out module samples a run-time condition needs for a spread of its own.
constexpr int kMinConditionSamples = 20;

// How much wider intervals are at each run-time condition calibrate sampled
// than at the networks' (1 thread, no load), which the in-network spreads
// hold: from the held-out module samples' log(predicted / measured) per
// (threads, utilization) with at least kMinConditionSamples, h the median of
// its absolute value scaled to a 90 % half-width as for a normal
// distribution (x 1.645 / 0.6745), extra = sqrt(max(0, h^2 - h_networks^2)).
// The median, not the 90th percentile: a module sample lasts 0.4 s, and a
// burst of load slows all of it several-fold where a network's many runs
// average the burst out (on a Xeon VM the 90th percentile at 2 threads
// under 50 % load widened the networks' intervals to +-220 %, inside which
// 7.9 of 8 fell; this, +-88 % and 7.1 of 8, against 4.6 of 8 unwidened).
// Empty where the networks' condition has too few samples.
std::vector<DeviceProfile::ConditionSpread>
fitConditionSpreads(const std::map<std::pair<int, int>, std::vector<double>> &logErrors);

// The half-width in log time of a 90 % interval of logErrors: their median
// absolute value, scaled as for a normal distribution (a few slow runs of
// a shared machine move it less than the 90th percentile).
double interval90HalfWidth(std::vector<double> logErrors);

// The extra half-width at a configuration: its condition's, else the
// nearest one's (threads first, then utilization; of two as near, the
// wider); 0 without any. Under a load the profile has a load factor for,
// that factor's spread instead (loadSpread).
double conditionExtra(const DeviceProfile &profile, int threads, int utilization);

// What calibrate prints of them.
QString conditionSpreadsToText(const std::vector<DeviceProfile::ConditionSpread> &spreads);

// How the profile's latency intervals are made, for reports: from its
// in-network spreads where it has them, else from its models' held-out error.
QString intervalMethod(const DeviceProfile &profile);

// What calibrate prints of them.
QString inNetworkSpreadsToText(const std::map<QString, DeviceProfile::InNetworkSpread> &spreads);

// The z of a two-sided 90 % interval of a normal distribution.
constexpr double kInterval90Z = 1.6449;

// Each block's spread within and outside its model's range, and the group
// its level moves with (one per spreadKey); empty where the profile has no
// spreads.
SpreadIndex indexSpreads(const DeviceProfile &profile, const std::vector<NetworkBlock> &blocks);

// Widens each block's latency interval to its module's in-network spread
// (the block's value times low and high; the model's own interval where
// that is wider) and sets the network's from the blocks' spreads: a
// module's blocks lie off together by its offsetSd (they share one level
// in a network), each scatters by withinSd about it, and modules are taken
// as independent:
//   var(log total) = sum over modules (its share)^2 offsetSd^2
//                  + sum over blocks (its share)^2 withinSd^2,
// the interval total * exp(+-kInterval90Z sd), the per-operator overhead
// added as it is. At another run-time condition than the networks' both
// widen by its conditionExtra, added in quadrature to the half-widths in log
// time (for the network as a whole: a busy neighbour slows every block).
// Nothing where the profile has no spreads: the blocks keep their models'
// intervals and the network their sum. Takes the blocks' spreads from
// index (indexSpreads of the same profile and blocks).
void applyInNetworkSpreads(const DeviceProfile &profile, const SpreadIndex &index,
                           ConfigPrediction *prediction);

} // namespace layerlens::core
