#include "report_command.h"

#include "cli_common.h"

#include "predict/profile_registry.h"
#include "report/network_report.h"
#include "report/pdf_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

// One value of a list option, or nullopt (printed) when more were given.
std::optional<int> single(const QString &option, const std::optional<std::vector<int>> &values)
{
    if (!values)
        return std::nullopt;
    if (values->size() != 1) {
        printError(tr("%1 takes one value in a report; 'predict' sweeps several").arg(option));
        return std::nullopt;
    }
    return values->front();
}

} // namespace

int runReportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a report of a network's predicted latency, memory and energy per layer on a "
           "device: HTML (one self-contained file with plots), PDF, CSV (one row per layer), "
           "JSON (the full result) or a Netron attachment (.netron.json, opened next to the "
           "model in Netron). The file's extension picks the format unless --format is given."));
    parser.addPositionalArgument(QStringLiteral("model"), tr("The ONNX file."));
    const QCommandLineOption device = deviceProfileOption();
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Batch size (default 1)."),
                                   QStringLiteral("N"));
    const QCommandLineOption utilization(QStringLiteral("utilization"),
                                         tr("Device utilization by other work in % (default 0)."),
                                         QStringLiteral("PCT"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Thread count (default 1)."),
                                     QStringLiteral("T"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 tr("The report file: .html, .pdf, .csv, .json or .netron.json."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("html, pdf, csv, json or netron, whatever the extension."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption speed = speedRatioCommandOption();
    parser.addOptions({device, batch, utilization, threads, out, format, speed});
    if (const auto stop = parseCommand(parser, QStringLiteral("report"), args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(positional.isEmpty()
                       ? tr("report needs the ONNX file")
                       : tr("report takes one ONNX file, not %1 arguments").arg(positional.size()));
        return ExitUsage;
    }
    const QString path = parser.value(out);
    if (path.isEmpty()) {
        printError(tr("report needs --out FILE (.html, .pdf, .csv, .json or .netron.json)"));
        return ExitUsage;
    }
    core::ReportFormat fmt;
    if (parser.isSet(format) ? !core::reportFormatFromName(parser.value(format), &fmt)
                             : !core::reportFormatForPath(path, &fmt)) {
        printError(parser.isSet(format)
                       ? tr("--format must be html, pdf, csv, json or netron, not '%1'")
                             .arg(parser.value(format))
                       : tr("%1: cannot tell the format from the extension; use .html, .pdf, "
                            ".csv, .json or .netron.json, or give --format")
                             .arg(path));
        return ExitUsage;
    }
    const auto b =
        single(QStringLiteral("--batch"),
               parseIntList(QStringLiteral("--batch"), parser.values(batch), 1, 1 << 16, {1}));
    const auto u = single(
        QStringLiteral("--utilization"),
        parseIntList(QStringLiteral("--utilization"), parser.values(utilization), 0, 100, {0}));
    const auto t =
        single(QStringLiteral("--threads"),
               parseIntList(QStringLiteral("--threads"), parser.values(threads), 1, 1024, {1}));
    if (!b || !u || !t)
        return ExitUsage;
    if (fmt == core::ReportFormat::Pdf && !qobject_cast<QGuiApplication *>(qApp)) {
        printError(tr("PDF reports need the Qt GUI library, which this run did not start"));
        return ExitFailure;
    }

    QString resolved, problem;
    std::shared_ptr<const core::DeviceProfile> profile =
        core::loadProfile(parser.value(device), &resolved, &problem);
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
    load.batch = 1;
    const core::AnalyzedNetwork network = core::loadAndAnalyze(positional.first(), load);
    if (!network.ok()) {
        printError(network.error);
        return ExitFailure;
    }
    core::NetworkReport report;
    if (!core::buildNetworkReport(network, profile, resolved, {*b, *u, *t}, &report, &problem,
                                  speedRatio)) {
        printError(QStringLiteral("%1: %2").arg(positional.first(), problem));
        return ExitFailure;
    }
    if (!ui::writeReport(report, fmt, path, &problem)) {
        printError(problem);
        return ExitFailure;
    }
    printOut(tr("wrote %1 (%2 layers, predicted latency %3 ms)\n")
                 .arg(QFileInfo(path).absoluteFilePath())
                 .arg(network.analysis.totals.layers)
                 .arg(report.current.latencyMs.value, 0, 'f', 3));
    for (const QString &warning : report.warnings)
        printOut(tr("warning: %1\n").arg(warning));
    return ExitOk;
}

} // namespace layerlens::cli
