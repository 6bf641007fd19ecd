#pragma once

#include "graph/graph.h"
#include "graph/onnx_loader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace onnx {
class ModelProto;
class GraphProto;
class NodeProto;
} // namespace onnx

namespace layerlens::core {

// Builds the graph IR from a parsed model: initializers, inputs with bound
// dimensions, nodes and edges, in topological order. Shapes of computed
// tensors are left to ShapeResolver. Internal to the loader.
class GraphBuilder
{
    Q_DECLARE_TR_FUNCTIONS(GraphBuilder)
public:
    GraphBuilder(onnx::ModelProto &model, const QString &modelDir, const LoadOptions &options);

    // Fills graph; on failure returns false and problem() says why.
    bool build(Graph *graph);

    QString problem() const { return m_problem; }
    QStringList unboundDimensions() const { return m_unbound; }

private:
    bool readHeader();
    bool readInitializers();
    bool readInputs();
    bool readNodes();
    bool readOutputs();
    bool sortTopologically();
    bool failNode(const onnx::NodeProto &node, const QString &what);

    onnx::ModelProto &m_model;
    QString m_modelDir;
    const LoadOptions &m_options;
    Graph *m_graph = nullptr;
    QString m_problem;
    QStringList m_unbound;
};

} // namespace layerlens::core
