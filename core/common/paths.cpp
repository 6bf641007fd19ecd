#include "common/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace layerlens::core {

QString userDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("layerlens"));
}

QString userConfigDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("layerlens"));
}

} // namespace layerlens::core
