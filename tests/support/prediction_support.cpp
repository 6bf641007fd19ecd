#include "support/prediction_support.h"

#include "predict/profile_registry.h"
#include "profiling/profiling_spec.h"
#include "support/test_paths.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace layerlens::test {

bool editManifest(const QString &profileDir, const QByteArray &from, const QByteArray &to)
{
    QFile manifest(profileDir + QStringLiteral("/manifest.json"));
    if (!manifest.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = manifest.readAll();
    manifest.close();
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return manifest.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           manifest.write(text) == text.size();
}

bool savedWithChange(const QTemporaryDir &dir,
                     const std::function<void(core::DeviceProfile *)> &change,
                     std::unique_ptr<core::DeviceProfile> *before,
                     std::unique_ptr<core::DeviceProfile> *after, QString *changedDir,
                     QString *error)
{
    QString resolved;
    auto profile = core::loadProfile({}, &resolved, error);
    if (!profile)
        return false;
    const QString plain = dir.filePath(QStringLiteral("plain"));
    *changedDir = dir.filePath(QStringLiteral("changed"));
    if (!profile->save(plain, error))
        return false;
    change(profile.get());
    if (!profile->save(*changedDir, error))
        return false;
    *before = core::DeviceProfile::load(plain, error);
    *after = core::DeviceProfile::load(*changedDir, error);
    return *before && *after;
}

bool preparePair(const core::AnalyzedNetwork &network, const core::DeviceProfile &first,
                 const core::DeviceProfile &second, core::NetworkPredictor *withFirst,
                 core::NetworkPredictor *withSecond, QString *error)
{
    const core::ProfilingSpec spec = core::defaultProfilingSpec();
    return withFirst->prepare(*network.graph, network.analysis, first, spec, error) &&
           withSecond->prepare(*network.graph, network.analysis, second, spec, error);
}

bool editManifestNetwork(const QString &profileDir,
                         const std::function<void(QJsonObject &network)> &edit)
{
    QFile manifest(profileDir + QStringLiteral("/manifest.json"));
    if (!manifest.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(manifest.readAll()).object();
    manifest.close();
    QJsonObject network = root.value(QStringLiteral("network")).toObject();
    edit(network);
    root.insert(QStringLiteral("network"), network);
    const QByteArray text = QJsonDocument(root).toJson();
    return manifest.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           manifest.write(text) == text.size();
}

core::AnalyzedNetwork analyzedBuilt(const ModelBuilder &b, const QTemporaryDir &dir,
                                    const QString &file)
{
    return core::loadShapesAndAnalyze(b.save(dir.path(), file));
}

core::AnalyzedNetwork analyzedShared(const QString &file)
{
    return core::loadShapesAndAnalyze(sharedModel(file));
}

bool prepareBuilt(const ModelBuilder &b, const QTemporaryDir &dir, const QString &file,
                  const core::DeviceProfile &profile, core::AnalyzedNetwork *network,
                  core::NetworkPredictor *predictor, QString *error)
{
    *network = analyzedBuilt(b, dir, file);
    if (!network->ok()) {
        *error = network->error;
        return false;
    }
    return predictor->prepare(*network->graph, network->analysis, profile,
                              core::defaultProfilingSpec(), error);
}

ProgramRun runProgram(const QString &program, const QStringList &args,
                      const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(test::program(program), args);
    ProgramRun result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.code = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QJsonObject runPredict(const QStringList &args, int *exitCode, QString *stderrText)
{
    QProcess p;
    p.start(program(QStringLiteral("layerlens-cli")),
            QStringList{QStringLiteral("predict")} + args);
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (stderrText)
        *stderrText = QString::fromUtf8(p.readAllStandardError());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace layerlens::test
