#include "profiling/profiling_spec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

const std::map<QString, QStringList> &operatorParameters()
{
    static const QStringList spatial = {QStringLiteral("batch"), QStringLiteral("in_channels"),
                                        QStringLiteral("size")};
    static const std::map<QString, QStringList> table = {
        {QStringLiteral("Conv"),
         spatial + QStringList{QStringLiteral("out_channels"), QStringLiteral("kernel"),
                               QStringLiteral("stride")}},
        {QStringLiteral("MaxPool"),
         spatial + QStringList{QStringLiteral("kernel"), QStringLiteral("stride")}},
        {QStringLiteral("AveragePool"),
         spatial + QStringList{QStringLiteral("kernel"), QStringLiteral("stride")}},
        {QStringLiteral("Gemm"),
         {QStringLiteral("batch"), QStringLiteral("in_features"), QStringLiteral("out_features")}},
        {QStringLiteral("MatMul"),
         {QStringLiteral("batch"), QStringLiteral("heads"), QStringLiteral("tokens"),
          QStringLiteral("head_dim")}},
        {QStringLiteral("Softmax"),
         {QStringLiteral("batch"), QStringLiteral("rows"), QStringLiteral("cols")}},
        {QStringLiteral("LayerNormalization"),
         {QStringLiteral("batch"), QStringLiteral("tokens"), QStringLiteral("dim")}},
        {QStringLiteral("Concat"), spatial + QStringList{QStringLiteral("inputs")}},
        {QStringLiteral("Relu"), spatial},
        {QStringLiteral("Sigmoid"), spatial},
        {QStringLiteral("HardSwish"), spatial},
        {QStringLiteral("Clip"), spatial},
        {QStringLiteral("Add"), spatial},
        {QStringLiteral("Mul"), spatial},
        {QStringLiteral("GlobalAveragePool"), spatial},
    };
    return table;
}

bool positiveInt(const QJsonValue &v, int64_t *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 1 || d != std::floor(d) || d > 1e12)
        return false;
    *out = static_cast<int64_t>(d);
    return true;
}

bool parseRange(const QJsonValue &value, const QString &key, ParamRange *range, QString *error)
{
    const QJsonObject o = value.toObject();
    if (!value.isObject() || o.size() != 1) {
        *error = tr("%1: expected an object with one of \"choices\", \"uniform\" or "
                    "\"log_uniform\"")
                     .arg(key);
        return false;
    }
    const QString kind = o.begin().key();
    const QJsonValue body = o.begin().value();
    const QString where = key + QLatin1Char('.') + kind;
    if (kind == QLatin1String("choices")) {
        range->kind = ParamRange::Kind::Choices;
        if (!body.isArray() || body.toArray().isEmpty()) {
            *error = tr("%1: expected a non-empty array of positive integers").arg(where);
            return false;
        }
        for (const QJsonValue &c : body.toArray()) {
            int64_t n = 0;
            if (!positiveInt(c, &n)) {
                *error = tr("%1: expected positive integers").arg(where);
                return false;
            }
            range->choices.push_back(n);
        }
        return true;
    }
    if (kind != QLatin1String("uniform") && kind != QLatin1String("log_uniform")) {
        *error = tr("%1: unknown kind of range (use choices, uniform or log_uniform)").arg(where);
        return false;
    }
    range->kind =
        kind == QLatin1String("uniform") ? ParamRange::Kind::Uniform : ParamRange::Kind::LogUniform;
    const QJsonArray bounds = body.toArray();
    if (!body.isArray() || bounds.size() != 2 || !positiveInt(bounds[0], &range->low) ||
        !positiveInt(bounds[1], &range->high)) {
        *error = tr("%1: expected [low, high] with positive integers").arg(where);
        return false;
    }
    if (range->low > range->high) {
        *error = tr("%1: empty range [%2, %3]").arg(where).arg(range->low).arg(range->high);
        return false;
    }
    return true;
}

bool parseModule(const QString &name, const QJsonValue &value, ModuleSpec *m, QString *error)
{
    const QString key = QStringLiteral("modules.") + name;
    if (!value.isObject()) {
        *error = tr("%1: expected an object").arg(key);
        return false;
    }
    const QJsonObject o = value.toObject();
    m->name = name;
    m->op = o.value(QStringLiteral("op")).toString();
    if (!operatorParameters().count(m->op)) {
        *error = tr("%1.op: unknown module operator '%2' (known: %3)")
                     .arg(key, o.value(QStringLiteral("op")).toVariant().toString(),
                          moduleOperators().join(QStringLiteral(", ")));
        return false;
    }
    if (o.contains(QStringLiteral("then"))) {
        if (!o.value(QStringLiteral("then")).isArray()) {
            *error = tr("%1.then: expected an array of operator names").arg(key);
            return false;
        }
        for (const QJsonValue &t : o.value(QStringLiteral("then")).toArray()) {
            const QString op = t.toString();
            if (op != QLatin1String("Relu") && op != QLatin1String("Clip") &&
                op != QLatin1String("Sigmoid") && op != QLatin1String("HardSwish")) {
                *error = tr("%1.then: '%2' cannot be fused (Relu, Clip, Sigmoid, HardSwish)")
                             .arg(key, t.toVariant().toString());
                return false;
            }
            m->then.append(op);
        }
    }
    if (o.contains(QStringLiteral("depthwise")) && !o.value(QStringLiteral("depthwise")).isBool()) {
        *error = tr("%1.depthwise: expected true or false").arg(key);
        return false;
    }
    m->depthwise = o.value(QStringLiteral("depthwise")).toBool(false);
    if (m->depthwise && m->op != QLatin1String("Conv")) {
        *error = tr("%1.depthwise: only Conv modules can be depthwise").arg(key);
        return false;
    }
    const QStringList known = moduleParameters(m->op, m->depthwise);
    const QJsonObject params = o.value(QStringLiteral("params")).toObject();
    if (!o.value(QStringLiteral("params")).isObject()) {
        *error = tr("%1.params: expected an object").arg(key);
        return false;
    }
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = tr("%1.params.%2: unknown parameter for %3 (known: %4)")
                         .arg(key, it.key(), m->op, known.join(QStringLiteral(", ")));
            return false;
        }
        ParamRange range;
        if (!parseRange(it.value(), key + QStringLiteral(".params.") + it.key(), &range, error))
            return false;
        m->params[it.key()] = range;
    }
    for (const QString &p : known) {
        if (!m->params.count(p)) {
            *error = tr("%1.params: missing '%2'").arg(key, p);
            return false;
        }
    }
    return true;
}

template<typename T>
bool intList(const QJsonObject &o, const char *field, const QString &key, int64_t min, int64_t max,
             std::vector<T> *out, QString *error)
{
    if (!o.contains(QLatin1String(field)))
        return true;
    const QJsonValue v = o.value(QLatin1String(field));
    out->clear();
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isDouble() || e.toDouble() < min || e.toDouble() > max ||
            e.toDouble() != std::floor(e.toDouble())) {
            out->clear();
            break;
        }
        out->push_back(static_cast<T>(e.toDouble()));
    }
    if (!v.isArray() || out->empty()) {
        *error = tr("%1.%2: expected a non-empty array of integers from %3 to %4")
                     .arg(key, QLatin1String(field))
                     .arg(min)
                     .arg(max);
        return false;
    }
    return true;
}

} // namespace

int64_t ParamRange::sample(std::mt19937_64 &rng) const
{
    switch (kind) {
    case Kind::Choices:
        return choices[std::uniform_int_distribution<size_t>(0, choices.size() - 1)(rng)];
    case Kind::Uniform:
        return std::uniform_int_distribution<int64_t>(low, high)(rng);
    case Kind::LogUniform: {
        const double v = std::exp(std::uniform_real_distribution<double>(
            std::log(double(low)), std::log(double(high) + 1))(rng));
        return std::clamp<int64_t>(static_cast<int64_t>(v), low, high);
    }
    }
    return low;
}

bool ParamRange::contains(int64_t value) const
{
    if (kind == Kind::Choices)
        return std::find(choices.begin(), choices.end(), value) != choices.end();
    return value >= low && value <= high;
}

const ModuleSpec *ProfilingSpec::module(const QString &name) const
{
    for (const ModuleSpec &m : modules) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

QStringList moduleParameters(const QString &op, bool depthwise)
{
    const auto it = operatorParameters().find(op);
    if (it == operatorParameters().end())
        return {};
    QStringList params = it->second;
    if (depthwise)
        params.removeAll(QStringLiteral("out_channels"));
    return params;
}

QStringList moduleOperators()
{
    QStringList ops;
    for (const auto &[op, params] : operatorParameters())
        ops.append(op);
    return ops;
}

std::optional<ProfilingSpec> parseProfilingSpec(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? tr("not valid JSON at offset %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString())
                     : tr("the spec must be a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    ProfilingSpec spec;
    static const QStringList topKeys = {QStringLiteral("version"),     QStringLiteral("name"),
                                        QStringLiteral("description"), QStringLiteral("measure"),
                                        QStringLiteral("sampling"),    QStringLiteral("modules")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!topKeys.contains(it.key())) {
            *error =
                tr("%1: unknown key (known: %2)").arg(it.key(), topKeys.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    if (root.value(QStringLiteral("version")).toInt(-1) != 1) {
        *error = tr("version: expected 1");
        return std::nullopt;
    }
    spec.name = root.value(QStringLiteral("name")).toString();
    spec.description = root.value(QStringLiteral("description")).toString();

    const QJsonObject measure = root.value(QStringLiteral("measure")).toObject();
    if (root.contains(QStringLiteral("measure")) &&
        !root.value(QStringLiteral("measure")).isObject()) {
        *error = tr("measure: expected an object");
        return std::nullopt;
    }
    if (measure.contains(QStringLiteral("max_time_s"))) {
        const QJsonValue v = measure.value(QStringLiteral("max_time_s"));
        if (!v.isDouble() || v.toDouble() <= 0 || v.toDouble() > 600) {
            *error = tr("measure.max_time_s: expected seconds in (0, 600]");
            return std::nullopt;
        }
        spec.maxTimeSeconds = v.toDouble();
    }
    if (measure.contains(QStringLiteral("min_runs"))) {
        int64_t n = 0;
        if (!positiveInt(measure.value(QStringLiteral("min_runs")), &n) || n > 10000) {
            *error = tr("measure.min_runs: expected a positive integer");
            return std::nullopt;
        }
        spec.minRuns = static_cast<int>(n);
    }
    if (!intList(measure, "threads", QStringLiteral("measure"), 1, 1024, &spec.threads, error) ||
        !intList(measure, "utilization", QStringLiteral("measure"), 0, 100, &spec.utilization,
                 error))
        return std::nullopt;

    const QJsonObject sampling = root.value(QStringLiteral("sampling")).toObject();
    if (sampling.contains(QStringLiteral("harvest_share"))) {
        const QJsonValue v = sampling.value(QStringLiteral("harvest_share"));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1) {
            *error = tr("sampling.harvest_share: expected a number from 0 to 1");
            return std::nullopt;
        }
        spec.harvestShare = v.toDouble();
    }
    if (!intList(sampling, "harvest_batches", QStringLiteral("sampling"), 1, 4096,
                 &spec.harvestBatches, error))
        return std::nullopt;
    if (sampling.contains(QStringLiteral("seed"))) {
        int64_t seed = 0;
        if (!positiveInt(sampling.value(QStringLiteral("seed")), &seed)) {
            *error = tr("sampling.seed: expected a positive integer");
            return std::nullopt;
        }
        spec.seed = static_cast<uint64_t>(seed);
    }

    const QJsonValue modules = root.value(QStringLiteral("modules"));
    if (!modules.isObject() || modules.toObject().isEmpty()) {
        *error = tr("modules: expected a non-empty object of module specs");
        return std::nullopt;
    }
    const QJsonObject mo = modules.toObject();
    for (auto it = mo.begin(); it != mo.end(); ++it) {
        ModuleSpec m;
        if (!parseModule(it.key(), it.value(), &m, error))
            return std::nullopt;
        spec.modules.push_back(std::move(m));
    }
    spec.hash = QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(root).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
    return spec;
}

std::optional<ProfilingSpec> loadProfilingSpec(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto spec = parseProfilingSpec(file.readAll(), error);
    if (!spec)
        *error = path + QStringLiteral(": ") + *error;
    return spec;
}

QByteArray defaultProfilingSpecJson()
{
    QFile file(QStringLiteral(":/layerlens/specs/default.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the built-in profiling spec is missing from this build");
    return file.readAll();
}

ProfilingSpec defaultProfilingSpec()
{
    QString error;
    auto spec = loadProfilingSpec(QStringLiteral(":/layerlens/specs/default.json"), &error);
    if (!spec)
        qFatal("the built-in profiling spec is invalid: %s", qPrintable(error));
    return *spec;
}

} // namespace layerlens::core
