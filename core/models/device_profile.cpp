#include "models/device_profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

bool writeJson(const QString &path, const QJsonObject &json, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0 ||
        !file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QJsonObject> readJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("%1: not valid JSON (%2)").arg(path, parse.errorString());
        return std::nullopt;
    }
    return doc.object();
}

// Module -> factor from a manifest's object into out; false, with badFactor
// (%1 the manifest, %2 the module) as the error, where one is not a
// positive number.
bool readFactors(const QJsonObject &json, const QString &badFactor, const QString &manifestPath,
                 std::map<QString, double> *out, QString *error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const double factor = it.value().toDouble(-1);
        if (!(factor > 0) || !std::isfinite(factor)) {
            *error = badFactor.arg(manifestPath, it.key());
            return false;
        }
        (*out)[it.key()] = factor;
    }
    return true;
}

} // namespace

const OperatorCost *DeviceProfile::operatorCost(const QString &op) const
{
    const auto it = operatorCosts.find(op);
    return it == operatorCosts.end() ? nullptr : &it->second;
}

const DeviceProfile::LoadFactor *DeviceProfile::loadFactorAt(int threads, int utilization) const
{
    if (utilization <= 0)
        return nullptr;
    for (const LoadFactor &f : loadFactors) {
        if (f.threads == threads)
            return &f;
    }
    return nullptr;
}

double DeviceProfile::inNetworkFactor(const QString &module) const
{
    const auto it = inNetworkFactors.find(module);
    return it == inNetworkFactors.end() ? 1 : it->second;
}

const ModuleTraining *DeviceProfile::module(const QString &name) const
{
    for (const ModuleTraining &m : modules) {
        if (m.module == name)
            return &m;
    }
    return nullptr;
}

bool DeviceProfile::save(const QString &dir, QString *error) const
{
    if (!QDir().mkpath(dir)) {
        *error = tr("%1: cannot create the folder").arg(dir);
        return false;
    }
    QJsonObject modulesJson;
    QSet<QString> written;
    for (const ModuleTraining &m : modules) {
        QJsonObject targets;
        for (const TargetTraining &t : m.targets) {
            const QJsonArray candidates = candidatesToJson(t.candidates);
            const QString file =
                QStringLiteral("%1.%2.%3.json").arg(m.module, targetKey(t.target), t.model->kind());
            if (!writeJson(QDir(dir).filePath(file), t.model->toJson(), error))
                return false;
            written.insert(file);
            targets.insert(targetKey(t.target),
                           QJsonObject{{QStringLiteral("candidates"), candidates},
                                       {QStringLiteral("selected"), t.model->kind()},
                                       {QStringLiteral("file"), file}});
        }
        modulesJson.insert(m.module, QJsonObject{{QStringLiteral("op"), m.op},
                                                 {QStringLiteral("samples"), m.samples},
                                                 {QStringLiteral("sample_hash"), m.sampleHash},
                                                 {QStringLiteral("encoding"), m.encoding.toJson()},
                                                 {QStringLiteral("targets"), targets}});
    }
    QJsonObject operatorCostsJson;
    for (const auto &[op, c] : operatorCosts) {
        operatorCostsJson.insert(
            op, QJsonObject{{QStringLiteral("fixed_ms"), c.fixedMs},
                            {QStringLiteral("ms_per_mib"), c.msPerMiB},
                            {QStringLiteral("ms_per_mflop"), c.msPerMflop},
                            {QStringLiteral("ms_per_spilled_mib"), c.msPerSpilledMiB},
                            {QStringLiteral("spill_bytes"), c.spillBytes},
                            {QStringLiteral("observations"), c.observations},
                            {QStringLiteral("mape"), c.mape},
                            {QStringLiteral("p90"), c.p90},
                            {QStringLiteral("measured_alone"), c.measuredAlone}});
    }
    QJsonObject inNetworkJson, twoThreadJson, twoThreadReachJson, firstRunJson;
    for (const auto &[module, ms] : firstRunMs)
        firstRunJson.insert(module, ms);
    for (const auto &[module, factor] : inNetworkFactors)
        inNetworkJson.insert(module, factor);
    for (const auto &[module, factor] : twoThreadFactors)
        twoThreadJson.insert(module, factor);
    for (const auto &[module, ms] : twoThreadFactorReachMs)
        twoThreadReachJson.insert(module, ms);
    QJsonArray cacheMissJson;
    for (const CacheMissCost &c : cacheMissCosts) {
        cacheMissJson.append(QJsonObject{{QStringLiteral("capacity_bytes"), c.capacityBytes},
                                         {QStringLiteral("ms_per_mib"), c.msPerMiB},
                                         {QStringLiteral("after_overflow_ms"), c.afterOverflowMs}});
    }
    QJsonObject spreadsJson;
    for (const auto &[module, s] : inNetworkSpreads) {
        spreadsJson.insert(module, QJsonObject{{QStringLiteral("low"), s.low},
                                               {QStringLiteral("high"), s.high},
                                               {QStringLiteral("offset_sd"), s.offsetSd},
                                               {QStringLiteral("within_sd"), s.withinSd},
                                               {QStringLiteral("blocks"), s.blocks},
                                               {QStringLiteral("networks"), s.networks}});
    }
    QJsonArray conditionsJson;
    for (const ConditionSpread &c : conditionSpreads) {
        conditionsJson.append(QJsonObject{{QStringLiteral("threads"), c.threads},
                                          {QStringLiteral("utilization"), c.utilization},
                                          {QStringLiteral("extra"), c.extra},
                                          {QStringLiteral("samples"), c.samples}});
    }
    QJsonArray loadJson;
    for (const LoadFactor &f : loadFactors) {
        QJsonObject o{{QStringLiteral("threads"), f.threads},
                      {QStringLiteral("utilization"), f.utilization},
                      {QStringLiteral("log_factor"), f.logFactor},
                      {QStringLiteral("slope"), f.slope},
                      {QStringLiteral("low_ms"), f.lowMs},
                      {QStringLiteral("high_ms"), f.highMs},
                      {QStringLiteral("spread"), f.spread},
                      {QStringLiteral("runs"), f.runs},
                      {QStringLiteral("networks"), f.networks}};
        if (f.oneThreadLogFactor)
            o.insert(QStringLiteral("one_thread_log_factor"), *f.oneThreadLogFactor);
        loadJson.append(o);
    }
    const QJsonObject manifest{
        {QStringLiteral("schema_version"), kProfileSchemaVersion},
        {QStringLiteral("device"), QJsonObject{{QStringLiteral("fingerprint"), device},
                                               {QStringLiteral("info"), deviceInfo}}},
        {QStringLiteral("dataset_hash"), dataset},
        {QStringLiteral("spec_hashes"), QJsonArray::fromStringList(specHashes)},
        {QStringLiteral("modules"), modulesJson},
        {QStringLiteral("network"),
         QJsonObject{{QStringLiteral("op_overhead_ms"), opOverheadMs},
                     {QStringLiteral("op_overhead_source"), opOverheadSource},
                     {QStringLiteral("operator_costs"), operatorCostsJson},
                     {QStringLiteral("in_network_factors"), inNetworkJson},
                     {QStringLiteral("cache_misses"), cacheMissJson},
                     {QStringLiteral("cold_write_ms_per_mib"), coldWriteMsPerMiB},
                     {QStringLiteral("cache_misses_of_writes"), cacheMissesOfWrites},
                     {QStringLiteral("cache_miss_share_two_threads"), cacheMissShareTwoThreads},
                     {QStringLiteral("block_overhead_ms_two_threads"), blockOverheadMsTwoThreads},
                     {QStringLiteral("two_thread_factors"), twoThreadJson},
                     {QStringLiteral("two_thread_factor_reach_ms"), twoThreadReachJson},
                     {QStringLiteral("first_run_ms"), firstRunJson},
                     {QStringLiteral("in_network_spreads"), spreadsJson},
                     {QStringLiteral("condition_spreads"), conditionsJson},
                     {QStringLiteral("load_factors"), loadJson},
                     {QStringLiteral("speed_reference"),
                      QJsonObject{{QStringLiteral("version"), speedReference.version},
                                  {QStringLiteral("median_ms"), speedReference.medianMs},
                                  {QStringLiteral("cv"), speedReference.cv},
                                  {QStringLiteral("runs"), speedReference.runs}}}}},
        {QStringLiteral("provenance"), provenance},
    };
    if (!writeJson(QDir(dir).filePath(QStringLiteral("manifest.json")), manifest, error))
        return false;
    // Model files of an earlier profile in this folder that the manifest no longer names.
    static const QRegularExpression modelFile(
        QStringLiteral("^[A-Za-z0-9_-]+\\.(latency_ms|memory_bytes|energy_j)\\.[a-z_]+\\.json$"));
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files)) {
        if (modelFile.match(name).hasMatch() && !written.contains(name))
            QFile::remove(QDir(dir).filePath(name));
    }
    return true;
}

std::unique_ptr<DeviceProfile> DeviceProfile::load(const QString &dir, QString *error)
{
    const QString manifestPath = QDir(dir).filePath(QStringLiteral("manifest.json"));
    const auto manifest = readJson(manifestPath, error);
    if (!manifest)
        return nullptr;
    const int version = manifest->value(QStringLiteral("schema_version")).toInt(-1);
    if (version < kOldestProfileSchemaVersion || version > kProfileSchemaVersion) {
        *error = version > kProfileSchemaVersion
                     ? tr("%1: schema version %2 is newer than this LayerLens reads (%3); update "
                          "LayerLens or retrain the profile")
                           .arg(manifestPath)
                           .arg(version)
                           .arg(kProfileSchemaVersion)
                     : tr("%1: unknown schema version %2").arg(manifestPath).arg(version);
        return nullptr;
    }
    auto profile = std::make_unique<DeviceProfile>();
    const QJsonObject device = manifest->value(QStringLiteral("device")).toObject();
    profile->device = device.value(QStringLiteral("fingerprint")).toString();
    profile->deviceInfo = device.value(QStringLiteral("info")).toObject();
    profile->dataset = manifest->value(QStringLiteral("dataset_hash")).toString();
    for (const QJsonValue &h : manifest->value(QStringLiteral("spec_hashes")).toArray())
        profile->specHashes.append(h.toString());
    const QJsonObject network = manifest->value(QStringLiteral("network")).toObject();
    profile->opOverheadMs = network.value(QStringLiteral("op_overhead_ms")).toDouble();
    profile->opOverheadSource = network.value(QStringLiteral("op_overhead_source")).toString();
    const QJsonObject costs = network.value(QStringLiteral("operator_costs")).toObject();
    for (auto it = costs.begin(); it != costs.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        OperatorCost cost;
        cost.fixedMs = c.value(QStringLiteral("fixed_ms")).toDouble(-1);
        cost.msPerMiB = c.value(QStringLiteral("ms_per_mib")).toDouble(-1);
        cost.msPerMflop = c.value(QStringLiteral("ms_per_mflop")).toDouble(-1);
        // Profiles written before session 31 have no spill term.
        cost.msPerSpilledMiB = c.value(QStringLiteral("ms_per_spilled_mib")).toDouble(0);
        cost.spillBytes = c.value(QStringLiteral("spill_bytes")).toDouble(0);
        cost.observations = c.value(QStringLiteral("observations")).toInt();
        cost.mape = c.value(QStringLiteral("mape")).toDouble();
        cost.p90 = c.value(QStringLiteral("p90")).toDouble();
        cost.measuredAlone = c.value(QStringLiteral("measured_alone")).toBool();
        if (cost.fixedMs < 0 || cost.msPerMiB < 0 || cost.msPerMflop < 0 ||
            cost.msPerSpilledMiB < 0 || cost.spillBytes < 0 ||
            !std::isfinite(cost.fixedMs + cost.msPerMiB + cost.msPerMflop + cost.msPerSpilledMiB +
                           cost.spillBytes)) {
            *error = tr("%1: operator cost of %2 is not a set of non-negative numbers")
                         .arg(manifestPath, it.key());
            return nullptr;
        }
        profile->operatorCosts[it.key()] = cost;
    }
    if (!readFactors(network.value(QStringLiteral("in_network_factors")).toObject(),
                     tr("%1: in-network factor of %2 is not a positive number"), manifestPath,
                     &profile->inNetworkFactors, error))
        return nullptr;
    for (const QJsonValue &v : network.value(QStringLiteral("cache_misses")).toArray()) {
        const QJsonObject c = v.toObject();
        CacheMissCost cost;
        cost.capacityBytes = c.value(QStringLiteral("capacity_bytes")).toDouble(-1);
        cost.msPerMiB = c.value(QStringLiteral("ms_per_mib")).toDouble(-1);
        cost.afterOverflowMs = c.value(QStringLiteral("after_overflow_ms")).toDouble(-1);
        if (!(cost.capacityBytes > 0) || cost.msPerMiB < 0 || cost.afterOverflowMs < 0 ||
            !std::isfinite(cost.capacityBytes + cost.msPerMiB + cost.afterOverflowMs)) {
            *error = tr("%1: a cache-miss cost is not a positive capacity with non-negative "
                        "costs")
                         .arg(manifestPath);
            return nullptr;
        }
        profile->cacheMissCosts.push_back(cost);
    }
    profile->coldWriteMsPerMiB = network.value(QStringLiteral("cold_write_ms_per_mib")).toDouble(0);
    if (!(profile->coldWriteMsPerMiB >= 0) || !std::isfinite(profile->coldWriteMsPerMiB)) {
        *error = tr("%1: the cost of writes beyond the high-water mark is not a non-negative "
                    "number")
                     .arg(manifestPath);
        return nullptr;
    }
    profile->cacheMissesOfWrites =
        network.value(QStringLiteral("cache_misses_of_writes")).toBool(false);
    profile->cacheMissShareTwoThreads =
        network.value(QStringLiteral("cache_miss_share_two_threads")).toDouble(1);
    if (!(profile->cacheMissShareTwoThreads >= 0 && profile->cacheMissShareTwoThreads <= 1)) {
        *error = tr("%1: the cache-miss share on two threads is not a number from 0 to 1")
                     .arg(manifestPath);
        return nullptr;
    }
    profile->blockOverheadMsTwoThreads =
        network.value(QStringLiteral("block_overhead_ms_two_threads")).toDouble(0);
    if (!(profile->blockOverheadMsTwoThreads >= 0) ||
        !std::isfinite(profile->blockOverheadMsTwoThreads)) {
        *error = tr("%1: the overhead per block on two threads is not a non-negative number")
                     .arg(manifestPath);
        return nullptr;
    }
    if (!readFactors(network.value(QStringLiteral("two_thread_factors")).toObject(),
                     tr("%1: the factor of %2 on two threads is not a positive number"),
                     manifestPath, &profile->twoThreadFactors, error) ||
        !readFactors(network.value(QStringLiteral("two_thread_factor_reach_ms")).toObject(),
                     tr("%1: the largest block %2's factor on two threads was fitted on is not a "
                        "positive number of milliseconds"),
                     manifestPath, &profile->twoThreadFactorReachMs, error) ||
        !readFactors(network.value(QStringLiteral("first_run_ms")).toObject(),
                     tr("%1: what %2's first block in a run costs is not a positive number of "
                        "milliseconds"),
                     manifestPath, &profile->firstRunMs, error))
        return nullptr;
    const QJsonObject spreads = network.value(QStringLiteral("in_network_spreads")).toObject();
    for (auto it = spreads.begin(); it != spreads.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        InNetworkSpread s;
        s.low = o.value(QStringLiteral("low")).toDouble(-1);
        s.high = o.value(QStringLiteral("high")).toDouble(-1);
        s.offsetSd = o.value(QStringLiteral("offset_sd")).toDouble(-1);
        s.withinSd = o.value(QStringLiteral("within_sd")).toDouble(-1);
        s.blocks = o.value(QStringLiteral("blocks")).toInt();
        s.networks = o.value(QStringLiteral("networks")).toInt();
        if (!(s.low > 0 && s.low <= 1 && s.high >= 1 && s.offsetSd >= 0 && s.withinSd >= 0) ||
            !std::isfinite(s.high + s.offsetSd + s.withinSd)) {
            *error = tr("%1: the in-network spread of %2 is not a range around 1 with "
                        "non-negative deviations")
                         .arg(manifestPath, it.key());
            return nullptr;
        }
        profile->inNetworkSpreads[it.key()] = s;
    }
    for (const QJsonValue &v : network.value(QStringLiteral("condition_spreads")).toArray()) {
        const QJsonObject o = v.toObject();
        ConditionSpread c;
        c.threads = o.value(QStringLiteral("threads")).toInt(-1);
        c.utilization = o.value(QStringLiteral("utilization")).toInt(-1);
        c.extra = o.value(QStringLiteral("extra")).toDouble(-1);
        c.samples = o.value(QStringLiteral("samples")).toInt();
        if (c.threads < 1 || c.utilization < 0 || c.utilization > 100 || !(c.extra >= 0) ||
            !std::isfinite(c.extra)) {
            *error = tr("%1: a condition spread is not threads, a utilization of 0-100 % and a "
                        "non-negative width")
                         .arg(manifestPath);
            return nullptr;
        }
        profile->conditionSpreads.push_back(c);
    }
    for (const QJsonValue &v : network.value(QStringLiteral("load_factors")).toArray()) {
        const QJsonObject o = v.toObject();
        LoadFactor f;
        f.threads = o.value(QStringLiteral("threads")).toInt(-1);
        f.utilization = o.value(QStringLiteral("utilization")).toInt(-1);
        f.logFactor = o.value(QStringLiteral("log_factor")).toDouble(NAN);
        f.slope = o.value(QStringLiteral("slope")).toDouble(NAN);
        f.lowMs = o.value(QStringLiteral("low_ms")).toDouble(-1);
        f.highMs = o.value(QStringLiteral("high_ms")).toDouble(-1);
        f.spread = o.value(QStringLiteral("spread")).toDouble(-1);
        f.runs = o.value(QStringLiteral("runs")).toInt();
        f.networks = o.value(QStringLiteral("networks")).toInt();
        const QJsonValue oneThread = o.value(QStringLiteral("one_thread_log_factor"));
        if (!oneThread.isUndefined())
            f.oneThreadLogFactor = oneThread.isDouble() ? oneThread.toDouble() : NAN;
        if (f.threads < 1 || f.utilization <= 0 || f.utilization > 100 ||
            !std::isfinite(f.logFactor) || !std::isfinite(f.slope) || !(f.lowMs > 0) ||
            !(f.highMs >= f.lowMs) || !std::isfinite(f.highMs) || !(f.spread >= 0) ||
            !std::isfinite(f.spread) ||
            (f.oneThreadLogFactor && !std::isfinite(*f.oneThreadLogFactor)) ||
            profile->loadFactorAt(f.threads, f.utilization)) {
            *error = tr("%1: a load factor is not threads, a utilization of 1-100 %, a finite "
                        "factor and slope, a range of block times and a non-negative width, one "
                        "per thread count")
                         .arg(manifestPath);
            return nullptr;
        }
        profile->loadFactors.push_back(f);
    }
    const QJsonObject speed = network.value(QStringLiteral("speed_reference")).toObject();
    SpeedReference &reference = profile->speedReference;
    reference.version = speed.value(QStringLiteral("version")).toInt();
    reference.medianMs = speed.value(QStringLiteral("median_ms")).toDouble();
    reference.cv = speed.value(QStringLiteral("cv")).toDouble();
    reference.runs = speed.value(QStringLiteral("runs")).toInt();
    if (reference.version < 0 || !std::isfinite(reference.medianMs) || reference.medianMs < 0 ||
        (reference.version > 0 && reference.medianMs <= 0)) {
        *error = tr("%1: the speed reference is not a positive time").arg(manifestPath);
        return nullptr;
    }
    profile->provenance = manifest->value(QStringLiteral("provenance")).toObject();
    const QJsonObject modules = manifest->value(QStringLiteral("modules")).toObject();
    for (auto it = modules.begin(); it != modules.end(); ++it) {
        const QJsonObject mj = it.value().toObject();
        ModuleTraining m;
        m.module = it.key();
        m.op = mj.value(QStringLiteral("op")).toString();
        m.samples = mj.value(QStringLiteral("samples")).toInt();
        m.sampleHash = mj.value(QStringLiteral("sample_hash")).toString();
        QString problem;
        if (!m.encoding.fromJson(mj.value(QStringLiteral("encoding")).toObject(), &problem)) {
            *error = tr("%1: module %2: %3").arg(manifestPath, m.module, problem);
            return nullptr;
        }
        const QJsonObject targets = mj.value(QStringLiteral("targets")).toObject();
        for (auto t = targets.begin(); t != targets.end(); ++t) {
            const QJsonObject tj = t.value().toObject();
            TargetTraining training;
            const bool known = targetFromKey(t.key(), &training.target);
            const QString kind = tj.value(QStringLiteral("selected")).toString();
            training.model = createModel(kind);
            if (!known || !training.model) {
                *error = tr("%1: module %2: unknown target '%3' or model kind '%4'")
                             .arg(manifestPath, m.module, t.key(), kind);
                return nullptr;
            }
            const QString file = QDir(dir).filePath(tj.value(QStringLiteral("file")).toString());
            const auto modelJson = readJson(file, error);
            if (!modelJson)
                return nullptr;
            if (!training.model->fromJson(*modelJson, &problem)) {
                *error = tr("%1: %2").arg(file, problem);
                return nullptr;
            }
            for (const QJsonValue &c : tj.value(QStringLiteral("candidates")).toArray()) {
                const QJsonObject cj = c.toObject();
                Candidate candidate;
                candidate.kind = cj.value(QStringLiteral("kind")).toString();
                ModelMetrics &mm = candidate.metrics;
                mm.mape = cj.value(QStringLiteral("mape")).toDouble();
                mm.rmse = cj.value(QStringLiteral("rmse")).toDouble();
                mm.r2 = cj.value(QStringLiteral("r2")).toDouble();
                mm.within5 = cj.value(QStringLiteral("within_5")).toDouble();
                mm.within10 = cj.value(QStringLiteral("within_10")).toDouble();
                // Profiles without it: twice the MAPE, a rough stand-in.
                mm.p90 = cj.value(QStringLiteral("ape_p90")).toDouble(2 * mm.mape);
                mm.predictMicros = cj.value(QStringLiteral("predict_us")).toDouble();
                mm.sizeBytes = cj.value(QStringLiteral("size_bytes")).toInteger();
                mm.trainSamples = cj.value(QStringLiteral("train_samples")).toInt();
                mm.testSamples = cj.value(QStringLiteral("test_samples")).toInt();
                if (candidate.kind == kind)
                    training.selected = static_cast<int>(training.candidates.size());
                training.candidates.push_back(candidate);
            }
            m.targets.push_back(std::move(training));
        }
        profile->modules.push_back(std::move(m));
    }
    return profile;
}

std::unique_ptr<DeviceProfile>
trainProfile(const DatasetStore &store, const QString &device, const QStringList &modules,
             const TrainOptions &options, QStringList *skipped, QString *error,
             const std::function<bool(const QString &, int, int)> &progress, DeviceProfile *base,
             QStringList *reused)
{
    std::map<QString, std::vector<Sample>> byModule;
    auto profile = std::make_unique<DeviceProfile>();
    QCryptographicHash ids(QCryptographicHash::Sha256);
    for (Sample &s : store.samples()) {
        if (!device.isEmpty() && s.deviceFingerprint != device)
            continue;
        if (profile->device.isEmpty()) {
            profile->device = s.deviceFingerprint;
            profile->deviceInfo = s.deviceInfo;
        } else if (s.deviceFingerprint != profile->device) {
            *error = tr("%1 holds samples of several devices; choose one with --device-id "
                        "(%2, %3, ...)")
                         .arg(store.path(), profile->device, s.deviceFingerprint);
            return nullptr;
        }
        if (!modules.isEmpty() && !modules.contains(s.module))
            continue;
        ids.addData(s.id.toUtf8());
        byModule[s.module].push_back(std::move(s));
    }
    if (byModule.empty()) {
        *error = tr("%1: no samples to train on").arg(store.path());
        return nullptr;
    }
    for (const QString &m : modules) {
        if (!byModule.count(m))
            skipped->append(tr("%1: no samples").arg(m));
    }
    profile->dataset = QString::fromLatin1(ids.result().toHex());
    if (base && base->device != profile->device)
        base = nullptr; // another device's models are no starting point
    int done = 0;
    for (auto &[name, samples] : byModule) {
        if (progress && !progress(name, done++, static_cast<int>(byModule.size()))) {
            *error = tr("cancelled");
            return nullptr;
        }
        QCryptographicHash moduleIds(QCryptographicHash::Sha256);
        for (const Sample &s : samples)
            moduleIds.addData(s.id.toUtf8());
        const QString hash = QString::fromLatin1(moduleIds.result().toHex());
        if (base) {
            auto old = std::find_if(base->modules.begin(), base->modules.end(),
                                    [&](const ModuleTraining &m) { return m.module == name; });
            if (old != base->modules.end() && old->sampleHash == hash) {
                profile->modules.push_back(std::move(*old));
                base->modules.erase(old);
                if (reused)
                    reused->append(name);
                continue;
            }
        }
        ModuleTraining training;
        QString problem;
        if (!trainModule(name, samples, options, &training, &problem)) {
            skipped->append(problem);
            continue;
        }
        training.sampleHash = hash;
        profile->modules.push_back(std::move(training));
    }
    if (profile->modules.empty()) {
        *error = tr("no module had enough samples to train (%1)")
                     .arg(skipped->join(QStringLiteral("; ")));
        return nullptr;
    }
    return profile;
}

} // namespace layerlens::core
