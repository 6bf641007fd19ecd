#pragma once

#include <QStringList>

namespace layerlens::cli {

// `layerlens-cli conformance DIR [--format table|json]`: ONNX backend node
// tests through the LibTorch executor. Returns the exit code (1 when any failed).
int runConformanceCommand(const QStringList &args);

} // namespace layerlens::cli
