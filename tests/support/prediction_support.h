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
#include <memory>
#include <vector>

namespace layerlens::test {

// Replaces `from` by `to` in a saved profile's manifest; false when the
// manifest cannot be rewritten or does not hold `from`.
bool editManifest(const QString &profileDir, const QByteArray &from, const QByteArray &to);

// Rewrites the "network" object of a saved profile's manifest with edit;
// false when the manifest cannot be read or written.
bool editManifestNetwork(const QString &profileDir,
                         const std::function<void(QJsonObject &network)> &edit);

// The built-in profile saved into dir twice, as it is ("plain") and with
// change applied ("changed"), both loaded back into *before and *after;
// *changedDir is the second's folder. False with error.
bool savedWithChange(const QTemporaryDir &dir,
                     const std::function<void(core::DeviceProfile *)> &change,
                     std::unique_ptr<core::DeviceProfile> *before,
                     std::unique_ptr<core::DeviceProfile> *after, QString *changedDir,
                     QString *error);

// Predictors for network prepared with each of two profiles and the
// default profiling spec; false with error.
bool preparePair(const core::AnalyzedNetwork &network, const core::DeviceProfile &first,
                 const core::DeviceProfile &second, core::NetworkPredictor *withFirst,
                 core::NetworkPredictor *withSecond, QString *error);

// The entry of a fit's results (anything with a `module`) for module; null
// when none.
template<typename Entry>
const Entry *entryOf(const std::vector<Entry> &all, const QString &module)
{
    for (const Entry &e : all) {
        if (e.module == module)
            return &e;
    }
    return nullptr;
}

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
