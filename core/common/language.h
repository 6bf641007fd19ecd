#pragma once

#include <QString>
#include <QStringList>

namespace layerlens::core {

// The languages LayerLens speaks: "en" (the source language), "de", "zh_CN".
QStringList availableLanguages();

// A language's own name: "English", "Deutsch", "中文 (简体)".
QString languageName(const QString &code);

// The language chosen in the settings ("" follows the system), shared by the
// desktop app and the CLI.
QString languageSetting();
void setLanguageSetting(const QString &code);

// The language to use for a setting: the setting itself when it is one of
// availableLanguages(), else the first of the system's UI languages that
// LayerLens speaks, else English.
QString resolveLanguage(const QString &setting);

// The language a program starts in: $LAYERLENS_LANGUAGE when set (en, de,
// zh_CN), else resolveLanguage(languageSetting()).
QString startupLanguage();

// Replaces the installed translators with those of language (LayerLens's
// own, compiled into the core library, and Qt's where Debian has them).
// Returns false when LayerLens has no translation for it (English needs
// none: true).
bool installTranslations(const QString &language);

// The language installed last ("en" before any).
QString currentLanguage();

} // namespace layerlens::core
