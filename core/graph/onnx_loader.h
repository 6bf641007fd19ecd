#pragma once

#include "graph/graph.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace onnx {
class ModelProto;
}

namespace layerlens::core {

// How to load a network.
struct LoadOptions
{
    // Value for the symbolic dimension at axis 0 of the graph inputs (the batch);
    // 1 when not set. A fixed batch in the file is kept, with a warning.
    std::optional<int64_t> batch;
    // Values for named symbolic dimensions; these win over batch.
    std::map<QString, int64_t> dims;
    // Keep weight bytes in the Graph (the executor needs them; analysis does not).
    bool keepWeightData = true;
};

// Loads ONNX files into the graph IR: validates the graph, binds symbolic
// dimensions, folds shape computations and infers every shape it can.
class OnnxLoader
{
public:
    // Loads the network at path (a file or a Qt resource). Returns nullptr and
    // sets errorString() when the file cannot be used; problems that do not
    // stop loading are collected in Graph::issues.
    std::unique_ptr<Graph> load(const QString &path, const LoadOptions &options = {});
    // Loads a model already in memory (built by code); label stands for the
    // path in messages. Its initializers' data may be moved out of model.
    std::unique_ptr<Graph> loadModel(onnx::ModelProto &model, const QString &label,
                                     const LoadOptions &options = {});

    // "<path>: <problem>" for the last failed load.
    QString errorString() const { return m_error; }
    // The symbolic dimensions the last load needed a value for, if that was why it failed.
    QStringList unboundDimensions() const { return m_unbound; }

private:
    std::unique_ptr<Graph> fail(const QString &path, const QString &problem);
    std::unique_ptr<Graph> build(onnx::ModelProto &model, const QString &label,
                                 const QString &modelDir, const LoadOptions &options,
                                 std::unique_ptr<Graph> graph);

    QString m_error;
    QStringList m_unbound;
};

} // namespace layerlens::core
