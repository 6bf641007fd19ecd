#pragma once

#include "devices/protocol.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace layerlens::core {

// "host:port" of an agent.
struct AgentAddress
{
    Q_DECLARE_TR_FUNCTIONS(AgentAddress)

public:
    QString host;
    quint16 port = 0;

    static std::optional<AgentAddress> parse(const QString &text, QString *error);
    QString toString() const;
};

// How a client reaches an agent over TLS.
struct ClientTls
{
    bool enabled = false;
    QString caFile; // PEM certificate(s) to trust besides the system's (a self-signed agent)
};

// Reads a token file (the first line, trimmed). Refuses an empty file.
std::optional<QByteArray> readTokenFile(const QString &path, QString *error);

// A blocking client of one agent, for command-line use: connect (and say
// hello), send requests and wait for their answers; progress events that
// arrive meanwhile go to onEvent.
class AgentClient
{
    Q_DECLARE_TR_FUNCTIONS(AgentClient)
public:
    AgentClient();
    ~AgentClient();
    AgentClient(const AgentClient &) = delete;
    AgentClient &operator=(const AgentClient &) = delete;

    bool connectTo(const AgentAddress &address, const QByteArray &token, const ClientTls &tls,
                   QString *error, int timeoutMs = 10000);
    bool connected() const;
    void close();
    // The agent's answer to hello: "agent", "protocol", "device".
    const QJsonObject &hello() const { return m_hello; }

    // Sends {"type": type, "id": n, ...fields}; the answer's fields, or
    // nullopt with error (an error frame's message, a dropped link, a timeout).
    std::optional<QJsonObject> request(const QString &type, QJsonObject fields, QString *error,
                                       int timeoutMs = 60000);
    // Uploads the file unless the agent has it already; its SHA-256.
    std::optional<QString> uploadNetwork(const QString &path, QString *error);

    std::function<void(const QJsonObject &)> onEvent;

private:
    std::unique_ptr<QTcpSocket> m_socket;
    FrameReader m_reader;
    qint64 m_nextId = 1;
    QJsonObject m_hello;
};

} // namespace layerlens::core
