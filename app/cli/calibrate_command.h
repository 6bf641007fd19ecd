#pragma once

#include <QStringList>

namespace layerlens::cli {

// layerlens-cli calibrate [--base NAME|DIR] --out DIR [--budget DURATION |
// --samples N] [--db FILE] [--harvest PATH]... [--networks PATH]...
int runCalibrateCommand(const QStringList &args);

} // namespace layerlens::cli
