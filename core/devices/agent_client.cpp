#include "devices/agent_client.h"

#include "common/paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

constexpr qint64 kUploadChunk = 4 * 1024 * 1024; // base64 of it fits one frame

} // namespace

std::optional<AgentAddress> AgentAddress::parse(const QString &text, QString *error)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    if (colon <= 0 || !ok || port < 1 || port > 65535) {
        *error = tr("'%1' is not HOST:PORT").arg(text);
        return std::nullopt;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2); // [::1]:7878
    return AgentAddress{host, static_cast<quint16>(port)};
}

QString AgentAddress::toString() const
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                           : QStringLiteral("%1:%2").arg(host).arg(port);
}

std::optional<QByteArray> readTokenFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray token = file.readLine().trimmed();
    if (token.isEmpty()) {
        *error = tr("%1: the token file is empty").arg(path);
        return std::nullopt;
    }
    return token;
}

AgentClient::AgentClient() = default;

AgentClient::~AgentClient()
{
    close();
}

bool AgentClient::connected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void AgentClient::close()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
    m_reader = FrameReader();
}

bool AgentClient::connectTo(const AgentAddress &address, const QByteArray &token,
                            const ClientTls &tls, QString *error, int timeoutMs)
{
    close();
    if (tls.enabled) {
        auto *ssl = new QSslSocket;
        m_socket.reset(ssl);
        if (!tls.caFile.isEmpty()) {
            const auto certificates = QSslCertificate::fromPath(tls.caFile);
            if (certificates.isEmpty()) {
                *error = tr("%1: no PEM certificate").arg(tls.caFile);
                close();
                return false;
            }
            QSslConfiguration config = ssl->sslConfiguration();
            auto trusted = config.caCertificates();
            trusted += certificates;
            config.setCaCertificates(trusted);
            ssl->setSslConfiguration(config);
        }
        ssl->connectToHostEncrypted(address.host, address.port);
        if (!ssl->waitForEncrypted(timeoutMs)) {
            *error =
                tr("%1: TLS connection failed: %2").arg(address.toString(), ssl->errorString());
            close();
            return false;
        }
    } else {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(address.host, address.port);
        if (!m_socket->waitForConnected(timeoutMs)) {
            *error = tr("%1: %2").arg(address.toString(), m_socket->errorString());
            close();
            return false;
        }
    }
    const auto answer = request(QStringLiteral("hello"),
                                {{QStringLiteral("version"), kProtocolVersion},
                                 {QStringLiteral("token"), QString::fromUtf8(token)}},
                                error, timeoutMs);
    if (!answer) {
        *error = tr("%1: %2").arg(address.toString(), *error);
        close();
        return false;
    }
    m_hello = *answer;
    return true;
}

std::optional<QJsonObject> AgentClient::request(const QString &type, QJsonObject fields,
                                                QString *error, int timeoutMs)
{
    if (!connected()) {
        *error = tr("not connected");
        return std::nullopt;
    }
    const qint64 id = m_nextId++;
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    m_socket->write(encodeFrame(fields));
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        while (const auto message = m_reader.next()) {
            const QString kind = message->value(QStringLiteral("type")).toString();
            if (kind == QLatin1String("progress")) {
                if (onEvent)
                    onEvent(*message);
                continue;
            }
            const qint64 answered = message->value(QStringLiteral("id")).toInteger();
            // Skip answers to earlier, abandoned requests; an error with id 0
            // concerns the connection itself.
            if (answered != id && !(kind == QLatin1String("error") && answered == 0))
                continue;
            if (kind == QLatin1String("error")) {
                *error = message->value(QStringLiteral("message")).toString();
                return std::nullopt;
            }
            return *message;
        }
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0) {
            *error = tr("no answer to %1 within %2 s").arg(type).arg(timeoutMs / 1000.0);
            return std::nullopt;
        }
        if (m_socket->bytesToWrite() > 0)
            m_socket->waitForBytesWritten(static_cast<int>(std::min<qint64>(left, 1000)));
        if (!m_socket->waitForReadyRead(static_cast<int>(std::min<qint64>(left, 1000)))) {
            if (m_socket->state() != QAbstractSocket::ConnectedState &&
                m_socket->bytesAvailable() == 0) {
                *error = tr("the agent closed the connection");
                return std::nullopt;
            }
            continue;
        }
        QString problem;
        if (!m_reader.append(m_socket->readAll(), &problem)) {
            *error = tr("the agent sent a malformed frame: %1").arg(problem);
            close();
            return std::nullopt;
        }
    }
}

std::optional<QString> AgentClient::uploadNetwork(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QString sha = fileSha256(path);
    if (sha.isEmpty()) {
        *error = tr("%1: cannot be read").arg(path);
        return std::nullopt;
    }
    const auto present =
        request(QStringLiteral("has_network"), {{QStringLiteral("sha256"), sha}}, error);
    if (!present)
        return std::nullopt;
    if (present->value(QStringLiteral("present")).toBool())
        return sha;
    file.seek(0);
    qint64 offset = 0;
    const qint64 size = file.size();
    while (offset < size) {
        const QByteArray chunk = file.read(kUploadChunk);
        const auto answer =
            request(QStringLiteral("upload"),
                    {{QStringLiteral("sha256"), sha},
                     {QStringLiteral("size"), size},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("data"), QString::fromLatin1(chunk.toBase64())}},
                    error);
        if (!answer) {
            *error = tr("uploading %1: %2").arg(path, *error);
            return std::nullopt;
        }
        offset += chunk.size();
    }
    return sha;
}

} // namespace layerlens::core
