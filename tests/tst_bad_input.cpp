// Files that are not usable ONNX: each is refused with one clear message
// naming the file, never a crash or a hang.
#include "graph/analyzed_network.h"
#include "support/model_builder.h"
#include "support/test_paths.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_sample;

    core::AnalyzedNetwork loadBytes(const QString &file, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(file);
        if (!test::writeFile(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return core::loadAndAnalyze(path, {});
    }

    static void expectRefused(const core::AnalyzedNetwork &net, const QString &file,
                              const QString &fragment)
    {
        QVERIFY2(!net.ok(), qPrintable(QStringLiteral("%1 loaded").arg(file)));
        QVERIFY2(net.error.contains(file), qPrintable(net.error));
        QVERIFY2(net.error.contains(fragment), qPrintable(net.error));
        QVERIFY2(!net.error.contains(QLatin1Char('\n')), "the message must be one line");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile sample(test::sharedModel(QStringLiteral("squeezenet1_1.onnx")));
        QVERIFY2(sample.open(QIODevice::ReadOnly), "the shared squeezenet1_1.onnx is missing");
        m_sample = sample.readAll();
    }

    void missingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("nope.onnx"));
        expectRefused(core::loadAndAnalyze(path, {}), QStringLiteral("nope.onnx"),
                      QStringLiteral("no such file"));
    }

    void folder()
    {
        expectRefused(core::loadAndAnalyze(m_dir.path(), {}), m_dir.path(),
                      QStringLiteral("folder"));
    }

    void emptyFile()
    {
        expectRefused(loadBytes(QStringLiteral("empty.onnx"), QByteArray()),
                      QStringLiteral("empty.onnx"), QStringLiteral("empty"));
    }

    void notOnnx_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("This is a README, not a network.\n");
        QTest::newRow("json") << QByteArray("{\"graph\": {\"node\": []}}");
        QTest::newRow("png header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("zeros") << QByteArray(4096, '\0');
    }

    void notOnnx()
    {
        QFETCH(QByteArray, bytes);
        const auto net = loadBytes(QStringLiteral("not_onnx.onnx"), bytes);
        QVERIFY(!net.ok());
        QVERIFY2(net.error.contains(QStringLiteral("not_onnx.onnx")), qPrintable(net.error));
        QVERIFY2(net.error.contains(QStringLiteral("ONNX")), qPrintable(net.error));
    }

    // Cut anywhere, from the header to the last weight byte.
    void truncated()
    {
        const qsizetype cuts[] = {1,
                                  2,
                                  10,
                                  40,
                                  100,
                                  1000,
                                  100000,
                                  m_sample.size() / 2,
                                  m_sample.size() - 100,
                                  m_sample.size() - 1};
        for (qsizetype cut : cuts) {
            const auto net = loadBytes(QStringLiteral("truncated.onnx"), m_sample.left(cut));
            QVERIFY2(!net.ok(), qPrintable(QStringLiteral("cut at %1 loaded").arg(cut)));
            QVERIFY2(net.error.contains(QStringLiteral("truncated.onnx")), qPrintable(net.error));
        }
    }

    // Random bytes overwritten (fixed seed): refused with a message, or loaded
    // (bytes inside a weight change only values); never a crash.
    void corrupted()
    {
        QRandomGenerator random(20261122);
        int refused = 0;
        const int variants = 60;
        for (int v = 0; v < variants; ++v) {
            QByteArray bytes = m_sample;
            // Most variants hit the graph structure, which sits in the first
            // few kilobytes before the weights, or the tail after them.
            const int hits = 1 + random.bounded(8);
            for (int h = 0; h < hits; ++h) {
                const qsizetype at = v % 3 == 0 ? random.bounded(bytes.size())
                                     : v % 3 == 1
                                         ? random.bounded(qsizetype(20000))
                                         : bytes.size() - 1 - random.bounded(qsizetype(4000));
                bytes[at] = static_cast<char>(random.bounded(256));
            }
            const auto net = loadBytes(QStringLiteral("corrupted.onnx"), bytes);
            if (!net.ok()) {
                ++refused;
                QVERIFY2(net.error.contains(QStringLiteral("corrupted.onnx")),
                         qPrintable(net.error));
                QVERIFY(!net.error.contains(QLatin1Char('\n')));
            }
        }
        qInfo("%d of %d corrupted variants refused, the rest loaded", refused, variants);
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
