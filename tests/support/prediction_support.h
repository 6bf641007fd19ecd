#pragma once

// Helpers of the prediction tests: networks built and analysed, profiles
// edited, `layerlens-cli predict` run.
#include "graph/analyzed_network.h"
#include "predict/network_predictor.h"
#include "support/model_builder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

namespace layerlens::test {

// Replaces `from` by `to` in a saved profile's manifest; false when the
// manifest cannot be rewritten or does not hold `from`.
bool editManifest(const QString &profileDir, const QByteArray &from, const QByteArray &to);

// Rewrites the "network" object of a saved profile's manifest with edit;
// false when the manifest cannot be read or written.
bool editManifestNetwork(const QString &profileDir,
                         const std::function<void(QJsonObject &network)> &edit);

// A network the test built, saved into dir and analysed without its weights.
core::AnalyzedNetwork analyzedBuilt(const ModelBuilder &b, const QTemporaryDir &dir,
                                    const QString &file);

// A network of ../shared/models, analysed without its weights.
core::AnalyzedNetwork analyzedShared(const QString &file);

// The same, and predictor prepared for it with profile and the default
// profiling spec; false with error.
bool prepareBuilt(const ModelBuilder &b, const QTemporaryDir &dir, const QString &file,
                  const core::DeviceProfile &profile, core::AnalyzedNetwork *network,
                  core::NetworkPredictor *predictor, QString *error);

// A program of the build run to its end: exit code (-1 when it crashed or
// ran past two minutes), standard output and standard error.
struct ProgramRun
{
    int code = -1;
    QString out;
    QString err;
};
ProgramRun
runProgram(const QString &program, const QStringList &args,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// `layerlens-cli predict ARGS`: its JSON output, exit code and standard error.
QJsonObject runPredict(const QStringList &args, int *exitCode, QString *stderrText = nullptr);

} // namespace layerlens::test
