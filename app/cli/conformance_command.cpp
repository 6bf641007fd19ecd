#include "conformance_command.h"

#include "cli_common.h"

#include "runtime/runtime_api.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <map>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

QString tableReport(const core::ConformanceReport &report)
{
    QString out;
    std::map<QString, std::pair<int, int>> byOp; // op -> (passed, total)
    for (const auto &c : report.cases) {
        auto &entry = byOp[c.op.isEmpty() ? tr("(none)") : c.op];
        entry.second += 1;
        entry.first += c.status == core::ConformanceCase::Status::Passed ? 1 : 0;
    }
    for (const auto &c : report.cases) {
        if (c.status == core::ConformanceCase::Status::Failed)
            out += QStringLiteral("FAILED  %1 (%2): %3\n").arg(c.name, c.op, c.detail);
    }
    out += tr("Operators with at least one passing test:\n");
    QStringList passing;
    for (const auto &[op, counts] : byOp) {
        if (counts.first > 0)
            passing.append(QStringLiteral("%1 %2/%3").arg(op).arg(counts.first).arg(counts.second));
    }
    out += QStringLiteral("  ") + passing.join(QStringLiteral(", ")) + QLatin1Char('\n');
    out += tr("%1 passed, %2 failed, %3 unsupported (of %4 tests)\n")
               .arg(report.passed)
               .arg(report.failed)
               .arg(report.unsupported)
               .arg(report.cases.size());
    return out;
}

QJsonObject jsonReport(const core::ConformanceReport &report)
{
    QJsonArray cases;
    for (const auto &c : report.cases) {
        cases.append(QJsonObject{{QStringLiteral("name"), c.name},
                                 {QStringLiteral("op"), c.op},
                                 {QStringLiteral("status"), core::conformanceStatusKey(c.status)},
                                 {QStringLiteral("detail"), c.detail}});
    }
    return QJsonObject{{QStringLiteral("passed"), report.passed},
                       {QStringLiteral("failed"), report.failed},
                       {QStringLiteral("unsupported"), report.unsupported},
                       {QStringLiteral("cases"), cases}};
}

} // namespace

int runConformanceCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs ONNX backend node tests (folders holding model.onnx and test_data_set_*/) "
           "through the LibTorch executor and compares every output with the expected one."));
    parser.addPositionalArgument(QStringLiteral("dir"),
                                 tr("Folder of test folders, e.g. "
                                    "/usr/share/libonnx-testdata/data/node"));
    const QCommandLineOption format(QStringLiteral("format"), tr("table (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOption(format);
    if (const auto stop = parseCommand(parser, QStringLiteral("conformance"), args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(tr("conformance needs one folder of ONNX node tests"));
        return ExitUsage;
    }
    const QString fmt = parser.value(format);
    if (!checkChoice(QStringLiteral("--format"), fmt,
                     {QStringLiteral("table"), QStringLiteral("json")}))
        return ExitUsage;
    if (!QDir(positional.first()).exists()) {
        printError(tr("%1: no such folder").arg(positional.first()));
        return ExitFailure;
    }
    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return ExitFailure;
    const bool tty = isatty(fileno(stderr));
    const auto report = runtime->runConformance(positional.first(), {}, [tty](int done, int total) {
        if (tty)
            std::fprintf(stderr, "\r%d/%d tests", done, total);
        return true;
    });
    if (tty)
        std::fputs("\r", stderr);
    if (report.cases.empty()) {
        printError(tr("%1: no test folders with a model.onnx").arg(positional.first()));
        return ExitFailure;
    }
    printOut(fmt == QLatin1String("json")
                 ? QString::fromUtf8(QJsonDocument(jsonReport(report)).toJson())
                 : tableReport(report));
    return report.failed == 0 ? ExitOk : ExitFailure;
}

} // namespace layerlens::cli
