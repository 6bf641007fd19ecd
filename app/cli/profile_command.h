#pragma once

#include "runtime/profiling_job.h"

#include <QStringList>

#include <optional>

namespace layerlens::core {
struct RuntimeApi;
}

namespace layerlens::cli {

// `layerlens-cli profile [--spec FILE] [--db FILE] [--device local]
//  [--budget DURATION | --samples N] [--resume] [--harvest PATH]...`
int runProfileCommand(const QStringList &args);

// `layerlens-cli datasets [--db FILE] [--export FILE.csv|FILE.jsonl] [--import FILE.jsonl]`
int runDatasetsCommand(const QStringList &args);

// "90", "90s", "10m", "1h30m" in seconds; nullopt when malformed.
std::optional<double> parseDuration(const QString &text);

// The ONNX files at path: the file itself, or those in the folder.
QStringList onnxFiles(const QString &path);

// While alive, Ctrl-C and SIGTERM ask a running job to stop (see
// terminalProgress) instead of killing the process.
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;
};

// Prints a job's progress and ETA on a terminal; false once interrupted.
bool terminalProgress(const core::ProfileProgress &progress);
// Prints what a calibration measures next on a terminal ("measuring
// resnet50/model.onnx at batch 8, pass 2 (40 %)"); false once interrupted.
bool terminalStepProgress(const QString &next, double done);
// Clears the progress line.
void clearProgressLine();

// Runs a profiling job with progress and ETA on a terminal; Ctrl-C or
// SIGTERM cancels it cleanly (result->cancelled).
bool runProfilingOnTerminal(const core::RuntimeApi *runtime, core::ProfileJobOptions options,
                            core::ProfileJobResult *result, QString *problem);

} // namespace layerlens::cli
