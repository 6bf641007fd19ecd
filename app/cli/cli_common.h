#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace layerlens::cli {

// Exit codes shared by every command.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2
};

// Writes "layerlens-cli: message" to stderr.
void printError(const QString &message);

// Writes text to stdout as UTF-8.
void printOut(const QString &text);

// Parses a positive integer option value; on failure prints an error naming
// the option and returns nullopt.
std::optional<int64_t> parsePositive(const QString &option, const QString &value);

} // namespace layerlens::cli
