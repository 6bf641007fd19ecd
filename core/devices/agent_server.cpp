#include "devices/agent_server.h"

#include "common/version.h"
#include "devices/device_info.h"
#include "profiling/dataset_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace layerlens::core {

namespace {

bool wholeNumber(const QJsonValue &v, qint64 low, qint64 high)
{
    return v.isDouble() && v.toDouble() == double(v.toInteger()) && v.toInteger() >= low &&
           v.toInteger() <= high;
}

} // namespace

struct AgentServer::Connection
{
    QTcpSocket *socket = nullptr;
    FrameReader reader;
    bool authenticated = false;
    bool closing = false;
    QSet<qint64> subscriptions; // job ids; 0 for every job
    std::unique_ptr<DatasetStore> store;
};

AgentServer::AgentServer(QObject *parent)
    : QObject(parent)
{}

AgentServer::~AgentServer()
{
    if (m_jobs)
        m_jobs->stop();
}

bool AgentServer::start(const AgentOptions &options, QString *error)
{
    m_options = options;
    m_deviceInfo = deviceInfoToJson(probeLocalDevice());
    m_jobs = std::make_unique<AgentJobs>(options.dataDir);
    if (!m_jobs->open(error))
        return false;
    if (!options.tlsCertificate.isEmpty() || !options.tlsKey.isEmpty()) {
        QFile certFile(options.tlsCertificate), keyFile(options.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the TLS certificate %1 or key %2")
                         .arg(options.tlsCertificate, options.tlsKey);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec);
        if (chain.isEmpty() || key.isNull()) {
            *error = tr("%1 or %2: not a PEM certificate and an RSA or EC key")
                         .arg(options.tlsCertificate, options.tlsKey);
            return false;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        auto *server = new QSslServer(this);
        server->setSslConfiguration(tls);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    if (!m_server->listen(options.address, options.port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(options.address.toString())
                     .arg(options.port)
                     .arg(m_server->errorString());
        return false;
    }
    // QSslServer hands out sockets once their handshake is done.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &AgentServer::onNewConnection);
    auto notify = [this](qint64 id) {
        const AgentJob *job = m_jobs->job(id);
        if (!job)
            return;
        QJsonObject event{{QStringLiteral("type"), QStringLiteral("progress")},
                          {QStringLiteral("job"), id},
                          {QStringLiteral("status"), job->status},
                          {QStringLiteral("fraction"), job->fraction},
                          {QStringLiteral("stored"), job->stored}};
        const QByteArray frame = encodeFrame(event);
        for (auto &[socket, c] : m_connections) {
            if (c->authenticated && !c->closing &&
                (c->subscriptions.contains(id) || c->subscriptions.contains(0)))
                socket->write(frame);
        }
    };
    connect(m_jobs.get(), &AgentJobs::progress, this, notify);
    connect(m_jobs.get(), &AgentJobs::finished, this, notify);
    return true;
}

quint16 AgentServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void AgentServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto c = std::make_unique<Connection>();
        c->socket = socket;
        c->reader = FrameReader(kMaxFrameBytes);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.erase(socket);
            socket->deleteLater();
        });
        // Who does not say hello in time is let go.
        QTimer::singleShot(m_options.authTimeoutMs, socket, [this, socket] {
            const auto it = m_connections.find(socket);
            if (it != m_connections.end() && !it->second->authenticated)
                fail(*it->second, 0, tr("no hello within %1 ms").arg(m_options.authTimeoutMs),
                     true);
        });
        m_connections[socket] = std::move(c);
    }
}

void AgentServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it->second;
    if (c.closing) {
        socket->readAll();
        return;
    }
    QString error;
    if (!c.reader.append(socket->readAll(), &error)) {
        fail(c, 0, error, true);
        return;
    }
    while (!c.closing) {
        const auto message = c.reader.next();
        if (!message)
            break;
        handle(c, *message);
    }
}

void AgentServer::reply(Connection &c, qint64 id, QJsonObject result)
{
    result.insert(QStringLiteral("type"), QStringLiteral("ok"));
    result.insert(QStringLiteral("id"), id);
    c.socket->write(encodeFrame(result));
}

void AgentServer::fail(Connection &c, qint64 id, const QString &message, bool close)
{
    c.socket->write(encodeFrame(errorMessage(id, message)));
    if (close) {
        c.closing = true;
        c.socket->disconnectFromHost(); // after what is written has gone
    }
}

void AgentServer::handle(Connection &c, const QJsonObject &m)
{
    const QJsonValue idValue = m.value(QStringLiteral("id"));
    if (!wholeNumber(idValue, 0, (qint64(1) << 53))) {
        fail(c, 0, tr("every request needs a whole-number \"id\""), true);
        return;
    }
    const qint64 id = idValue.toInteger();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (!c.authenticated) {
        if (type != QLatin1String("hello")) {
            fail(c, id, tr("authenticate first (hello)"), true);
            return;
        }
        const int version = m.value(QStringLiteral("version")).toInt(-1);
        if (version != kProtocolVersion) {
            fail(c, id,
                 tr("protocol version %1 is not spoken here (this agent: %2)")
                     .arg(version)
                     .arg(kProtocolVersion),
                 true);
            return;
        }
        if (!secretsEqual(m.value(QStringLiteral("token")).toString().toUtf8(), m_options.token)) {
            fail(c, id, tr("wrong token"), true);
            return;
        }
        c.authenticated = true;
        reply(c, id,
              {{QStringLiteral("agent"), QString::fromLatin1(kVersion)},
               {QStringLiteral("protocol"), kProtocolVersion},
               {QStringLiteral("device"), m_deviceInfo}});
        return;
    }
    QString error;
    if (type == QLatin1String("device_info")) {
        reply(c, id, {{QStringLiteral("device"), m_deviceInfo}});
    } else if (type == QLatin1String("has_network")) {
        reply(c, id,
              {{QStringLiteral("present"),
                !m_jobs->networkPath(m.value(QStringLiteral("sha256")).toString()).isEmpty()}});
    } else if (type == QLatin1String("upload")) {
        const QJsonObject result = upload(m, &error);
        if (!error.isEmpty())
            fail(c, id, error, true);
        else
            reply(c, id, result);
    } else if (type == QLatin1String("submit")) {
        const qint64 job = m_jobs->submit(m.value(QStringLiteral("job")).toObject(), &error);
        if (job == 0)
            fail(c, id, error, false); // a job it cannot run; the connection is fine
        else
            reply(c, id, {{QStringLiteral("job"), job}});
    } else if (type == QLatin1String("cancel")) {
        reply(c, id,
              {{QStringLiteral("cancelled"),
                m_jobs->cancel(m.value(QStringLiteral("job")).toInteger())}});
    } else if (type == QLatin1String("jobs")) {
        QJsonArray jobs;
        for (const AgentJob &j : m_jobs->jobs())
            jobs.append(j.toJson());
        reply(c, id, {{QStringLiteral("jobs"), jobs}});
    } else if (type == QLatin1String("job")) {
        const AgentJob *j = m_jobs->job(m.value(QStringLiteral("job")).toInteger());
        if (!j)
            fail(c, id, tr("no job %1").arg(m.value(QStringLiteral("job")).toInteger()), false);
        else
            reply(c, id, {{QStringLiteral("job"), j->toJson()}});
    } else if (type == QLatin1String("subscribe")) {
        c.subscriptions.insert(m.value(QStringLiteral("job")).toInteger());
        reply(c, id, {});
    } else if (type == QLatin1String("fetch") || type == QLatin1String("cursor")) {
        if (!c.store) {
            c.store = std::make_unique<DatasetStore>();
            if (!c.store->open(m_jobs->datasetPath())) {
                fail(c, id, c.store->errorString(), false);
                c.store.reset();
                return;
            }
        }
        if (type == QLatin1String("cursor")) {
            qint64 last = 0;
            // The newest sample's rowid: page to the end.
            for (;;) {
                qint64 next = last;
                const auto page = c.store->samplesAfter(last, 5000, &next);
                if (page.empty())
                    break;
                last = next;
            }
            reply(c, id, {{QStringLiteral("cursor"), last}});
            return;
        }
        const QJsonValue since = m.value(QStringLiteral("since"));
        const int limit = std::clamp(m.value(QStringLiteral("limit")).toInt(500), 1, 1000);
        if (!wholeNumber(since, 0, qint64(1) << 53)) {
            fail(c, id, tr("fetch needs a whole-number \"since\" cursor"), true);
            return;
        }
        qint64 last = 0;
        QJsonArray samples;
        const auto page = c.store->samplesAfter(since.toInteger(), limit, &last);
        for (const Sample &s : page)
            samples.append(sampleToJson(s));
        reply(c, id,
              {{QStringLiteral("samples"), samples},
               {QStringLiteral("cursor"), last},
               {QStringLiteral("more"), static_cast<int>(page.size()) == limit}});
    } else if (type == QLatin1String("profile_file")) {
        // A file of a profile a train job wrote: the list, or one by name.
        const AgentJob *j = m_jobs->job(m.value(QStringLiteral("job")).toInteger());
        const QString dir =
            j ? j->result.value(QStringLiteral("profile_dir")).toString() : QString();
        if (dir.isEmpty()) {
            fail(c, id,
                 tr("job %1 wrote no profile").arg(m.value(QStringLiteral("job")).toInteger()),
                 false);
            return;
        }
        const QString name = m.value(QStringLiteral("name")).toString();
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
        if (name.isEmpty()) {
            reply(c, id, {{QStringLiteral("files"), QJsonArray::fromStringList(files)}});
            return;
        }
        QFile file(QDir(dir).filePath(name));
        if (!files.contains(name) || file.size() > kMaxFrameBytes / 2 ||
            !file.open(QIODevice::ReadOnly)) {
            fail(c, id, tr("no file '%1' in the profile (or too large to send)").arg(name), false);
            return;
        }
        reply(c, id, {{QStringLiteral("content"), QString::fromUtf8(file.readAll())}});
    } else if (type == QLatin1String("hello")) {
        fail(c, id, tr("hello twice"), true);
    } else {
        fail(c, id, tr("unknown request type '%1'").arg(type), true);
    }
}

QJsonObject AgentServer::upload(const QJsonObject &m, QString *error)
{
    const QString sha = m.value(QStringLiteral("sha256")).toString();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(sha).hasMatch()) {
        *error = tr("upload: sha256 must be 64 lowercase hex digits");
        return {};
    }
    if (!wholeNumber(m.value(QStringLiteral("size")), 1, m_options.maxNetworkBytes)) {
        *error = tr("upload: size must be 1 to %1 bytes").arg(m_options.maxNetworkBytes);
        return {};
    }
    const qint64 size = m.value(QStringLiteral("size")).toInteger();
    const QString done = QDir(m_jobs->networksDir()).filePath(sha + QStringLiteral(".onnx"));
    if (QFile::exists(done))
        return {{QStringLiteral("received"), size}, {QStringLiteral("complete"), true}};
    const QString partPath = QDir(m_jobs->networksDir()).filePath(sha + QStringLiteral(".part"));
    QFile part(partPath);
    const qint64 have = part.exists() ? part.size() : 0;
    if (!wholeNumber(m.value(QStringLiteral("offset")), 0, size) ||
        m.value(QStringLiteral("offset")).toInteger() != have) {
        *error = tr("upload: expected offset %1").arg(have);
        return {};
    }
    const auto base64 =
        QByteArray::fromBase64Encoding(m.value(QStringLiteral("data")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray *decoded = base64 ? &base64.decoded : nullptr;
    if (!decoded || have + decoded->size() > size) {
        *error = tr("upload: data is not base64 or runs past the declared size");
        return {};
    }
    if (!part.open(QIODevice::Append) || part.write(*decoded) != decoded->size()) {
        *error = tr("upload: %1: %2").arg(partPath, part.errorString());
        return {};
    }
    part.close();
    const qint64 received = have + decoded->size();
    if (received < size)
        return {{QStringLiteral("received"), received}, {QStringLiteral("complete"), false}};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (part.open(QIODevice::ReadOnly))
        hash.addData(&part);
    part.close();
    if (QString::fromLatin1(hash.result().toHex()) != sha) {
        QFile::remove(partPath);
        *error = tr("upload: the content does not match its SHA-256");
        return {};
    }
    if (!QFile::rename(partPath, done)) {
        *error = tr("upload: cannot store %1").arg(done);
        return {};
    }
    return {{QStringLiteral("received"), received}, {QStringLiteral("complete"), true}};
}

} // namespace layerlens::core
