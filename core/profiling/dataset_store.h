#pragma once

#include "devices/device_info.h"
#include "profiling/module_config.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <optional>
#include <utility>
#include <vector>

namespace layerlens::core {

// One stored measurement of one module configuration.
struct Sample
{
    QString id;       // "<run uuid>-<seq>": unique across datasets, stable across resumes
    qint64 runId = 0; // this dataset's row id of the run
    QString runUuid;
    QString deviceFingerprint;
    QJsonObject deviceInfo; // filled when read back, for exports
    qint64 seq = 0;
    QString module;
    QString op;
    QString source;
    QJsonObject params;
    QJsonObject features; // macs, flops, params, input/output bytes, arithmetic intensity
    double latencyMedianMs = 0;
    double latencyP10Ms = 0;
    double latencyMinMs = 0;
    double latencyCv = 0;
    int runs = 0;
    bool repeatable = false;
    qint64 peakMemoryBytes = 0;
    std::optional<double> energyJoules;
    int threads = 1;
    int utilization = 0;
    QString created; // ISO 8601, UTC
};

// Per device and module: how many samples, and their latency range.
struct DatasetSummary
{
    QString device;
    QString module;
    int samples = 0;
    double minLatencyMs = 0;
    double maxLatencyMs = 0;
    QString lastSample;
};

// The profiling dataset: one SQLite file (WAL journal) with devices, runs and
// samples. Every sample is committed in its own transaction, so a killed
// job loses at most the sample in flight.
class DatasetStore
{
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)
public:
    DatasetStore();
    ~DatasetStore();
    DatasetStore(const DatasetStore &) = delete;
    DatasetStore &operator=(const DatasetStore &) = delete;

    // Opens (creating folders, file and tables as needed). False with errorString().
    bool open(const QString &path);
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    // The device's row id, inserting it on first sight. fingerprint identifies it.
    // With describe, its description becomes info, the latest one (a host name
    // or kernel version may change under the same fingerprint, and a newer
    // LayerLens records more: the BLAS pool since session 26); an import of
    // older samples keeps the one it finds.
    qint64 deviceId(const QString &fingerprint, const DeviceInfo &info, bool describe = true);
    // A new run of a spec on a device; returns its id (0 on failure).
    qint64 startRun(qint64 device, const QString &specHash, const QByteArray &specJson,
                    const QJsonObject &options);
    // The most recent unfinished run of that spec on that device, or 0.
    qint64 resumableRun(qint64 device, const QString &specHash);
    // The run's universally unique id (sample ids start with it).
    QString runUuid(qint64 run);
    // The next sequence number of a run (max stored + 1).
    qint64 nextSeq(qint64 run);
    // Marks a run finished ("completed", "cancelled", "failed").
    bool finishRun(qint64 run, const QString &status);
    // The spec JSON a run profiled with (empty when there is no such run).
    QByteArray runSpec(qint64 run) const;
    // What a run measured besides module samples, by kind (calibrate's
    // networks and speed timings): one JSON object per record, each stored
    // in its own statement. False with errorString().
    bool addRecord(qint64 run, const QString &kind, const QJsonObject &data);
    // A run's records of one kind, in the order they were stored.
    std::vector<QJsonObject> records(qint64 run, const QString &kind) const;
    // (run, records) of every run with records of that kind, oldest first.
    std::vector<std::pair<qint64, int>> runsWithRecords(const QString &kind) const;
    // Stores one sample in its own transaction; false with errorString().
    bool addSample(const Sample &sample);
    // Inserts samples whose id is not stored yet, creating their devices and
    // runs (by fingerprint and run uuid) as needed; returns how many were new, or -1.
    int importSamples(const std::vector<Sample> &samples);

    std::vector<Sample> samples(const QString &module = QString()) const;
    // The samples of one run, in the order they were stored.
    std::vector<Sample> samplesOfRun(qint64 run) const;
    // Samples stored after the one with SQLite rowid `after` (0: from the
    // first), in the order they were stored, at most limit; *last gets the
    // rowid of the last one returned (after, when none): a cursor for
    // fetching what a host has not seen yet.
    std::vector<Sample> samplesAfter(qint64 after, int limit, qint64 *last) const;
    std::vector<DatasetSummary> summary() const;
    qint64 sampleCount() const;
    // The samples one run holds; -1 on error.
    qint64 sampleCount(qint64 run) const;
    // "ok" when SQLite's integrity check passes, else its first complaint.
    QString integrityCheck() const;

private:
    // Samples matching one "s.column = ?" condition (none: every sample).
    std::vector<Sample> select(const QString &where, const QVariant &value) const;
    bool exec(const QString &sql);
    bool beginWrite(QString *problem);
    bool migrate();
    QString m_connection;
    QString m_path;
    QString m_error;
};

// The default dataset file under the user's data folder.
QString defaultDatasetPath();

// Samples as JSON objects (one per line in JSON lines) and back.
QJsonObject sampleToJson(const Sample &sample);
std::optional<Sample> sampleFromJson(const QJsonObject &json, QString *error);
// CSV with a header row; params and features as JSON text in their cells.
QString samplesToCsv(const std::vector<Sample> &samples);
// Reads what samplesToCsv wrote; nullopt with error naming the line otherwise.
std::optional<std::vector<Sample>> samplesFromCsv(const QString &csv, QString *error);

} // namespace layerlens::core
