#pragma once

#include "graph/graph.h"

#include <ATen/ATen.h>

#include <optional>

namespace layerlens::core {

// The ATen type of an ONNX element type; nullopt for types LibTorch 1.13 lacks
// (uint16, uint32, uint64, string).
std::optional<at::ScalarType> scalarTypeOf(ElementType type);

// The ONNX element type of an ATen type (Undefined when there is none).
ElementType elementTypeOf(at::ScalarType type);

// A tensor holding raw little-endian bytes of the given type and dims (copied).
at::Tensor tensorFromBytes(ElementType type, const std::vector<int64_t> &dims,
                           const std::string &bytes);

// A tensor holding a small constant's value.
at::Tensor tensorFromValue(const TensorValue &value);

// A tensor's elements as int64 (shapes, axes, indices given as tensors).
std::vector<int64_t> toInt64s(const at::Tensor &tensor);

} // namespace layerlens::core
