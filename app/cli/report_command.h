#pragma once

#include <QStringList>

namespace layerlens::cli {

// layerlens-cli report MODEL.onnx [--device NAME|DIR] [--batch N]
// [--utilization PCT] [--threads T] --out FILE [--format F]
int runReportCommand(const QStringList &args);

} // namespace layerlens::cli
