#pragma once

#include "profiling/module_config.h"
#include "profiling/profiling_spec.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <vector>

namespace layerlens::core {

// Where a running profiling job stands.
struct ProfileProgress
{
    qint64 stored = 0;    // samples stored in this session
    qint64 runStored = 0; // samples the run holds, a resumed run's earlier ones included
    double elapsedSeconds = 0;
    double etaSeconds = -1; // -1 when unknown
    QString lastModule;
    double lastLatencyMs = 0;
};

struct ProfileJobOptions
{
    ProfilingSpec spec;
    QByteArray specJson; // stored with the run
    QString dbPath;
    double budgetSeconds = 0; // 0: no time limit
    qint64 maxSamples = 0;    // 0: no count limit (one of the two must be set)
    bool resume = false;      // continue the latest unfinished run of this spec here
    bool resumeIfAny = false; // continue one if there is one, else start a new run
    // maxSamples counts what a resumed run holds already: the whole run's
    // target, as an agent resuming a job after a crash knows it (its own
    // count of the samples stored may lag the dataset's by those stored
    // while it was being killed).
    bool maxSamplesCountsRun = false;
    QStringList harvest; // ONNX files whose layers give real configurations
    // One share of a spec split across several devices of one kind: this job
    // takes the configurations numbered shardIndex, shardIndex + shardCount, ...
    int shardIndex = 0;
    int shardCount = 1;
    // Configurations to measure, in order and cycled (adaptive refinement);
    // when set they replace the spec's samplers.
    std::vector<ModuleConfig> configs;
    // Called after every sample and often during one; returning false cancels
    // (the sample in flight is dropped, the run stays resumable).
    std::function<bool(const ProfileProgress &)> progress;
};

struct ProfileJobResult
{
    qint64 runId = 0;
    qint64 stored = 0;
    qint64 runStored = 0; // what the run holds at the end, a resumed run's earlier samples included
    qint64 skipped = 0;   // configurations that could not be built or run
    double seconds = 0;
    bool cancelled = false;
    int harvested = 0; // distinct real configurations found
    std::map<QString, int> perModule;
    QStringList problems; // why configurations were skipped (first few)
};

// Runs a profiling job on this device, one sample at a time, each stored in
// its own transaction. Returns false with error when it cannot start or the
// store fails.
bool runProfilingJob(const ProfileJobOptions &options, ProfileJobResult *result, QString *error);

} // namespace layerlens::core
