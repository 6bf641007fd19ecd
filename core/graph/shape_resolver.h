#pragma once

#include "graph/graph.h"

#include <memory>

namespace onnx {
class ModelProto;
}

namespace layerlens::core {

// Gives every tensor of a built graph its type and shape, node by node in
// topological order: folds nodes whose inputs are known constants (so shape
// computations become concrete), and asks ONNX's shape inference for the
// rest. Problems become issues on the graph; nothing here is fatal.
class ShapeResolver
{
public:
    ShapeResolver(const onnx::ModelProto &model, Graph &graph);
    ~ShapeResolver();

    void run();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace layerlens::core
