#include "predict/in_network_spread.h"

#include "measure/statistics.h"
#include "predict/load_factors.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <set>

namespace layerlens::core {

namespace {

// How many networks' worth a pool's level spread counts when a module's own
// is drawn toward it. On a Xeon VM, four calibrations each predicting four
// hours' measurements (16 pairs): the shared networks at 1 thread inside
// their interval 7.5 of 8 on average with each module's own level spread
// (one calibration's conv2d_relu at 4.6 % from two networks: ShuffleNet b1
// +22 % against +-8 %), 7.7 of 8 with this, the interval +-19.6 % and +-20.6 %.
constexpr double kPooledLevelWeight = 3;

// The median of |z| for a standard normal z.
constexpr double kNormalMedianAbs = 0.6745;

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

// A module's held-out residuals, its networks' offsets and the scatter
// around them.
struct Residuals
{
    std::vector<double> heldOut; // r less the other networks' median
    std::vector<double> offsets; // per network: its median r less the others'
    std::vector<double> within;  // r less its own network's median
    int networks = 0;
};

Residuals residualsOf(const std::vector<const SpreadObservation *> &blocks)
{
    std::map<QString, std::vector<double>> byNetwork;
    for (const SpreadObservation *b : blocks)
        byNetwork[b->network].push_back(std::log(b->measuredMs / b->predictedMs));
    Residuals r;
    r.networks = int(byNetwork.size());
    if (r.networks < 2)
        return r;
    for (const auto &[network, mine] : byNetwork) {
        std::vector<double> others;
        for (const auto &[other, theirs] : byNetwork) {
            if (other != network)
                others.insert(others.end(), theirs.begin(), theirs.end());
        }
        const double level = median(others);
        const double own = median(mine);
        r.offsets.push_back(own - level);
        for (double x : mine) {
            r.heldOut.push_back(x - level);
            r.within.push_back(x - own);
        }
    }
    return r;
}

double rootMeanSquare(const std::vector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x * x;
    return v.empty() ? 0 : std::sqrt(sum / double(v.size()));
}

DeviceProfile::InNetworkSpread spreadOf(std::vector<double> heldOut,
                                        const std::vector<double> &offsets,
                                        const std::vector<double> &within, int networks)
{
    std::sort(heldOut.begin(), heldOut.end());
    DeviceProfile::InNetworkSpread s;
    s.low = std::min(1.0, std::exp(quantile(heldOut, 0.05)));
    s.high = std::max(1.0, std::exp(quantile(heldOut, 0.95)));
    s.offsetSd = rootMeanSquare(offsets);
    s.withinSd = rootMeanSquare(within);
    s.blocks = int(heldOut.size());
    s.networks = networks;
    return s;
}

const QString kStandIn = QStringLiteral(" (stand-in)");
const QString kOutside = QStringLiteral(" (outside its range)");

// The pool a key belongs to.
QString poolOf(const QString &key)
{
    for (const QString &kind : {kStandIn, kOutside}) {
        if (key.endsWith(kind))
            return QLatin1Char('*') + kind;
    }
    return QStringLiteral("*");
}

} // namespace

QString spreadKey(const NetworkBlock &block, bool outOfDistribution)
{
    if (!block.approximation.isEmpty())
        return block.module + kStandIn;
    if (outOfDistribution)
        return block.module + kOutside;
    return block.module;
}

const DeviceProfile::InNetworkSpread *spreadFor(const DeviceProfile &profile, const QString &key)
{
    for (const QString &k : {key, poolOf(key), QStringLiteral("*")}) {
        const auto it = profile.inNetworkSpreads.find(k);
        if (it != profile.inNetworkSpreads.end())
            return &it->second;
    }
    return nullptr;
}

std::map<QString, DeviceProfile::InNetworkSpread>
fitInNetworkSpreads(const std::vector<SpreadObservation> &blocks)
{
    std::map<QString, std::vector<const SpreadObservation *>> byKey;
    std::map<QString, std::set<QString>> networks; // per pool
    for (const SpreadObservation &b : blocks) {
        if (b.predictedMs > 0 && b.measuredMs > 0 && std::isfinite(b.predictedMs) &&
            std::isfinite(b.measuredMs)) {
            byKey[b.key].push_back(&b);
            networks[poolOf(b.key)].insert(b.network);
        }
    }
    std::map<QString, DeviceProfile::InNetworkSpread> spreads;
    struct Pool
    {
        std::vector<double> heldOut, within;
        // Every key's network offsets, repeated per block: the pool weighs
        // a key by its blocks.
        std::vector<double> offsets;
    };
    std::map<QString, Pool> pools;
    for (const auto &[key, own] : byKey) {
        const Residuals r = residualsOf(own);
        if (r.heldOut.empty())
            continue;
        Pool &pool = pools[poolOf(key)];
        pool.heldOut.insert(pool.heldOut.end(), r.heldOut.begin(), r.heldOut.end());
        pool.within.insert(pool.within.end(), r.within.begin(), r.within.end());
        pool.offsets.insert(pool.offsets.end(), r.heldOut.size(), rootMeanSquare(r.offsets));
        if (int(r.heldOut.size()) >= kMinSpreadBlocks)
            spreads[key] = spreadOf(r.heldOut, r.offsets, r.within, r.networks);
    }
    for (const auto &[name, pool] : pools) {
        if (int(pool.heldOut.size()) >= kMinPooledSpreadBlocks)
            spreads[name] =
                spreadOf(pool.heldOut, pool.offsets, pool.within, int(networks[name].size()));
    }
    if (!spreads.count(QStringLiteral("*")))
        return {};
    // A level spread from two or three networks is a guess: it is drawn
    // toward its pool's as if the pool were kPooledLevelWeight networks more.
    for (auto &[key, s] : spreads) {
        const auto pool = spreads.find(poolOf(key));
        if (key.startsWith(QLatin1Char('*')) || pool == spreads.end())
            continue;
        const double own = s.offsetSd, pooled = pool->second.offsetSd;
        s.offsetSd = std::sqrt((s.networks * own * own + kPooledLevelWeight * pooled * pooled) /
                               (s.networks + kPooledLevelWeight));
    }
    return spreads;
}

double interval90HalfWidth(std::vector<double> logErrors)
{
    for (double &e : logErrors)
        e = std::fabs(e);
    std::sort(logErrors.begin(), logErrors.end());
    return quantile(logErrors, 0.5) * kInterval90Z / kNormalMedianAbs;
}

std::vector<DeviceProfile::ConditionSpread>
fitConditionSpreads(const std::map<std::pair<int, int>, std::vector<double>> &logErrors)
{
    const auto networks = logErrors.find({1, 0});
    if (networks == logErrors.end() || int(networks->second.size()) < kMinConditionSamples)
        return {};
    const double reference = interval90HalfWidth(networks->second);
    std::vector<DeviceProfile::ConditionSpread> spreads;
    for (const auto &[condition, errors] : logErrors) {
        if (int(errors.size()) < kMinConditionSamples)
            continue;
        const double h = interval90HalfWidth(errors);
        spreads.push_back({condition.first, condition.second,
                           std::sqrt(std::max(0.0, h * h - reference * reference)),
                           int(errors.size())});
    }
    return spreads;
}

double conditionExtra(const DeviceProfile &profile, int threads, int utilization)
{
    const DeviceProfile::ConditionSpread *nearest = nullptr;
    const auto distance = [&](const DeviceProfile::ConditionSpread &s) {
        return std::pair{std::abs(s.threads - threads), std::abs(s.utilization - utilization)};
    };
    for (const DeviceProfile::ConditionSpread &c : profile.conditionSpreads) {
        // Of two as near, the wider.
        if (!nearest || distance(c) < distance(*nearest) ||
            (distance(c) == distance(*nearest) && c.extra > nearest->extra))
            nearest = &c;
    }
    const double extra = nearest ? nearest->extra : 0;
    if (const DeviceProfile::LoadFactor *load = profile.loadFactorAt(threads, utilization))
        return loadSpread(*load, utilization, extra);
    return extra;
}

QString conditionSpreadsToText(const std::vector<DeviceProfile::ConditionSpread> &spreads)
{
    if (spreads.empty())
        return tr("intervals at other run-time conditions: too few held-out module samples at 1 "
                  "thread without load to compare with; not widened\n");
    QString text = tr("intervals at each run-time condition, from the held-out module samples "
                      "(widening in log time against 1 thread without load, where the networks "
                      "were measured):\n");
    for (const DeviceProfile::ConditionSpread &c : spreads) {
        text += tr("  %1 thread(s), %2 % load: %3 samples, +%4 %\n")
                    .arg(c.threads)
                    .arg(c.utilization)
                    .arg(c.samples)
                    .arg((std::exp(c.extra) - 1) * 100, 0, 'f', 1);
    }
    return text;
}

SpreadIndex indexSpreads(const DeviceProfile &profile, const std::vector<NetworkBlock> &blocks)
{
    SpreadIndex index;
    if (profile.inNetworkSpreads.empty())
        return index;
    std::map<QString, int> groups;
    index.blocks.resize(blocks.size());
    for (size_t b = 0; b < blocks.size(); ++b) {
        for (const bool outside : {false, true}) {
            const QString key = spreadKey(blocks[b], outside);
            BlockSpread &spread = index.blocks[b][outside ? 1 : 0];
            spread.spread = spreadFor(profile, key);
            if (spread.spread)
                spread.group = groups.try_emplace(key, int(groups.size())).first->second;
        }
    }
    index.groups = int(groups.size());
    return index;
}

void applyInNetworkSpreads(const DeviceProfile &profile, const SpreadIndex &index,
                           ConfigPrediction *prediction)
{
    if (index.blocks.empty())
        return;
    const double extra =
        conditionExtra(profile, prediction->config.threads, prediction->config.utilization);
    const auto widened = [extra](double halfWidth) {
        return std::sqrt(halfWidth * halfWidth + extra * extra);
    };
    double total = 0, scatter = 0; // scatter: the sum of (ms x withinSd)^2
    std::vector<std::pair<double, double>> groups(size_t(index.groups)); // (ms, offsetSd)
    for (size_t b = 0; b < index.blocks.size() && b < prediction->blocks.size(); ++b) {
        MetricPrediction &latency = prediction->blocks[b].latencyMs;
        const BlockSpread &spread = index.blocks[b][prediction->blocks[b].outOfDistribution];
        const DeviceProfile::InNetworkSpread *s = spread.spread;
        if (!latency.available || !s)
            continue;
        latency.low = std::min(latency.low, latency.value * std::exp(-widened(-std::log(s->low))));
        latency.high = std::max(latency.high, latency.value * std::exp(widened(std::log(s->high))));
        total += latency.value;
        groups[size_t(spread.group)].first += latency.value;
        groups[size_t(spread.group)].second = s->offsetSd;
        scatter += std::pow(latency.value * s->withinSd, 2);
    }
    if (!(total > 0))
        return;
    double variance = scatter / (total * total);
    for (const auto &[ms, offsetSd] : groups)
        variance += std::pow(ms / total * offsetSd, 2);
    const double half = widened(kInterval90Z * std::sqrt(variance));
    // Blocks without a spread (none: a profile with spreads has the pool of
    // the modules' own blocks) and the overhead stay as they are.
    const double rest = prediction->latencyMs.value - total;
    prediction->latencyMs.low = rest + total * std::exp(-half);
    prediction->latencyMs.high = rest + total * std::exp(half);
}

QString intervalMethod(const DeviceProfile &profile)
{
    if (profile.inNetworkSpreads.empty())
        return tr("90th percentile of each model's held-out error, summed over layers");
    return tr("per layer, the range 90 % of its module's blocks fell within in networks left out "
              "of calibrate's fit (its model's held-out error where that is wider); per network, "
              "the modules' spreads combined as independent; both wider at run-time conditions "
              "whose held-out module samples scatter more");
}

QString inNetworkSpreadsToText(const std::map<QString, DeviceProfile::InNetworkSpread> &spreads)
{
    if (spreads.empty()) {
        return tr("in-network spread: too few blocks of two networks or more; intervals stay "
                  "the models' held-out error\n");
    }
    QString text = tr("in-network spread per module (blocks of each network against the "
                      "module's level in the others: 90 % of blocks within, the network's "
                      "level and the scatter about it as a standard deviation of log time):\n");
    for (const auto &[module, s] : spreads) {
        const QString name = module == QLatin1String("*")            ? tr("(modules' own blocks)")
                             : module == QLatin1Char('*') + kStandIn ? tr("(stand-ins)")
                             : module == QLatin1Char('*') + kOutside ? tr("(outside their range)")
                                                                     : module;
        text += tr("  %1 %2 blocks of %3 networks, x%4 to x%5, level %6 %, scatter %7 %\n")
                    .arg(name.leftJustified(26))
                    .arg(s.blocks, 3)
                    .arg(s.networks)
                    .arg(s.low, 0, 'f', 2)
                    .arg(s.high, 0, 'f', 2)
                    .arg(s.offsetSd * 100, 0, 'f', 1)
                    .arg(s.withinSd * 100, 0, 'f', 1);
    }
    return text;
}

} // namespace layerlens::core
