#pragma once

#include <QStringList>

namespace layerlens::cli {

// layerlens-cli predict MODEL.onnx [--device NAME|DIR] [--batch LIST]
// [--utilization LIST] [--threads LIST] [--per-layer] [--format table|json|csv]
int runPredictCommand(const QStringList &args);

} // namespace layerlens::cli
