#include "models/refinement.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace layerlens::core {

namespace {

struct Worst
{
    double error = 0;
    const Sample *sample = nullptr;
};

// One parameter of config moved one step (choices) or by up to ±30% (ranges).
void perturb(const ModuleSpec &module, ModuleConfig *config, std::mt19937_64 &rng)
{
    std::vector<QString> names;
    for (const auto &[name, range] : module.params)
        names.push_back(name);
    if (names.empty())
        return;
    const QString name = names[std::uniform_int_distribution<size_t>(0, names.size() - 1)(rng)];
    const ParamRange &range = module.params.at(name);
    int64_t &value = config->params[name];
    if (range.kind == ParamRange::Kind::Choices) {
        auto it = std::find(range.choices.begin(), range.choices.end(), value);
        if (it == range.choices.end()) {
            value = range.choices[std::uniform_int_distribution<size_t>(0, range.choices.size() -
                                                                               1)(rng)];
            return;
        }
        const auto index = static_cast<size_t>(it - range.choices.begin());
        const bool up = std::bernoulli_distribution(0.5)(rng);
        if (up && index + 1 < range.choices.size())
            value = range.choices[index + 1];
        else if (!up && index > 0)
            value = range.choices[index - 1];
        else if (range.choices.size() > 1)
            value = range.choices[index > 0 ? index - 1 : index + 1];
        return;
    }
    const double factor = std::exp(std::uniform_real_distribution<double>(-0.26, 0.26)(rng));
    value = std::clamp<int64_t>(static_cast<int64_t>(std::llround(double(value) * factor)),
                                range.low, range.high);
}

} // namespace

std::vector<ModuleConfig> refinementConfigs(const ProfilingSpec &spec, const DeviceProfile &profile,
                                            const std::vector<Sample> &samples, int count,
                                            uint64_t seed, QStringList *notes)
{
    std::map<QString, std::vector<const Sample *>> byModule;
    for (const Sample &s : samples)
        byModule[s.module].push_back(&s);
    // Per module: its held-out latency MAPE and its worst configurations.
    std::map<QString, double> weight;
    std::map<QString, std::vector<Worst>> worst;
    for (const ModuleSpec &module : spec.modules) {
        const ModuleTraining *m = profile.module(module.name);
        const auto found = byModule.find(module.name);
        if (!m || found == byModule.end())
            continue;
        const TargetTraining *latency = nullptr;
        for (const TargetTraining &t : m->targets) {
            if (t.target == Target::Latency && t.model)
                latency = &t;
        }
        if (!latency)
            continue;
        const std::vector<const Sample *> &rows = found->second;
        std::vector<Sample> copies;
        copies.reserve(rows.size());
        for (const Sample *s : rows)
            copies.push_back(*s);
        std::vector<int> all(copies.size());
        std::iota(all.begin(), all.end(), 0);
        const Vector predicted =
            latency->model->predict(m->encoding.encode(copies, all)).array().exp();
        // The worst error per configuration.
        std::map<QString, Worst> perConfig;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (rows[i]->latencyMedianMs <= 0)
                continue;
            const double e =
                std::fabs(predicted[static_cast<Eigen::Index>(i)] - rows[i]->latencyMedianMs) /
                rows[i]->latencyMedianMs;
            const QString key =
                QString::fromUtf8(QJsonDocument(rows[i]->params).toJson(QJsonDocument::Compact));
            Worst &w = perConfig[key + QString::number(rows[i]->threads) + QLatin1Char('/') +
                                 QString::number(rows[i]->utilization)];
            if (e >= w.error)
                w = Worst{e, rows[i]};
        }
        auto &list = worst[module.name];
        for (const auto &[key, w] : perConfig)
            list.push_back(w);
        std::sort(list.begin(), list.end(),
                  [](const Worst &a, const Worst &b) { return a.error > b.error; });
        const double mape = latency->selected >= 0
                                ? latency->candidates[latency->selected].metrics.mape
                                : 100 * (list.empty() ? 0 : list.front().error);
        weight[module.name] = std::max(mape, 0.1);
    }
    std::vector<ModuleConfig> out;
    if (weight.empty() || count <= 0)
        return out;
    double total = 0;
    for (const auto &[name, w] : weight)
        total += w;
    std::mt19937_64 rng(seed);
    for (const auto &[name, w] : weight) {
        const int share = std::max(1, static_cast<int>(std::lround(count * w / total)));
        const auto &list = worst[name];
        if (list.empty())
            continue;
        const ModuleSpec &module = *spec.module(name);
        for (int i = 0; i < share; ++i) {
            const Sample &s = *list[static_cast<size_t>(i) % list.size()].sample;
            ModuleConfig c;
            c.module = name;
            for (auto it = s.params.begin(); it != s.params.end(); ++it)
                c.params[it.key()] = it.value().toInteger();
            c.threads = s.threads;
            c.utilization = s.utilization;
            perturb(module, &c, rng);
            c.source = QStringLiteral("refine:%1").arg(name);
            out.push_back(std::move(c));
        }
        if (notes)
            notes->append(QCoreApplication::translate("Refinement",
                                                      "%1: %2 configurations (held-out MAPE %3 %, "
                                                      "worst sample error %4 %)")
                              .arg(name)
                              .arg(share)
                              .arg(w, 0, 'f', 1)
                              .arg(100 * list.front().error, 0, 'f', 1));
    }
    // Interleave modules so that a short budget still covers all of them.
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

} // namespace layerlens::core
