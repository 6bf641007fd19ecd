#include "measure_command.h"

#include "cli_common.h"
#include "remote_commands.h"

#include "devices/remote_profiling.h"

#include "report/trace_export.h"
#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

} // namespace

int runMeasureCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs an ONNX network on this device with LibTorch (CPU) and reports its latency "
           "(median, p10, min, coefficient of variation, run count, and whether two interleaved "
           "halves of the runs agree), the peak memory a run allocates, and energy per inference "
           "where the device has an energy sensor."));
    parser.addPositionalArgument(QStringLiteral("model"), tr("The ONNX file to run."));
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Batch size (default 1)."),
                                   QStringLiteral("N"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Intra-op threads (default 1)."),
                                     QStringLiteral("T"), QStringLiteral("1"));
    const QCommandLineOption utilization(
        QStringLiteral("utilization"),
        tr("Background load to keep on every core while measuring, in percent (default 0)."),
        QStringLiteral("PCT"), QStringLiteral("0"));
    const QCommandLineOption maxTime(QStringLiteral("max-time"),
                                     tr("Time budget in seconds (default 10)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption perLayer(QStringLiteral("per-layer"), tr("Time every layer too."));
    const QCommandLineOption format(QStringLiteral("format"), tr("table (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption device(
        QStringLiteral("device"),
        tr("Where to measure: local (default), a registered device name, or HOST:PORT of a "
           "layerlens-agent (with --token-file)."),
        QStringLiteral("DEVICE"), QStringLiteral("local"));
    const QCommandLineOption trace(
        QStringLiteral("trace"),
        tr("Also write the per-layer timing as a Chrome/Perfetto trace (JSON) to FILE; implies "
           "--per-layer."),
        QStringLiteral("FILE"));
    parser.addOptions({batch, threads, utilization, maxTime, perLayer, format, device, trace});
    RemoteOptions remote;
    remote.addTo(parser);
    if (const auto stop = parseCommand(parser, QStringLiteral("measure"), args))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printError(tr("measure needs one ONNX file"));
        return ExitUsage;
    }
    const QString fmt = parser.value(format);
    if (!checkChoice(QStringLiteral("--format"), fmt,
                     {QStringLiteral("table"), QStringLiteral("json")}))
        return ExitUsage;
    core::LoadOptions load;
    if (parser.isSet(batch)) {
        const auto n = parsePositive(QStringLiteral("--batch"), parser.value(batch));
        if (!n)
            return ExitUsage;
        load.batch = *n;
    }
    core::MeasureOptions options;
    const auto t = parsePositive(QStringLiteral("--threads"), parser.value(threads));
    if (!t)
        return ExitUsage;
    options.threads = static_cast<int>(*t);
    bool ok = false;
    options.utilizationPercent = parser.value(utilization).toInt(&ok);
    if (!ok || options.utilizationPercent < 0 || options.utilizationPercent > 100) {
        printError(tr("--utilization needs a percentage from 0 to 100, not '%1'")
                       .arg(parser.value(utilization)));
        return ExitUsage;
    }
    options.maxTimeSeconds = parser.value(maxTime).toDouble(&ok);
    if (!ok || options.maxTimeSeconds <= 0) {
        printError(tr("--max-time needs a positive number of seconds, not '%1'")
                       .arg(parser.value(maxTime)));
        return ExitUsage;
    }
    options.perLayer = parser.isSet(perLayer) || parser.isSet(trace);

    bool local = true;
    const auto target = resolveRemote(parser.value(device), parser, remote, &local);
    if (!local && !target)
        return ExitUsage;
    if (target) {
        if (options.perLayer) {
            printError(tr("--per-layer is measured on the local device only in this version"));
            return ExitUsage;
        }
        core::AgentClient client;
        if (!connectRemote(*target, &client))
            return ExitFailure;
        QString problem;
        const auto sha = client.uploadNetwork(parser.positionalArguments().first(), &problem);
        const auto job =
            sha ? core::runRemoteJob(
                      client,
                      QJsonObject{
                          {QStringLiteral("kind"), QStringLiteral("measure")},
                          {QStringLiteral("network"), *sha},
                          {QStringLiteral("batch"), static_cast<qint64>(load.batch.value_or(1))},
                          {QStringLiteral("threads"), options.threads},
                          {QStringLiteral("utilization"), options.utilizationPercent},
                          {QStringLiteral("max_time_s"), options.maxTimeSeconds}},
                      {}, &problem)
                : std::nullopt;
        if (!job || job->value(QStringLiteral("status")).toString() != QLatin1String("done")) {
            printError(tr("%1: %2").arg(target->label, problem));
            return ExitFailure;
        }
        const QJsonObject r = job->value(QStringLiteral("result")).toObject();
        if (fmt == QLatin1String("json")) {
            printOut(QString::fromUtf8(QJsonDocument(r).toJson()));
            return ExitOk;
        }
        const QJsonObject lat = r.value(QStringLiteral("latency_ms")).toObject();
        printOut(
            tr("%1 on %2: median %3 ms (p10 %4, p90 %5, CV %6 %, %7 runs), peak memory %8 "
               "MiB, energy %9\n")
                .arg(QFileInfo(parser.positionalArguments().first()).fileName(), target->label)
                .arg(lat.value(QStringLiteral("median")).toDouble(), 0, 'f', 3)
                .arg(lat.value(QStringLiteral("p10")).toDouble(), 0, 'f', 3)
                .arg(lat.value(QStringLiteral("p90")).toDouble(), 0, 'f', 3)
                .arg(100 * lat.value(QStringLiteral("cv")).toDouble(), 0, 'f', 1)
                // Under load a sample is the mean of several runs: count the runs.
                .arg(r.value(QStringLiteral("timed_runs"))
                         .toInt(lat.value(QStringLiteral("runs")).toInt()))
                .arg(r.value(QStringLiteral("peak_memory_bytes")).toDouble() / (1 << 20), 0, 'f', 1)
                .arg(r.value(QStringLiteral("energy_j")).isDouble()
                         ? tr("%1 J").arg(r.value(QStringLiteral("energy_j")).toDouble())
                         : tr("unavailable")));
        return ExitOk;
    }

    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;
    QString problem;
    const bool tty = isatty(fileno(stderr));
    core::NetworkMeasurement result;
    const bool measured = runtime->measureModel(
        parser.positionalArguments().first(), load, options, &result, &problem,
        [tty](double fraction) {
            if (tty)
                std::fprintf(stderr, "\rmeasuring... %3.0f%% of the time budget", fraction * 100);
            return true;
        });
    if (tty)
        std::fputs("\r\033[K", stderr);
    if (!measured) {
        printError(problem);
        return ExitFailure;
    }
    if (parser.isSet(trace)) {
        QSaveFile file(parser.value(trace));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(core::measurementToTrace(result)).toJson()) < 0 ||
            !file.commit()) {
            printError(tr("%1: %2").arg(parser.value(trace), file.errorString()));
            return ExitFailure;
        }
    }
    printOut(fmt == QLatin1String("json")
                 ? QString::fromUtf8(QJsonDocument(core::measurementToJson(result)).toJson())
                 : core::measurementToTable(result));
    return ExitOk;
}

} // namespace layerlens::cli
