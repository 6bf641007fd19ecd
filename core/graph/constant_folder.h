#pragma once

#include "graph/graph.h"

#include <optional>
#include <vector>

namespace layerlens::core {

// What the folder knows of one node input.
struct FoldInput
{
    const TensorValue *value = nullptr; // known value, or nullptr
    const Shape *shape = nullptr;       // known shape (Shape and Size need only this)
    bool present = false;               // false for an omitted optional input
};

// True when node's operator is one the folder can evaluate at load time.
bool isFoldableOp(const Node &node);

// True when the inputs are known well enough to evaluate node.
bool canFold(const Node &node, const std::vector<FoldInput> &inputs);

// Evaluates node (opset of the default domain) on known inputs. Returns its
// outputs' values; nullopt when the result would be too large to keep (more
// than kMaxFoldedElements) or the inputs are invalid, in which case problem
// says why (and is empty for "too large").
std::optional<std::vector<TensorValue>>
foldNode(const Node &node, int opset, const std::vector<FoldInput> &inputs, QString *problem);

} // namespace layerlens::core
