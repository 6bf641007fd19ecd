#include "devices/protocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>

namespace layerlens::core {

QByteArray encodeFrame(const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(4, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(body.size()), frame.data());
    return frame + body;
}

bool FrameReader::append(const QByteArray &bytes, QString *error)
{
    if (m_broken) {
        *error = QCoreApplication::translate("protocol", "the stream is already broken");
        return false;
    }
    m_buffer.append(bytes);
    while (m_buffer.size() >= 4) {
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
        if (length == 0 || qint64(length) > m_max) {
            m_broken = true;
            *error = QCoreApplication::translate("protocol", "frame of %1 bytes (the limit is %2)")
                         .arg(length)
                         .arg(m_max);
            return false;
        }
        if (m_buffer.size() < 4 + qint64(length))
            break;
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(m_buffer.mid(4, length), &parse);
        m_buffer.remove(0, 4 + length);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            m_broken = true;
            *error = QCoreApplication::translate("protocol", "a frame is not a JSON object (%1)")
                         .arg(parse.error != QJsonParseError::NoError ? parse.errorString()
                                                                      : QStringLiteral("array"));
            return false;
        }
        m_ready.push_back(doc.object());
    }
    return true;
}

std::optional<QJsonObject> FrameReader::next()
{
    if (m_ready.empty())
        return std::nullopt;
    QJsonObject message = std::move(m_ready.front());
    m_ready.pop_front();
    return message;
}

bool secretsEqual(const QByteArray &a, const QByteArray &b)
{
    // Length leaks, contents do not: every byte of the longer is visited.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= x ^ y;
    }
    return diff == 0;
}

QByteArray newToken()
{
    QByteArray bytes(32, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toHex();
}

QJsonObject errorMessage(qint64 id, const QString &message)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("message"), message}};
}

} // namespace layerlens::core
