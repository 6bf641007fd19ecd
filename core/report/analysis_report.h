#pragma once

#include "graph/analysis.h"
#include "graph/graph.h"

#include <QJsonObject>
#include <QString>

namespace layerlens::core {

// The analysis as JSON: {"model", "inputs", "outputs", "totals", "layers",
// "unsupported", "issues", ...}. Unknown figures are null, never 0.
QJsonObject analysisToJson(const Graph &graph, const NetworkAnalysis &analysis);

// One CSV row per layer (folded ones included, flagged), with a header row.
QString analysisToCsv(const Graph &graph, const NetworkAnalysis &analysis);

struct TableOptions
{
    bool showFolded = false; // list nodes evaluated at load time too
    int width = 120;         // terminal columns the table fits in (at least 100)
};

// Aligned, human-readable report: summary, per-layer table, totals, issues.
QString analysisToTable(const Graph &graph, const NetworkAnalysis &analysis,
                        const TableOptions &options = {});

// "[1, 3, 224, 224]" of each tensor, for tables: "a; b" for several.
QString shapesText(const Graph &graph, const std::vector<int> &tensors);

} // namespace layerlens::core
