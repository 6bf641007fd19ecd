#pragma once

#include "devices/agent_client.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace layerlens::core {

// A remote device the host knows: a name for an agent's address.
struct RegisteredDevice
{
    QString name;
    QString address; // host:port
    bool tls = false;
    QString caFile;
};

// The host's saved remote devices: names and addresses in
// <user config>/devices.json; each token in its own file under <user data>/tokens,
// mode 0600 in a 0700 folder (this build has no keychain integration), never
// in the settings.
class DeviceRegistry
{
    Q_DECLARE_TR_FUNCTIONS(DeviceRegistry)
public:
    // dir: where both live (tests); empty for the user's folders.
    explicit DeviceRegistry(const QString &dir = QString());

    bool load(QString *error);
    const std::vector<RegisteredDevice> &devices() const { return m_devices; }
    const RegisteredDevice *find(const QString &name) const;
    // Adds or replaces a device and stores its token. False with error.
    bool add(const RegisteredDevice &device, const QByteArray &token, QString *error);
    bool remove(const QString &name, QString *error);
    std::optional<QByteArray> token(const QString &name, QString *error) const;
    QString tokenPath(const QString &name) const;

private:
    bool save(QString *error) const;
    QString m_config;
    QString m_tokens;
    std::vector<RegisteredDevice> m_devices;
};

} // namespace layerlens::core
