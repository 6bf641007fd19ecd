#pragma once

#include <QStringList>

namespace layerlens::cli {

// `layerlens-cli measure MODEL.onnx [--batch N] [--threads T] [--utilization PCT]
//  [--max-time SECONDS] [--per-layer] [--format table|json]`. Returns the exit code.
int runMeasureCommand(const QStringList &args);

} // namespace layerlens::cli
