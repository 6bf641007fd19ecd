#pragma once

#include <QStringList>

#include <optional>

namespace layerlens::cli {

// `layerlens-cli profile [--spec FILE] [--db FILE] [--device local]
//  [--budget DURATION | --samples N] [--resume] [--harvest PATH]...`
int runProfileCommand(const QStringList &args);

// `layerlens-cli datasets [--db FILE] [--export FILE.csv|FILE.jsonl] [--import FILE.jsonl]`
int runDatasetsCommand(const QStringList &args);

// "90", "90s", "10m", "1h30m" in seconds; nullopt when malformed.
std::optional<double> parseDuration(const QString &text);

} // namespace layerlens::cli
