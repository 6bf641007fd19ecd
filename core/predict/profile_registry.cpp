#include "predict/profile_registry.h"

#include "common/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace layerlens::core {

namespace {

const QString kBuiltinRoot = QStringLiteral(":/layerlens/profiles");

} // namespace

QStringList builtinProfiles()
{
    return QDir(kBuiltinRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString savedProfilesDir()
{
    return QDir(userDataDir()).filePath(QStringLiteral("profiles"));
}

QString resolveProfileDir(const QString &nameOrDir, QString *error)
{
    const QString name = nameOrDir.isEmpty() ? QString::fromLatin1(kDefaultProfileName) : nameOrDir;
    QStringList candidates;
    if (QFileInfo(name).isDir())
        candidates.append(name);
    if (!name.contains(QLatin1Char('/'))) {
        candidates.append(QDir(savedProfilesDir()).filePath(name));
        candidates.append(kBuiltinRoot + QLatin1Char('/') + name);
    }
    for (const QString &dir : candidates) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("manifest.json"))))
            return dir;
    }
    QStringList known = builtinProfiles();
    known += QDir(savedProfilesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    *error =
        QCoreApplication::translate("profiles",
                                    "%1: no such profile folder or profile name (known: %2)")
            .arg(name, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", ")));
    return QString();
}

std::unique_ptr<DeviceProfile> loadProfile(const QString &nameOrDir, QString *resolved,
                                           QString *error)
{
    const QString dir = resolveProfileDir(nameOrDir, error);
    if (dir.isEmpty())
        return nullptr;
    auto profile = DeviceProfile::load(dir, error);
    if (profile)
        *resolved = dir.startsWith(kBuiltinRoot) ? QDir(dir).dirName() : dir;
    return profile;
}

} // namespace layerlens::core
