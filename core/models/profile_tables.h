#pragma once

#include "models/device_profile.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace layerlens::core {

// How automatic selection compares, for one target over every module that
// has it, with using one kind everywhere (Shen et al. report the gain of
// selection over MEDN alone): mean held-out MAPE and R² of each.
struct SelectionGain
{
    Target target = Target::Latency;
    int modules = 0;
    double selectedMape = 0;
    double selectedR2 = 0;
    double mednMape = 0; // NaN when some module has no MEDN candidate
    double mednR2 = 0;
    QString bestKind; // the single kind with the lowest mean MAPE
    double bestKindMape = 0;
    double bestKindR2 = 0;
    // Modules where MEDN is at least as accurate as every other kind.
    QStringList mednBestIn;

    QJsonObject toJson() const;
};

std::vector<SelectionGain> selectionGains(const DeviceProfile &profile);

// The evaluation and selection tables and the gains, for terminals.
QString profileToTable(const DeviceProfile &profile);

// The same as JSON: the manifest's modules and the gains.
QJsonObject profileToJson(const DeviceProfile &profile);

} // namespace layerlens::core
