#pragma once

#include <QString>

#include <cstdint>

namespace onnx {
class ModelProto;
}

namespace layerlens::core {

// Reads and parses the ONNX file at path (a file or a Qt resource) into model.
// On failure returns false and sets problem to a sentence without the path.
// fileBytes receives the file's size.
bool readModelProto(const QString &path, onnx::ModelProto *model, int64_t *fileBytes,
                    QString *problem);

// Checks the model's header: IR version, a graph, an opset for the default
// domain within what LayerLens reads. Returns an empty string when fine.
QString checkModelHeader(const onnx::ModelProto &model);

// Oldest and newest default-domain opsets LayerLens reads.
inline constexpr int kMinOpset = 7;
int maxSupportedOpset();

} // namespace layerlens::core
