#include "predict_command.h"

#include "cli_common.h"

#include "graph/analyzed_network.h"
#include "predict/network_predictor.h"
#include "predict/prediction_report.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <chrono>
#include <cmath>
#include <optional>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

} // namespace

int runPredictCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Predicts a network's latency, memory and energy per layer on a device from its "
           "profile's regression models, for every combination of the given batch sizes, "
           "utilizations and thread counts, and marks the Pareto-optimal ones."));
    parser.addPositionalArgument(QStringLiteral("model"), tr("The ONNX file."));
    const QCommandLineOption device = deviceProfileOption();
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   tr("Batch sizes, comma-separated (default 1)."),
                                   QStringLiteral("LIST"));
    const QCommandLineOption utilization(
        QStringLiteral("utilization"),
        tr("Device utilization by other work in %, comma-separated (default 0)."),
        QStringLiteral("LIST"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("Thread counts, comma-separated (default 1)."),
                                     QStringLiteral("LIST"));
    const QCommandLineOption perLayer(QStringLiteral("per-layer"),
                                      tr("Also list every layer (JSON: for every configuration)."));
    const QCommandLineOption format(QStringLiteral("format"), tr("table (default), json or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption speed = speedRatioCommandOption();
    parser.addOptions({device, batch, utilization, threads, perLayer, format, speed});
    if (const auto stop = parseCommand(parser, QStringLiteral("predict"), args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(
            positional.isEmpty()
                ? tr("predict needs the ONNX file")
                : tr("predict takes one ONNX file, not %1 arguments").arg(positional.size()));
        return ExitUsage;
    }
    const QString fmt = parser.value(format);
    if (!checkChoice(QStringLiteral("--format"), fmt,
                     {QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv")}))
        return ExitUsage;
    const auto batches =
        parseIntList(QStringLiteral("--batch"), parser.values(batch), 1, 1 << 16, {1});
    const auto utilizations =
        parseIntList(QStringLiteral("--utilization"), parser.values(utilization), 0, 100, {0});
    const auto threadCounts =
        parseIntList(QStringLiteral("--threads"), parser.values(threads), 1, 1024, {1});
    if (!batches || !utilizations || !threadCounts)
        return ExitUsage;

    QString resolved, problem;
    const auto profile = core::loadProfile(parser.value(device), &resolved, &problem);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    int exitCode = ExitOk;
    const auto ratio = speedRatioOption(parser, speed, *profile, resolved, &exitCode);
    if (!ratio)
        return exitCode;
    const double speedRatio = *ratio;
    core::LoadOptions load;
    load.keepWeightData = false;
    load.batch = 1; // predictions scale each block's features to the batch asked for
    const core::AnalyzedNetwork network = core::loadAndAnalyze(positional.first(), load);
    if (!network.ok()) {
        printError(network.error);
        return ExitFailure;
    }

    const core::ProfilingSpec spec = core::defaultProfilingSpec(); // read before timing
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    core::NetworkPredictor predictor;
    if (!predictor.prepare(*network.graph, network.analysis, *profile, spec, &problem)) {
        printError(problem);
        return ExitFailure;
    }
    core::PredictionRun run;
    for (int b : *batches) {
        for (int u : *utilizations) {
            for (int t : *threadCounts) {
                run.configs.push_back(predictor.predict({b, u, t}));
                if (speedRatio != 1)
                    core::scaleLatency(&run.configs.back(), speedRatio);
            }
        }
    }
    run.pareto = core::paretoFront(run.configs);
    run.predictMicros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    run.graph = network.graph.get();
    run.profile = profile.get();
    run.profileName = resolved;
    run.predictor = &predictor;
    run.speedRatio = speedRatio;

    if (fmt == QLatin1String("json"))
        printOut(QString::fromUtf8(
            QJsonDocument(core::predictionToJson(run, parser.isSet(perLayer))).toJson()));
    else if (fmt == QLatin1String("csv"))
        printOut(core::predictionToCsv(run));
    else
        printOut(core::predictionToTable(run, parser.isSet(perLayer)));
    return ExitOk;
}

} // namespace layerlens::cli
