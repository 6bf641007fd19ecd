#pragma once

#include "graph/graph.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace layerlens::core {

// A fusion the device runtime performs: the operators of `pattern`, in a
// chain where each feeds only the next, execute as one unit. Block
// segmentation for prediction reuses these rules.
struct FusionRule
{
    QString name;        // "conv_batchnorm"
    QStringList pattern; // operator types, producer first; "|" separates alternatives
    QString effect;      // what the runtime does, for people
};

// The fusions LayerLens's LibTorch executor applies.
const std::vector<FusionRule> &executorFusionRules();

// True when opType matches one alternative of a pattern element ("Relu|Clip").
bool matchesPatternElement(const QString &element, const QString &opType);

// A channel shuffle: Reshape [N,C,H,W] -> [N,g,C/g,H,W], Transpose
// (0,2,1,3,4), Reshape back to [N,C,H,W], each intermediate read only by the
// next node and not a graph output.
struct ChannelShuffle
{
    int first = -1, transpose = -1, last = -1; // nodes
    int input = -1, output = -1;               // tensors
    int64_t groups = 0;
};

// The channel shuffle whose Transpose is node `transpose`, if it is one.
std::optional<ChannelShuffle> matchChannelShuffle(const Graph &graph, int transpose);

} // namespace layerlens::core
