#include "cli_common.h"

#include "devices/blas_kernels.h"
#include "predict/profile_registry.h"
#include "predict/speed_reference.h"
#include "profiling/dataset_store.h"
#include "runtime/runtime_api.h"

#include <QFileInfo>

#include <QCoreApplication>

#include <cmath>
#include <cstdio>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::cli", text);
}

} // namespace

void printError(const QString &message)
{
    const QByteArray text = QStringLiteral("layerlens-cli: %1\n").arg(message).toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

std::optional<int> parseCommand(QCommandLineParser &parser, const QString &command,
                                const QStringList &args, int maxArguments)
{
    parser.addHelpOption();
    QStringList argv = args;
    argv.prepend(QStringLiteral("layerlens-cli ") + command);
    if (!parser.parse(argv)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (maxArguments >= 0 && positional.size() > maxArguments) {
        const QString extra = positional.mid(maxArguments).join(QStringLiteral("', '"));
        printError(maxArguments == 0
                       ? QCoreApplication::translate(
                             "cli", "%1 takes no arguments besides its options: '%2' (an option "
                                    "that takes several values is repeated before each)")
                             .arg(command, extra)
                       : QCoreApplication::translate(
                             "cli", "%1 takes at most %2 arguments; '%3' is one too many")
                             .arg(command)
                             .arg(maxArguments)
                             .arg(extra));
        return ExitUsage;
    }
    return std::nullopt;
}

bool checkChoice(const QString &option, const QString &value, const QStringList &allowed)
{
    if (allowed.contains(value))
        return true;
    QString choices = allowed.join(QStringLiteral(", "));
    const int last = choices.lastIndexOf(QStringLiteral(", "));
    if (last >= 0)
        choices.replace(last, 2, QStringLiteral(" or "));
    printError(
        QCoreApplication::translate("cli", "%1 must be %2, not '%3'").arg(option, choices, value));
    return false;
}

bool openDataset(const QString &dbOption, bool mustExist, core::DatasetStore *store)
{
    const QString path = dbOption.isEmpty() ? core::defaultDatasetPath() : dbOption;
    if (mustExist && !QFileInfo::exists(path)) {
        printError(QCoreApplication::translate("cli", "%1: no such dataset (profile creates it)")
                       .arg(path));
        return false;
    }
    if (!store->open(path)) {
        printError(store->errorString());
        return false;
    }
    return true;
}

const core::RuntimeApi *loadRuntime()
{
    QString problem;
    const core::RuntimeApi *runtime = core::runtimeApi(&problem);
    if (!runtime) {
        printError(problem);
        return nullptr;
    }
    // Whatever runs here next runs on this machine's BLAS kernels.
    static bool warned = false;
    if (const QString advice = core::localBlasAdvice(); !advice.isEmpty() && !warned) {
        printError(tr("warning: %1").arg(advice));
        warned = true;
    }
    return runtime;
}

std::optional<int64_t> parsePositive(const QString &option, const QString &value)
{
    bool ok = false;
    const qlonglong n = value.toLongLong(&ok);
    if (!ok || n <= 0) {
        printError(QCoreApplication::translate("cli", "%1 needs a positive whole number, not '%2'")
                       .arg(option, value));
        return std::nullopt;
    }
    return n;
}

// "1,8,32" (repeatable, commas allowed) within [low, high]; prints why on failure.
std::optional<std::vector<int>> parseIntList(const QString &option, const QStringList &values,
                                             int low, int high, std::vector<int> fallback)
{
    std::vector<int> out;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int n = part.trimmed().toInt(&ok);
            if (!ok || n < low || n > high) {
                printError(QCoreApplication::translate(
                               "cli", "%1 takes whole numbers from %2 to %3, not '%4'")
                               .arg(option)
                               .arg(low)
                               .arg(high)
                               .arg(part));
                return std::nullopt;
            }
            if (std::find(out.begin(), out.end(), n) == out.end())
                out.push_back(n);
        }
    }
    return out.empty() ? fallback : out;
}

QCommandLineOption deviceProfileOption()
{
    return QCommandLineOption(
        QStringLiteral("device"),
        QCoreApplication::translate("cli", "Device profile: a profile folder, a saved profile "
                                           "name, or a built-in one (%1; default %2).")
            .arg(core::builtinProfiles().join(QStringLiteral(", ")),
                 QLatin1String(core::kDefaultProfileName)),
        QStringLiteral("NAME|DIR"));
}

std::optional<double> speedRatioOption(const QCommandLineParser &parser,
                                       const QCommandLineOption &option,
                                       const core::DeviceProfile &profile,
                                       const QString &profileName, int *exitCode)
{
    if (!parser.isSet(option))
        return 1.0;
    const QString value = parser.value(option);
    if (value != QLatin1String("now")) {
        bool ok = false;
        const double ratio = value.toDouble(&ok);
        if (!ok || !(ratio > 0) || !std::isfinite(ratio)) {
            printError(tr("--speed-ratio needs a positive number or 'now', not '%1'").arg(value));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        return ratio;
    }
    *exitCode = ExitFailure;
    if (profile.speedReference.version != core::kSpeedReferenceVersion) {
        printError(tr("%1 recorded no speed reference to compare with; calibrate it, or give "
                      "--speed-ratio a number")
                       .arg(profileName));
        return std::nullopt;
    }
    const core::RuntimeApi *runtime = loadRuntime();
    if (!runtime)
        return std::nullopt;
    QString problem;
    const auto now = core::timeSpeedReference(*runtime, 3, &problem);
    if (!now) {
        printError(problem);
        return std::nullopt;
    }
    return core::speedRatio(profile, *now);
}

QCommandLineOption speedRatioCommandOption()
{
    return QCommandLineOption(
        QStringLiteral("speed-ratio"),
        tr("Scale every latency to a machine that takes R times what the profile's machine "
           "took at calibration: a number (from 'calibrate --check'), or 'now' to time the "
           "speed reference here first (3 s; the profile must have recorded one)."),
        QStringLiteral("R|now"));
}

} // namespace layerlens::cli
