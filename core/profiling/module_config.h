#pragma once

#include "graph/graph.h"
#include "profiling/profiling_spec.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace layerlens::core {

// One configuration of a module to measure.
struct ModuleConfig
{
    QString module;                    // the spec's module name
    std::map<QString, int64_t> params; // the module's parameters
    int threads = 1;
    int utilization = 0;
    QString source; // "random", or "harvest:<network>/<node>"
};

QJsonObject moduleParamsToJson(const std::map<QString, int64_t> &params);

// Builds the graph of one module (and its fused operators) for config, with
// seeded random weights. Returns nullptr and sets error when the
// configuration is impossible (a kernel larger than the padded input, say).
std::unique_ptr<Graph> buildModuleGraph(const ModuleSpec &module, const ModuleConfig &config,
                                        QString *error);

// A node of a real network recognized as one of the spec's modules: its
// configuration and the nodes the runtime executes as that unit (the node,
// a BatchNormalization folded into a Conv, and the fused operator).
struct ModuleMatch
{
    ModuleConfig config;
    std::vector<int> nodes;
    // A grouped convolution (neither dense nor depthwise: RegNet's, ResNeXt's)
    // is matched as the dense module with one group's output channels: the
    // same multiply-adds on the same input and weights, a groups-th of the
    // output. 1 for everything else.
    int64_t groups = 1;
    // A convolution with a non-square kernel (Inception's 1x7) is matched as
    // the 1x1 module over kernelTaps (7) times the input channels: its
    // im2col product, the same multiply-adds and weights. 1 otherwise.
    int64_t kernelTaps = 1;
};
std::optional<ModuleMatch> matchModule(const Graph &graph, int node, const ProfilingSpec &spec);

// Module configurations found in a real network: every run-time node that
// matches one of the spec's modules, with its parameters read off the graph.
std::vector<ModuleConfig> harvestConfigs(const Graph &graph, const ProfilingSpec &spec);

// The configuration for sample number seq of a run: deterministic in (spec
// seed, seq), so a resumed run continues the same sequence. Round-robin over
// modules; a harvested configuration with probability harvestShare where the
// module has some, else a random one within the spec's ranges.
ModuleConfig sampleConfig(const ProfilingSpec &spec,
                          const std::map<QString, std::vector<ModuleConfig>> &harvested,
                          int64_t seq);

} // namespace layerlens::core
