#include "profile_command.h"

#include "cli_common.h"
#include "remote_commands.h"

#include "models/refinement.h"
#include "predict/profile_registry.h"

#include "predict/calibration_records.h"
#include "profiling/dataset_store.h"
#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

QString clock(double seconds)
{
    const int s = static_cast<int>(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// .onnx files: the path itself, or those in a folder.
QStringList onnxFilesIn(const QString &path)
{
    if (QFileInfo(path).isDir()) {
        QStringList files;
        for (const QString &f :
             QDir(path).entryList({QStringLiteral("*.onnx")}, QDir::Files, QDir::Name))
            files.append(QDir(path).filePath(f));
        return files;
    }
    return {path};
}

} // namespace

std::optional<double> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s?)?$"));
    const auto match = pattern.match(text.trimmed());
    if (text.trimmed().isEmpty() || !match.hasMatch())
        return std::nullopt;
    const double seconds = match.captured(1).toDouble() * 3600 + match.captured(2).toDouble() * 60 +
                           match.captured(3).toDouble();
    return seconds > 0 ? std::optional<double>(seconds) : std::nullopt;
}

QStringList onnxFiles(const QString &path)
{
    return onnxFilesIn(path);
}

InterruptGuard::InterruptGuard()
{
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool terminalProgress(const core::ProfileProgress &p)
{
    if (isatty(fileno(stderr))) {
        const QString eta = p.etaSeconds >= 0 ? clock(p.etaSeconds) : QStringLiteral("?");
        std::fprintf(stderr, "\r\033[K%lld samples  %s elapsed  ETA %s  last: %s %.3f ms",
                     static_cast<long long>(p.stored), qPrintable(clock(p.elapsedSeconds)),
                     qPrintable(eta), qPrintable(p.lastModule), p.lastLatencyMs);
    }
    return !g_interrupted.load();
}

bool terminalStepProgress(const QString &next, double done)
{
    if (isatty(fileno(stderr))) {
        std::fprintf(stderr, "\r\033[K%s",
                     qPrintable(tr("measuring %1 (%2 %)").arg(next).arg(done * 100, 0, 'f', 0)));
    }
    return !g_interrupted.load();
}

void clearProgressLine()
{
    if (isatty(fileno(stderr)))
        std::fputs("\r\033[K", stderr);
}

bool runProfilingOnTerminal(const core::RuntimeApi *runtime, core::ProfileJobOptions options,
                            core::ProfileJobResult *result, QString *problem)
{
    InterruptGuard interrupts;
    options.progress = terminalProgress;
    const bool ok = runtime->runProfilingJob(options, result, problem);
    clearProgressLine();
    return ok;
}

int runProfileCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Profiles module configurations on a device and stores every measurement in a SQLite "
           "dataset, one sample at a time. Ctrl-C stops after dropping the sample in flight; "
           "--resume continues the same run."));
    const QCommandLineOption spec(QStringLiteral("spec"),
                                  tr("Profiling spec (JSON); default: the built-in spec."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Dataset file; default: %1.").arg(core::defaultDatasetPath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption device(
        QStringLiteral("device"),
        tr("Where to profile: local (default), a registered device name, or HOST:PORT of a "
           "layerlens-agent (with --token-file); remote samples are fetched into --db as they "
           "are taken."),
        QStringLiteral("DEVICE"), QStringLiteral("local"));
    const QCommandLineOption budget(QStringLiteral("budget"), tr("Time budget: 90s, 10m, 1h30m."),
                                    QStringLiteral("DURATION"));
    const QCommandLineOption samples(QStringLiteral("samples"), tr("Samples to take."),
                                     QStringLiteral("N"));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    tr("Continue the latest unfinished run of this spec here."));
    const QCommandLineOption harvest(
        QStringLiteral("harvest"),
        tr("ONNX file or folder whose layers give real configurations; repeatable."),
        QStringLiteral("PATH"));
    const QCommandLineOption refine(
        QStringLiteral("refine"),
        tr("Adaptive refinement: measure where this profile's latency models err most on the "
           "dataset's samples of its device (retrain after with train --base)."),
        QStringLiteral("PROFILE"));
    parser.addOptions({spec, db, device, budget, samples, resume, harvest, refine});
    RemoteOptions remote;
    remote.addTo(parser);
    if (const auto stop = parseCommand(parser, QStringLiteral("profile"), args, 0))
        return *stop;
    bool local = true;
    std::vector<RemoteTarget> shards;
    if (parser.values(device).size() > 1) {
        // One spec split across several agents of one kind.
        for (const QString &d : parser.values(device)) {
            const auto t = resolveRemote(d, parser, remote, &local);
            if (local) {
                printError(tr("--device local cannot share a job with remote devices"));
                return ExitUsage;
            }
            if (!t)
                return ExitUsage;
            shards.push_back(*t);
        }
    }
    const auto target = shards.empty() ? resolveRemote(parser.value(device), parser, remote, &local)
                                       : std::optional<RemoteTarget>(shards.front());
    if (!local && !target)
        return ExitUsage;
    if (!local && (parser.isSet(resume) || parser.isSet(refine))) {
        printError(tr("--resume and --refine work on the local device; a remote job resumes by "
                      "itself on its agent"));
        return ExitUsage;
    }
    core::ProfileJobOptions options;
    if (parser.isSet(budget)) {
        const auto seconds = parseDuration(parser.value(budget));
        if (!seconds) {
            printError(tr("--budget needs a duration such as 90s, 10m or 1h30m, not '%1'")
                           .arg(parser.value(budget)));
            return ExitUsage;
        }
        options.budgetSeconds = *seconds;
    }
    if (parser.isSet(samples)) {
        const auto n = parsePositive(QStringLiteral("--samples"), parser.value(samples));
        if (!n)
            return ExitUsage;
        options.maxSamples = *n;
    }
    if (options.budgetSeconds <= 0 && options.maxSamples <= 0) {
        printError(tr("profile needs --budget DURATION or --samples N"));
        return ExitUsage;
    }
    QString problem;
    if (parser.isSet(spec)) {
        const auto parsed = core::loadProfilingSpec(parser.value(spec), &problem);
        if (!parsed) {
            printError(problem);
            return ExitFailure;
        }
        options.spec = *parsed;
        QFile file(parser.value(spec));
        file.open(QIODevice::ReadOnly);
        options.specJson = file.readAll();
    } else {
        options.spec = core::defaultProfilingSpec();
        options.specJson = core::defaultProfilingSpecJson();
    }
    for (const QString &path : parser.values(harvest)) {
        if (!QFileInfo::exists(path)) {
            printError(tr("--harvest %1: no such file or folder").arg(path));
            return ExitUsage;
        }
        options.harvest += onnxFilesIn(path);
    }
    options.dbPath = parser.isSet(db) ? parser.value(db) : core::defaultDatasetPath();
    options.resume = parser.isSet(resume);

    if (shards.size() > 1)
        return runShardedRemoteProfile(shards, options);
    if (target)
        return runRemoteProfile(*target, options);

    QString notes;
    if (parser.isSet(refine)) {
        if (options.resume) {
            printError(tr("--refine starts a new run; it cannot be combined with --resume"));
            return ExitUsage;
        }
        const QString dir = core::resolveProfileDir(parser.value(refine), &problem);
        const auto profile = dir.isEmpty() ? nullptr : core::DeviceProfile::load(dir, &problem);
        if (!profile) {
            printError(problem);
            return ExitFailure;
        }
        core::DatasetStore store;
        if (!openDataset(options.dbPath, true, &store))
            return ExitFailure;
        std::vector<core::Sample> own;
        for (core::Sample &s : store.samples()) {
            if (s.deviceFingerprint == profile->device)
                own.push_back(std::move(s));
        }
        if (own.empty()) {
            printError(tr("%1 holds no samples of the device profile %2 was trained on (%3)")
                           .arg(options.dbPath, dir, profile->device));
            return ExitFailure;
        }
        const int count = options.maxSamples > 0
                              ? static_cast<int>(options.maxSamples)
                              : std::max(50, static_cast<int>(options.budgetSeconds * 3));
        QStringList lines;
        options.configs =
            core::refinementConfigs(options.spec, *profile, own, count, options.spec.seed, &lines);
        if (options.configs.empty()) {
            printError(
                tr("%1: none of its modules has samples to refine in %2").arg(dir, options.dbPath));
            return ExitFailure;
        }
        notes =
            tr("refining where %1 errs most:\n  %2\n").arg(dir, lines.join(QStringLiteral("\n  ")));
        std::fputs(qPrintable(notes), stderr);
    }

    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;
    core::ProfileJobResult result;
    const bool ok = runProfilingOnTerminal(runtime, options, &result, &problem);
    if (!ok) {
        printError(problem);
        return ExitFailure;
    }
    QString out =
        tr("run %1: %2 samples stored in %3 (%4 per minute), %5 skipped; %6 real "
           "configurations harvested; dataset %7\n")
            .arg(result.runId)
            .arg(result.stored)
            .arg(clock(result.seconds))
            .arg(result.seconds > 0 ? result.stored * 60.0 / result.seconds : 0, 0, 'f', 1)
            .arg(result.skipped)
            .arg(result.harvested)
            .arg(options.dbPath);
    for (const auto &[module, count] : result.perModule) {
        out += QStringLiteral("  %1  %2 samples, %3 per minute\n")
                   .arg(module.leftJustified(20))
                   .arg(count, 5)
                   .arg(result.seconds > 0 ? count * 60.0 / result.seconds : 0, 6, 'f', 1);
    }
    for (const QString &p : result.problems)
        out += tr("  skipped: %1\n").arg(p);
    if (result.cancelled)
        out += tr("Interrupted: the sample in flight was dropped; continue with --resume.\n");
    printOut(out);
    return result.cancelled ? 130 : ExitOk;
}

int runDatasetsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Summarizes a profiling dataset per device and module; exports it as CSV or JSON "
           "lines, or imports either (samples already stored are skipped)."));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Dataset file; default: %1.").arg(core::defaultDatasetPath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption exportTo(QStringLiteral("export"),
                                      tr("Write every sample to FILE.csv or FILE.jsonl."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption importFrom(
        QStringLiteral("import"),
        tr("Add the samples of a FILE.jsonl or FILE.csv that datasets --export wrote; samples "
           "already stored are skipped."),
        QStringLiteral("FILE"));
    parser.addOptions({db, exportTo, importFrom});
    if (const auto stop = parseCommand(parser, QStringLiteral("datasets"), args, 0))
        return *stop;
    core::DatasetStore store;
    if (!openDataset(parser.value(db), !parser.isSet(importFrom), &store))
        return ExitFailure;
    const QString path = store.path();
    if (parser.isSet(importFrom)) {
        QFile file(parser.value(importFrom));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(tr("%1: %2").arg(file.fileName(), file.errorString()));
            return ExitFailure;
        }
        const QString text = QString::fromUtf8(file.readAll());
        std::vector<core::Sample> samples;
        QString problem;
        if (file.fileName().endsWith(QLatin1String(".csv"))) {
            const auto parsed = core::samplesFromCsv(text, &problem);
            if (!parsed) {
                printError(tr("%1: %2").arg(file.fileName(), problem));
                return ExitFailure;
            }
            samples = *parsed;
        } else {
            const QStringList lines = text.split(QLatin1Char('\n'));
            for (int line = 0; line < lines.size(); ++line) {
                if (lines[line].trimmed().isEmpty())
                    continue;
                QJsonParseError parseError;
                const QJsonDocument doc =
                    QJsonDocument::fromJson(lines[line].toUtf8(), &parseError);
                const auto sample = parseError.error == QJsonParseError::NoError
                                        ? core::sampleFromJson(doc.object(), &problem)
                                        : std::nullopt;
                if (!sample) {
                    printError(tr("%1:%2: %3")
                                   .arg(file.fileName())
                                   .arg(line + 1)
                                   .arg(parseError.error != QJsonParseError::NoError
                                            ? parseError.errorString()
                                            : problem));
                    return ExitFailure;
                }
                samples.push_back(*sample);
            }
        }
        const int added = store.importSamples(samples);
        if (added < 0) {
            printError(store.errorString());
            return ExitFailure;
        }
        printOut(tr("imported %1 new samples of %2\n").arg(added).arg(samples.size()));
    }
    if (parser.isSet(exportTo)) {
        const QString target = parser.value(exportTo);
        QFile file(target);
        const bool csv = target.endsWith(QLatin1String(".csv"));
        if (!csv && !target.endsWith(QLatin1String(".jsonl"))) {
            printError(tr("--export: the file must end in .csv or .jsonl"));
            return ExitUsage;
        }
        if (!file.open(QIODevice::WriteOnly)) {
            printError(tr("%1: %2").arg(target, file.errorString()));
            return ExitFailure;
        }
        const auto samples = store.samples();
        if (csv) {
            file.write(core::samplesToCsv(samples).toUtf8());
        } else {
            for (const auto &s : samples)
                file.write(QJsonDocument(core::sampleToJson(s)).toJson(QJsonDocument::Compact) +
                           '\n');
        }
        printOut(tr("exported %1 samples to %2\n").arg(samples.size()).arg(target));
    }
    QString out = tr("%1: %2 samples\n").arg(path).arg(store.sampleCount());
    QString device;
    for (const auto &s : store.summary()) {
        if (s.device != device) {
            out += QStringLiteral("%1\n").arg(s.device);
            device = s.device;
        }
        out += tr("  %1 %2 samples, median latency %3 to %4 ms, last %5\n")
                   .arg(s.module.leftJustified(20))
                   .arg(s.samples, 6)
                   .arg(s.minLatencyMs, 0, 'f', 3)
                   .arg(s.maxLatencyMs, 0, 'f', 3)
                   .arg(s.lastSample);
    }
    QStringList calibrations;
    for (const auto &[run, records] :
         store.runsWithRecords(QLatin1String(core::kCalibrationRecordKind)))
        calibrations << QString::number(run);
    if (!calibrations.isEmpty())
        out += tr("calibrations kept with their network measurements, runs %1 (fit again with "
                  "'calibrate --refit RUN --db %2 --out DIR')\n")
                   .arg(calibrations.join(QStringLiteral(", ")), path);
    printOut(out);
    return ExitOk;
}

} // namespace layerlens::cli
