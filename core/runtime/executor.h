#pragma once

#include "graph/graph.h"
#include "runtime/kernel_table.h"

#include <ATen/ATen.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <vector>

namespace layerlens::core {

// How the executor runs a network.
struct ExecutorOptions
{
    int threads = 1;            // intra-op threads, for ATen and OpenBLAS alike
    bool flushDenormals = true; // random weights otherwise slow some layers several-fold
    bool fuse = true;           // apply executorFusionRules()
    bool cacheBuffers = true;   // reuse freed buffers of the same size (allocation_tracker.h)
    // Feed 4-D floating inputs in NHWC memory order; ATen keeps it through the
    // network. Faster on LibTorch 1.13 CPU (MobileNetV2 b1 10.3 -> 8.9 ms).
    bool channelsLast = true;
    uint64_t seed = 0; // for weights the file does not hold, and for makeInputs()
};

// One node the executor does not support, and why.
struct UnsupportedNode
{
    QString node;
    QString opType;
    QString reason;
};

// Runs a loaded graph on LibTorch (CPU): one kernel per run-time node, in
// topological order, with the file's weights (or seeded random weights of
// the right shape where the file holds none).
class Executor
{
    Q_DECLARE_TR_FUNCTIONS(Executor)
public:
    // Builds the plan for graph, which must outlive the executor. Returns
    // false when a node is not supported, before anything runs; errorString()
    // names every such node.
    bool prepare(const Graph &graph, const ExecutorOptions &options = {});
    QString errorString() const { return m_error; }
    const std::vector<UnsupportedNode> &unsupported() const { return m_unsupported; }

    // Runs the network on inputs given in Graph::inputs order; returns the
    // graph outputs. Throws std::runtime_error naming the node on failure.
    std::vector<at::Tensor> run(const std::vector<at::Tensor> &inputs);

    // Called after each step with the index of the node it ran (fused nodes
    // report their first node, a channel shuffle its Transpose); for
    // per-layer timing.
    using StepObserver = std::function<void(int node)>;
    void setStepObserver(StepObserver observer) { m_observer = std::move(observer); }

    // Seeded random inputs of the graph inputs' shapes and types.
    std::vector<at::Tensor> makeInputs(uint64_t seed) const;

    // Names of the fusion rules applied, with the nodes they merged.
    QStringList appliedFusions() const { return m_fusions; }
    int stepCount() const { return static_cast<int>(m_steps.size()); }

private:
    struct Step
    {
        int node = -1;
        const KernelEntry *kernel = nullptr;
        std::vector<int> inputs;   // tensors read; empty: the node's own
        std::vector<int> outputs;  // tensors written (may be a fused successor's)
        int64_t shuffleGroups = 0; // > 0: a fused channel shuffle of inputs[0]
        bool inPlace = false;      // input 0 may be overwritten
        std::vector<int> release;  // tensors no longer needed after this step
    };

    QString checkNode(const Node &node) const;
    const std::vector<int> &inputsOf(const Step &step) const;
    void loadConstants();
    std::map<int, size_t> stepsByNode() const;        // node -> its step's index
    void dropSteps(const std::vector<bool> &removed); // by step index
    void fuseConvBatchNorm();
    void fuseChannelShuffles();
    void markInPlace();
    void planReleases();

    const Graph *m_graph = nullptr;
    ExecutorOptions m_options;
    std::vector<Step> m_steps;
    std::vector<at::Tensor> m_constants; // by tensor index; undefined for activations
    std::vector<UnsupportedNode> m_unsupported;
    QStringList m_fusions;
    QString m_error;
    StepObserver m_observer;
    // Conv nodes with BatchNormalization folded in: their new weight and bias.
    std::map<int, std::pair<at::Tensor, at::Tensor>> m_overrides;
};

// Applies the thread count to ATen's intra-op (OpenMP) threads, and gives
// OpenBLAS's own pool, which at::mm, the linear layers and the small 1x1
// convolutions run on, blasPoolSetting() threads (devices/blas_kernels.h):
// one unless LAYERLENS_BLAS_THREADS says otherwise. Two pools of two threads
// each on two cores contend: on a 2-core Xeon VM, at 2 threads, SqueezeNet
// at batch 1 ran 6.3 ms or 36 ms from one run to the next (a third to a
// half of the runs slow, in Debian's PyTorch 1.13 alike), ViT-B/16 465-765
// ms; with OpenBLAS on one thread 5.9 and 350 ms, every run alike.
void setComputeThreads(int threads);

// OpenBLAS's pool size now; 0 where the BLAS LibTorch runs on is not OpenBLAS.
int blasThreads();

} // namespace layerlens::core
