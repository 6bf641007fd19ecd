#include "support/synthetic_samples.h"

#include "models/module_training.h"

#include <QJsonObject>

#include <random>

namespace layerlens::test {

std::vector<core::Sample> syntheticSamples(int count, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> channels(8, 512), size(7, 112);
    std::vector<core::Sample> out;
    for (int i = 0; i < count; ++i) {
        core::Sample s;
        const int c = channels(rng), z = size(rng);
        s.id = QStringLiteral("r-%1").arg(i);
        s.runUuid = QStringLiteral("r");
        s.deviceFingerprint = QStringLiteral("dev");
        s.seq = i;
        s.module = QStringLiteral("toy");
        s.op = QStringLiteral("Relu");
        s.params = QJsonObject{{QStringLiteral("channels"), c}, {QStringLiteral("size"), z}};
        s.features = QJsonObject{{QStringLiteral("elements"), double(c) * z * z}};
        s.latencyMedianMs = 1e-5 * c * z * z;
        s.peakMemoryBytes = int64_t(c) * z * z * 4;
        s.runs = 5;
        out.push_back(s);
    }
    return out;
}

std::unique_ptr<core::DeviceProfile> syntheticBaseProfile(const QString &dir, QString *error,
                                                          const QStringList &modules)
{
    auto base = std::make_unique<core::DeviceProfile>();
    base->device = QStringLiteral("dev");
    core::TrainOptions options;
    options.kinds = {QStringLiteral("ridge")};
    for (const QString &module : modules) {
        std::vector<core::Sample> samples = syntheticSamples(150, 20);
        for (core::Sample &s : samples)
            s.module = module;
        core::ModuleTraining training;
        if (!core::trainModule(module, samples, options, &training, error))
            return nullptr;
        base->modules.push_back(std::move(training));
    }
    if (!base->save(dir, error))
        return nullptr;
    return base;
}

} // namespace layerlens::test
