// Profiling specs, module graphs, harvested and random configurations, and
// the SQLite dataset store.
#include "graph/analysis.h"
#include "graph/onnx_loader.h"
#include "profiling/dataset_store.h"
#include "profiling/module_config.h"
#include "profiling/profiling_spec.h"
#include "support/test_paths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace layerlens;

namespace {

QByteArray specWith(const char *modules)
{
    return QByteArray(R"({"version": 1, "name": "t", "modules": )") + modules + "}";
}

const char *kConv = R"({"conv": {"op": "Conv", "params": {"batch": {"choices": [1]},
    "in_channels": {"log_uniform": [3, 64]}, "out_channels": {"choices": [8]},
    "size": {"choices": [14]}, "kernel": {"choices": [3]}, "stride": {"choices": [1]}}}})";

core::Sample sample(qint64 run, qint64 seq, const QString &uuid = QStringLiteral("r"))
{
    core::Sample s;
    s.id = QStringLiteral("%1-%2").arg(uuid).arg(seq);
    s.runId = run;
    s.runUuid = uuid;
    s.seq = seq;
    s.module = QStringLiteral("conv");
    s.op = QStringLiteral("Conv");
    s.source = QStringLiteral("random");
    s.params = QJsonObject{{QStringLiteral("batch"), 1}};
    s.features = QJsonObject{{QStringLiteral("flops"), 100}};
    s.latencyMedianMs = 1.5 + seq;
    s.runs = 5;
    return s;
}

} // namespace

class TestProfiling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultSpecParses()
    {
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        QVERIFY(spec.modules.size() >= 10);
        QVERIFY(spec.module(QStringLiteral("conv2d_relu")));
        QCOMPARE(spec.hash.size(), 64);
    }

    void badSpecsNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::newRow("not json") << QByteArray("{") << "not valid JSON";
        QTest::newRow("version") << QByteArray(R"({"version": 2, "modules": {}})") << "version";
        QTest::newRow("unknown top key")
            << QByteArray(R"({"version": 1, "moduls": {}})") << "moduls: unknown key";
        QTest::newRow("no modules") << specWith("{}") << "modules:";
        QTest::newRow("unknown operator")
            << specWith(R"({"x": {"op": "Frobnicate", "params": {}}})") << "modules.x.op";
        QTest::newRow("unknown parameter")
            << specWith(R"({"r": {"op": "Relu", "params": {"batch": {"choices": [1]},
                "in_channels": {"choices": [1]}, "size": {"choices": [1]}, "colour": {"choices": [1]}}}})")
            << "modules.r.params.colour: unknown parameter";
        QTest::newRow("missing parameter")
            << specWith(R"({"r": {"op": "Relu", "params": {"batch": {"choices": [1]}}}})")
            << "modules.r.params: missing 'in_channels'";
        QTest::newRow("wrong type")
            << specWith(R"({"r": {"op": "Relu", "params": {"batch": {"choices": "one"},
                "in_channels": {"choices": [1]}, "size": {"choices": [1]}}}})")
            << "modules.r.params.batch.choices: expected a non-empty array";
        QTest::newRow("empty range")
            << specWith(R"({"r": {"op": "Relu", "params": {"batch": {"choices": [1]},
                "in_channels": {"log_uniform": [512, 3]}, "size": {"choices": [1]}}}})")
            << "modules.r.params.in_channels.log_uniform: empty range [512, 3]";
        QTest::newRow("bad fusion")
            << specWith(R"({"r": {"op": "Conv", "then": ["Softmax"], "params": {}}})")
            << "modules.r.then";
        QTest::newRow("measure type")
            << QByteArray(R"({"version": 1, "measure": {"max_time_s": "fast"}, "modules": )") +
                   kConv + "}"
            << "measure.max_time_s";
    }

    void badSpecsNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QString error;
        QVERIFY(!core::parseProfilingSpec(json, &error));
        QVERIFY2(error.contains(key), qPrintable(error));
    }

    // Every module of the default spec builds, for random configurations,
    // into a graph whose every layer has a shape and a cost.
    void defaultModulesBuild()
    {
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        for (int64_t seq = 0; seq < static_cast<int64_t>(spec.modules.size()) * 3; ++seq) {
            const core::ModuleConfig config = core::sampleConfig(spec, {}, seq);
            QString error;
            const auto graph = core::buildModuleGraph(*spec.module(config.module), config, &error);
            QVERIFY2(graph, qPrintable(config.module + QStringLiteral(": ") + error));
            const core::NetworkAnalysis a = core::analyzeNetwork(*graph);
            QVERIFY2(a.totals.complete, qPrintable(config.module));
            QVERIFY(a.totals.flops > 0 || config.module == QLatin1String("concat"));
        }
    }

    void sequenceIsDeterministic()
    {
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        for (int64_t seq : {0, 7, 1234}) {
            const auto a = core::sampleConfig(spec, {}, seq);
            const auto b = core::sampleConfig(spec, {}, seq);
            QCOMPARE(a.module, b.module);
            QVERIFY(a.params == b.params);
        }
        QVERIFY(core::sampleConfig(spec, {}, 0).module != core::sampleConfig(spec, {}, 1).module);
    }

    void harvestsRealLayers()
    {
        const core::ProfilingSpec spec = core::defaultProfilingSpec();
        core::OnnxLoader loader;
        core::LoadOptions options;
        options.batch = 2;
        options.keepWeightData = false;
        const auto graph = loader.load(test::sharedModel(QStringLiteral("resnet18.onnx")), options);
        QVERIFY(graph);
        const auto configs = core::harvestConfigs(*graph, spec);
        int convRelu = 0;
        for (const auto &c : configs) {
            QVERIFY(c.source.startsWith(QStringLiteral("harvest:resnet18/")));
            QCOMPARE(c.params.at(QStringLiteral("batch")), int64_t(2));
            if (c.module == QLatin1String("conv2d_relu"))
                ++convRelu;
        }
        QVERIFY(convRelu >= 8); // the first conv of every basic block, and the stem
        QVERIFY(configs.size() >= 30);
    }

    void storeRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/d.sqlite"));
        {
            core::DatasetStore store;
            QVERIFY2(store.open(path), qPrintable(store.errorString()));
            const qint64 device = store.deviceId(QStringLiteral("abc"), core::probeLocalDevice());
            QVERIFY(device > 0);
            QCOMPARE(store.deviceId(QStringLiteral("abc"), core::probeLocalDevice()), device);
            const qint64 run = store.startRun(device, QStringLiteral("hash"), "{}", {});
            QVERIFY(run > 0);
            const QString uuid = store.runUuid(run);
            QCOMPARE(uuid.size(), 16);
            QCOMPARE(store.nextSeq(run), qint64(0));
            QVERIFY(store.addSample(sample(run, 0, uuid)));
            QVERIFY(store.addSample(sample(run, 1, uuid)));
            QVERIFY(!store.addSample(sample(run, 1, uuid))); // the same id twice
            QCOMPARE(store.resumableRun(device, QStringLiteral("hash")), run);
            QVERIFY(store.finishRun(run, QStringLiteral("completed")));
            QCOMPARE(store.resumableRun(device, QStringLiteral("hash")), qint64(0));
        }
        core::DatasetStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.sampleCount(), qint64(2));
        QCOMPARE(store.nextSeq(1), qint64(2));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        const auto stored = store.samples();
        QCOMPARE(stored[1].latencyMedianMs, 2.5);
        QVERIFY(!stored[1].energyJoules);
        // JSON lines round trip; importing stored ids adds nothing.
        QString error;
        const auto back = core::sampleFromJson(core::sampleToJson(stored[0]), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->id, stored[0].id);
        QCOMPARE(store.importSamples({*back}), 0);
        core::Sample fresh = *back;
        fresh.id = back->runUuid + QStringLiteral("-9");
        fresh.seq = 9;
        QCOMPARE(store.importSamples({fresh, *back}), 1);
        // Into another dataset: the device and the run come along.
        core::DatasetStore other;
        QVERIFY(other.open(dir.filePath(QStringLiteral("other.sqlite"))));
        QCOMPARE(other.importSamples(store.samples()), 3);
        QCOMPARE(other.importSamples(store.samples()), 0);
        QCOMPARE(other.samples().at(0).deviceFingerprint, QStringLiteral("abc"));
        QCOMPARE(other.samples().at(0).runUuid, back->runUuid);
        const QStringList csv =
            core::samplesToCsv(store.samples()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(csv.size(), 1 + 3);

        // The same device described anew (a newer LayerLens records its BLAS
        // pool): its samples read back with the latest description; an
        // import of older samples keeps it.
        core::DeviceInfo described = core::probeLocalDevice();
        described.blas = QStringLiteral("openblas-pthread");
        described.blasCore = QStringLiteral("Haswell");
        described.blasPoolThreads = 1;
        QCOMPARE(store.deviceId(QStringLiteral("abc"), described), qint64(1));
        QCOMPARE(core::deviceInfoFromJson(store.samples().at(0).deviceInfo).blasPoolThreads, 1);
        core::Sample older = *back;
        older.runUuid = QStringLiteral("0123456789abcdef"); // a run this store has not seen
        older.id = older.runUuid + QStringLiteral("-0");
        older.seq = 0;
        older.deviceInfo = core::deviceInfoToJson(core::probeLocalDevice());
        older.deviceInfo.remove(QStringLiteral("blas_pool_threads"));
        QCOMPARE(store.importSamples({older}), 1);
        QCOMPARE(core::deviceInfoFromJson(store.samples().at(0).deviceInfo).blasPoolThreads, 1);
    }

    void notADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        core::DatasetStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.errorString().contains(path), qPrintable(store.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestProfiling)
#include "tst_profiling.moc"
