#include "predict/first_run_costs.h"

#include "measure/statistics.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <set>

namespace layerlens::core {

namespace {

// First-of-run blocks a module's cost needs, and the network files they
// come from: one network's closing layer alone is that network.
constexpr int kMinFirstRunBlocks = 3;
constexpr int kMinFirstRunNetworks = 2;
// The module's other blocks its level inside networks needs.
constexpr int kMinLevelBlocks = 10;

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// A dense convolution's level is kept per backend, as its in-network
// correction is (applyNetworkCorrections).
QString levelKey(const BlockObservation &b)
{
    return b.gemm ? b.module + QStringLiteral("/gemm") : b.module;
}

} // namespace

std::vector<FirstRunCost> fitFirstRunCosts(const std::vector<BlockObservation> &blocks)
{
    // The level of each module (and backend) on the blocks that are not the
    // first of their kernel in a run.
    std::map<QString, std::vector<double>> ratios;
    for (const BlockObservation &b : blocks) {
        if (!b.probe && !b.firstOfKernel && b.predictedMs > 0 && b.measuredMs > 0)
            ratios[levelKey(b)].push_back(b.measuredMs / b.predictedMs);
    }
    std::map<QString, double> level;
    for (auto &[key, values] : ratios) {
        if (int(values.size()) >= kMinLevelBlocks)
            level[key] = median(std::move(values));
    }

    struct FirstBlock
    {
        double measuredMs;
        double levelMs;
        QString source;
    };
    std::map<QString, std::vector<FirstBlock>> firsts;
    for (const BlockObservation &b : blocks) {
        const auto it = level.find(levelKey(b));
        if (b.probe || !b.firstOfKernel || it == level.end() || !(b.measuredMs > 0))
            continue;
        firsts[b.module].push_back({b.measuredMs, it->second * b.predictedMs, b.source});
    }

    std::vector<FirstRunCost> costs;
    for (const auto &[module, list] : firsts) {
        std::set<QString> sources;
        std::vector<double> extra;
        for (const FirstBlock &f : list) {
            sources.insert(f.source);
            extra.push_back(f.measuredMs - f.levelMs);
        }
        if (int(list.size()) < kMinFirstRunBlocks || int(sources.size()) < kMinFirstRunNetworks)
            continue;
        FirstRunCost c;
        c.module = module;
        c.ms = median(extra);
        c.blocks = int(list.size());
        c.networks = int(sources.size());
        if (!(c.ms > 0))
            continue;
        std::vector<double> before, after;
        for (const FirstBlock &f : list) {
            before.push_back(100 * std::fabs(f.levelMs - f.measuredMs) / f.measuredMs);
            after.push_back(100 * std::fabs(f.levelMs + c.ms - f.measuredMs) / f.measuredMs);
        }
        c.mapeBefore = meanAndVariance(before).first;
        c.mapeAfter = meanAndVariance(after).first;
        if (c.mapeAfter < c.mapeBefore)
            costs.push_back(c);
    }
    return costs;
}

std::map<QString, double> firstRunCostsByModule(const std::vector<FirstRunCost> &costs)
{
    std::map<QString, double> out;
    for (const FirstRunCost &c : costs)
        out[c.module] = c.ms;
    return out;
}

void removeFirstRunCosts(std::vector<BlockObservation> *blocks,
                         const std::map<QString, double> &costs)
{
    for (BlockObservation &b : *blocks) {
        const auto it = costs.find(b.module);
        if (b.firstOfKernel && it != costs.end())
            b.measuredMs = std::max(b.measuredMs - it->second, 0.25 * b.measuredMs);
    }
}

QString firstRunCostsToText(const std::vector<FirstRunCost> &costs)
{
    if (costs.empty()) {
        return tr("a kernel's first run in a network: no module's first blocks take more than "
                  "its other blocks; no cost\n");
    }
    QString text = tr("a kernel's first run in a network (its code and state last used a run "
                      "ago), per module:\n");
    for (const FirstRunCost &c : costs) {
        text += tr("  %1 %2 us more (%3 blocks of %4 networks, MAPE %5 % -> %6 %)\n")
                    .arg(c.module.leftJustified(22))
                    .arg(c.ms * 1000, 7, 'f', 1)
                    .arg(c.blocks)
                    .arg(c.networks)
                    .arg(c.mapeBefore, 0, 'f', 1)
                    .arg(c.mapeAfter, 0, 'f', 1);
    }
    return text;
}

} // namespace layerlens::core
