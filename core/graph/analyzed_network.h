#pragma once

#include "graph/analysis.h"
#include "graph/graph.h"
#include "graph/onnx_loader.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace layerlens::core {

// A network loaded and analysed, or the reason it could not be.
struct AnalyzedNetwork
{
    std::shared_ptr<const Graph> graph; // null when loading failed
    NetworkAnalysis analysis;
    QString error;           // "<path>: <problem>" when graph is null
    QStringList unboundDims; // symbolic dimensions that needed a value, if that was the problem

    bool ok() const { return graph != nullptr; }
};

// Loads path with options and analyses it. Safe to call from a worker thread.
AnalyzedNetwork loadAndAnalyze(const QString &path, const LoadOptions &options);
// The same at a batch, without the weights' data: what predicting needs.
AnalyzedNetwork loadShapesAndAnalyze(const QString &path, int batch = 1);

} // namespace layerlens::core
