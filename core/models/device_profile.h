#pragma once

#include "models/module_training.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace layerlens::core {

// Bundle schema version this LayerLens writes and the newest it reads.
// 2: a calibrated model may correct a dense convolution's configurations on
// ATen's GEMM apart from those on oneDNN ("gemm"). Version 1 is read too.
inline constexpr int kProfileSchemaVersion = 2;
inline constexpr int kOldestProfileSchemaVersion = 1;

// The in-network cost of an operator no module models (Sigmoid, Transpose,
// a grouped convolution...), learned by calibrate from the per-layer timing
// of measured networks: fixed + per MiB of activations read and written +
// per million arithmetic operations, every coefficient >= 0.
struct OperatorCost
{
    double fixedMs = 0;
    double msPerMiB = 0;
    double msPerMflop = 0;
    int observations = 0;
    double mape = 0; // % on the observations it was fitted to
    double p90 = 0;  // % relative error not exceeded by 90% of them
    // Fitted to nodes timed alone, not inside networks: a block it predicts
    // pays the profile's cache-miss costs on top, as a module's. Profiles
    // calibrated before session 31 set it for the costs of calibrate's
    // probes; those are now fitted as in-network costs (operator_costs.h).
    bool measuredAlone = false;
    // Past a cache's capacity a copy streams through the next level: per MiB
    // more, on a share of its bytes that grows from 0 at spillBytes moved to
    // all of them at twice that (0: no such term).
    double msPerSpilledMiB = 0;
    double spillBytes = 0;

    double latencyMs(double bytes, double flops) const
    {
        return fixedMs + (msPerMiB + msPerSpilledMiB * spilledShare(bytes)) * bytes / (1 << 20) +
               msPerMflop * flops / 1e6;
    }
    double spilledShare(double bytes) const
    {
        return spillBytes > 0 ? std::clamp(bytes / spillBytes - 1, 0.0, 1.0) : 0.0;
    }
};

// A trained device profile: per module, its feature encoding and per target
// the evaluated candidates and the selected model. On disk a folder with
// manifest.json and one JSON file per selected model.
struct DeviceProfile
{
    Q_DECLARE_TR_FUNCTIONS(DeviceProfile)

public:
    QString device; // fingerprint of the device the samples came from
    QJsonObject deviceInfo;
    QString dataset; // SHA-256 of the sample ids it was trained on
    QStringList specHashes;
    std::vector<ModuleTraining> modules;
    // Whole-network term: time per executed operator that a network takes
    // beyond (or, when negative, short of) what its blocks' models predict
    // from modules measured alone (dispatch and allocation; layout changes a
    // module pays alone and a network once). Learned from network
    // measurements by calibrate; 0 until then.
    double opOverheadMs = 0;
    QString opOverheadSource; // how it was obtained, for reports
    // Per operator type; empty until calibrate measured networks that run it.
    std::map<QString, OperatorCost> operatorCosts;
    const OperatorCost *operatorCost(const QString &op) const;
    // The in-network factor calibrate folded into a module's latency model
    // (what its blocks take inside networks against the module measured
    // alone; 1 where none). A block the module predicts as a stand-in for
    // another operator (a Mul as add) takes the module-alone time: the
    // factor was learned on the module's own blocks.
    std::map<QString, double> inNetworkFactors;
    double inNetworkFactor(const QString &module) const;
    // What reading data the caches no longer hold costs a block inside a
    // network, per cache level of the profiled device (cache_reuse.h):
    // learned by calibrate from measured networks; none until then.
    struct CacheMissCost
    {
        double capacityBytes = 0;
        double msPerMiB = 0;        // per MiB read from beyond it that alone was cached
        double afterOverflowMs = 0; // a block after one that overflowed it
    };
    std::vector<CacheMissCost> cacheMissCosts;
    // What a block pays per MiB it writes beyond the run's high-water mark
    // (memory last touched a run ago; NetworkPredictor::coldWrites), learned
    // with the cache-miss costs; 0 until then.
    double coldWriteMsPerMiB = 0;
    // The cache-miss costs were fitted with the buffers blocks write (their
    // outputs, a convolution's temporaries) counted as reads at the
    // allocator's reuse distance (blockReads); a profile calibrated before
    // they were has its costs fitted to reads alone and predicts with them.
    bool cacheMissesOfWrites = false;
    // What share of its one-thread cache-miss time a block pays on two
    // threads, fitted by calibrate on networks it ran on two (each thread
    // fetches its part of the data); 1 until then. On t threads the share
    // to the power log2(t).
    double cacheMissShareTwoThreads = 1;
    // What every block pays more on two threads than its module's model
    // says (the threads meeting at each kernel), fitted by calibrate with
    // the share above; 0 until then. On t threads times log2(t).
    double blockOverheadMsTwoThreads = 0;
    // Per module, what its blocks take inside networks on two threads
    // beyond the share and the overhead, applied as factor^log2(threads)
    // (predict/cache_misses.h, fitTwoThreadFactors); none: 1. A dense
    // convolution's is kept per kernel class of its family ("Conv 1x1",
    // "Conv kxk": twoThreadFactorKey) since session 29; a block whose class
    // has none takes its module's, as profiles written before keep them.
    std::map<QString, double> twoThreadFactors;
    // Per module, what its block pays, ms, where it is the first of its
    // kernel in a network run (predict/first_run_costs.h), with the cache
    // misses; none: nothing, as profiles written before session 30.
    std::map<QString, double> firstRunMs;
    // Per module with a factor, the largest block (its prediction on two
    // threads before the factor, ms) the factor was fitted on: a factor
    // learned on batch-1 blocks is not carried to blocks many times larger
    // (network_predictor.cpp fades it out between this and twice this).
    // None: no limit, as profiles written before session 27.
    std::map<QString, double> twoThreadFactorReachMs;
    // How far a module's blocks inside networks fall from their prediction,
    // measured on networks left out of the corrections' fit
    // (predict/in_network_spread.h): per module (spreadKey), and pooled
    // under "*" keys; empty until calibrate measured networks.
    struct InNetworkSpread
    {
        double low = 1, high = 1; // measured / predicted: 5th and 95th percentile
        double offsetSd = 0;      // of log(measured / predicted), one network's level
        double withinSd = 0;      // of log(measured / predicted), blocks within a network
        int blocks = 0;
        int networks = 0;
    };
    std::map<QString, InNetworkSpread> inNetworkSpreads;
    // How much wider a prediction's interval is at a run-time condition
    // than at the one the networks were measured at (1 thread, no load),
    // from the module samples held out at each: the extra half-width of a
    // 90 % interval in log time, taken as moving a whole network at once.
    struct ConditionSpread
    {
        int threads = 1;
        int utilization = 0; // %
        double extra = 0;
        int samples = 0;
    };
    std::vector<ConditionSpread> conditionSpreads;
    // How much longer a network takes on `threads` threads under a
    // background load than the same prediction without load, measured by
    // calibrate on whole networks there (predict/load_factors.h): the module
    // samples at such a condition scatter too much to fit (two threads
    // spinning at each kernel while the load takes one core, then the
    // other). A block predicted at t ms without load takes t x
    // exp(logFactor + slope x ln(t)), with t held within [lowMs, highMs],
    // the blocks it was fitted on; at a lighter load the exponent scales
    // with utilization / this utilization, and a heavier one is held at it.
    // None: such conditions are predicted by the module models.
    struct LoadFactor
    {
        int threads = 2;
        int utilization = 50; // %
        double logFactor = 0;
        double slope = 0;
        double lowMs = 0, highMs = 0;
        // Blocks on OpenBLAS's one thread meet no other thread: where the
        // networks spent enough time in them to tell, their own factor
        // (exp of this, whatever their time); else they take the above.
        std::optional<double> oneThreadLogFactor;
        // Half-width of a 90 % interval in log time, from the networks'
        // errors with each network left out of the fit in turn.
        double spread = 0;
        int runs = 0;
        int networks = 0;
    };
    std::vector<LoadFactor> loadFactors;
    // The load factor for a prediction on `threads` threads under load, or
    // nullptr (none at that thread count, or no load).
    const LoadFactor *loadFactorAt(int threads, int utilization) const;
    // How fast the machine ran calibrate's speed reference (a fixed small
    // network, predict/speed_reference.h) in the phase the profile's
    // corrections describe; version 0 where none was recorded.
    struct SpeedReference
    {
        int version = 0;
        double medianMs = 0;
        double cv = 0;
        int runs = 0;
    };
    SpeedReference speedReference;
    // How the profile was made (commands, machine, dates), free-form.
    QJsonObject provenance;

    // Writes the bundle into dir (created as needed). False with error.
    bool save(const QString &dir, QString *error) const;
    // Reads a bundle; refuses other schema versions and damaged files.
    static std::unique_ptr<DeviceProfile> load(const QString &dir, QString *error);
    const ModuleTraining *module(const QString &name) const;
};

// Trains a profile from the samples of one device in a dataset (every module
// with enough samples, or those listed). With a base profile of the same
// device, modules whose samples did not change since it are taken over
// as they are (incremental retraining); *reused lists them.
// progress(module, done, total) before each module; returning false cancels
// (nullptr, error "cancelled").
std::unique_ptr<DeviceProfile>
trainProfile(const DatasetStore &store, const QString &device, const QStringList &modules,
             const TrainOptions &options, QStringList *skipped, QString *error,
             const std::function<bool(const QString &, int, int)> &progress = {},
             DeviceProfile *base = nullptr, QStringList *reused = nullptr);

} // namespace layerlens::core
