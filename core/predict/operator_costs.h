#pragma once

#include "graph/graph.h"
#include "models/device_profile.h"

#include <QString>

#include <map>
#include <vector>

namespace layerlens::core {

// One run-time node without a module, timed inside a measured network.
struct OperatorObservation
{
    QString op;       // its cost key (operatorCostKey)
    double bytes = 0; // activations read and written
    double flops = 0;
    double measuredMs = 0;
    bool view = false; // it returned its input's memory (runsAsView)
    // Timed in a network built for the purpose (calibration_probes.h):
    // it fits its operator's cost, not the typical data-movement node's.
    bool probe = false;
};

// The key of the one cost all data-movement operators share.
inline constexpr char kDataMovement[] = "(data movement)";

// Fewer timed nodes of an operator than this teach it nothing.
inline constexpr int kMinOperatorObservations = 3;

// Operators the executor runs as views of their input (Reshape, Flatten...).
bool isView(const QString &op);
// A node the executor runs as a view: its output is its input's buffer.
bool isViewNode(const Graph &graph, int node);
// The tensor whose buffer tensor t is: t, or through the views that made
// it, the first one a kernel wrote.
int bufferOf(const Graph &graph, int tensor);
// Views and operators that copy or rearrange data without arithmetic
// (Transpose, Slice, Concat...).
bool isDataMovement(const QString &op);

// The key an operator's in-network cost goes by: its type, qualified by
// the executor's kernel where copies of one type run different kernels —
// "Transpose (channel shuffle)" for a shuffle the executor fuses
// (matchChannelShuffle; node is its Transpose), "Slice (channels-last)"
// for data movement on a channels-last input (the channels of a pixel lie
// together, so a channel split gathers strided runs; a transformer's token
// slice copies rows).
QString operatorCostKey(const Graph &graph, int node, bool shuffle,
                        const std::vector<bool> &channelsLast);
// The operator type of a cost key.
QString operatorOfCostKey(const QString &key);

// Which tensors the executor holds channels-last (NHWC in memory): 4-D
// floating graph inputs, and what kernels make of them: convolutions,
// pooling, element-wise operators, Slice and Split keep their first input's
// order, Concat when every input has it, a fused channel shuffle its
// input's; Reshape, Transpose, MatMul and the like return row-major
// tensors. By tensor index.
std::vector<bool> channelsLastTensors(const Graph &graph);

// Whether the executor's kernel for node hands back its input's memory
// instead of a fresh tensor, with axis 0 batchScale times as large as
// analysed and the layouts of channelsLastTensors(): views always; a
// Transpose that keeps the order of the dimensions larger than 1 (ViT's
// [197, 1, 768] -> [1, 197, 768]); a Slice or Split that takes whole rows
// of its input's memory order (a channel slice of a row-major tensor at
// batch 1, never of a channels-last one, which holds the channels of a
// pixel together). Every other operator copies.
bool runsAsView(const Graph &graph, int node, int64_t batchScale,
                const std::vector<bool> &channelsLast);

// Per operator type seen at least kMinOperatorObservations times, its
// cost: fixed + per MiB moved + per Mflop, every coefficient >= 0,
// minimizing the squared relative error. Views are the exception: the
// executor runs them without touching data, so they (view operators and
// observations marked view, with copies of a type timed too rarely) share
// one fixed cost under kDataMovement, the median of their timed nodes. A
// copy (Transpose, Slice, Split...) is a fresh contiguous tensor, so its
// cost follows its bytes, and where its sizes straddle the first cache
// level (cacheBytes, 0 for none) it may pay more per MiB past it
// (OperatorCost::spillBytes). Every cost is one of the operator inside a
// network, probes' too (a probe runs its copy between convolutions, as a
// network does): no cache-miss terms are added to it when predicted.
std::map<QString, OperatorCost> fitOperatorCosts(const std::vector<OperatorObservation> &observed,
                                                 double cacheBytes = 0);

// "Sigmoid  81 nodes  1.2 us + 57 us/MiB  MAPE 12.3 %" lines, for calibrate's output.
QString operatorCostsToTable(const std::map<QString, OperatorCost> &costs);

} // namespace layerlens::core
