#include "models/module_training.h"

#include "models/neural_models.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

double featureValue(const Sample &s, const QString &name)
{
    if (name == QLatin1String("threads"))
        return s.threads;
    if (name == QLatin1String("utilization"))
        return s.utilization;
    if (name.startsWith(QLatin1String("param:")))
        return s.params.value(name.mid(6)).toDouble();
    return s.features.value(name.mid(8)).toDouble();
}

} // namespace

FeatureEncoding FeatureEncoding::of(const std::vector<Sample> &samples)
{
    QSet<QString> params, features;
    for (const Sample &s : samples) {
        for (auto it = s.params.begin(); it != s.params.end(); ++it)
            params.insert(it.key());
        for (auto it = s.features.begin(); it != s.features.end(); ++it) {
            if (it.value().isDouble())
                features.insert(it.key());
        }
    }
    FeatureEncoding e;
    QStringList p(params.begin(), params.end()), f(features.begin(), features.end());
    p.sort();
    f.sort();
    for (const QString &n : p)
        e.names.append(QStringLiteral("param:") + n);
    for (const QString &n : f)
        e.names.append(QStringLiteral("feature:") + n);
    e.names.append(QStringLiteral("threads"));
    e.names.append(QStringLiteral("utilization"));
    return e;
}

Eigen::RowVectorXd FeatureEncoding::encode(const Sample &s) const
{
    Eigen::RowVectorXd row(names.size());
    for (qsizetype i = 0; i < names.size(); ++i)
        row[i] = std::log1p(std::max(0.0, featureValue(s, names[i])));
    if (blasRows)
        blasRows->apply(&row);
    return row;
}

Matrix FeatureEncoding::encode(const std::vector<Sample> &samples,
                               const std::vector<int> &rows) const
{
    Matrix x(static_cast<Eigen::Index>(rows.size()), names.size());
    for (size_t r = 0; r < rows.size(); ++r)
        x.row(static_cast<Eigen::Index>(r)) = encode(samples[rows[r]]);
    return x;
}

Eigen::Index FeatureEncoding::outsideRange(const Eigen::RowVectorXd &row, QString *reason) const
{
    if (lower.size() != row.size() || upper.size() != row.size())
        return -1;
    for (Eigen::Index c = 0; c < row.size(); ++c) {
        const double margin = 0.05 * std::max(upper[c] - lower[c], 1e-9);
        if (row[c] >= lower[c] - margin && row[c] <= upper[c] + margin)
            continue;
        if (reason)
            *reason = outsideRangeText(names[c], std::expm1(row[c]), std::expm1(lower[c]),
                                       std::expm1(upper[c]));
        return c;
    }
    return -1;
}

QString FeatureEncoding::outsideRangeText(const QString &feature, double value, double lower,
                                          double upper)
{
    return tr("%1 = %2 is outside the trained %3 to %4")
        .arg(feature)
        .arg(value, 0, 'g', 4)
        .arg(lower, 0, 'g', 4)
        .arg(upper, 0, 'g', 4);
}

QJsonObject FeatureEncoding::toJson() const
{
    QJsonObject json{{QStringLiteral("features"), QJsonArray::fromStringList(names)},
                     {QStringLiteral("transform"), QStringLiteral("log1p")}};
    if (lower.size() == names.size() && upper.size() == names.size()) {
        QJsonArray lo, hi;
        for (Eigen::Index i = 0; i < lower.size(); ++i) {
            lo.append(lower[i]);
            hi.append(upper[i]);
        }
        json.insert(QStringLiteral("lower"), lo);
        json.insert(QStringLiteral("upper"), hi);
    }
    if (blasRows)
        json.insert(QStringLiteral("blas_rows"), blasRows->toJson());
    return json;
}

bool FeatureEncoding::fromJson(const QJsonObject &json, QString *error)
{
    names.clear();
    for (const QJsonValue &v : json.value(QStringLiteral("features")).toArray())
        names.append(v.toString());
    if (names.isEmpty() ||
        json.value(QStringLiteral("transform")).toString() != QLatin1String("log1p")) {
        *error = tr("the feature encoding is missing or unknown");
        return false;
    }
    const QJsonArray lo = json.value(QStringLiteral("lower")).toArray();
    const QJsonArray hi = json.value(QStringLiteral("upper")).toArray();
    lower.resize(0);
    upper.resize(0);
    if (lo.size() == names.size() && hi.size() == names.size()) {
        lower.resize(lo.size());
        upper.resize(hi.size());
        for (qsizetype i = 0; i < lo.size(); ++i) {
            lower[i] = lo[i].toDouble();
            upper[i] = hi[i].toDouble();
        }
    }
    blasRows.reset();
    if (json.contains(QStringLiteral("blas_rows"))) {
        blasRows = BlasRows::fromJson(json.value(QStringLiteral("blas_rows")).toObject(), error);
        if (!blasRows)
            return false;
        if (blasRows->lastColumn() >= names.size()) {
            *error = tr("the BLAS rows name a column the encoding does not have");
            blasRows.reset();
            return false;
        }
    }
    return true;
}

QString targetKey(Target target)
{
    switch (target) {
    case Target::Latency:
        return QStringLiteral("latency_ms");
    case Target::Memory:
        return QStringLiteral("memory_bytes");
    case Target::Energy:
        return QStringLiteral("energy_j");
    }
    return {};
}

bool targetFromKey(const QString &key, Target *target)
{
    for (Target t : allTargets()) {
        if (targetKey(t) == key) {
            *target = t;
            return true;
        }
    }
    return false;
}

std::vector<Target> allTargets()
{
    return {Target::Latency, Target::Memory, Target::Energy};
}

TargetTraining *targetOf(ModuleTraining &m, Target target)
{
    for (TargetTraining &t : m.targets) {
        if (t.target == target && t.model)
            return &t;
    }
    return nullptr;
}

const TargetTraining *targetOf(const ModuleTraining &m, Target target)
{
    return targetOf(const_cast<ModuleTraining &>(m), target);
}

double targetValue(const Sample &s, Target target)
{
    switch (target) {
    case Target::Latency:
        return s.latencyMedianMs;
    case Target::Memory:
        return double(s.peakMemoryBytes);
    case Target::Energy:
        return s.energyJoules.value_or(0.0);
    }
    return 0;
}

QJsonObject ModelMetrics::toJson() const
{
    return QJsonObject{{QStringLiteral("mape"), mape},
                       {QStringLiteral("rmse"), rmse},
                       {QStringLiteral("r2"), r2},
                       {QStringLiteral("within_5"), within5},
                       {QStringLiteral("within_10"), within10},
                       {QStringLiteral("ape_p90"), p90},
                       {QStringLiteral("predict_us"), predictMicros},
                       {QStringLiteral("size_bytes"), static_cast<qint64>(sizeBytes)},
                       {QStringLiteral("train_samples"), trainSamples},
                       {QStringLiteral("test_samples"), testSamples}};
}

QJsonArray candidatesToJson(const std::vector<Candidate> &candidates)
{
    QJsonArray out;
    for (const Candidate &c : candidates) {
        QJsonObject entry = c.metrics.toJson();
        entry.insert(QStringLiteral("kind"), c.kind);
        out.append(entry);
    }
    return out;
}

void splitByConfiguration(const std::vector<Sample> &samples, double testShare, uint64_t seed,
                          std::vector<int> *train, std::vector<int> *test)
{
    std::map<QString, std::vector<int>> groups;
    for (size_t i = 0; i < samples.size(); ++i) {
        const QString key =
            samples[i].module +
            QString::fromUtf8(QJsonDocument(samples[i].params).toJson(QJsonDocument::Compact));
        groups[key].push_back(static_cast<int>(i));
    }
    std::vector<const std::vector<int> *> order;
    for (const auto &[key, rows] : groups)
        order.push_back(&rows);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    const size_t testGroups = std::max<size_t>(1, static_cast<size_t>(order.size() * testShare));
    for (size_t g = 0; g < order.size(); ++g) {
        auto *side = g < testGroups ? test : train;
        side->insert(side->end(), order[g]->begin(), order[g]->end());
    }
}

ModelMetrics evaluateModel(const RegressionModel &model, const Matrix &x, const Vector &truth)
{
    ModelMetrics m;
    m.testSamples = static_cast<int>(x.rows());
    const auto start = std::chrono::steady_clock::now();
    const Vector logPredicted = model.predict(x);
    m.predictMicros =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        std::max<Eigen::Index>(x.rows(), 1);
    m.sizeBytes = model.sizeBytes();
    const Vector predicted = logPredicted.array().exp();
    const Vector logTruth = truth.array().log();
    double ape = 0, squares = 0, within5 = 0, within10 = 0;
    std::vector<double> errors;
    for (Eigen::Index i = 0; i < truth.size(); ++i) {
        const double rel = std::fabs(predicted[i] - truth[i]) / truth[i];
        errors.push_back(rel);
        ape += rel;
        squares += (predicted[i] - truth[i]) * (predicted[i] - truth[i]);
        within5 += rel <= 0.05 ? 1 : 0;
        within10 += rel <= 0.10 ? 1 : 0;
    }
    const double n = std::max<double>(truth.size(), 1);
    m.mape = 100 * ape / n;
    m.rmse = std::sqrt(squares / n);
    m.within5 = 100 * within5 / n;
    m.within10 = 100 * within10 / n;
    if (!errors.empty()) {
        const size_t k = std::min(errors.size() - 1, static_cast<size_t>(0.9 * errors.size()));
        std::nth_element(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(k),
                         errors.end());
        m.p90 = 100 * errors[k];
    }
    const double total = (logTruth.array() - logTruth.mean()).square().sum();
    const double residual = (logTruth - logPredicted).array().square().sum();
    m.r2 = total > 0 ? 1 - residual / total : 0;
    return m;
}

int selectCandidate(const std::vector<Candidate> &candidates, double tolerance)
{
    double best = std::numeric_limits<double>::infinity();
    for (const Candidate &c : candidates)
        best = std::min(best, c.metrics.mape);
    int chosen = -1;
    double cheapest = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < candidates.size(); ++i) {
        const ModelMetrics &m = candidates[i].metrics;
        if (m.mape > best + tolerance)
            continue;
        const double cost =
            std::max(m.predictMicros, 1e-3) * double(std::max<int64_t>(m.sizeBytes, 1));
        if (cost < cheapest) {
            cheapest = cost;
            chosen = static_cast<int>(i);
        }
    }
    return chosen;
}

namespace {

// Rows of `rows` where the device measured target.
std::vector<int> measuredRows(const std::vector<Sample> &samples, const std::vector<int> &rows,
                              Target target)
{
    std::vector<int> out;
    for (int r : rows) {
        if (targetValue(samples[r], target) > 0)
            out.push_back(r);
    }
    return out;
}

Vector logTargets(const std::vector<Sample> &samples, const std::vector<int> &rows, Target target)
{
    Vector y(static_cast<Eigen::Index>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        y[static_cast<Eigen::Index>(i)] = std::log(targetValue(samples[rows[i]], target));
    return y;
}

// The joint MEDN of every target on rows; masked where a sample lacks one.
std::shared_ptr<const MednNetwork> fitJointMedn(const std::vector<Sample> &samples,
                                                const std::vector<int> &rows,
                                                const FeatureEncoding &encoding,
                                                const std::vector<Target> &targets, uint64_t seed,
                                                QString *error)
{
    const auto n = static_cast<Eigen::Index>(rows.size());
    const auto k = static_cast<Eigen::Index>(targets.size());
    Matrix y = Matrix::Zero(n, k), mask = Matrix::Zero(n, k);
    QStringList keys;
    for (Eigen::Index t = 0; t < k; ++t) {
        keys.append(targetKey(targets[t]));
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = targetValue(samples[rows[i]], targets[t]);
            if (v > 0) {
                y(i, t) = std::log(v);
                mask(i, t) = 1;
            }
        }
    }
    return MednNetwork::fit(encoding.encode(samples, rows), y, mask, keys, seed, error);
}

} // namespace

bool trainModule(const QString &module, const std::vector<Sample> &all, const TrainOptions &options,
                 ModuleTraining *out, QString *error)
{
    out->module = module;
    out->samples = static_cast<int>(all.size());
    if (static_cast<int>(all.size()) < options.minSamples) {
        *error = tr("module %1 has %2 samples; training needs at least %3")
                     .arg(module)
                     .arg(all.size())
                     .arg(options.minSamples);
        return false;
    }
    out->op = all.front().op;
    out->encoding = FeatureEncoding::of(all);
    std::vector<int> trainRows, testRows, every(all.size());
    std::iota(every.begin(), every.end(), 0);
    {
        const Matrix encoded = out->encoding.encode(all, every);
        out->encoding.lower = encoded.colwise().minCoeff().transpose();
        out->encoding.upper = encoded.colwise().maxCoeff().transpose();
    }
    splitByConfiguration(all, options.testShare, options.seed, &trainRows, &testRows);

    // The targets this device measured often enough.
    std::vector<Target> active;
    for (Target target : allTargets()) {
        if (static_cast<int>(measuredRows(all, every, target).size()) >= options.minSamples &&
            !measuredRows(all, testRows, target).empty())
            active.push_back(target);
    }
    // MEDN learns every active target at once (Shen et al.): one network, one head each.
    std::shared_ptr<const MednNetwork> joint;
    QString mednProblem;
    if (options.kinds.contains(QLatin1String("medn")) && !active.empty())
        joint = fitJointMedn(all, trainRows, out->encoding, active, options.seed, &mednProblem);
    std::shared_ptr<const MednNetwork> jointOnAll;

    for (size_t head = 0; head < active.size(); ++head) {
        const Target target = active[head];
        const std::vector<int> train = measuredRows(all, trainRows, target);
        const std::vector<int> test = measuredRows(all, testRows, target);
        const Matrix xTrain = out->encoding.encode(all, train);
        const Matrix xTest = out->encoding.encode(all, test);
        const Vector yTrain = logTargets(all, train, target);
        const Vector truth = logTargets(all, test, target).array().exp();
        TargetTraining t;
        t.target = target;
        for (const QString &kind : options.kinds) {
            std::unique_ptr<RegressionModel> model;
            if (kind == QLatin1String("medn")) {
                if (!joint)
                    continue;
                model = std::make_unique<MednModel>(joint, static_cast<int>(head));
            } else {
                model = createModel(kind);
                QString problem;
                if (!model || !model->fit(xTrain, yTrain, &problem))
                    continue;
            }
            Candidate c{kind, evaluateModel(*model, xTest, truth)};
            c.metrics.trainSamples = static_cast<int>(train.size());
            t.candidates.push_back(c);
        }
        t.selected = selectCandidate(t.candidates, options.tolerance);
        if (t.selected < 0)
            continue;
        // The selected kind, refitted on every sample.
        const QString kind = t.candidates[t.selected].kind;
        if (kind == QLatin1String("medn")) {
            if (!jointOnAll)
                jointOnAll = fitJointMedn(all, every, out->encoding, active, options.seed, error);
            if (!jointOnAll)
                return false;
            t.model = std::make_unique<MednModel>(jointOnAll, static_cast<int>(head));
        } else {
            const std::vector<int> rows = measuredRows(all, every, target);
            t.model = createModel(kind);
            QString problem;
            if (!t.model->fit(out->encoding.encode(all, rows), logTargets(all, rows, target),
                              &problem)) {
                *error = problem;
                return false;
            }
        }
        out->targets.push_back(std::move(t));
    }
    return true;
}

} // namespace layerlens::core
