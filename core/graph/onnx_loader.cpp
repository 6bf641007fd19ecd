#include "graph/onnx_loader.h"

#include "graph/graph_builder.h"
#include "graph/onnx_reader.h"
#include "graph/shape_resolver.h"

#include <onnx/onnx_pb.h>

#include <QFileInfo>

namespace layerlens::core {

std::unique_ptr<Graph> OnnxLoader::fail(const QString &path, const QString &problem)
{
    m_error = path + QStringLiteral(": ") + problem;
    return nullptr;
}

std::unique_ptr<Graph> OnnxLoader::load(const QString &path, const LoadOptions &options)
{
    m_error.clear();
    m_unbound.clear();
    auto graph = std::make_unique<Graph>();
    graph->path = path;

    onnx::ModelProto model;
    QString problem;
    if (!readModelProto(path, &model, &graph->fileBytes, &problem))
        return fail(path, problem);
    return build(model, path, QFileInfo(path).absolutePath(), options, std::move(graph));
}

std::unique_ptr<Graph> OnnxLoader::loadModel(onnx::ModelProto &model, const QString &label,
                                             const LoadOptions &options)
{
    m_error.clear();
    m_unbound.clear();
    auto graph = std::make_unique<Graph>();
    graph->path = label;
    return build(model, label, QString(), options, std::move(graph));
}

std::unique_ptr<Graph> OnnxLoader::build(onnx::ModelProto &model, const QString &label,
                                         const QString &modelDir, const LoadOptions &options,
                                         std::unique_ptr<Graph> graph)
{
    const QString problem = checkModelHeader(model);
    if (!problem.isEmpty())
        return fail(label, problem);
    GraphBuilder builder(model, modelDir, options);
    if (!builder.build(graph.get())) {
        m_unbound = builder.unboundDimensions();
        return fail(label, builder.problem());
    }
    ShapeResolver(model, *graph).run();
    return graph;
}

} // namespace layerlens::core
