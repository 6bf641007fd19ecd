// Reports of a prediction: HTML, PDF, CSV, JSON and Netron's attachment, as
// a reader (or Netron) takes them.
#include "predict/profile_registry.h"
#include "report/network_report.h"
#include "report/pdf_report.h"
#include "support/test_paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace layerlens;

namespace {

// Splits one CSV line, honouring quotes.
QStringList csvCells(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells.append(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.append(cell);
    return cells;
}

bool wellFormedXml(const QString &text, QString *problem)
{
    QXmlStreamReader xml(text);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        *problem = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return !xml.hasError();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    core::NetworkReport m_report;
    int m_runLayers = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QString resolved, error;
        std::shared_ptr<const core::DeviceProfile> profile =
            core::loadProfile(QString(), &resolved, &error);
        QVERIFY2(profile, qPrintable(error));
        core::LoadOptions load;
        load.keepWeightData = false;
        const core::AnalyzedNetwork network =
            core::loadAndAnalyze(test::sharedModel(QStringLiteral("resnet18.onnx")), load);
        QVERIFY2(network.ok(), qPrintable(network.error));
        QVERIFY2(core::buildNetworkReport(network, profile, resolved, {4, 0, 1}, &m_report, &error),
                 qPrintable(error));
        m_runLayers = network.analysis.totals.layers;
        QCOMPARE(m_report.batchSweep.size(), core::reportBatchSweep().size());
    }

    void formatFromPath()
    {
        core::ReportFormat f;
        QVERIFY(core::reportFormatForPath(QStringLiteral("/x/r.HTML"), &f));
        QCOMPARE(f, core::ReportFormat::Html);
        QVERIFY(core::reportFormatForPath(QStringLiteral("r.htm"), &f));
        QCOMPARE(f, core::ReportFormat::Html);
        QVERIFY(core::reportFormatForPath(QStringLiteral("r.pdf"), &f));
        QCOMPARE(f, core::ReportFormat::Pdf);
        QVERIFY(core::reportFormatForPath(QStringLiteral("r.netron.json"), &f));
        QCOMPARE(f, core::ReportFormat::Netron);
        QVERIFY(core::reportFormatForPath(QStringLiteral("r.json"), &f));
        QCOMPARE(f, core::ReportFormat::Json);
        QVERIFY(!core::reportFormatForPath(QStringLiteral("r.docx"), &f));
        QVERIFY(!core::reportFormatForPath(QStringLiteral("report"), &f));
    }

    // One row per layer that runs, every row as wide as the header, and the
    // blocks' latencies with the overhead adding up to the total.
    void csvRowsAreLayers()
    {
        const QStringList lines =
            core::reportToCsv(m_report).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m_runLayers + 1);
        const QStringList header = csvCells(lines.first());
        const int latency = int(header.indexOf(QStringLiteral("latency_ms")));
        const int name = int(header.indexOf(QStringLiteral("name")));
        QVERIFY(latency > 0 && name > 0);
        double sum = 0;
        QSet<QString> names;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList cells = csvCells(lines[i]);
            QCOMPARE(cells.size(), header.size());
            names.insert(cells[name]);
            sum += cells[latency].toDouble();
        }
        QCOMPARE(names.size(), m_runLayers);
        QVERIFY(qAbs(sum + m_report.current.overheadMs - m_report.current.latencyMs.value) <
                1e-6 * m_report.current.latencyMs.value);
    }

    void jsonHoldsTheFullResult()
    {
        const QJsonObject json = core::reportToJson(m_report);
        QCOMPARE(json.value(QStringLiteral("layers")).toArray().size(), m_runLayers);
        QCOMPARE(
            json.value(QStringLiteral("config")).toObject().value(QStringLiteral("batch")).toInt(),
            4);
        const QJsonObject latency = json.value(QStringLiteral("totals"))
                                        .toObject()
                                        .value(QStringLiteral("latency_ms"))
                                        .toObject();
        QCOMPARE(latency.value(QStringLiteral("value")).toDouble(),
                 m_report.current.latencyMs.value);
        QCOMPARE(latency.value(QStringLiteral("interval")).toArray().size(), 2);
        const QJsonArray sweep = json.value(QStringLiteral("batch_sweep")).toArray();
        QCOMPARE(sweep.size(), int(core::reportBatchSweep().size()));
        QCOMPARE(
            sweep.first().toObject().value(QStringLiteral("block_latency_ms")).toArray().size(),
            int(m_report.blocks().size()));
        const QJsonArray validation = json.value(QStringLiteral("device"))
                                          .toObject()
                                          .value(QStringLiteral("validation"))
                                          .toArray();
        QVERIFY(!validation.isEmpty());
        QVERIFY(validation.first().toObject().value(QStringLiteral("mean_mape")).toDouble() > 0);
        // Energy without a sensor is null, never a number.
        QVERIFY(json.value(QStringLiteral("totals"))
                    .toObject()
                    .value(QStringLiteral("energy_j"))
                    .toObject()
                    .value(QStringLiteral("value"))
                    .isNull());
    }

    // The HTML embeds both plots as well-formed SVG, every layer, the
    // warnings and the method; nothing is fetched from elsewhere.
    void htmlIsSelfContained()
    {
        const QString html = core::reportToHtml(m_report);
        QCOMPARE(html.count(QStringLiteral("<svg ")), 2);
        QVERIFY(!html.contains(QStringLiteral("src=\"http")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        for (const QString &name : core::reportPlotNames()) {
            QString problem;
            QVERIFY2(wellFormedXml(core::reportPlotSvg(m_report, name), &problem),
                     qPrintable(name + QStringLiteral(": ") + problem));
        }
        for (const core::ReportLayerRow &row : core::reportLayerRows(m_report))
            QVERIFY(html.contains(m_report.network.graph->nodes[row.node].name.toHtmlEscaped()));
        for (const QString &warning : m_report.warnings)
            QVERIFY(html.contains(warning.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("reference-cpu")));
        QVERIFY(html.contains(
            QStringLiteral("%1 ms").arg(m_report.current.latencyMs.value, 0, 'f', 3)));
    }

    // Netron's attachment: the signature, items with kind, target, name and
    // value, node targets that name nodes of the file, no entry twice.
    void netronAttachmentTargetsFileNodes()
    {
        const QJsonObject json = core::reportToNetronAttachment(m_report);
        QCOMPARE(json.value(QStringLiteral("signature")).toString(),
                 QStringLiteral("netron:attachment"));
        QSet<QString> fileNodes;
        for (const core::Node &node : m_report.network.graph->nodes)
            fileNodes.insert(node.fileName);
        int nodeLatencies = 0;
        for (const QString &container : {QStringLiteral("metadata"), QStringLiteral("metrics")}) {
            QSet<QString> keys;
            const QJsonArray items = json.value(container).toArray();
            QVERIFY(!items.isEmpty());
            for (const QJsonValue &v : items) {
                const QJsonObject item = v.toObject();
                const QString kind = item.value(QStringLiteral("kind")).toString();
                const QString target = item.value(QStringLiteral("target")).toString();
                const QString name = item.value(QStringLiteral("name")).toString();
                QVERIFY(item.contains(QStringLiteral("target")));
                QVERIFY(!name.isEmpty());
                QVERIFY(item.contains(QStringLiteral("value")));
                QVERIFY(!target.contains(QLatin1Char('\n')));
                if (kind == QLatin1String("node")) {
                    QVERIFY2(fileNodes.contains(target), qPrintable(target));
                    if (name == QLatin1String("latency_ms"))
                        ++nodeLatencies;
                } else {
                    QVERIFY(kind == QLatin1String("model") || kind == QLatin1String("graph"));
                }
                const QString key = kind + QStringLiteral("::") + target + QLatin1Char('/') + name;
                QVERIFY2(!keys.contains(key), qPrintable(key));
                keys.insert(key);
            }
        }
        int modelled = 0;
        for (const core::BlockPrediction &b : m_report.current.blocks)
            modelled += b.latencyMs.available ? 1 : 0;
        QCOMPARE(nodeLatencies, modelled);
    }

    void pdfHasPages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("resnet18.pdf"));
        QString error;
        QVERIFY2(ui::writeReport(m_report, core::ReportFormat::Pdf, path, &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        const int pages = int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r"));
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        // Two plots as images.
        QVERIFY(pdf.count("/Subtype /Image") >= 2);
    }

    // Latencies scaled to a slower machine: totals, blocks and the batch
    // sweep by exactly the ratio, memory not, and the report says so.
    void speedRatioScalesLatencies()
    {
        core::NetworkReport scaled;
        QString error;
        QVERIFY2(core::buildNetworkReport(m_report.network, m_report.profile, m_report.profileName,
                                          m_report.config, &scaled, &error, 1.25),
                 qPrintable(error));
        QCOMPARE(scaled.speedRatio, 1.25);
        QVERIFY(qAbs(scaled.current.latencyMs.value - 1.25 * m_report.current.latencyMs.value) <
                1e-9 * m_report.current.latencyMs.value);
        QCOMPARE(scaled.current.memoryBytes.value, m_report.current.memoryBytes.value);
        for (size_t i = 0; i < scaled.batchSweep.size(); ++i)
            QVERIFY(qAbs(scaled.batchSweep[i].latencyMs.value -
                         1.25 * m_report.batchSweep[i].latencyMs.value) <
                    1e-9 * m_report.batchSweep[i].latencyMs.value);
        QVERIFY2(
            scaled.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("scaled by x1.250")),
            qPrintable(scaled.warnings.join(QLatin1Char('\n'))));
        QVERIFY(!m_report.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("scaled by")));
        QCOMPARE(core::reportToJson(scaled)
                     .value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("speed_ratio"))
                     .toDouble(),
                 1.25);
    }

    void unwritablePathNamesTheFile()
    {
        const QString path = QStringLiteral("/nonexistent-dir/report");
        for (core::ReportFormat f : {core::ReportFormat::Html, core::ReportFormat::Pdf,
                                     core::ReportFormat::Csv, core::ReportFormat::Netron}) {
            QString error;
            QVERIFY(!ui::writeReport(m_report, f, path, &error));
            QVERIFY2(error.startsWith(path), qPrintable(error));
        }
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
