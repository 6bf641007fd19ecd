#include "analyze_command.h"

#include "cli_common.h"

#include "graph/analyzed_network.h"
#include "report/analysis_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

} // namespace

int runAnalyze(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Loads an ONNX network, binds its symbolic dimensions, and prints every layer's "
           "shapes and analytic cost (MACs, FLOPs, parameters, bytes, arithmetic intensity) "
           "with the network's totals and peak activation memory."));
    parser.addPositionalArgument(QStringLiteral("model"), tr("The ONNX file to analyse."));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   tr("Batch size: value of the symbolic dimension at axis 0 of "
                                      "the inputs (default 1)."),
                                   QStringLiteral("N"));
    const QCommandLineOption dim(QStringLiteral("dim"),
                                 tr("Value of a named symbolic dimension; repeatable."),
                                 QStringLiteral("NAME=VALUE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output format: table (default), json or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 tr("Table format: also list the shape nodes folded at load "
                                    "time."));
    parser.addOptions({batch, dim, format, all});

    if (const auto stop = parseCommand(parser, QStringLiteral("analyze"), args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(
            positional.isEmpty()
                ? tr("analyze needs the ONNX file to analyse")
                : tr("analyze takes one ONNX file, not %1 arguments").arg(positional.size()));
        return ExitUsage;
    }
    const QString fmt = parser.value(format);
    if (!checkChoice(QStringLiteral("--format"), fmt,
                     {QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv")}))
        return ExitUsage;

    core::LoadOptions options;
    options.keepWeightData = false; // analysis needs sizes, not values
    if (parser.isSet(batch)) {
        const auto n = parsePositive(QStringLiteral("--batch"), parser.value(batch));
        if (!n)
            return ExitUsage;
        options.batch = *n;
    }
    for (const QString &binding : parser.values(dim)) {
        const int eq = binding.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(tr("--dim needs NAME=VALUE, not '%1'").arg(binding));
            return ExitUsage;
        }
        const auto n =
            parsePositive(QStringLiteral("--dim %1").arg(binding.left(eq)), binding.mid(eq + 1));
        if (!n)
            return ExitUsage;
        options.dims[binding.left(eq)] = *n;
    }

    const core::AnalyzedNetwork result = core::loadAndAnalyze(positional.first(), options);
    if (!result.ok()) {
        QString message = result.error;
        if (!result.unboundDims.isEmpty()) {
            QStringList hints;
            for (const QString &name : result.unboundDims)
                hints.append(QStringLiteral("--dim %1=VALUE").arg(name));
            message += tr(" (set with %1)").arg(hints.join(QLatin1Char(' ')));
        }
        printError(message);
        return ExitFailure;
    }
    const core::Graph &graph = *result.graph;
    const core::NetworkAnalysis &analysis = result.analysis;
    if (fmt == QLatin1String("json")) {
        printOut(QString::fromUtf8(
            QJsonDocument(core::analysisToJson(graph, analysis)).toJson(QJsonDocument::Indented)));
    } else if (fmt == QLatin1String("csv")) {
        printOut(core::analysisToCsv(graph, analysis));
        for (const core::Issue &issue : analysis.issues) {
            printError(
                QStringLiteral("%1: %2").arg(core::severityLabel(issue.severity), issue.message));
        }
    } else {
        core::TableOptions table;
        table.showFolded = parser.isSet(all);
        printOut(core::analysisToTable(graph, analysis, table));
    }
    return ExitOk;
}

} // namespace layerlens::cli
