#pragma once

#include "graph/graph.h"

#include <QString>

#include <memory>

namespace onnx {
class TensorProto;
}

namespace layerlens::core {

// Reads the initializer t into weight: checks its dims and that the data it
// holds (inline, typed or in an external file beside the model) has exactly the
// declared size. Keeps the raw bytes when keepData (moving them out of t), and
// decodes small numeric tensors into value. Returns false with a problem.
bool readInitializer(onnx::TensorProto &t, const QString &modelDir, bool keepData, Weight *weight,
                     std::shared_ptr<const TensorValue> *value, QString *problem);

// Reads a tensor-valued attribute (as in Constant's "value"): its type and
// dims, and its value when small and numeric, else its raw bytes in
// largeBytes. Returns false with a problem.
bool readTensorAttribute(const onnx::TensorProto &t, ElementType *type, std::vector<int64_t> *dims,
                         std::shared_ptr<const TensorValue> *value, std::string *largeBytes,
                         QString *problem);

// Writes value as a TensorProto named name (typed fields, no raw data).
// Returns false, writing nothing, for types it cannot encode (half floats).
bool writeTensorProto(const TensorValue &value, const std::string &name, onnx::TensorProto *t);

// Decodes little-endian raw bytes of a numeric tensor; nullptr for types it
// cannot hold (strings, complex) or when bytes do not match dims.
std::shared_ptr<const TensorValue>
decodeTensorValue(ElementType type, const std::vector<int64_t> &dims, const std::string &bytes);

} // namespace layerlens::core
