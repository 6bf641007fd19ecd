#pragma once

#include "graph/analysis.h"
#include "graph/graph.h"
#include "models/device_profile.h"
#include "predict/cache_reuse.h"
#include "profiling/module_features.h"
#include "profiling/profiling_spec.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <map>
#include <vector>

namespace layerlens::core {

// The run-time parameters of one prediction.
struct PredictConfig
{
    int batch = 1;
    int utilization = 0; // % of the device busy with other work
    int threads = 1;
};

// One predicted metric with its interval; available is false when no model
// predicts it (energy without a sensor on the profiled device, say).
struct MetricPrediction
{
    bool available = false;
    double value = 0;
    double low = 0;
    double high = 0;
};

// ATen's grain: a kernel over fewer elements runs on one thread
// (at::internal::GRAIN_SIZE).
inline constexpr double kParallelGrainElements = 32768;

// A chain of nodes the runtime executes as one unit (the executor's fusion
// rules), mapped to the profile's model of that module. module is empty for
// nodes no model covers; reason says why.
struct NetworkBlock
{
    QString module;
    std::vector<int> nodes;            // producer first
    std::map<QString, int64_t> params; // at the analysed batch
    ModuleFeatures features;           // at the analysed batch
    QString reason;
    // Set when the block's operator has no module of its own and is
    // predicted with the module of the same access pattern ("Sigmoid,
    // predicted as relu").
    QString approximation;
    // Set (to the operator type) when no module covers the block's single
    // node and the profile has that operator's in-network cost (module is
    // then "operator:" and the type): latency only.
    QString costOperator;
    // For a data-movement operator with a cost: whether the executor runs it
    // as a view of its input at the analysed batch and at larger ones
    // (runsAsView); a view costs the shared data-movement term instead.
    bool viewAsAnalysed = false;
    bool viewAtLargerBatch = false;
    // For an operator with a cost: the elements it writes at the analysed
    // batch. ATen splits such a kernel over threads only from
    // kParallelGrainElements on; below, it runs on one thread.
    int64_t outputElements = 0;
    // Its first node reads one of the network's inputs, which the executor
    // copies into its run-time layout during the run (measured in the
    // network's peak, not in a module's).
    bool readsNetworkInput = false;
    // What the executor allocates for it per byte of its output, where that
    // follows from the operator (element-wise ones with what they fuse in
    // place, Concat, Softmax: 1; MaxPool: 3, its int64 indices too), rather
    // than from a module's memory model; 0 where it does not.
    double allocatedPerOutputByte = 0;
};

struct BlockPrediction
{
    MetricPrediction latencyMs;
    MetricPrediction memoryBytes;
    MetricPrediction energyJ;
    bool outOfDistribution = false;
    // The first encoded feature outside the trained range, where one is.
    struct OutOfRange
    {
        QString feature;
        double value = 0;
        double lower = 0;
        double upper = 0;
    } outOfRange;
    // "param:size = 300 is outside the trained 7 to 224"; empty when in range.
    QString outOfDistributionReason() const;
    // A data-movement operator that is a view of its input at this batch:
    // no latency of its own, it costs the network's data-movement term.
    bool view = false;
    // Of the latency, what reading data the caches no longer hold adds
    // inside the network (the profile's cache-miss costs), with what the
    // first block of its kernel in a run pays (firstRunMs, one part of it).
    double cacheMissMs = 0;
    double firstRunMs = 0;
    // Runs on OpenBLAS's one thread whatever the configuration's threads
    // (the profile's BLAS rows, models/blas_rows.h): predicted as at one
    // thread, its misses paid whole and no two-thread terms added.
    bool oneBlasThread = false;
};

// A block's in-network spread (predict/in_network_spread.h) and the group
// its level moves with, looked up once per network rather than per
// configuration.
struct BlockSpread
{
    const DeviceProfile::InNetworkSpread *spread = nullptr; // in the profile
    int group = -1;
};
struct SpreadIndex
{
    // Per block: within its model's range [0], outside it [1].
    std::vector<std::array<BlockSpread, 2>> blocks;
    int groups = 0;
};

struct ConfigPrediction
{
    PredictConfig config;
    std::vector<BlockPrediction> blocks; // parallel to NetworkPredictor::blocks()
    MetricPrediction latencyMs;          // blocks + per-operator overhead
    MetricPrediction memoryBytes;        // peak: live activations + the largest block workspace
    MetricPrediction energyJ;
    double overheadMs = 0;
    int outOfDistributionBlocks = 0;
};

// Predicts a network's per-block and whole-network latency, memory and
// energy from a device profile. prepare() segments the graph once (at the
// batch it was analysed with); predict() is then cheap for any batch,
// utilization and thread count, since a block's features scale with the
// batch.
class NetworkPredictor
{
    Q_DECLARE_TR_FUNCTIONS(NetworkPredictor)
public:
    bool prepare(const Graph &graph, const NetworkAnalysis &analysis, const DeviceProfile &profile,
                 const ProfilingSpec &spec, QString *error);

    const std::vector<NetworkBlock> &blocks() const { return m_blocks; }
    // Per block, what it reads and how much the network touched since.
    const std::vector<BlockReads> &reads() const { return m_reads; }
    // Per block, at the analysed batch: bytes it writes to memory the run
    // has not touched before (computeBlockLiveness); they grow with the batch.
    const std::vector<int64_t> &coldWrites() const { return m_coldWrite; }
    // Blocks without a model, and how many run-time nodes they hold.
    int unmodelledNodes() const;
    int64_t analysedBatch() const { return m_batch; }
    // Run-time nodes (each pays the profile's per-operator overhead).
    int executedNodes() const { return m_executedNodes; }

    ConfigPrediction predict(const PredictConfig &config) const;

private:
    struct Column
    {
        enum Role
        {
            Constant,
            Scaled, // a feature (or parameter) proportional to the batch
            Intensity,
            Threads,
            Utilization
        } role = Constant;
        double base = 0;
        double encoded = 0; // log1p(base), for a Constant column
    };
    // Where a module's encoded feature comes from in a block, worked out once
    // per module from the encoding's names.
    struct ColumnSource
    {
        enum Kind
        {
            Threads,
            Utilization,
            Batch,
            Param,
            Intensity,
            Feature,        // grows with the batch
            ConstantFeature // parameters and weights
        } kind = Feature;
        QString key; // the parameter or feature name
    };
    static std::vector<ColumnSource> columnSources(const QStringList &names);
    struct ModuleRows
    {
        const ModuleTraining *training = nullptr;
        std::vector<ColumnSource> sources;
        std::vector<int> blocks;                  // indices into m_blocks
        std::vector<std::vector<Column>> columns; // per block, per encoded feature
    };

    const DeviceProfile *m_profile = nullptr;
    std::vector<NetworkBlock> m_blocks;
    std::map<QString, ModuleRows> m_modules;
    void computeBlockLiveness(const Graph &graph);
    std::vector<int64_t> m_aliveBefore; // per block: earlier activations alive while it runs
    std::vector<int64_t> m_ownOutput;   // per block: the activations it passes on
    std::vector<BlockReads> m_reads;    // per block
    std::vector<int64_t> m_coldWrite;   // per block: bytes written beyond the run's high-water mark
    SpreadIndex m_spreads;              // per block, its in-network spread in m_profile
    std::vector<double> m_twoThreadFactors; // per block, its module's (1: none)
    std::vector<double> m_twoThreadReachMs; // per block, its factor's reach (0: no limit)
    int m_executedNodes = 0;
    int m_dataMovementNodes = 0; // without a model: they cost the profile's data-movement term
    int64_t m_batch = 1;
};

// Indices of the configurations on the Pareto front of (latency, memory,
// energy where available): none of the others is at least as good in every
// metric and better in one.
std::vector<int> paretoFront(const std::vector<ConfigPrediction> &predictions);

// The prediction for a machine that takes `ratio` times the time the
// profile's machine took when it was calibrated (what `calibrate --check`
// measures with the speed reference): every latency, its interval, its
// cache-miss part and the overhead multiplied by it. Memory and energy stay.
void scaleLatency(ConfigPrediction *prediction, double ratio);

} // namespace layerlens::core
