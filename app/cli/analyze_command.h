#pragma once

#include <QStringList>

namespace layerlens::cli {

// `layerlens-cli analyze MODEL.onnx [--batch N] [--dim NAME=VALUE]... [--format table|json|csv]`
// args are the arguments after the command name. Returns the exit code.
int runAnalyze(const QStringList &args);

} // namespace layerlens::cli
