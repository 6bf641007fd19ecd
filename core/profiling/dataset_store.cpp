#include "profiling/dataset_store.h"

#include "common/paths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <map>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const char *kSchema[] = {
    "CREATE TABLE IF NOT EXISTS devices (id INTEGER PRIMARY KEY, fingerprint TEXT UNIQUE NOT NULL,"
    " info TEXT NOT NULL, created TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE NOT NULL,"
    " device_id INTEGER NOT NULL REFERENCES devices(id), spec_hash TEXT NOT NULL, spec TEXT NOT "
    "NULL, options TEXT NOT NULL,"
    " started TEXT NOT NULL, ended TEXT, status TEXT NOT NULL DEFAULT 'running')",
    "CREATE TABLE IF NOT EXISTS samples (id TEXT PRIMARY KEY, run_id INTEGER NOT NULL"
    " REFERENCES runs(id), seq INTEGER NOT NULL, module TEXT NOT NULL, op TEXT NOT NULL,"
    " source TEXT NOT NULL, params TEXT NOT NULL, features TEXT NOT NULL,"
    " latency_median_ms REAL NOT NULL, latency_p10_ms REAL NOT NULL, latency_min_ms REAL NOT NULL,"
    " latency_cv REAL NOT NULL, runs INTEGER NOT NULL, repeatable INTEGER NOT NULL,"
    " peak_memory_bytes INTEGER NOT NULL, energy_j REAL, threads INTEGER NOT NULL,"
    " utilization INTEGER NOT NULL, created TEXT NOT NULL, UNIQUE (run_id, seq))",
    "CREATE INDEX IF NOT EXISTS samples_module ON samples (module)",
    // Since version 2: what a run measured besides module samples (calibrate's
    // networks and speed timings), one JSON object per record.
    "CREATE TABLE IF NOT EXISTS run_records (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL"
    " REFERENCES runs(id), kind TEXT NOT NULL, data TEXT NOT NULL, created TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS run_records_run ON run_records (run_id, kind)",
};

// PRAGMA user_version of the files this code writes.
constexpr int kSchemaVersion = 2;

const char *kSampleColumns =
    "s.id, s.run_id, s.seq, s.module, s.op, s.source, s.params, s.features, s.latency_median_ms,"
    " s.latency_p10_ms, s.latency_min_ms, s.latency_cv, s.runs, s.repeatable,"
    " s.peak_memory_bytes, s.energy_j, s.threads, s.utilization, s.created, r.uuid,"
    " d.fingerprint, d.info";

Sample sampleFromQuery(const QSqlQuery &q)
{
    Sample s;
    s.id = q.value(0).toString();
    s.runId = q.value(1).toLongLong();
    s.seq = q.value(2).toLongLong();
    s.module = q.value(3).toString();
    s.op = q.value(4).toString();
    s.source = q.value(5).toString();
    s.params = parseObject(q.value(6).toString());
    s.features = parseObject(q.value(7).toString());
    s.latencyMedianMs = q.value(8).toDouble();
    s.latencyP10Ms = q.value(9).toDouble();
    s.latencyMinMs = q.value(10).toDouble();
    s.latencyCv = q.value(11).toDouble();
    s.runs = q.value(12).toInt();
    s.repeatable = q.value(13).toBool();
    s.peakMemoryBytes = q.value(14).toLongLong();
    if (!q.value(15).isNull())
        s.energyJoules = q.value(15).toDouble();
    s.threads = q.value(16).toInt();
    s.utilization = q.value(17).toInt();
    s.created = q.value(18).toString();
    s.runUuid = q.value(19).toString();
    s.deviceFingerprint = q.value(20).toString();
    s.deviceInfo = parseObject(q.value(21).toString());
    return s;
}

bool insertSample(QSqlDatabase &db, const Sample &s, bool ignoreExisting, QString *error)
{
    QSqlQuery q(db);
    // Only a stored id is skipped; any other constraint still fails loudly.
    q.prepare(QStringLiteral("INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?, ?, ?, ?, ?)%1")
                  .arg(ignoreExisting ? QStringLiteral(" ON CONFLICT(id) DO NOTHING") : QString()));
    // A null QString binds as SQL NULL; these columns want text.
    const auto text = [](const QString &v) {
        return v.isNull() ? QStringLiteral("") : v;
    };
    const QVariantList values = {s.id,
                                 s.runId,
                                 s.seq,
                                 text(s.module),
                                 text(s.op),
                                 text(s.source),
                                 compact(s.params),
                                 compact(s.features),
                                 s.latencyMedianMs,
                                 s.latencyP10Ms,
                                 s.latencyMinMs,
                                 s.latencyCv,
                                 s.runs,
                                 s.repeatable ? 1 : 0,
                                 s.peakMemoryBytes,
                                 s.energyJoules ? QVariant(*s.energyJoules)
                                                : QVariant(QMetaType(QMetaType::Double)),
                                 s.threads,
                                 s.utilization,
                                 s.created.isEmpty() ? now() : s.created};
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QString defaultDatasetPath()
{
    return QDir(userDataDir()).filePath(QStringLiteral("datasets/layerlens.sqlite"));
}

DatasetStore::DatasetStore()
    : m_connection(QStringLiteral("layerlens-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

DatasetStore::~DatasetStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool DatasetStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        m_error = tr("%1: %2").arg(m_path, q.lastError().text());
        return false;
    }
    return true;
}

bool DatasetStore::open(const QString &path)
{
    m_path = path;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_error = tr("Qt's SQLite driver is missing (install libqt6sql6-sqlite)");
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_error = tr("%1: cannot create its folder").arg(path);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_error = tr("%1: %2").arg(path, db.lastError().text());
        return false;
    }
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return false;
    // A file that is not SQLite fails here, with SQLite's own words.
    for (const char *sql : kSchema) {
        if (!exec(QString::fromLatin1(sql)))
            return false;
    }
    return migrate();
}

bool DatasetStore::migrate()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        m_error = tr("%1: %2").arg(m_path, q.lastError().text());
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion) {
        m_error = tr("%1: dataset schema %2 is newer than this LayerLens reads (%3)")
                      .arg(m_path)
                      .arg(version)
                      .arg(kSchemaVersion);
        return false;
    }
    if (version == kSchemaVersion)
        return true;
    // Version 1 to 2 adds run_records, which the schema above creates. Version
    // 0: files from before runs had UUIDs (and fresh files, for which the
    // column already exists).
    bool hasUuid = false;
    q.exec(QStringLiteral("PRAGMA table_info(runs)"));
    while (q.next())
        hasUuid = hasUuid || q.value(1).toString() == QLatin1String("uuid");
    if (!hasUuid &&
        (!exec(QStringLiteral("ALTER TABLE runs ADD COLUMN uuid TEXT")) ||
         !exec(QStringLiteral(
             "UPDATE runs SET uuid = lower(hex(randomblob(8))) WHERE uuid IS NULL")) ||
         !exec(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS runs_uuid ON runs (uuid)"))))
        return false;
    return exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
}

qint64 DatasetStore::deviceId(const QString &fingerprint, const DeviceInfo &info, bool describe)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    const QString described = compact(deviceInfoToJson(info));
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO devices (fingerprint, info, created) VALUES (?, ?, ?)"));
    q.addBindValue(fingerprint);
    q.addBindValue(described);
    q.addBindValue(now());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    q.prepare(QStringLiteral("UPDATE devices SET info = ? WHERE fingerprint = ? AND info != ?"));
    q.addBindValue(described);
    q.addBindValue(fingerprint);
    q.addBindValue(described);
    if (describe && !q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    q.prepare(QStringLiteral("SELECT id FROM devices WHERE fingerprint = ?"));
    q.addBindValue(fingerprint);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 DatasetStore::startRun(qint64 device, const QString &specHash, const QByteArray &specJson,
                              const QJsonObject &options)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("INSERT INTO runs (uuid, device_id, spec_hash, spec, options, started) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::Id128).left(16));
    q.addBindValue(device);
    q.addBindValue(specHash);
    q.addBindValue(QString::fromUtf8(specJson));
    q.addBindValue(compact(options));
    q.addBindValue(now());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 DatasetStore::resumableRun(qint64 device, const QString &specHash)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE device_id = ? AND spec_hash = ? AND "
                             "status != 'completed' ORDER BY id DESC LIMIT 1"));
    q.addBindValue(device);
    q.addBindValue(specHash);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QString DatasetStore::runUuid(qint64 run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT uuid FROM runs WHERE id = ?"));
    q.addBindValue(run);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

qint64 DatasetStore::nextSeq(qint64 run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), -1) + 1 FROM samples WHERE run_id = ?"));
    q.addBindValue(run);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool DatasetStore::finishRun(qint64 run, const QString &status)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, ended = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(now());
    q.addBindValue(run);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QByteArray DatasetStore::runSpec(qint64 run) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT spec FROM runs WHERE id = ?"));
    q.addBindValue(run);
    return q.exec() && q.next() ? q.value(0).toString().toUtf8() : QByteArray();
}

bool DatasetStore::addRecord(qint64 run, const QString &kind, const QJsonObject &data)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO run_records (run_id, kind, data, created) VALUES (?, ?, ?, ?)"));
    q.addBindValue(run);
    q.addBindValue(kind);
    q.addBindValue(compact(data));
    q.addBindValue(now());
    if (!q.exec()) {
        m_error = tr("%1: cannot store a %2 record of run %3: %4")
                      .arg(m_path, kind)
                      .arg(run)
                      .arg(q.lastError().text());
        return false;
    }
    return true;
}

std::vector<QJsonObject> DatasetStore::records(qint64 run, const QString &kind) const
{
    std::vector<QJsonObject> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT data FROM run_records WHERE run_id = ? AND kind = ? ORDER BY "
                             "id"));
    q.addBindValue(run);
    q.addBindValue(kind);
    if (q.exec()) {
        while (q.next())
            out.push_back(parseObject(q.value(0).toString()));
    }
    return out;
}

std::vector<std::pair<qint64, int>> DatasetStore::runsWithRecords(const QString &kind) const
{
    std::vector<std::pair<qint64, int>> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT run_id, COUNT(*) FROM run_records WHERE kind = ? GROUP BY "
                             "run_id ORDER BY run_id"));
    q.addBindValue(kind);
    if (q.exec()) {
        while (q.next())
            out.emplace_back(q.value(0).toLongLong(), q.value(1).toInt());
    }
    return out;
}

// A write transaction that takes the write lock when it begins: a deferred
// one that reads first and then writes fails at once, without waiting out
// the busy timeout, when another connection wrote in between (two remote
// jobs importing into one dataset).
bool DatasetStore::beginWrite(QString *problem)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *problem = q.lastError().text();
    return false;
}

bool DatasetStore::addSample(const Sample &sample)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (QString problem; !beginWrite(&problem)) {
        m_error = tr("%1: cannot store sample %2: %3").arg(m_path, sample.id, problem);
        return false;
    }
    QString problem;
    if (!insertSample(db, sample, false, &problem)) {
        db.rollback();
        m_error = tr("%1: cannot store sample %2: %3").arg(m_path, sample.id, problem);
        return false;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        return false;
    }
    return true;
}

int DatasetStore::importSamples(const std::vector<Sample> &samples)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    std::map<QString, qint64> runs; // uuid -> local row id
    if (QString problem; !beginWrite(&problem)) {
        m_error = tr("%1: cannot import samples: %2").arg(m_path, problem);
        return -1;
    }
    // Counted inside the transaction: another connection importing at the
    // same time cannot add to the difference.
    const qint64 before = sampleCount();
    auto fail = [&](const QString &id, const QString &problem) {
        db.rollback();
        m_error = tr("%1: cannot import sample %2: %3").arg(m_path, id, problem);
        return -1;
    };
    for (Sample s : samples) {
        if (s.runUuid.isEmpty() || s.deviceFingerprint.isEmpty())
            return fail(s.id, tr("it names no run or device"));
        if (!runs.count(s.runUuid)) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id FROM runs WHERE uuid = ?"));
            q.addBindValue(s.runUuid);
            if (q.exec() && q.next()) {
                runs[s.runUuid] = q.value(0).toLongLong();
            } else {
                const qint64 device =
                    deviceId(s.deviceFingerprint, deviceInfoFromJson(s.deviceInfo), false);
                q.prepare(
                    QStringLiteral("INSERT INTO runs (uuid, device_id, spec_hash, spec, options,"
                                   " started, ended, status) VALUES (?, ?, 'imported', '{}',"
                                   " '{}', ?, ?, 'imported')"));
                q.addBindValue(s.runUuid);
                q.addBindValue(device);
                q.addBindValue(now());
                q.addBindValue(now());
                if (device == 0)
                    return fail(s.id, tr("cannot record its device: %1").arg(m_error));
                if (!q.exec())
                    return fail(s.id, q.lastError().text());
                runs[s.runUuid] = q.lastInsertId().toLongLong();
            }
        }
        s.runId = runs[s.runUuid];
        QString problem;
        if (!insertSample(db, s, true, &problem))
            return fail(s.id, problem);
    }
    const qint64 added = sampleCount() - before;
    if (!db.commit()) {
        m_error = tr("%1: cannot import samples: %2").arg(m_path, db.lastError().text());
        db.rollback();
        return -1;
    }
    return static_cast<int>(added);
}

std::vector<Sample> DatasetStore::samples(const QString &module) const
{
    return select(module.isEmpty() ? QString() : QStringLiteral("s.module = ?"), module);
}

std::vector<Sample> DatasetStore::samplesOfRun(qint64 run) const
{
    return select(QStringLiteral("s.run_id = ?"), run);
}

std::vector<Sample> DatasetStore::select(const QString &where, const QVariant &value) const
{
    std::vector<Sample> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("SELECT %1 FROM samples s JOIN runs r ON r.id = s.run_id JOIN devices d"
                       " ON d.id = r.device_id %2 ORDER BY s.run_id, s.seq")
            .arg(QLatin1String(kSampleColumns),
                 where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where));
    if (!where.isEmpty())
        q.addBindValue(value);
    if (!q.exec())
        qWarning("%s: %s", qPrintable(m_path), qPrintable(q.lastError().text()));
    while (q.next())
        out.push_back(sampleFromQuery(q));
    return out;
}

std::vector<Sample> DatasetStore::samplesAfter(qint64 after, int limit, qint64 *last) const
{
    std::vector<Sample> out;
    *last = after;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1, s.rowid FROM samples s JOIN runs r ON r.id = s.run_id"
                             " JOIN devices d ON d.id = r.device_id WHERE s.rowid > ?"
                             " ORDER BY s.rowid LIMIT ?")
                  .arg(QLatin1String(kSampleColumns)));
    q.addBindValue(after);
    q.addBindValue(limit);
    if (!q.exec())
        qWarning("%s: %s", qPrintable(m_path), qPrintable(q.lastError().text()));
    while (q.next()) {
        out.push_back(sampleFromQuery(q));
        *last = q.value(22).toLongLong();
    }
    return out;
}

std::vector<DatasetSummary> DatasetStore::summary() const
{
    std::vector<DatasetSummary> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral(
            "SELECT d.info, s.module, COUNT(*), MIN(s.latency_median_ms), MAX(s.latency_median_ms),"
            " MAX(s.created) FROM samples s JOIN runs r ON r.id = s.run_id JOIN devices d ON"
            " d.id = r.device_id GROUP BY d.id, s.module ORDER BY d.id, s.module")))
        return out;
    while (q.next()) {
        const QJsonObject info = parseObject(q.value(0).toString());
        DatasetSummary s;
        s.device = QStringLiteral("%1 (%2, %3 cores)")
                       .arg(info.value(QStringLiteral("host")).toString(),
                            info.value(QStringLiteral("cpu")).toString())
                       .arg(info.value(QStringLiteral("cores")).toInt());
        s.module = q.value(1).toString();
        s.samples = q.value(2).toInt();
        s.minLatencyMs = q.value(3).toDouble();
        s.maxLatencyMs = q.value(4).toDouble();
        s.lastSample = q.value(5).toString();
        out.push_back(s);
    }
    return out;
}

qint64 DatasetStore::sampleCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM samples")) && q.next()
               ? q.value(0).toLongLong()
               : -1;
}

qint64 DatasetStore::sampleCount(qint64 run) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM samples WHERE run_id = ?"));
    q.addBindValue(run);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

QString DatasetStore::integrityCheck() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return q.lastError().text();
    return q.value(0).toString();
}

QJsonObject sampleToJson(const Sample &s)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("run"), s.runUuid},
        {QStringLiteral("device"), QJsonObject{{QStringLiteral("fingerprint"), s.deviceFingerprint},
                                               {QStringLiteral("info"), s.deviceInfo}}},
        {QStringLiteral("seq"), s.seq},
        {QStringLiteral("module"), s.module},
        {QStringLiteral("op"), s.op},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("params"), s.params},
        {QStringLiteral("features"), s.features},
        {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("median"), s.latencyMedianMs},
                                                   {QStringLiteral("p10"), s.latencyP10Ms},
                                                   {QStringLiteral("min"), s.latencyMinMs},
                                                   {QStringLiteral("cv"), s.latencyCv},
                                                   {QStringLiteral("runs"), s.runs},
                                                   {QStringLiteral("repeatable"), s.repeatable}}},
        {QStringLiteral("peak_memory_bytes"), s.peakMemoryBytes},
        {QStringLiteral("energy_j"),
         s.energyJoules ? QJsonValue(*s.energyJoules) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("threads"), s.threads},
        {QStringLiteral("utilization"), s.utilization},
        {QStringLiteral("created"), s.created},
    };
}

std::optional<Sample> sampleFromJson(const QJsonObject &o, QString *error)
{
    static const char *required[] = {"id", "run",    "seq",      "module",
                                     "op", "params", "features", "latency_ms"};
    for (const char *key : required) {
        if (!o.contains(QLatin1String(key))) {
            *error = tr("missing key '%1'").arg(QLatin1String(key));
            return std::nullopt;
        }
    }
    Sample s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.runUuid = o.value(QStringLiteral("run")).toString();
    const QJsonObject device = o.value(QStringLiteral("device")).toObject();
    s.deviceFingerprint = device.value(QStringLiteral("fingerprint")).toString();
    s.deviceInfo = device.value(QStringLiteral("info")).toObject();
    s.seq = o.value(QStringLiteral("seq")).toInteger();
    s.module = o.value(QStringLiteral("module")).toString();
    s.op = o.value(QStringLiteral("op")).toString();
    s.source = o.value(QStringLiteral("source")).toString();
    s.params = o.value(QStringLiteral("params")).toObject();
    s.features = o.value(QStringLiteral("features")).toObject();
    const QJsonObject l = o.value(QStringLiteral("latency_ms")).toObject();
    s.latencyMedianMs = l.value(QStringLiteral("median")).toDouble();
    s.latencyP10Ms = l.value(QStringLiteral("p10")).toDouble();
    s.latencyMinMs = l.value(QStringLiteral("min")).toDouble();
    s.latencyCv = l.value(QStringLiteral("cv")).toDouble();
    s.runs = l.value(QStringLiteral("runs")).toInt();
    s.repeatable = l.value(QStringLiteral("repeatable")).toBool();
    s.peakMemoryBytes = o.value(QStringLiteral("peak_memory_bytes")).toInteger();
    if (o.value(QStringLiteral("energy_j")).isDouble())
        s.energyJoules = o.value(QStringLiteral("energy_j")).toDouble();
    s.threads = o.value(QStringLiteral("threads")).toInt(1);
    s.utilization = o.value(QStringLiteral("utilization")).toInt(0);
    s.created = o.value(QStringLiteral("created")).toString();
    if (s.id.isEmpty() || s.module.isEmpty() || s.latencyMedianMs <= 0) {
        *error = tr("a sample needs an id, a module and a positive median latency");
        return std::nullopt;
    }
    return s;
}

QString samplesToCsv(const std::vector<Sample> &samples)
{
    auto field = [](QString text) {
        if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')))
            return text;
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    };
    QString out = QStringLiteral("id,run,seq,module,op,source,params,features,latency_median_ms,"
                                 "latency_p10_ms,latency_min_ms,latency_cv,runs,repeatable,"
                                 "peak_memory_bytes,energy_j,threads,utilization,created,"
                                 "device_fingerprint,device_info\n");
    for (const Sample &s : samples) {
        const QStringList row = {field(s.id),
                                 field(s.runUuid),
                                 QString::number(s.seq),
                                 field(s.module),
                                 field(s.op),
                                 field(s.source),
                                 field(compact(s.params)),
                                 field(compact(s.features)),
                                 QString::number(s.latencyMedianMs, 'g', 8),
                                 QString::number(s.latencyP10Ms, 'g', 8),
                                 QString::number(s.latencyMinMs, 'g', 8),
                                 QString::number(s.latencyCv, 'g', 6),
                                 QString::number(s.runs),
                                 s.repeatable ? QStringLiteral("1") : QStringLiteral("0"),
                                 QString::number(s.peakMemoryBytes),
                                 s.energyJoules ? QString::number(*s.energyJoules, 'g', 8)
                                                : QString(),
                                 QString::number(s.threads),
                                 QString::number(s.utilization),
                                 field(s.created),
                                 field(s.deviceFingerprint),
                                 field(compact(s.deviceInfo))};
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

namespace {

// Splits one CSV record (RFC 4180 quoting); nullopt if a quote is left open.
std::optional<QStringList> csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    fields.append(field);
    return fields;
}

} // namespace

std::optional<std::vector<Sample>> samplesFromCsv(const QString &csv, QString *error)
{
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty() || !lines[0].startsWith(QLatin1String("id,run,seq,module"))) {
        *error = tr("line 1: not a LayerLens sample CSV (its header differs)");
        return std::nullopt;
    }
    const int columns = static_cast<int>(lines[0].count(QLatin1Char(','))) + 1;
    std::vector<Sample> samples;
    for (int n = 1; n < lines.size(); ++n) {
        const auto f = csvFields(lines[n]);
        if (!f || f->size() != columns) {
            *error = tr("line %1: expected %2 fields").arg(n + 1).arg(columns);
            return std::nullopt;
        }
        const QStringList &v = *f;
        QJsonObject o{
            {QStringLiteral("id"), v[0]},
            {QStringLiteral("run"), v[1]},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("fingerprint"), v[19]},
                                                   {QStringLiteral("info"), parseObject(v[20])}}},
            {QStringLiteral("seq"), v[2].toLongLong()},
            {QStringLiteral("module"), v[3]},
            {QStringLiteral("op"), v[4]},
            {QStringLiteral("source"), v[5]},
            {QStringLiteral("params"), parseObject(v[6])},
            {QStringLiteral("features"), parseObject(v[7])},
            {QStringLiteral("latency_ms"),
             QJsonObject{{QStringLiteral("median"), v[8].toDouble()},
                         {QStringLiteral("p10"), v[9].toDouble()},
                         {QStringLiteral("min"), v[10].toDouble()},
                         {QStringLiteral("cv"), v[11].toDouble()},
                         {QStringLiteral("runs"), v[12].toInt()},
                         {QStringLiteral("repeatable"), v[13] == QLatin1String("1")}}},
            {QStringLiteral("peak_memory_bytes"), v[14].toLongLong()},
            {QStringLiteral("energy_j"),
             v[15].isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v[15].toDouble())},
            {QStringLiteral("threads"), v[16].toInt()},
            {QStringLiteral("utilization"), v[17].toInt()},
            {QStringLiteral("created"), v[18]}};
        QString problem;
        const auto sample = sampleFromJson(o, &problem);
        if (!sample) {
            *error = tr("line %1: %2").arg(n + 1).arg(problem);
            return std::nullopt;
        }
        samples.push_back(*sample);
    }
    return samples;
}

} // namespace layerlens::core
