// layerlens-cli and layerlens-agent as a user runs them: output formats,
// exit codes and messages.
#include "devices/blas_kernels.h"
#include "profiling/dataset_store.h"
#include "support/model_builder.h"
#include "support/prediction_support.h"
#include "support/test_paths.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;

namespace {

using Run = test::ProgramRun;

Run run(const QString &program, const QStringList &args)
{
    return test::runProgram(program, args);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QString m_squeezenet = test::sharedModel(QStringLiteral("squeezenet1_1.onnx"));

private Q_SLOTS:
    // The CLI speaks the language of $LAYERLENS_LANGUAGE (else the settings,
    // else the system's): help, results and errors.
    void speaksGermanAndChinese()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LAYERLENS_LANGUAGE"), QStringLiteral("de"));
        process.setProcessEnvironment(env);
        process.start(test::program(QStringLiteral("layerlens-cli")), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput())
                    .contains(QStringLiteral("Befehle:")));
        env.insert(QStringLiteral("LAYERLENS_LANGUAGE"), QStringLiteral("zh_CN"));
        process.setProcessEnvironment(env);
        process.start(test::program(QStringLiteral("layerlens-cli")),
                      {QStringLiteral("predict"), QStringLiteral("/nonexistent.onnx")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("/nonexistent.onnx：没有此文件")) ||
                     err.contains(QStringLiteral("没有此文件")),
                 qPrintable(err));
    }

    // report in every format, chosen by the extension; bad options and
    // files get a message and a non-zero exit.
    void reportFormats()
    {
        QTemporaryDir dir;
        for (const QString &ext :
             {QStringLiteral("html"), QStringLiteral("pdf"), QStringLiteral("csv"),
              QStringLiteral("json"), QStringLiteral("netron.json")}) {
            const QString out = dir.filePath(QStringLiteral("squeezenet.") + ext);
            const Run r = run(QStringLiteral("layerlens-cli"),
                              {QStringLiteral("report"), m_squeezenet, QStringLiteral("--batch"),
                               QStringLiteral("2"), QStringLiteral("--out"), out});
            QVERIFY2(r.code == 0, qPrintable(ext + QStringLiteral(": ") + r.err));
            QVERIFY2(r.out.contains(QStringLiteral("wrote ")), qPrintable(r.out));
            QVERIFY2(!r.err.contains(QStringLiteral("XDG_RUNTIME_DIR")), qPrintable(r.err));
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray data = file.readAll();
            if (ext == QLatin1String("pdf"))
                QVERIFY(data.startsWith("%PDF-"));
            else if (ext == QLatin1String("html"))
                QVERIFY(data.contains("<svg "));
            else if (ext == QLatin1String("csv"))
                QVERIFY(data.startsWith("index,name,op,"));
            else if (ext == QLatin1String("netron.json"))
                QVERIFY(data.contains("\"netron:attachment\""));
            else
                QVERIFY(
                    QJsonDocument::fromJson(data).object().contains(QStringLiteral("batch_sweep")));
        }
        const QString docx = dir.filePath(QStringLiteral("r.docx"));
        Run r = run(QStringLiteral("layerlens-cli"),
                    {QStringLiteral("report"), m_squeezenet, QStringLiteral("--out"), docx});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(docx), qPrintable(r.err));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("report"), m_squeezenet, QStringLiteral("--batch"),
                 QStringLiteral("1,8"), QStringLiteral("--out"),
                 dir.filePath(QStringLiteral("a.csv"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--batch")), qPrintable(r.err));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("report"), dir.filePath(QStringLiteral("missing.onnx")),
                 QStringLiteral("--out"), dir.filePath(QStringLiteral("a.csv"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("missing.onnx")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.csv"))));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("report"), m_squeezenet, QStringLiteral("--out"),
                 QStringLiteral("/nonexistent-dir/r.pdf")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent-dir/r.pdf")), qPrintable(r.err));
    }

    void jsonOutput()
    {
        const Run r =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("analyze"), m_squeezenet, QStringLiteral("--batch"),
                 QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json[QStringLiteral("model")].toString(), QStringLiteral("squeezenet1_1.onnx"));
        const QJsonObject totals = json[QStringLiteral("totals")].toObject();
        for (const char *key : {"macs", "flops", "params", "weight_bytes", "peak_activation_bytes"})
            QVERIFY2(totals.contains(QLatin1String(key)), key);
        QCOMPARE(totals[QStringLiteral("params")].toInteger(), 1233288);
        const QJsonArray layers = json[QStringLiteral("layers")].toArray();
        QCOMPARE(layers.size(), 83);
        qint64 convMacs = 0;
        for (const QJsonValue &v : layers) {
            const QJsonObject layer = v.toObject();
            for (const char *key :
                 {"name", "op", "inputs", "outputs", "output_dtypes", "macs", "flops", "params"})
                QVERIFY2(layer.contains(QLatin1String(key)), key);
            if (layer[QStringLiteral("op")].toString() == QLatin1String("Conv"))
                convMacs += layer[QStringLiteral("macs")].toInteger();
        }
        QCOMPARE(convMacs, 2 * 349151936LL);
        const QJsonArray input = json[QStringLiteral("inputs")]
                                     .toArray()[0]
                                     .toObject()[QStringLiteral("shape")]
                                     .toArray();
        QCOMPARE(input[0].toInt(), 2);
        QVERIFY(json[QStringLiteral("unsupported")].toArray().isEmpty());
    }

    void csvOutput()
    {
        const Run r = run(QStringLiteral("layerlens-cli"),
                          {QStringLiteral("analyze"), m_squeezenet, QStringLiteral("--format"),
                           QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 83);
        QVERIFY(lines[0].startsWith(QStringLiteral("index,name,op")));
        const int columns = static_cast<int>(lines[0].count(QLatin1Char(',')));
        // Shapes contain commas, so they are quoted; count fields outside quotes.
        for (const QString &line : lines) {
            int fields = 0;
            bool quoted = false;
            for (QChar c : line) {
                if (c == QLatin1Char('"'))
                    quoted = !quoted;
                else if (c == QLatin1Char(',') && !quoted)
                    ++fields;
            }
            QCOMPARE(fields, columns);
        }
    }

    void tableFitsTerminal()
    {
        const Run r =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("analyze"), test::sharedModel(QStringLiteral("mobilenet_v2.onnx")),
                 QStringLiteral("--all")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("3,475,008")));
        for (const QString &line : r.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 120, qPrintable(line));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString model = m_squeezenet;
        QTest::newRow("no command") << QStringList() << 2 << "no command";
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << 2 << "unknown command 'frobnicate'";
        QTest::newRow("no model") << QStringList{QStringLiteral("analyze")} << 2
                                  << "needs the ONNX file";
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("analyze"), QStringLiteral("/nonexistent/net.onnx")} << 1
            << "/nonexistent/net.onnx: no such file";
        QTest::newRow("batch zero") << QStringList{QStringLiteral("analyze"), model,
                                                   QStringLiteral("--batch"), QStringLiteral("0")}
                                    << 2 << "--batch needs a positive whole number";
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("analyze"), model, QStringLiteral("--format"),
                           QStringLiteral("xml")}
            << 2 << "--format must be table, json or csv";
        QTest::newRow("bad dim") << QStringList{QStringLiteral("analyze"), model,
                                                QStringLiteral("--dim"), QStringLiteral("batch")}
                                 << 2 << "--dim needs NAME=VALUE";
        QTest::newRow("unknown dim")
            << QStringList{QStringLiteral("analyze"), model, QStringLiteral("--dim"),
                           QStringLiteral("seq=4")}
            << 1 << "no symbolic dimension named 'seq' (it has: batch)";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("analyze"), model, QStringLiteral("--bogus")} << 2
            << "bogus";
        QTest::newRow("utilization")
            << QStringList{QStringLiteral("measure"), model, QStringLiteral("--utilization"),
                           QStringLiteral("150")}
            << 2 << "--utilization needs a percentage";
        QTest::newRow("threads") << QStringList{QStringLiteral("measure"), model,
                                                QStringLiteral("--threads"), QStringLiteral("zero")}
                                 << 2 << "--threads needs a positive whole number";
        QTest::newRow("max-time") << QStringList{QStringLiteral("measure"), model,
                                                 QStringLiteral("--max-time"), QStringLiteral("-1")}
                                  << 2 << "--max-time needs a positive number";
        QTest::newRow("missing") << QStringList{QStringLiteral("measure"),
                                                QStringLiteral("/no/net.onnx")}
                                 << 1 << "/no/net.onnx: no such file";
        QTest::newRow("conformance dir")
            << QStringList{QStringLiteral("conformance"), QStringLiteral("/no/dir")} << 1
            << "/no/dir: no such folder";
        QTest::newRow("no limit") << QStringList{QStringLiteral("profile")} << 2
                                  << "needs --budget DURATION or --samples N";
        QTest::newRow("bad budget")
            << QStringList{QStringLiteral("profile"), QStringLiteral("--budget"),
                           QStringLiteral("soon")}
            << 2 << "--budget needs a duration";
        QTest::newRow("remote") << QStringList{QStringLiteral("profile"),
                                               QStringLiteral("--samples"), QStringLiteral("1"),
                                               QStringLiteral("--device"),
                                               QStringLiteral("10.0.0.1:7000")}
                                << 2 << "needs --token-file";
        QTest::newRow("missing spec")
            << QStringList{QStringLiteral("profile"), QStringLiteral("--samples"),
                           QStringLiteral("1"), QStringLiteral("--spec"),
                           QStringLiteral("/no/spec.json")}
            << 1 << "/no/spec.json: cannot be read";
        QTest::newRow("calibrate extra argument")
            << QStringList{QStringLiteral("calibrate"),
                           QStringLiteral("--out"),
                           QStringLiteral("/tmp/never"),
                           QStringLiteral("--networks"),
                           model,
                           QStringLiteral("second.onnx")}
            << 2 << "no arguments besides its options: 'second.onnx'";
        QTest::newRow("calibrate check with out")
            << QStringList{QStringLiteral("calibrate"), QStringLiteral("--check"),
                           QStringLiteral("--out"), QStringLiteral("/tmp/never")}
            << 2 << "--check profiles nothing; it takes no --out";
        QTest::newRow("calibrate format without check")
            << QStringList{QStringLiteral("calibrate"), QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--out"),
                           QStringLiteral("/tmp/never")}
            << 2 << "--format applies to --check only";
        QTest::newRow("calibrate check bad format")
            << QStringList{QStringLiteral("calibrate"), QStringLiteral("--check"),
                           QStringLiteral("--format"), QStringLiteral("csv")}
            << 2 << "--format";
        QTest::newRow("calibrate check missing profile")
            << QStringList{QStringLiteral("calibrate"), QStringLiteral("--check"),
                           QStringLiteral("--base"), QStringLiteral("/no/profile")}
            << 1 << "/no/profile: no such profile folder";
        QTest::newRow("report bad speed ratio")
            << QStringList{QStringLiteral("report"),        model,
                           QStringLiteral("--out"),         QStringLiteral("/tmp/never.json"),
                           QStringLiteral("--speed-ratio"), QStringLiteral("-2")}
            << 2 << "--speed-ratio needs a positive number or 'now', not '-2'";
        QTest::newRow("calibrate refit with budget")
            << QStringList{QStringLiteral("calibrate"), QStringLiteral("--refit"),
                           QStringLiteral("last"),      QStringLiteral("--budget"),
                           QStringLiteral("1m"),        QStringLiteral("--out"),
                           QStringLiteral("/tmp/never")}
            << 2 << "--refit measures nothing; it takes no --budget";
        QTest::newRow("train extra argument")
            << QStringList{QStringLiteral("train"), QStringLiteral("--out"),
                           QStringLiteral("/tmp/never"), QStringLiteral("/tmp/stray")}
            << 2 << "train takes no arguments besides its options: '/tmp/stray'";
        QTest::newRow("datasets extra argument")
            << QStringList{QStringLiteral("datasets"), QStringLiteral("a.sqlite")} << 2
            << "datasets takes no arguments besides its options: 'a.sqlite'";
        QTest::newRow("devices too many")
            << QStringList{QStringLiteral("devices"), QStringLiteral("add"), QStringLiteral("n"),
                           QStringLiteral("h:1"), QStringLiteral("x")}
            << 2 << "devices takes at most 3 arguments; 'x' is one too many";
        QTest::newRow("devices list extra")
            << QStringList{QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("x")}
            << 2 << "devices list takes no NAME";
        QTest::newRow("no dataset")
            << QStringList{QStringLiteral("datasets"), QStringLiteral("--db"),
                           QStringLiteral("/no/d.sqlite")}
            << 1 << "/no/d.sqlite: no such dataset";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = run(QStringLiteral("layerlens-cli"), args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("layerlens-cli: ")), qPrintable(r.err));
    }

    void unboundDimensionHint()
    {
        QTemporaryDir dir;
        test::ModelBuilder m;
        m.input("x", {"batch", "seqlen"});
        m.node("Relu", {"x"}, {"y"});
        m.output("y");
        const QString path = m.save(dir.path(), QStringLiteral("seq.onnx"));
        const Run r = run(QStringLiteral("layerlens-cli"), {QStringLiteral("analyze"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("'seqlen'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--dim seqlen=VALUE")), qPrintable(r.err));
        const Run ok =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("analyze"), path, QStringLiteral("--dim"),
                 QStringLiteral("seqlen=9"), QStringLiteral("--batch"), QStringLiteral("3")});
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains(QStringLiteral("[3, 9]")), qPrintable(ok.out));
    }

    void measureJson()
    {
        QTemporaryDir dir;
        const QString tracePath = dir.filePath(QStringLiteral("trace.json"));
        const Run r =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("measure"), m_squeezenet, QStringLiteral("--max-time"),
                 QStringLiteral("2"), QStringLiteral("--per-layer"), QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--trace"), tracePath});
        QCOMPARE(r.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject latency = json[QStringLiteral("latency_ms")].toObject();
        for (const char *key : {"median", "p10", "min", "cv", "runs"})
            QVERIFY2(latency.contains(QLatin1String(key)), key);
        QVERIFY(latency[QStringLiteral("median")].toDouble() > 0);
        QVERIFY(json[QStringLiteral("peak_memory_bytes")].toInteger() > 0);
        QVERIFY(json.contains(QStringLiteral("energy_j"))); // a number, or null without sensors
        if (json[QStringLiteral("energy_sensors")].toArray().isEmpty())
            QVERIFY(json[QStringLiteral("energy_j")].isNull());
        QVERIFY(!json[QStringLiteral("layers")].toArray().isEmpty());
        // The Perfetto / Chrome trace: one complete event per layer, back to back.
        QFile traceFile(tracePath);
        QVERIFY(traceFile.open(QIODevice::ReadOnly));
        const QJsonArray events = QJsonDocument::fromJson(traceFile.readAll())
                                      .object()[QStringLiteral("traceEvents")]
                                      .toArray();
        int layers = 0;
        double end = 0;
        for (const QJsonValue &e : events) {
            const QJsonObject o = e.toObject();
            if (o[QStringLiteral("ph")].toString() != QLatin1String("X") ||
                o[QStringLiteral("cat")].toString() == QLatin1String("network"))
                continue;
            ++layers;
            QVERIFY(qAbs(o[QStringLiteral("ts")].toDouble() - end) < 1e-6);
            end = o[QStringLiteral("ts")].toDouble() + o[QStringLiteral("dur")].toDouble();
        }
        QCOMPARE(layers, json[QStringLiteral("layers")].toArray().size());
    }

    // kill -9 in the middle of a job, then --resume: the file stays sound, the
    // count only grows, no sample is stored twice.
    void profileSurvivesKill()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("d.sqlite"));
        QProcess job;
        job.start(test::program(QStringLiteral("layerlens-cli")),
                  {QStringLiteral("profile"), QStringLiteral("--db"), db,
                   QStringLiteral("--samples"), QStringLiteral("100000"),
                   QStringLiteral("--budget"), QStringLiteral("2m")});
        QVERIFY(job.waitForStarted());
        qint64 before = 0;
        for (int i = 0; i < 600 && before < 5; ++i) { // up to 60 s
            QTest::qWait(100);
            core::DatasetStore probe;
            if (QFileInfo::exists(db) && probe.open(db))
                before = probe.sampleCount();
        }
        QVERIFY2(before >= 5, "the job stored no samples");
        job.kill(); // SIGKILL
        QVERIFY(job.waitForFinished());
        qint64 afterKill = 0;
        {
            core::DatasetStore store;
            QVERIFY(store.open(db));
            QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
            afterKill = store.sampleCount();
            QVERIFY(afterKill >= before);
        }
        const Run resumed =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("profile"), QStringLiteral("--db"), db, QStringLiteral("--resume"),
                 QStringLiteral("--samples"), QStringLiteral("4")});
        QCOMPARE(resumed.code, 0);
        QVERIFY2(resumed.out.contains(QStringLiteral("run 1: 4 samples")), qPrintable(resumed.out));
        core::DatasetStore store;
        QVERIFY(store.open(db));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(store.sampleCount(), afterKill + 4);
        QSet<QString> ids;
        qint64 lastSeq = -1;
        for (const auto &s : store.samples()) {
            QVERIFY2(!ids.contains(s.id), qPrintable(s.id));
            ids.insert(s.id);
            QCOMPARE(s.runId, qint64(1));
            QVERIFY(s.seq > lastSeq);
            lastSeq = s.seq;
        }
        const Run summary = run(QStringLiteral("layerlens-cli"),
                                {QStringLiteral("datasets"), QStringLiteral("--db"), db});
        QCOMPARE(summary.code, 0);
        QVERIFY(summary.out.contains(QStringLiteral("%1 samples").arg(afterKill + 4)));
    }

    void profileTrainRefineRetrain()
    {
        // The adaptive loop on a one-module spec: profile, train, profile
        // where the model errs, retrain incrementally.
        QTemporaryDir dir;
        const QString spec = dir.filePath(QStringLiteral("tiny.json"));
        QFile file(spec);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "name": "tiny",
            "measure": {"max_time_s": 0.05, "min_runs": 3, "threads": [1], "utilization": [0]},
            "sampling": {"harvest_share": 0, "seed": 3},
            "modules": {"relu": {"op": "Relu", "params": {"batch": {"choices": [1, 2]},
                "in_channels": {"log_uniform": [8, 64]}, "size": {"choices": [7, 14, 28]}}}}})");
        file.close();
        const QString db = dir.filePath(QStringLiteral("d.sqlite"));
        const QString profile = dir.filePath(QStringLiteral("profile"));
        Run r =
            run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("profile"), QStringLiteral("--spec"), spec, QStringLiteral("--db"),
                 db, QStringLiteral("--samples"), QStringLiteral("30")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("train"), QStringLiteral("--db"), db, QStringLiteral("--out"),
                 profile, QStringLiteral("--kinds"), QStringLiteral("ridge,knn")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("profile"), QStringLiteral("--spec"), spec, QStringLiteral("--db"),
                 db, QStringLiteral("--refine"), profile, QStringLiteral("--samples"),
                 QStringLiteral("8")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("relu: ")), qPrintable(r.err));
        int refined = 0;
        {
            core::DatasetStore store;
            QVERIFY(store.open(db));
            QCOMPARE(store.sampleCount(), qint64(38));
            for (const auto &s : store.samples())
                refined += s.source == QLatin1String("refine:relu") ? 1 : 0;
        }
        QCOMPARE(refined, 8);
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("train"), QStringLiteral("--db"), db, QStringLiteral("--out"),
                 profile, QStringLiteral("--base"), profile, QStringLiteral("--kinds"),
                 QStringLiteral("ridge,knn"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("reused")).toArray().size(), 0); // relu had new samples
        QCOMPARE(json.value(QStringLiteral("modules"))
                     .toObject()
                     .value(QStringLiteral("relu"))
                     .toObject()
                     .value(QStringLiteral("samples"))
                     .toInt(),
                 38);
        // Bad uses are refused with the reason.
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("train"), QStringLiteral("--db"), db, QStringLiteral("--out"),
                 profile, QStringLiteral("--kinds"), QStringLiteral("ridge,magic")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("magic")), qPrintable(r.err));
        r = run(QStringLiteral("layerlens-cli"),
                {QStringLiteral("profile"), QStringLiteral("--db"),
                 dir.filePath(QStringLiteral("empty.sqlite")), QStringLiteral("--refine"), profile,
                 QStringLiteral("--samples"), QStringLiteral("2")});
        QCOMPARE(r.code, 1);
    }

    void resumeWithoutRun()
    {
        QTemporaryDir dir;
        const Run r = run(QStringLiteral("layerlens-cli"),
                          {QStringLiteral("profile"), QStringLiteral("--db"),
                           dir.filePath(QStringLiteral("x.sqlite")), QStringLiteral("--resume"),
                           QStringLiteral("--samples"), QStringLiteral("1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no unfinished run")), qPrintable(r.err));
    }

    void agentDescribesDevice()
    {
        const Run r = run(QStringLiteral("layerlens-agent"), {QStringLiteral("--info")});
        QCOMPARE(r.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(info[QStringLiteral("cores")].toInt() >= 1);
        QVERIFY(info[QStringLiteral("memory_bytes")].toInteger() > 0);
        QVERIFY(!info[QStringLiteral("cpu")].toString().isEmpty());
        // Wrong options stop it before it listens.
        Run bad = run(QStringLiteral("layerlens-agent"),
                      {QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--listen")), qPrintable(bad.err));
        bad = run(QStringLiteral("layerlens-agent"),
                  {QStringLiteral("--tls-cert"), QStringLiteral("/tmp/x.pem")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--tls-key")));
    }

    // OpenBLAS's kernel set belongs to the device's description, chosen by
    // OPENBLAS_CORETYPE or not; a generic one on a CPU with AVX2 and FMA is
    // warned about, once, by the commands that run work on this machine.
    void blasKernels()
    {
        const QSet<QString> flags = core::localCpuFlags();
        if (!flags.contains(QStringLiteral("avx2")) || !flags.contains(QStringLiteral("fma")))
            QSKIP("this CPU has no AVX2 and FMA: no kernel set to force or warn about");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENBLAS_CORETYPE"), QStringLiteral("Haswell"));
        Run r =
            test::runProgram(QStringLiteral("layerlens-agent"), {QStringLiteral("--info")}, env);
        QCOMPARE(r.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        if (!info[QStringLiteral("blas")].toString().startsWith(QStringLiteral("openblas")))
            QSKIP("libblas.so.3 is not OpenBLAS here");
        QCOMPARE(info[QStringLiteral("blas_core")].toString(), QStringLiteral("Haswell"));
        QVERIFY(info[QStringLiteral("blas_core_forced")].toBool());

        env.insert(QStringLiteral("OPENBLAS_CORETYPE"), QStringLiteral("Prescott"));
        r = test::runProgram(QStringLiteral("layerlens-cli"),
                             {QStringLiteral("calibrate"), QStringLiteral("--check")}, env);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("OpenBLAS runs its Prescott kernels")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("OPENBLAS_CORETYPE=")), qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("warning:")), 1);
        QVERIFY2(r.out.contains(QStringLiteral("speed reference now")), qPrintable(r.out));
        // Beyond +-3 % it names the ratio that scales the predictions.
        if (!r.out.contains(QStringLiteral("as fast as")))
            QVERIFY2(QRegularExpression(QStringLiteral("runs [0-9.]+ % (slower|faster) than when "
                                                       "the profile was calibrated: .*`predict "
                                                       "--speed-ratio [0-9]+\\.[0-9]{3}` scales "
                                                       "them to it"))
                         .match(r.out)
                         .hasMatch(),
                     qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
