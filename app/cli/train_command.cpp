#include "train_command.h"

#include "cli_common.h"

#include "models/device_profile.h"
#include "profiling/dataset_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace layerlens::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("train", text);
}

} // namespace

int runTrainCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Trains regression models per module from a profiling dataset, evaluates every kind "
           "on held-out configurations, selects per module and target the cheapest model within "
           "0.5 MAPE points of the best, and writes a device profile bundle."));
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
    parser.addOptions({db, out, device, modules});
    if (const auto stop = parseCommand(parser, QStringLiteral("train"), args))
        return *stop;
    if (!parser.isSet(out)) {
        printError(tr("train needs --out PROFILE_DIR"));
        return ExitUsage;
    }
    core::DatasetStore store;
    if (!openDataset(parser.value(db), true, &store))
        return ExitFailure;
    const QString path = store.path();
    const QStringList only = parser.value(modules).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool tty = isatty(fileno(stderr));
    QStringList skipped;
    QString problem;
    const auto profile =
        core::trainProfile(store, parser.value(device), only, {}, &skipped, &problem,
                           [tty](const QString &module, int done, int total) {
                               if (tty)
                                   std::fprintf(stderr, "\r\033[Ktraining %s (%d/%d)",
                                                qPrintable(module), done + 1, total);
                           });
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
    QString text = core::profileToTable(*profile);
    for (const QString &s : skipped)
        text += tr("skipped: %1\n").arg(s);
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
    if (const auto stop = parseCommand(parser, QStringLiteral("models"), args))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printError(tr("models needs one profile folder"));
        return ExitUsage;
    }
    QString problem;
    const auto profile = core::DeviceProfile::load(parser.positionalArguments().first(), &problem);
    if (!profile) {
        printError(problem);
        return ExitFailure;
    }
    printOut(core::profileToTable(*profile));
    return ExitOk;
}

} // namespace layerlens::cli
