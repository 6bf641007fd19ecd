#pragma once

#include <QStringList>

namespace layerlens::cli {

// `layerlens-cli train [--db FILE] --out PROFILE_DIR [--device-id ID] [--modules LIST]`
int runTrainCommand(const QStringList &args);

// `layerlens-cli models PROFILE_DIR`: the evaluation and selection tables.
int runModelsCommand(const QStringList &args);

} // namespace layerlens::cli
