#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <deque>
#include <optional>

namespace layerlens::core {

// The agent protocol (layerlens-agent <-> hosts), version 1.
//
// A stream of frames, each a 4-byte big-endian length N (1 <= N <= the
// maximum frame size) followed by N bytes of one UTF-8 JSON object. Every
// request carries "type" and a client-chosen integer "id"; the agent answers
// with the same id and "type": "ok" (with the result) or "error" (with
// "message"), and may send "progress" events naming a job. The first request
// must be {"type": "hello", "version": 1, "token": ...}; anything malformed,
// oversized, unauthenticated or out of order gets an error frame and the
// connection is closed.
inline constexpr int kProtocolVersion = 1;
inline constexpr qint64 kMaxFrameBytes = 8 * 1024 * 1024;

// Frame of one message.
QByteArray encodeFrame(const QJsonObject &message);

// Splits a byte stream into messages. Feed it what arrives; take complete
// messages with next(). Once broken (a bad length or a frame that is not a
// JSON object) it stays broken: the connection must be closed.
class FrameReader
{
public:
    explicit FrameReader(qint64 maxFrameBytes = kMaxFrameBytes)
        : m_max(maxFrameBytes)
    {}

    // False with error when the stream is malformed.
    bool append(const QByteArray &bytes, QString *error);
    std::optional<QJsonObject> next();
    bool broken() const { return m_broken; }
    // Bytes of an incomplete frame waiting for the rest.
    qint64 pending() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    std::deque<QJsonObject> m_ready;
    qint64 m_max;
    bool m_broken = false;
};

// Compares secrets in time independent of where they differ.
bool secretsEqual(const QByteArray &a, const QByteArray &b);

// A new random token: 32 bytes from the system's secure generator, hex.
QByteArray newToken();

// {"type": "error", "id": id, "message": message}
QJsonObject errorMessage(qint64 id, const QString &message);

} // namespace layerlens::core
