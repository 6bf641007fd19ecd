#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace layerlens::core {
struct RuntimeApi;
class DatasetStore;
} // namespace layerlens::core

namespace layerlens::core {
struct DeviceProfile;
}

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

// Parses args of `layerlens-cli COMMAND` (help option added). Returns an exit
// code when the command must stop here (help printed, or a usage error
// printed), nullopt to go on. More than maxArguments positional arguments
// is a usage error (-1: the command checks them itself); a stray path after
// an option that takes one is otherwise ignored without a word.
std::optional<int> parseCommand(QCommandLineParser &parser, const QString &command,
                                const QStringList &args, int maxArguments = -1);

// Checks an option value against the allowed ones; prints "--OPTION must be
// a, b or c, not 'x'" and returns false otherwise.
bool checkChoice(const QString &option, const QString &value, const QStringList &allowed);

// Opens the dataset at --db (or the default path) into store; prints why and
// returns false when it cannot, or when it does not exist and mustExist.
bool openDataset(const QString &dbOption, bool mustExist, core::DatasetStore *store);

// The LibTorch runtime module; prints why and returns nullptr when it cannot load.
// The first time, also warns when OpenBLAS runs kernels older than the CPU
// can (core::localBlasAdvice).
const core::RuntimeApi *loadRuntime();

// Parses a positive integer option value; on failure prints an error naming
// the option and returns nullopt.
std::optional<int64_t> parsePositive(const QString &option, const QString &value);

// "1,8,32" (the option repeatable, commas allowed) within [low, high],
// duplicates dropped; fallback when no value was given. Prints why and
// returns nullopt on a bad value.
std::optional<std::vector<int>> parseIntList(const QString &option, const QStringList &values,
                                             int low, int high, std::vector<int> fallback);

// --device NAME|DIR of the commands that predict: a profile folder, a
// saved profile name or a built-in one.
QCommandLineOption deviceProfileOption();

// --speed-ratio R|now of the commands that predict, and its value: 1 when
// not given, a positive number, or "now" (the speed reference timed here
// against the one the profile recorded). Nullopt with *exitCode set after
// printing why.
QCommandLineOption speedRatioCommandOption();
std::optional<double> speedRatioOption(const QCommandLineParser &parser,
                                       const QCommandLineOption &option,
                                       const core::DeviceProfile &profile,
                                       const QString &profileName, int *exitCode);

} // namespace layerlens::cli
