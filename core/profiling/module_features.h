#pragma once

#include "graph/analysis.h"
#include "graph/graph.h"

#include <QJsonObject>

#include <vector>

namespace layerlens::core {

// The analytic features a module's regression models see (besides its
// parameters, threads and utilization). The same definitions hold for a
// profiled module graph and for a block of a real network, so models trained
// on one predict the other.
struct ModuleFeatures
{
    int64_t macs = 0;
    int64_t flops = 0;
    int64_t params = 0;
    int64_t weightBytes = 0;
    int64_t inputBytes = 0;  // activations read by the block
    int64_t outputBytes = 0; // activations the block leaves
    // The most activation bytes alive at once while the block runs, as
    // liveness analysis finds it for the module graph (each node holds its
    // input and output; nothing reused in place).
    int64_t peakActivationBytes = 0;

    // flops / (input + output + weight bytes); 0 when no bytes move.
    double arithmeticIntensity() const;
    // The features at factor × the batch: activations and work scale, weights do not.
    ModuleFeatures scaled(double factor) const;
    // The value named as in toJson() ("macs", "arithmetic_intensity"...); NaN when unknown.
    double value(const QString &name) const;
    QJsonObject toJson() const;
};

// Features of a whole module graph, as a profiling job stores them.
ModuleFeatures moduleGraphFeatures(const Graph &graph, const NetworkAnalysis &analysis);

// Features of a block (a chain of nodes that runs as one unit, producer
// first) inside a network. False when a shape it needs is unknown.
bool blockFeatures(const Graph &graph, const NetworkAnalysis &analysis,
                   const std::vector<int> &nodes, ModuleFeatures *out);

} // namespace layerlens::core
