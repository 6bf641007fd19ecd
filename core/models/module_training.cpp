#include "models/module_training.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ModuleTraining", text);
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

QJsonObject FeatureEncoding::toJson() const
{
    return QJsonObject{{QStringLiteral("features"), QJsonArray::fromStringList(names)},
                       {QStringLiteral("transform"), QStringLiteral("log1p")}};
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
    return true;
}

QString targetKey(Target target)
{
    return target == Target::Latency ? QStringLiteral("latency_ms")
                                     : QStringLiteral("memory_bytes");
}

double targetValue(const Sample &s, Target target)
{
    return target == Target::Latency ? s.latencyMedianMs : double(s.peakMemoryBytes);
}

QJsonObject ModelMetrics::toJson() const
{
    return QJsonObject{{QStringLiteral("mape"), mape},
                       {QStringLiteral("rmse"), rmse},
                       {QStringLiteral("r2"), r2},
                       {QStringLiteral("within_5"), within5},
                       {QStringLiteral("within_10"), within10},
                       {QStringLiteral("predict_us"), predictMicros},
                       {QStringLiteral("size_bytes"), static_cast<qint64>(sizeBytes)},
                       {QStringLiteral("train_samples"), trainSamples},
                       {QStringLiteral("test_samples"), testSamples}};
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
    for (Eigen::Index i = 0; i < truth.size(); ++i) {
        const double rel = std::fabs(predicted[i] - truth[i]) / truth[i];
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
    for (Target target : {Target::Latency, Target::Memory}) {
        // Only samples where the device measured this metric.
        std::vector<Sample> measured;
        for (const Sample &s : all) {
            if (targetValue(s, target) > 0)
                measured.push_back(s);
        }
        if (static_cast<int>(measured.size()) < options.minSamples)
            continue;
        std::vector<int> train, test;
        splitByConfiguration(measured, options.testShare, options.seed, &train, &test);
        const Matrix xTrain = out->encoding.encode(measured, train);
        const Matrix xTest = out->encoding.encode(measured, test);
        Vector yTrain(static_cast<Eigen::Index>(train.size()));
        Vector truth(static_cast<Eigen::Index>(test.size()));
        for (size_t i = 0; i < train.size(); ++i)
            yTrain[static_cast<Eigen::Index>(i)] =
                std::log(targetValue(measured[train[i]], target));
        for (size_t i = 0; i < test.size(); ++i)
            truth[static_cast<Eigen::Index>(i)] = targetValue(measured[test[i]], target);
        TargetTraining t;
        t.target = target;
        for (const QString &kind : options.kinds) {
            auto model = createModel(kind);
            QString problem;
            if (!model || !model->fit(xTrain, yTrain, &problem))
                continue;
            Candidate c{kind, evaluateModel(*model, xTest, truth)};
            c.metrics.trainSamples = static_cast<int>(train.size());
            t.candidates.push_back(c);
        }
        t.selected = selectCandidate(t.candidates, options.tolerance);
        if (t.selected < 0)
            continue;
        // The selected kind, refitted on every sample.
        std::vector<int> every(measured.size());
        std::iota(every.begin(), every.end(), 0);
        Vector y(static_cast<Eigen::Index>(measured.size()));
        for (size_t i = 0; i < measured.size(); ++i)
            y[static_cast<Eigen::Index>(i)] = std::log(targetValue(measured[i], target));
        t.model = createModel(t.candidates[t.selected].kind);
        QString problem;
        if (!t.model->fit(out->encoding.encode(measured, every), y, &problem)) {
            *error = problem;
            return false;
        }
        out->targets.push_back(std::move(t));
    }
    return true;
}

} // namespace layerlens::core
