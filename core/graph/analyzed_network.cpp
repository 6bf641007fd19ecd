#include "graph/analyzed_network.h"

namespace layerlens::core {

AnalyzedNetwork loadAndAnalyze(const QString &path, const LoadOptions &options)
{
    AnalyzedNetwork result;
    OnnxLoader loader;
    std::unique_ptr<Graph> graph = loader.load(path, options);
    if (!graph) {
        result.error = loader.errorString();
        result.unboundDims = loader.unboundDimensions();
        return result;
    }
    result.analysis = analyzeNetwork(*graph);
    result.graph = std::move(graph);
    return result;
}

AnalyzedNetwork loadShapesAndAnalyze(const QString &path, int batch)
{
    LoadOptions options;
    options.batch = batch;
    options.keepWeightData = false;
    return loadAndAnalyze(path, options);
}

} // namespace layerlens::core
