// The German and Chinese translations: complete for every string the code
// marks for translation, finished, placeholders intact, and compiled into
// the programs.
#include "common/language.h"
#include "support/test_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace layerlens;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

std::vector<Message> readTs(const QString &path, QString *error)
{
    std::vector<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.translations.isEmpty())
                message.translations.append(text);
            out.push_back(message);
        }
    }
    if (xml.hasError())
        *error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return out;
}

QString tsPath(const QString &language)
{
    return QDir(QStringLiteral(LAYERLENS_SOURCE_DIR))
        .filePath(QStringLiteral("translations/layerlens_%1.ts").arg(language));
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finished_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // Every entry translated, none unfinished or left over, the same
    // placeholders as the source, line ends kept.
    void finished()
    {
        QFETCH(QString, language);
        QString error;
        const auto messages = readTs(tsPath(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 500);
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
            QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" ") + where));
            for (const QString &t : m.translations) {
                QVERIFY2(!t.isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
                QVERIFY2(placeholders(t) == placeholders(m.source),
                         qPrintable(QStringLiteral("placeholders differ: ") + where));
                QVERIFY2(t.endsWith(QLatin1Char('\n')) == m.source.endsWith(QLatin1Char('\n')),
                         qPrintable(QStringLiteral("line end differs: ") + where));
            }
        }
    }

    // What lupdate collects from the sources today is in the files: a new
    // string without a translation fails here (run scripts/update-translations).
    void complete()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(LAYERLENS_SOURCE_DIR));
        lupdate.start(QStringLiteral(LAYERLENS_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-silent"), QStringLiteral("core"), QStringLiteral("ui"),
                       QStringLiteral("app"), QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        QSet<QString> inSources;
        for (const Message &m : readTs(fresh, &error))
            inSources.insert(m.context + QLatin1Char('\x1f') + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(inSources.size() > 500);
        for (const QString language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
            QSet<QString> inFile;
            for (const Message &m : readTs(tsPath(language), &error))
                inFile.insert(m.context + QLatin1Char('\x1f') + m.source);
            for (const QString &key : inSources)
                QVERIFY2(
                    inFile.contains(key),
                    qPrintable(language + QStringLiteral(" lacks: ") +
                               QString(key).replace(QLatin1Char('\x1f'), QStringLiteral(": "))));
        }
    }

    // The compiled translations are in the library and switch at run time.
    void switchesLanguage()
    {
        const char *context = "cli";
        const char *text = "no command given";
        QVERIFY(core::installTranslations(QStringLiteral("de")));
        QCOMPARE(core::currentLanguage(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate(context, text),
                 QStringLiteral("kein Befehl angegeben"));
        QVERIFY(core::installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate(context, text), QStringLiteral("未给出命令"));
        QVERIFY(core::installTranslations(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate(context, text), QString::fromLatin1(text));
        QVERIFY(!core::installTranslations(QStringLiteral("fr")));
        QCOMPARE(core::currentLanguage(), QStringLiteral("en"));
    }

    void resolvesSettingsAndEnvironment()
    {
        QCOMPARE(core::resolveLanguage(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(core::resolveLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        qputenv("LAYERLENS_LANGUAGE", "de");
        QCOMPARE(core::startupLanguage(), QStringLiteral("de"));
        qputenv("LAYERLENS_LANGUAGE", "en");
        QCOMPARE(core::startupLanguage(), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
