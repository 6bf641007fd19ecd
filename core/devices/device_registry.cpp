#include "devices/device_registry.h"

#include "common/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace layerlens::core {

DeviceRegistry::DeviceRegistry(const QString &dir)
    : m_config(dir.isEmpty() ? QDir(userConfigDir()).filePath(QStringLiteral("devices.json"))
                             : QDir(dir).filePath(QStringLiteral("devices.json")))
    , m_tokens(dir.isEmpty() ? QDir(userDataDir()).filePath(QStringLiteral("tokens"))
                             : QDir(dir).filePath(QStringLiteral("tokens")))
{}

bool DeviceRegistry::load(QString *error)
{
    m_devices.clear();
    QFile file(m_config);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(m_config, file.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("%1: not a device list (%2)").arg(m_config, parse.errorString());
        return false;
    }
    for (const QJsonValue &v : doc.object().value(QStringLiteral("devices")).toArray()) {
        const QJsonObject o = v.toObject();
        m_devices.push_back(RegisteredDevice{o.value(QStringLiteral("name")).toString(),
                                             o.value(QStringLiteral("address")).toString(),
                                             o.value(QStringLiteral("tls")).toBool(),
                                             o.value(QStringLiteral("tls_ca")).toString()});
    }
    return true;
}

const RegisteredDevice *DeviceRegistry::find(const QString &name) const
{
    for (const RegisteredDevice &d : m_devices) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

QString DeviceRegistry::tokenPath(const QString &name) const
{
    return QDir(m_tokens).filePath(name + QStringLiteral(".token"));
}

bool DeviceRegistry::add(const RegisteredDevice &device, const QByteArray &token, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!valid.match(device.name).hasMatch() || device.name == QLatin1String("local")) {
        *error = tr("'%1': a device name is 1-64 letters, digits, '.', '_' or '-', and not "
                    "'local'")
                     .arg(device.name);
        return false;
    }
    if (!AgentAddress::parse(device.address, error))
        return false;
    if (!QDir().mkpath(m_tokens) ||
        !QFile::setPermissions(m_tokens, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner)) {
        *error = tr("%1: cannot create the token folder").arg(m_tokens);
        return false;
    }
    QSaveFile file(tokenPath(device.name));
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(token + '\n') < 0 || !file.commit()) {
        *error = tr("%1: %2").arg(tokenPath(device.name), file.errorString());
        return false;
    }
    std::erase_if(m_devices, [&](const RegisteredDevice &d) { return d.name == device.name; });
    m_devices.push_back(device);
    return save(error);
}

bool DeviceRegistry::remove(const QString &name, QString *error)
{
    const auto before = m_devices.size();
    std::erase_if(m_devices, [&](const RegisteredDevice &d) { return d.name == name; });
    if (before == m_devices.size()) {
        *error = tr("no device named '%1'").arg(name);
        return false;
    }
    QFile::remove(tokenPath(name));
    return save(error);
}

std::optional<QByteArray> DeviceRegistry::token(const QString &name, QString *error) const
{
    return readTokenFile(tokenPath(name), error);
}

bool DeviceRegistry::save(QString *error) const
{
    QJsonArray list;
    for (const RegisteredDevice &d : m_devices)
        list.append(QJsonObject{{QStringLiteral("name"), d.name},
                                {QStringLiteral("address"), d.address},
                                {QStringLiteral("tls"), d.tls},
                                {QStringLiteral("tls_ca"), d.caFile}});
    QDir().mkpath(QFileInfo(m_config).absolutePath());
    QSaveFile file(m_config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("devices"), list}}).toJson()) < 0 ||
        !file.commit()) {
        *error = tr("%1: %2").arg(m_config, file.errorString());
        return false;
    }
    return true;
}

} // namespace layerlens::core
