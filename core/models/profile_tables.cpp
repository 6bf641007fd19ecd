#include "models/profile_tables.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <limits>
#include <map>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

const Candidate *candidateOf(const TargetTraining &t, const QString &kind)
{
    for (const Candidate &c : t.candidates) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject SelectionGain::toJson() const
{
    return QJsonObject{{QStringLiteral("target"), targetKey(target)},
                       {QStringLiteral("modules"), modules},
                       {QStringLiteral("selected_mape"), selectedMape},
                       {QStringLiteral("selected_r2"), selectedR2},
                       {QStringLiteral("medn_mape"), number(mednMape)},
                       {QStringLiteral("medn_r2"), number(mednR2)},
                       {QStringLiteral("best_kind"), bestKind},
                       {QStringLiteral("best_kind_mape"), bestKindMape},
                       {QStringLiteral("best_kind_r2"), bestKindR2},
                       {QStringLiteral("medn_best_in"), QJsonArray::fromStringList(mednBestIn)}};
}

std::vector<SelectionGain> selectionGains(const DeviceProfile &profile)
{
    std::vector<SelectionGain> gains;
    for (Target target : allTargets()) {
        std::vector<const TargetTraining *> trainings;
        std::vector<QString> moduleNames;
        for (const ModuleTraining &m : profile.modules) {
            for (const TargetTraining &t : m.targets) {
                if (t.target == target && t.selected >= 0) {
                    trainings.push_back(&t);
                    moduleNames.push_back(m.module);
                }
            }
        }
        if (trainings.empty())
            continue;
        SelectionGain g;
        g.target = target;
        g.modules = static_cast<int>(trainings.size());
        // Mean MAPE and R² of every kind that every module has.
        std::map<QString, std::pair<double, double>> sums;
        std::map<QString, int> counts;
        for (size_t i = 0; i < trainings.size(); ++i) {
            const TargetTraining &t = *trainings[i];
            g.selectedMape += t.candidates[t.selected].metrics.mape;
            g.selectedR2 += t.candidates[t.selected].metrics.r2;
            double bestOther = std::numeric_limits<double>::infinity();
            for (const Candidate &c : t.candidates) {
                sums[c.kind].first += c.metrics.mape;
                sums[c.kind].second += c.metrics.r2;
                ++counts[c.kind];
                if (c.kind != QLatin1String("medn"))
                    bestOther = std::min(bestOther, c.metrics.mape);
            }
            const Candidate *medn = candidateOf(t, QStringLiteral("medn"));
            if (medn && medn->metrics.mape <= bestOther)
                g.mednBestIn.append(moduleNames[i]);
        }
        const double n = g.modules;
        g.selectedMape /= n;
        g.selectedR2 /= n;
        g.mednMape = g.mednR2 = std::numeric_limits<double>::quiet_NaN();
        g.bestKindMape = std::numeric_limits<double>::infinity();
        for (const auto &[kind, sum] : sums) {
            if (counts[kind] != g.modules)
                continue;
            if (kind == QLatin1String("medn")) {
                g.mednMape = sum.first / n;
                g.mednR2 = sum.second / n;
            }
            if (sum.first / n < g.bestKindMape) {
                g.bestKind = kind;
                g.bestKindMape = sum.first / n;
                g.bestKindR2 = sum.second / n;
            }
        }
        gains.push_back(g);
    }
    return gains;
}

QString profileToTable(const DeviceProfile &profile)
{
    QString out = tr("device %1, dataset %2\n").arg(profile.device, profile.dataset.left(12));
    out +=
        QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
            .arg(tr("module").leftJustified(18), tr("target").leftJustified(12),
                 tr("kind").leftJustified(13), tr("MAPE %").rightJustified(7),
                 tr("R2").rightJustified(6), tr("<=10%").rightJustified(6),
                 tr("us/pred").rightJustified(8), tr("bytes").rightJustified(9), tr("test/train"));
    for (const ModuleTraining &m : profile.modules) {
        for (const TargetTraining &t : m.targets) {
            for (size_t i = 0; i < t.candidates.size(); ++i) {
                const Candidate &c = t.candidates[i];
                const ModelMetrics &x = c.metrics;
                out +=
                    QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9/%10%11\n")
                        .arg(m.module.left(18).leftJustified(18),
                             targetKey(t.target).leftJustified(12), c.kind.leftJustified(13))
                        .arg(x.mape, 7, 'f', 2)
                        .arg(x.r2, 6, 'f', 3)
                        .arg(x.within10, 6, 'f', 1)
                        .arg(x.predictMicros, 8, 'f', 2)
                        .arg(x.sizeBytes, 9)
                        .arg(x.testSamples)
                        .arg(x.trainSamples)
                        .arg(static_cast<int>(i) == t.selected ? tr("  <- selected") : QString());
            }
        }
    }
    const auto gains = selectionGains(profile);
    if (!gains.empty()) {
        out +=
            tr("\nselection vs one kind everywhere (mean over modules of held-out MAPE %, R2)\n");
        for (const SelectionGain &g : gains) {
            out += tr("%1 (%2 modules): selected %3 / %4")
                       .arg(targetKey(g.target).leftJustified(12))
                       .arg(g.modules)
                       .arg(g.selectedMape, 0, 'f', 2)
                       .arg(g.selectedR2, 0, 'f', 4);
            if (std::isfinite(g.mednMape))
                out +=
                    tr(", MEDN alone %1 / %2").arg(g.mednMape, 0, 'f', 2).arg(g.mednR2, 0, 'f', 4);
            out += tr(", best single kind %1 %2 / %3\n")
                       .arg(g.bestKind)
                       .arg(g.bestKindMape, 0, 'f', 2)
                       .arg(g.bestKindR2, 0, 'f', 4);
            if (!g.mednBestIn.isEmpty())
                out += tr("  MEDN at least as accurate as every other kind in: %1\n")
                           .arg(g.mednBestIn.join(QStringLiteral(", ")));
        }
    }
    return out;
}

QJsonObject profileToJson(const DeviceProfile &profile)
{
    QJsonObject modules;
    for (const ModuleTraining &m : profile.modules) {
        QJsonObject targets;
        for (const TargetTraining &t : m.targets) {
            targets.insert(
                targetKey(t.target),
                QJsonObject{{QStringLiteral("candidates"), candidatesToJson(t.candidates)},
                            {QStringLiteral("selected"),
                             t.selected >= 0 ? t.candidates[t.selected].kind : QString()}});
        }
        modules.insert(m.module, QJsonObject{{QStringLiteral("samples"), m.samples},
                                             {QStringLiteral("targets"), targets}});
    }
    QJsonArray gains;
    for (const SelectionGain &g : selectionGains(profile))
        gains.append(g.toJson());
    return QJsonObject{{QStringLiteral("device"), profile.device},
                       {QStringLiteral("dataset_hash"), profile.dataset},
                       {QStringLiteral("modules"), modules},
                       {QStringLiteral("selection_gains"), gains}};
}

} // namespace layerlens::core
