#include "train_command.h"

#include "cli_common.h"
#include "remote_commands.h"

#include "devices/remote_profiling.h"

#include "models/device_profile.h"
#include "models/profile_tables.h"
#include "profiling/dataset_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

// Trains on the agent and downloads the profile it wrote.
int trainRemotely(const RemoteTarget &target, const core::TrainOptions &options,
                  const QString &outDir)
{
    core::AgentClient client;
    if (!connectRemote(target, &client))
        return ExitFailure;
    QString problem;
    const auto job = core::runRemoteJob(
        client,
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("train")},
                    {QStringLiteral("kinds"), QJsonArray::fromStringList(options.kinds)}},
        {}, &problem);
    if (!job || job->value(QStringLiteral("status")).toString() != QLatin1String("done")) {
        printError(tr("%1: training: %2").arg(target.label, problem));
        return ExitFailure;
    }
    const qint64 id = job->value(QStringLiteral("job")).toInteger();
    const auto list =
        client.request(QStringLiteral("profile_file"), {{QStringLiteral("job"), id}}, &problem);
    if (!list || !QDir().mkpath(outDir)) {
        printError(
            tr("%1: %2").arg(target.label, list ? tr("cannot create %1").arg(outDir) : problem));
        return ExitFailure;
    }
    for (const QJsonValue &name : list->value(QStringLiteral("files")).toArray()) {
        const auto file = client.request(
            QStringLiteral("profile_file"),
            {{QStringLiteral("job"), id}, {QStringLiteral("name"), name.toString()}}, &problem);
        QSaveFile out(QDir(outDir).filePath(name.toString()));
        if (!file || !out.open(QIODevice::WriteOnly) ||
            out.write(file->value(QStringLiteral("content")).toString().toUtf8()) < 0 ||
            !out.commit()) {
            printError(tr("%1: %2").arg(name.toString(), file ? out.errorString() : problem));
            return ExitFailure;
        }
    }
    const auto profile = core::DeviceProfile::load(outDir, &problem);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    printOut(core::profileToTable(*profile) +
             tr("trained on %1; profile written to %2\n").arg(target.label, outDir));
    return ExitOk;
}

} // namespace

int runTrainCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Trains regression models per module from a profiling dataset, evaluates every kind "
           "on held-out configurations, selects per module and target the cheapest model within "
           "--tolerance MAPE points of the best, and writes a device profile bundle. Neural "
           "kinds (mlp, medn) train with LibTorch."));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Dataset file; default: %1.").arg(core::defaultDatasetPath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Profile folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption device(QStringLiteral("device-id"),
                                    tr("Device fingerprint, when the dataset holds several."),
                                    QStringLiteral("ID"));
    const QCommandLineOption modules(QStringLiteral("modules"),
                                     tr("Comma-separated modules to train (default: all)."),
                                     QStringLiteral("LIST"));
    const QCommandLineOption kinds(QStringLiteral("kinds"),
                                   tr("Comma-separated model kinds to try (default: all: %1).")
                                       .arg(core::modelKinds().join(QLatin1Char(','))),
                                   QStringLiteral("LIST"));
    const QCommandLineOption tolerance(
        QStringLiteral("tolerance"),
        tr("MAPE points within the best that a cheaper model may be selected (default 0.5)."),
        QStringLiteral("POINTS"), QStringLiteral("0.5"));
    const QCommandLineOption base(
        QStringLiteral("base"),
        tr("Earlier profile of the same device: modules without new samples are taken over "
           "from it instead of retrained (incremental retraining; may equal --out)."),
        QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), tr("table or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption remoteDevice(
        QStringLiteral("device"),
        tr("Train on a remote device's agent, from the samples it holds (a registered name or "
           "HOST:PORT with --token-file), and download the profile into --out."),
        QStringLiteral("DEVICE"), QStringLiteral("local"));
    parser.addOptions({db, out, device, modules, kinds, tolerance, base, format, remoteDevice});
    RemoteOptions remote;
    remote.addTo(parser);
    if (const auto stop = parseCommand(parser, QStringLiteral("train"), args, 0))
        return *stop;
    if (!parser.isSet(out)) {
        printError(tr("train needs --out PROFILE_DIR"));
        return ExitUsage;
    }
    if (!checkChoice(QStringLiteral("--format"), parser.value(format),
                     {QStringLiteral("table"), QStringLiteral("json")}))
        return ExitUsage;
    core::TrainOptions options;
    if (parser.isSet(kinds)) {
        options.kinds = parser.value(kinds).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &k : options.kinds) {
            if (!checkChoice(QStringLiteral("--kinds"), k, core::modelKinds()))
                return ExitUsage;
        }
    }
    bool numberOk = false;
    options.tolerance = parser.value(tolerance).toDouble(&numberOk);
    if (!numberOk || options.tolerance < 0) {
        printError(tr("--tolerance must be a number of MAPE points >= 0, not '%1'")
                       .arg(parser.value(tolerance)));
        return ExitUsage;
    }
    bool local = true;
    const auto target = resolveRemote(parser.value(remoteDevice), parser, remote, &local);
    if (!local && !target)
        return ExitUsage;
    if (target)
        return trainRemotely(*target, options, parser.value(out));

    std::unique_ptr<core::DeviceProfile> baseProfile;
    if (parser.isSet(base)) {
        QString problem;
        baseProfile = core::DeviceProfile::load(parser.value(base), &problem);
        if (!baseProfile) {
            printError(problem);
            return ExitFailure;
        }
    }
    core::DatasetStore store;
    if (!openDataset(parser.value(db), true, &store))
        return ExitFailure;
    const QString path = store.path();
    const QStringList only = parser.value(modules).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool tty = isatty(fileno(stderr));
    QStringList skipped, reused;
    QString problem;
    const auto profile = core::trainProfile(
        store, parser.value(device), only, options, &skipped, &problem,
        [tty](const QString &module, int done, int total) {
            if (tty)
                std::fprintf(stderr, "\r\033[Ktraining %s (%d/%d)", qPrintable(module), done + 1,
                             total);
            return true;
        },
        baseProfile.get(), &reused);
    if (tty)
        std::fputs("\r\033[K", stderr);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    if (!profile->save(parser.value(out), &problem)) {
        printError(problem);
        return ExitFailure;
    }
    if (parser.value(format) == QLatin1String("json")) {
        QJsonObject json = core::profileToJson(*profile);
        json.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(skipped));
        json.insert(QStringLiteral("reused"), QJsonArray::fromStringList(reused));
        json.insert(QStringLiteral("profile"), parser.value(out));
        printOut(QString::fromUtf8(QJsonDocument(json).toJson()));
        return ExitOk;
    }
    QString text = core::profileToTable(*profile);
    for (const QString &s : skipped)
        text += tr("skipped: %1\n").arg(s);
    if (!reused.isEmpty())
        text += tr("unchanged since the base profile, not retrained: %1\n")
                    .arg(reused.join(QStringLiteral(", ")));
    text += tr("profile written to %1\n").arg(parser.value(out));
    printOut(text);
    return ExitOk;
}

int runModelsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints a device profile's evaluation and selection tables."));
    parser.addPositionalArgument(QStringLiteral("profile"), tr("Profile folder."));
    const QCommandLineOption format(QStringLiteral("format"), tr("table or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOption(format);
    if (const auto stop = parseCommand(parser, QStringLiteral("models"), args))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printError(tr("models needs one profile folder"));
        return ExitUsage;
    }
    if (!checkChoice(QStringLiteral("--format"), parser.value(format),
                     {QStringLiteral("table"), QStringLiteral("json")}))
        return ExitUsage;
    QString problem;
    const auto profile = core::DeviceProfile::load(parser.positionalArguments().first(), &problem);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    printOut(parser.value(format) == QLatin1String("json")
                 ? QString::fromUtf8(QJsonDocument(core::profileToJson(*profile)).toJson())
                 : core::profileToTable(*profile));
    return ExitOk;
}

} // namespace layerlens::cli
