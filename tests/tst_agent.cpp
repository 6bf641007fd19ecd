// layerlens-agent as a real process on loopback: authentication, malformed
// input, many clients, dropped links and a killed agent without losing or
// duplicating samples, remote jobs from layerlens-cli, the device registry, TLS.
#include "devices/agent_client.h"
#include "devices/protocol.h"
#include "profiling/dataset_store.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <functional>
#include <map>
#include <memory>

using namespace layerlens;

namespace {

const char *kTinySpec = R"({"version": 1, "name": "tiny",
    "measure": {"max_time_s": 0.05, "min_runs": 3, "threads": [1], "utilization": [0]},
    "sampling": {"harvest_share": 0, "seed": 5},
    "modules": {"relu": {"op": "Relu", "params": {"batch": {"choices": [1, 2]},
        "in_channels": {"log_uniform": [8, 64]}, "size": {"choices": [7, 14, 28]}}}}})";

// The tiny spec under a 10 % load: each sample then times windows of two
// load periods (20 ms), so a sample takes at least 60 ms on any machine,
// however fast, and a job can be caught in the middle.
const char *kPacedSpec = R"({"version": 1, "name": "paced",
    "measure": {"max_time_s": 0.05, "min_runs": 3, "threads": [1], "utilization": [10]},
    "sampling": {"harvest_share": 0, "seed": 5},
    "modules": {"relu": {"op": "Relu", "params": {"batch": {"choices": [1, 2]},
        "in_channels": {"log_uniform": [8, 64]}, "size": {"choices": [7, 14, 28]}}}}})";

// Samples of the job the agent is killed in: at least 2.4 s of work.
constexpr int kKilledJobSamples = 40;

// One agent process.
class Agent
{
public:
    Agent(const QString &dataDir, const QString &tokenFile)
        : m_data(dataDir)
        , m_token(tokenFile)
    {}
    ~Agent() { stop(); }

    // Starts it (on `port`, 0 for any) and waits for its "listening" line.
    bool start(quint16 port = 0, const QStringList &extra = {})
    {
        // A restarted agent's line, not the last life's.
        m_out.clear();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(
            test::program(QStringLiteral("layerlens-agent")),
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                        QStringLiteral("--data"), m_data, QStringLiteral("--token-file"), m_token} +
                extra);
        static const QRegularExpression listening(
            QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        for (int i = 0; i < 200; ++i) {
            m_process->waitForReadyRead(100);
            m_out += QString::fromUtf8(m_process->readAllStandardOutput());
            const auto match = listening.match(m_out);
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toInt());
                return true;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        qWarning("agent did not start: %s %s", qPrintable(m_out),
                 qPrintable(QString::fromUtf8(m_process->readAllStandardError())));
        return false;
    }
    void kill()
    {
        m_process->kill();
        m_process->waitForFinished();
    }
    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(15000))
                kill();
        }
    }
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QByteArray token() const
    {
        QFile f(m_token);
        f.open(QIODevice::ReadOnly);
        return f.readLine().trimmed();
    }
    bool running() const { return m_process && m_process->state() == QProcess::Running; }
    QString output() const { return m_out; }

private:
    QString m_data;
    QString m_token;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_out;
};

bool connectClient(core::AgentClient &client, const Agent &agent, QString *error,
                   const QByteArray &token = QByteArray(), const core::ClientTls &tls = {})
{
    return client.connectTo(*core::AgentAddress::parse(agent.address(), error),
                            token.isEmpty() ? agent.token() : token, tls, error);
}

// Sends raw bytes and collects what comes back until the agent closes.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, bool *closedByAgent)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(2000);
    QByteArray answer;
    for (int i = 0; i < 50 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    *closedByAgent = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

QString firstErrorMessage(const QByteArray &answer)
{
    core::FrameReader reader;
    QString error;
    if (!reader.append(answer, &error))
        return QString();
    const auto message = reader.next();
    return message && message->value(QStringLiteral("type")).toString() == QLatin1String("error")
               ? message->value(QStringLiteral("message")).toString()
               : QString();
}

qint64 submitProfile(core::AgentClient &client, int samples, QString *error,
                     const char *spec = kTinySpec)
{
    const auto answer = client.request(
        QStringLiteral("submit"),
        {{QStringLiteral("job"),
          QJsonObject{{QStringLiteral("kind"), QStringLiteral("profile")},
                      {QStringLiteral("spec"), QJsonDocument::fromJson(spec).object()},
                      {QStringLiteral("max_samples"), samples}}}},
        error);
    return answer ? answer->value(QStringLiteral("job")).toInteger() : 0;
}

// Rewrites an agent's journal with its only job changed by edit; false
// where the journal cannot be read or written or holds other than one job.
bool editJournalledJob(const QString &path, const std::function<void(QJsonObject *)> &edit)
{
    QFile journal(path);
    if (!journal.open(QIODevice::ReadOnly))
        return false;
    QJsonObject saved = QJsonDocument::fromJson(journal.readAll()).object();
    journal.close();
    QJsonArray jobs = saved.value(QStringLiteral("jobs")).toArray();
    if (jobs.size() != 1)
        return false;
    QJsonObject job = jobs.at(0).toObject();
    edit(&job);
    jobs.replace(0, job);
    saved.insert(QStringLiteral("jobs"), jobs);
    return journal.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           journal.write(QJsonDocument(saved).toJson()) > 0;
}

QJsonObject jobState(core::AgentClient &client, qint64 id, QString *error)
{
    const auto answer = client.request(QStringLiteral("job"), {{QStringLiteral("job"), id}}, error);
    return answer ? answer->value(QStringLiteral("job")).toObject() : QJsonObject();
}

// Every sample the agent holds after cursor, imported into store; the cursor moves on.
int fetchInto(core::AgentClient &client, core::DatasetStore &store, qint64 *cursor,
              QSet<QString> *ids)
{
    int count = 0;
    QString error;
    for (;;) {
        const auto page = client.request(
            QStringLiteral("fetch"),
            {{QStringLiteral("since"), *cursor}, {QStringLiteral("limit"), 7}}, &error);
        if (!page)
            return -1;
        std::vector<core::Sample> samples;
        for (const QJsonValue &v : page->value(QStringLiteral("samples")).toArray()) {
            auto s = core::sampleFromJson(v.toObject(), &error);
            if (!s)
                return -1;
            if (ids)
                ids->insert(s->id);
            samples.push_back(*s);
        }
        if (!samples.empty() && store.importSamples(samples) < 0)
            return -1;
        count += static_cast<int>(samples.size());
        *cursor = page->value(QStringLiteral("cursor")).toInteger();
        if (!page->value(QStringLiteral("more")).toBool())
            return count;
    }
}

bool waitForStatus(core::AgentClient &client, qint64 id, const QString &status, int seconds)
{
    QString error;
    for (int i = 0; i < seconds * 10; ++i) {
        if (jobState(client, id, &error).value(QStringLiteral("status")).toString() == status)
            return true;
        QTest::qWait(100);
    }
    return false;
}

} // namespace

class TestAgent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Agent> m_agent;

private Q_SLOTS:
    void initTestCase()
    {
        const QString token = m_dir.filePath(QStringLiteral("agent.token"));
        m_agent = std::make_unique<Agent>(m_dir.filePath(QStringLiteral("data")), token);
        QVERIFY(m_agent->start());
        // It made a token, readable by its owner only, and said where.
        QVERIFY(QFile::exists(token));
        QCOMPARE(QFile::permissions(token) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                              QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(m_agent->token().size() >= 32);
        QVERIFY(m_agent->output().contains(token));
    }

    void happyPathAndWrongToken()
    {
        core::AgentClient client;
        QString error;
        QVERIFY2(connectClient(client, *m_agent, &error), qPrintable(error));
        QCOMPARE(client.hello().value(QStringLiteral("protocol")).toInt(), core::kProtocolVersion);
        const auto info = client.request(QStringLiteral("device_info"), {}, &error);
        QVERIFY2(info, qPrintable(error));
        QVERIFY(info->value(QStringLiteral("device"))
                    .toObject()
                    .value(QStringLiteral("cores"))
                    .toInt() >= 1);

        core::AgentClient intruder;
        QVERIFY(!connectClient(intruder, *m_agent, &error, QByteArray("0123456789abcdef-wrong")));
        QVERIFY2(error.contains(QStringLiteral("wrong token")), qPrintable(error));
        // The first client is still served.
        QVERIFY(client.request(QStringLiteral("jobs"), {}, &error));
    }

    void malformedInputGetsAnErrorAndACloseOnly()
    {
        bool closed = false;
        // Not the protocol at all: "GET " read as a length is far beyond the limit.
        QString message = firstErrorMessage(
            rawExchange(m_agent->port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n", &closed));
        QVERIFY2(message.contains(QStringLiteral("limit")), qPrintable(message));
        QVERIFY(closed);
        // Oversized frame.
        QByteArray header(4, '\0');
        qToBigEndian<quint32>(100u << 20, header.data());
        message = firstErrorMessage(rawExchange(m_agent->port(), header + "{}", &closed));
        QVERIFY(message.contains(QStringLiteral("limit")));
        QVERIFY(closed);
        // A frame that is not JSON.
        qToBigEndian<quint32>(5, header.data());
        message = firstErrorMessage(rawExchange(m_agent->port(), header + "hello", &closed));
        QVERIFY2(message.contains(QStringLiteral("JSON")), qPrintable(message));
        QVERIFY(closed);
        // A request before hello.
        message = firstErrorMessage(
            rawExchange(m_agent->port(),
                        core::encodeFrame({{QStringLiteral("type"), QStringLiteral("jobs")},
                                           {QStringLiteral("id"), 1}}),
                        &closed));
        QVERIFY2(message.contains(QStringLiteral("hello")), qPrintable(message));
        QVERIFY(closed);
        // A truncated frame, then the client goes away.
        {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), m_agent->port());
            QVERIFY(socket.waitForConnected(5000));
            qToBigEndian<quint32>(100, header.data());
            socket.write(header + "{\"type\":");
            socket.waitForBytesWritten(1000);
            socket.abort();
        }
        // The agent lives on and serves a proper client.
        QTest::qWait(200);
        QVERIFY(m_agent->running());
        core::AgentClient client;
        QString error;
        QVERIFY2(connectClient(client, *m_agent, &error), qPrintable(error));
    }

    void eightClientsAtOnce()
    {
        std::vector<std::unique_ptr<core::AgentClient>> clients;
        QString error;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<core::AgentClient>());
            QVERIFY2(connectClient(*clients.back(), *m_agent, &error), qPrintable(error));
        }
        for (auto &c : clients)
            QVERIFY2(c->request(QStringLiteral("device_info"), {}, &error), qPrintable(error));
        for (auto &c : clients)
            QVERIFY2(c->request(QStringLiteral("jobs"), {}, &error), qPrintable(error));
    }

    void droppedLinkLosesAndDuplicatesNothing()
    {
        QString error;
        QTemporaryDir host;
        core::DatasetStore store;
        QVERIFY(store.open(host.filePath(QStringLiteral("host.sqlite"))));
        auto client = std::make_unique<core::AgentClient>();
        QVERIFY2(connectClient(*client, *m_agent, &error), qPrintable(error));
        const auto cursorAnswer = client->request(QStringLiteral("cursor"), {}, &error);
        QVERIFY(cursorAnswer);
        qint64 cursor = cursorAnswer->value(QStringLiteral("cursor")).toInteger();
        const qint64 job = submitProfile(*client, 24, &error);
        QVERIFY2(job > 0, qPrintable(error));
        // Some samples arrive, then the link drops in the middle of the job.
        QSet<QString> ids;
        int fetched = 0;
        // (A loaded machine takes seconds to start LibTorch for the job.)
        for (int i = 0; i < 600 && fetched < 5; ++i) {
            fetched += fetchInto(*client, store, &cursor, &ids);
            QTest::qWait(100);
        }
        QVERIFY(fetched >= 5);
        client.reset(); // dropped
        QTest::qWait(500);
        client = std::make_unique<core::AgentClient>();
        QVERIFY2(connectClient(*client, *m_agent, &error), qPrintable(error));
        QVERIFY(waitForStatus(*client, job, QStringLiteral("done"), 120));
        // Fetching again from an older cursor repeats samples; the host keeps them once.
        qint64 older = 0;
        QVERIFY(fetchInto(*client, store, &older, nullptr) >= 0);
        fetched += fetchInto(*client, store, &cursor, &ids);
        QCOMPARE(jobState(*client, job, &error).value(QStringLiteral("stored")).toInteger(),
                 qint64(24));
        QCOMPARE(fetched, 24);
        QCOMPARE(ids.size(), 24);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        qint64 fromJob = 0;
        for (const auto &s : store.samples())
            fromJob += ids.contains(s.id) ? 1 : 0;
        QCOMPARE(fromJob, qint64(24));
    }

    void killedAgentResumesTheJob()
    {
        QTemporaryDir dir;
        Agent agent(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("t")));
        QVERIFY(agent.start());
        const quint16 port = agent.port();
        QString error;
        qint64 job = 0;
        {
            core::AgentClient client;
            QVERIFY2(connectClient(client, agent, &error), qPrintable(error));
            // Paced samples, so that the job is still running when it is
            // killed, on a fast machine too (a tiny sample alone can take
            // under 2 ms there; these take at least 60 ms each).
            job = submitProfile(client, kKilledJobSamples, &error, kPacedSpec);
            QVERIFY2(job > 0, qPrintable(error));
            bool started = false;
            for (int i = 0; i < 1500 && !started; ++i) {
                started =
                    jobState(client, job, &error).value(QStringLiteral("stored")).toInteger() >= 5;
                if (!started)
                    QTest::qWait(20);
            }
            QVERIFY(started);
        }
        agent.kill(); // SIGKILL mid-job
        // The journal lags the dataset by the samples stored while the agent
        // was being killed: one on an idle machine, more on a loaded one.
        // Here it lags by all but one.
        const QString journal =
            QDir(dir.filePath(QStringLiteral("data"))).filePath(QStringLiteral("jobs.json"));
        QJsonObject killed;
        QVERIFY(editJournalledJob(journal, [&](QJsonObject *job) {
            killed = *job;
            job->insert(QStringLiteral("stored"), 1);
        }));
        QVERIFY(killed.value(QStringLiteral("stored")).toInteger() >= 5);
        QCOMPARE(killed.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        QVERIFY(agent.start(port));
        core::AgentClient client;
        QVERIFY2(connectClient(client, agent, &error), qPrintable(error));
        QVERIFY(waitForStatus(client, job, QStringLiteral("done"), 120));
        QTemporaryDir host;
        core::DatasetStore store;
        QVERIFY(store.open(host.filePath(QStringLiteral("host.sqlite"))));
        qint64 cursor = 0;
        QSet<QString> ids;
        const int fetched = fetchInto(client, store, &cursor, &ids);
        // The resumed job counts what its run holds, not what its journal
        // last said: no sample too many, however far the journal lagged.
        QCOMPARE(fetched, kKilledJobSamples);
        QCOMPARE(jobState(client, job, &error).value(QStringLiteral("stored")).toInteger(),
                 qint64(kKilledJobSamples));
        QCOMPARE(ids.size(), fetched);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));

        // Killed after its last sample, before the job was marked done: the
        // next life has nothing left to take, reports no progress, and its
        // count is still what the run holds, not the journal's.
        agent.stop();
        QJsonObject finished;
        QVERIFY(editJournalledJob(journal, [&](QJsonObject *job) {
            finished = *job;
            job->insert(QStringLiteral("status"), QStringLiteral("running"));
            job->insert(QStringLiteral("stored"), 1);
        }));
        QCOMPARE(finished.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QVERIFY(agent.start(port));
        core::AgentClient again;
        QVERIFY2(connectClient(again, agent, &error), qPrintable(error));
        QVERIFY(waitForStatus(again, job, QStringLiteral("done"), 120));
        QCOMPARE(jobState(again, job, &error).value(QStringLiteral("stored")).toInteger(),
                 qint64(kKilledJobSamples));
        QCOMPARE(fetchInto(again, store, &cursor, &ids), 0);
    }

    void cliRunsRemoteJobsAndKeepsARegistry()
    {
        QTemporaryDir dir;
        const QString spec = dir.filePath(QStringLiteral("tiny.json"));
        QFile file(spec);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kTinySpec);
        file.close();
        const QString tokenFile = dir.filePath(QStringLiteral("token"));
        QFile token(tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(m_agent->token() + '\n');
        token.close();
        // The child's registry lives in this test's folder.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("share")));
        auto cli = [&](const QStringList &args, QString *out, QString *err) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(test::program(QStringLiteral("layerlens-cli")), args);
            p.waitForFinished(180000);
            *out = QString::fromUtf8(p.readAllStandardOutput());
            *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode();
        };
        QString out, err;
        const QString db = dir.filePath(QStringLiteral("host.sqlite"));
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("--device"), m_agent->address(),
                      QStringLiteral("--token-file"), tokenFile, QStringLiteral("--spec"), spec,
                      QStringLiteral("--db"), db, QStringLiteral("--samples"), QStringLiteral("8")},
                     &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("done")), qPrintable(out + err));
        {
            core::DatasetStore store;
            QVERIFY(store.open(db));
            const auto samples = store.samples();
            QCOMPARE(samples.size(), size_t(8));
            core::AgentClient client;
            QString error;
            QVERIFY(connectClient(client, *m_agent, &error));
            // The agent's device, as the agent describes it, is on every sample.
            const QJsonObject device = client.hello().value(QStringLiteral("device")).toObject();
            for (const auto &s : samples)
                QCOMPARE(s.deviceInfo.value(QStringLiteral("host")).toString(),
                         device.value(QStringLiteral("host")).toString());
        }
        // Without a token: refused before connecting.
        QCOMPARE(
            cli({QStringLiteral("device-info"), QStringLiteral("--device"), m_agent->address()},
                &out, &err),
            2);
        QVERIFY(err.contains(QStringLiteral("--token-file")));
        // The registry: add, list, use by name, remove.
        QCOMPARE(cli({QStringLiteral("devices"), QStringLiteral("add"), QStringLiteral("lab"),
                      m_agent->address(), QStringLiteral("--token-file"), tokenFile},
                     &out, &err),
                 0);
        const QString stored = dir.filePath(QStringLiteral("share/layerlens/tokens/lab.token"));
        QVERIFY2(QFile::exists(stored), qPrintable(out));
        QCOMPARE(QFile::permissions(stored) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QFile config(dir.filePath(QStringLiteral("config/layerlens/devices.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(!config.readAll().contains(m_agent->token())); // never in the settings
        QCOMPARE(cli({QStringLiteral("devices"), QStringLiteral("list")}, &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("lab")));
        QCOMPARE(
            cli({QStringLiteral("device-info"), QStringLiteral("--device"), QStringLiteral("lab")},
                &out, &err),
            0);
        QVERIFY(QJsonDocument::fromJson(out.toUtf8()).object().contains(QStringLiteral("device")));
        QCOMPARE(
            cli({QStringLiteral("measure"), test::sharedModel(QStringLiteral("squeezenet1_1.onnx")),
                 QStringLiteral("--device"), QStringLiteral("lab"), QStringLiteral("--max-time"),
                 QStringLiteral("1")},
                &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("median")), qPrintable(out + err));
        // Training on the agent, from the samples it holds; the profile comes back.
        const QString profile = dir.filePath(QStringLiteral("remote-profile"));
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--device"), QStringLiteral("lab"),
                      QStringLiteral("--out"), profile, QStringLiteral("--kinds"),
                      QStringLiteral("ridge,knn")},
                     &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("relu")), qPrintable(out + err));
        QVERIFY(QFile::exists(QDir(profile).filePath(QStringLiteral("manifest.json"))));
        QCOMPARE(cli({QStringLiteral("models"), profile}, &out, &err), 0);
        QCOMPARE(cli({QStringLiteral("devices"), QStringLiteral("remove"), QStringLiteral("lab")},
                     &out, &err),
                 0);
        QVERIFY(!QFile::exists(stored));
    }

    void splitsASpecAcrossTwoAgents()
    {
        QTemporaryDir dir;
        Agent second(dir.filePath(QStringLiteral("data2")), dir.filePath(QStringLiteral("t2")));
        QVERIFY(second.start());
        const QString spec = dir.filePath(QStringLiteral("tiny.json"));
        QFile file(spec);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kTinySpec);
        file.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("share")));
        auto cli = [&](const QStringList &args, QString *out) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(test::program(QStringLiteral("layerlens-cli")), args);
            p.waitForFinished(180000);
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitCode();
        };
        QString out;
        int i = 0;
        for (const Agent *agent : {m_agent.get(), &second}) {
            const QString tokenFile = dir.filePath(QStringLiteral("token%1").arg(++i));
            QFile token(tokenFile);
            QVERIFY(token.open(QIODevice::WriteOnly));
            token.write(agent->token() + '\n');
            token.close();
            QCOMPARE(cli({QStringLiteral("devices"), QStringLiteral("add"),
                          QStringLiteral("box%1").arg(i), agent->address(),
                          QStringLiteral("--token-file"), tokenFile},
                         &out),
                     0);
        }
        const QString db = dir.filePath(QStringLiteral("merged.sqlite"));
        const int status =
            cli({QStringLiteral("profile"), QStringLiteral("--device"), QStringLiteral("box1"),
                 QStringLiteral("--device"), QStringLiteral("box2"), QStringLiteral("--spec"), spec,
                 QStringLiteral("--db"), db, QStringLiteral("--samples"), QStringLiteral("10")},
                &out);
        QVERIFY2(status == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("share 2/2")), qPrintable(out));
        core::DatasetStore store;
        QVERIFY(store.open(db));
        const auto samples = store.samples();
        QCOMPARE(samples.size(), size_t(10));
        std::map<QString, int> perRun;
        QSet<QString> ids;
        for (const auto &s : samples) {
            ++perRun[s.runUuid];
            ids.insert(s.id);
        }
        QCOMPARE(ids.size(), 10);
        QCOMPARE(perRun.size(), size_t(2)); // one run on each agent,
        for (const auto &[run, count] : perRun)
            QCOMPARE(count, 5); // each with its half
        // Both agents are this machine: one fingerprint, so one profile can train on all.
        QCOMPARE(samples.front().deviceFingerprint, samples.back().deviceFingerprint);
    }

    void servesTls()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed; scripts/common.sh installs it for CI");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        Agent agent(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("t")));
        QVERIFY(
            agent.start(0, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
        QString error;
        core::AgentClient client;
        core::ClientTls tls;
        tls.enabled = true;
        tls.caFile = cert;
        QVERIFY2(connectClient(client, agent, &error, QByteArray(), tls), qPrintable(error));
        QVERIFY(client.request(QStringLiteral("device_info"), {}, &error));
        // Without TLS the agent does not talk.
        core::AgentClient plain;
        QVERIFY(!connectClient(plain, agent, &error));
        // Nor with TLS that does not trust its certificate.
        core::AgentClient untrusting;
        core::ClientTls noCa;
        noCa.enabled = true;
        QVERIFY(!connectClient(untrusting, agent, &error, QByteArray(), noCa));
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
