#include "common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace layerlens::core {

namespace {

// The app's translators, removed before others are installed.
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString &current()
{
    static QString language = QStringLiteral("en");
    return language;
}

QSettings sharedSettings()
{
    // One settings file for the GUI and the CLI, whatever their app names
    // (tests set an organization of their own).
    const QString organization = QCoreApplication::organizationName();
    return QSettings(organization.isEmpty() ? QStringLiteral("LayerLens") : organization,
                     QStringLiteral("layerlens"));
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString languageName(const QString &code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("中文 (简体)");
    return QStringLiteral("English");
}

QString languageSetting()
{
    return sharedSettings().value(QStringLiteral("language")).toString();
}

void setLanguageSetting(const QString &code)
{
    QSettings settings = sharedSettings();
    if (code.isEmpty())
        settings.remove(QStringLiteral("language"));
    else
        settings.setValue(QStringLiteral("language"), code);
}

QString resolveLanguage(const QString &setting)
{
    if (availableLanguages().contains(setting))
        return setting;
    for (QString ui : QLocale::system().uiLanguages()) {
        ui.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (ui.startsWith(QLatin1String("de")))
            return QStringLiteral("de");
        if (ui.startsWith(QLatin1String("zh")) && !ui.contains(QLatin1String("Hant")) &&
            !ui.contains(QLatin1String("TW")) && !ui.contains(QLatin1String("HK")))
            return QStringLiteral("zh_CN");
        if (ui.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString startupLanguage()
{
    const QString forced = qEnvironmentVariable("LAYERLENS_LANGUAGE");
    return resolveLanguage(forced.isEmpty() ? languageSetting() : forced);
}

bool installTranslations(const QString &language)
{
    for (auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    current() = QStringLiteral("en");
    if (language == QLatin1String("en"))
        return true;
    auto own = std::make_unique<QTranslator>();
    if (!availableLanguages().contains(language) ||
        !own->load(QStringLiteral(":/i18n/layerlens_%1.qm").arg(language)))
        return false;
    QCoreApplication::installTranslator(own.get());
    installed().push_back(std::move(own));
    // Qt's own strings (standard dialogs' buttons), where installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    current() = language;
    return true;
}

QString currentLanguage()
{
    return current();
}

} // namespace layerlens::core
