#pragma once

#include "devices/agent_jobs.h"
#include "devices/protocol.h"

#include <QHostAddress>
#include <QObject>

#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace layerlens::core {

struct AgentOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 7878; // 0: any free port
    QByteArray token;
    QString dataDir;
    QString tlsCertificate; // PEM; with tlsKey, the agent serves TLS only
    QString tlsKey;
    qint64 maxNetworkBytes = qint64(2) << 30;
    int authTimeoutMs = 10000;
};

// layerlens-agent's server: accepts connections, authenticates them with the
// token (constant-time comparison), then serves the protocol of
// devices/protocol.h: device info, network uploads (content-addressed,
// size-limited), jobs (submit, cancel, list, progress events) and samples
// since a cursor. A connection that sends anything malformed, oversized,
// unauthenticated or out of order gets an error frame and is closed; the
// others go on.
class AgentServer : public QObject
{
    Q_OBJECT

public:
    explicit AgentServer(QObject *parent = nullptr);
    ~AgentServer() override;

    bool start(const AgentOptions &options, QString *error);
    quint16 port() const;
    AgentJobs *jobs() const { return m_jobs.get(); }

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(Connection &c, const QJsonObject &message);
    void reply(Connection &c, qint64 id, QJsonObject result);
    void fail(Connection &c, qint64 id, const QString &message, bool close);
    QJsonObject upload(const QJsonObject &message, QString *error);

    AgentOptions m_options;
    QTcpServer *m_server = nullptr;
    std::unique_ptr<AgentJobs> m_jobs;
    std::map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    QJsonObject m_deviceInfo;
};

} // namespace layerlens::core
