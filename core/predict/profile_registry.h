#pragma once

#include "models/device_profile.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace layerlens::core {

// The profile LayerLens uses when none is chosen.
inline constexpr char kDefaultProfileName[] = "reference-cpu";

// Profiles shipped inside LayerLens (resources/profiles/NAME).
QStringList builtinProfiles();

// Where saved profiles live: <user data>/profiles/NAME (common/paths.h).
QString savedProfilesDir();

// The folder of a profile given by folder path, saved name or built-in name
// (a Qt resource path for those), or empty with error listing the known names.
QString resolveProfileDir(const QString &nameOrDir, QString *error);

// Loads a profile by folder path, saved name or built-in name, in that order.
// *resolved gets the name or folder used. nullptr with error naming what was
// tried otherwise.
std::unique_ptr<DeviceProfile> loadProfile(const QString &nameOrDir, QString *resolved,
                                           QString *error);

} // namespace layerlens::core
