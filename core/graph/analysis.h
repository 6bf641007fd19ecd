#pragma once

#include "common/issue.h"
#include "graph/graph.h"
#include "graph/op_table.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <vector>

namespace layerlens::core {

// Analytic features of one node.
struct LayerAnalysis
{
    int node = -1;          // index into Graph::nodes
    bool supported = false; // the operator table has an entry (or the node was folded)
    bool costKnown = false; // macs/flops are valid: supported, and the shapes sufficed
    OpCategory category = OpCategory::DataMovement;
    int64_t macs = 0;
    int64_t flops = 0;
    int64_t params = 0;       // elements of the weights the node reads
    int64_t weightBytes = 0;  // bytes of those weights
    int64_t inputBytes = -1;  // activation bytes read; -1 when a shape is unknown
    int64_t outputBytes = -1; // bytes written; -1 when a shape is unknown
    // flops / (input + weight + output bytes); NaN when unknown or no bytes move.
    double arithmeticIntensity = std::nan("");
};

// An operator without an entry in the table, and where it occurs.
struct UnsupportedOp
{
    QString opType; // qualified: "com.microsoft::FusedConv"
    QStringList nodes;
};

// Whole-network figures. Layer sums cover the layers whose cost is known;
// `complete` says whether that is all of them.
struct AnalysisTotals
{
    int64_t macs = 0;
    int64_t flops = 0;
    int64_t params = 0; // initializer elements (shared weights once) + weights in Constant nodes
    int64_t weightBytes = 0;         // bytes of the same
    int64_t peakActivationBytes = 0; // see computePeakActivationBytes()
    int layers = 0;                  // nodes that run (not folded at load time)
    int foldedLayers = 0;            // nodes evaluated at load time
    int unknownCostLayers = 0; // run-time nodes whose cost is not known (unsupported or shapes)
    bool complete = true;      // every run-time layer's cost and every activation size known
};

// The analysis of a whole network.
struct NetworkAnalysis
{
    std::vector<LayerAnalysis> layers; // one per Graph::nodes entry, same order
    AnalysisTotals totals;
    std::vector<UnsupportedOp> unsupported;
    IssueList issues; // the graph's issues followed by the analysis's own
};

// Computes per-layer features and totals of a loaded graph.
NetworkAnalysis analyzeNetwork(const Graph &graph, const OpTable &table = OpTable::builtin());

// Peak bytes of activations alive at once when the run-time nodes execute in
// the graph's order, each tensor freed after its last reader (graph inputs
// too), graph outputs held to the end, no buffer reused in place. Sets complete to false
// when some activation's size is unknown (the peak is then a lower bound).
int64_t computePeakActivationBytes(const Graph &graph, bool *complete);

// Activation bytes alive while each node runs (its outputs included), by the
// same rules; -1 for folded nodes.
std::vector<int64_t> liveActivationBytes(const Graph &graph, bool *complete);

} // namespace layerlens::core
