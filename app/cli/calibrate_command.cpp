#include "calibrate_command.h"

#include "cli_common.h"
#include "profile_command.h"

#include "graph/analyzed_network.h"
#include "predict/calibration_job.h"
#include "predict/network_predictor.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "profiling/profiling_spec.h"
#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

#include <algorithm>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

// `calibrate --check`: the speed reference timed now against the profile's.
int checkSpeed(const core::DeviceProfile &profile, const QString &profileName,
               const QString &format)
{
    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;
    QString problem;
    const auto now = core::timeSpeedReference(*runtime, 3, &problem);
    if (!now) {
        printError(problem);
        return ExitFailure;
    }
    if (format == QLatin1String("json")) {
        const auto ratio = core::speedRatio(profile, *now);
        const core::DeviceProfile::SpeedReference &then = profile.speedReference;
        QJsonObject json{
            {QStringLiteral("profile"), profileName},
            {QStringLiteral("version"), core::kSpeedReferenceVersion},
            {QStringLiteral("now"), QJsonObject{{QStringLiteral("median_ms"), now->median},
                                                {QStringLiteral("cv"), now->cv},
                                                {QStringLiteral("runs"), now->runs}}},
            {QStringLiteral("calibrated"),
             then.version == core::kSpeedReferenceVersion
                 ? QJsonValue(QJsonObject{{QStringLiteral("median_ms"), then.medianMs},
                                          {QStringLiteral("cv"), then.cv},
                                          {QStringLiteral("runs"), then.runs}})
                 : QJsonValue()},
            {QStringLiteral("ratio"), ratio ? QJsonValue(*ratio) : QJsonValue()}};
        printOut(QString::fromUtf8(QJsonDocument(json).toJson()));
        return ExitOk;
    }
    printOut(tr("profile %1\n").arg(profileName) + core::speedCheckToText(profile, *now));
    return ExitOk;
}

// The name of the first of options that was given, or an empty string.
QString firstGiven(const QCommandLineParser &parser,
                   std::initializer_list<const QCommandLineOption *> options)
{
    for (const QCommandLineOption *o : options) {
        if (parser.isSet(*o))
            return o->names().first();
    }
    return QString();
}

// `calibrate --refit RUN`: the fit again from what a calibration kept.
int refitProfile(const QCommandLineParser &parser, const QCommandLineOption &refit,
                 const QCommandLineOption &db, const QCommandLineOption &base,
                 const QCommandLineOption &out)
{
    core::CalibrationRefit job;
    const QString run = parser.value(refit);
    if (run != QLatin1String("last")) {
        const auto id = parsePositive(QStringLiteral("--refit"), run);
        if (!id)
            return ExitUsage;
        job.run = *id;
    }
    QString problem;
    if (parser.isSet(base)) {
        job.baseDir = core::resolveProfileDir(parser.value(base), &problem);
        if (job.baseDir.isEmpty()) {
            printError(problem);
            return ExitFailure;
        }
    }
    job.dbPath = parser.isSet(db) ? parser.value(db) : core::defaultDatasetPath();
    job.outDir = parser.value(out);
    QString text;
    const bool ok = core::refitCalibration(job, &text, &problem);
    printOut(text);
    if (!ok) {
        printError(problem);
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

int runCalibrateCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adapts a device profile to this machine with a short profiling job: the base "
           "profile's models are kept and corrected per module and metric from a few local "
           "samples (few-shot transfer), the per-operator overhead is measured on the given "
           "networks, and the error before and after is printed on held-out samples."));
    const QCommandLineOption base(
        QStringLiteral("base"),
        tr("Profile to start from (default %1).").arg(QLatin1String(core::kDefaultProfileName)),
        QStringLiteral("NAME|DIR"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Profile folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption budget(QStringLiteral("budget"),
                                    tr("Profiling time budget (default 3m)."),
                                    QStringLiteral("DURATION"), QStringLiteral("3m"));
    const QCommandLineOption samples(QStringLiteral("samples"),
                                     tr("Profile this many samples instead of a time budget."),
                                     QStringLiteral("N"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        tr("Dataset that keeps the samples; default: %1.").arg(core::defaultDatasetPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption harvest(QStringLiteral("harvest"),
                                     tr("ONNX file or folder whose layers to profile; repeatable."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption networks(
        QStringLiteral("networks"),
        tr("ONNX file or folder to measure with per-layer timing (at batch 1; also at batch 8 "
           "and on 2 threads where a run takes under 150 ms) for the in-network corrections, "
           "cache-miss costs and per-operator overhead, and to harvest; repeatable."),
        QStringLiteral("PATH"));
    const QCommandLineOption check(
        QStringLiteral("check"),
        tr("Profile nothing: time the speed reference (a fixed small network, 3 s) and say how "
           "much faster or slower this machine runs now than when the --base profile was "
           "calibrated."));
    const QCommandLineOption refit(
        QStringLiteral("refit"),
        tr("Measure nothing: fit the calibrated profile again from a calibration kept in the "
           "dataset (its module samples and network measurements; 'last' for the latest), with "
           "this LayerLens's methods, from the base it used unless --base names another."),
        QStringLiteral("RUN|last"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("With --check: text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({base, out, budget, samples, db, harvest, networks, check, refit, format});
    // "--networks a.onnx b.onnx" measured a alone, silently, before.
    if (const auto stop = parseCommand(parser, QStringLiteral("calibrate"), args, 0))
        return *stop;
    if (parser.isSet(check)) {
        if (!checkChoice(QStringLiteral("--format"), parser.value(format),
                         {QStringLiteral("text"), QStringLiteral("json")}))
            return ExitUsage;
        if (const QString extra =
                firstGiven(parser, {&out, &budget, &samples, &db, &harvest, &networks, &refit});
            !extra.isEmpty()) {
            printError(tr("--check profiles nothing; it takes no --%1").arg(extra));
            return ExitUsage;
        }
        QString resolved, problem;
        const auto profile = core::loadProfile(parser.value(base), &resolved, &problem);
        if (!profile) {
            printError(problem);
            return ExitFailure;
        }
        return checkSpeed(*profile, resolved, parser.value(format));
    }
    if (parser.isSet(format)) {
        printError(tr("--format applies to --check only"));
        return ExitUsage;
    }
    if (!parser.isSet(out)) {
        printError(tr("calibrate needs --out PROFILE_DIR"));
        return ExitUsage;
    }
    if (parser.isSet(refit)) {
        if (const QString extra = firstGiven(parser, {&budget, &samples, &harvest, &networks});
            !extra.isEmpty()) {
            printError(tr("--refit measures nothing; it takes no --%1").arg(extra));
            return ExitUsage;
        }
        return refitProfile(parser, refit, db, base, out);
    }
    core::ProfileJobOptions options;
    if (parser.isSet(samples)) {
        const auto n = parsePositive(QStringLiteral("--samples"), parser.value(samples));
        if (!n)
            return ExitUsage;
        options.maxSamples = *n;
    } else {
        const auto seconds = parseDuration(parser.value(budget));
        if (!seconds || *seconds <= 0) {
            printError(tr("--budget needs a duration such as 90s, 3m or 1h, not '%1'")
                           .arg(parser.value(budget)));
            return ExitUsage;
        }
        options.budgetSeconds = *seconds;
    }
    QStringList measured;
    for (const QString &path : parser.values(harvest) + parser.values(networks)) {
        if (!QFileInfo::exists(path)) {
            printError(tr("%1: no such file or folder").arg(path));
            return ExitUsage;
        }
        options.harvest += onnxFiles(path);
    }
    for (const QString &path : parser.values(networks))
        measured += onnxFiles(path);

    QString problem;
    const QString baseDir = core::resolveProfileDir(parser.value(base), &problem);
    const auto baseProfile =
        baseDir.isEmpty() ? nullptr : core::DeviceProfile::load(baseDir, &problem);
    if (!baseProfile) {
        printError(problem);
        return ExitFailure;
    }
    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;
    const auto spec = core::calibrationSpec(&options.specJson, &problem);
    if (!spec) {
        printError(problem);
        return ExitFailure;
    }
    options.spec = *spec;
    options.dbPath = parser.isSet(db) ? parser.value(db) : core::defaultDatasetPath();
    core::CalibrationJob job;
    job.baseDir = baseDir;
    job.outDir = parser.value(out);
    job.profiling = options;
    job.networks = measured;
    QString text;
    bool cancelled = false;
    bool ok = false;
    {
        InterruptGuard interrupts;
        job.profiling.progress = terminalProgress;
        job.networkProgress = terminalStepProgress;
        ok = core::runCalibrationJob(*runtime, job, &text, &cancelled, &problem);
        clearProgressLine();
    }
    if (!ok) {
        printError(problem);
        return ExitFailure;
    }
    printOut(text);
    return cancelled ? 130 : ExitOk;
}

} // namespace layerlens::cli
