#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <random>
#include <vector>

namespace layerlens::core {

// How one module parameter varies: a list of values, or a range sampled
// uniformly or log-uniformly (integers, inclusive).
struct ParamRange
{
    enum class Kind
    {
        Choices,
        Uniform,
        LogUniform
    };
    Kind kind = Kind::Choices;
    std::vector<int64_t> choices;
    int64_t low = 0;
    int64_t high = 0;

    int64_t sample(std::mt19937_64 &rng) const;
    bool contains(int64_t value) const;
};

// One module type (or fused block) to profile.
struct ModuleSpec
{
    QString name;     // "conv2d_relu"
    QString op;       // the module's main ONNX operator: "Conv"
    QStringList then; // operators fused after it: {"Relu"}
    bool depthwise = false;
    std::map<QString, ParamRange> params;
};

// A profiling spec: which modules, which parameters and ranges, how to measure.
struct ProfilingSpec
{
    int version = 1;
    QString name;
    QString description;
    double maxTimeSeconds = 0.4; // per sample
    int minRuns = 5;
    std::vector<int> threads{1};
    std::vector<int> utilization{0};
    double harvestShare = 0.5; // share of samples drawn from real networks
    std::vector<int64_t> harvestBatches{1};
    uint64_t seed = 1;
    std::vector<ModuleSpec> modules;
    QString hash; // SHA-256 of the spec's canonical JSON

    const ModuleSpec *module(const QString &name) const;
};

// Parses and validates a spec; on failure returns nullopt and error names the
// offending key ("modules.conv2d.params.kernel.choices: ...").
std::optional<ProfilingSpec> parseProfilingSpec(const QByteArray &json, QString *error);

// Reads a spec file; errors start with the file's path.
std::optional<ProfilingSpec> loadProfilingSpec(const QString &path, QString *error);

// The text of the spec that ships with LayerLens (resources/specs/default.json),
// as a run stores it.
QByteArray defaultProfilingSpecJson();

// The spec that ships with LayerLens (resources/specs/default.json).
ProfilingSpec defaultProfilingSpec();

// The parameters each module operator takes.
QStringList moduleParameters(const QString &op, bool depthwise);

// The operators a module may be built around.
QStringList moduleOperators();

} // namespace layerlens::core
