#include "models/neural_models.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace layerlens::core {

namespace {

QJsonArray toArray(const Vector &v)
{
    QJsonArray a;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        a.append(v[i]);
    return a;
}

Vector fromArray(const QJsonArray &a)
{
    Vector v(a.size());
    for (qsizetype i = 0; i < a.size(); ++i)
        v[i] = a[i].toDouble();
    return v;
}

// Mean and standard deviation of each column over the rows its mask keeps.
void targetStatistics(const Matrix &y, const Matrix &mask, Vector *mean, Vector *scale)
{
    mean->resize(y.cols());
    scale->resize(y.cols());
    for (Eigen::Index k = 0; k < y.cols(); ++k) {
        const double n = std::max(mask.col(k).sum(), 1.0);
        const double m = (y.col(k).array() * mask.col(k).array()).sum() / n;
        const double var = ((y.col(k).array() - m).square() * mask.col(k).array()).sum() / n;
        (*mean)[k] = m;
        (*scale)[k] = var > 1e-12 ? std::sqrt(var) : 1.0;
    }
}

} // namespace

bool MlpModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    if (x.rows() < 2 || x.rows() != y.size()) {
        *error = tr("mlp needs at least two samples");
        return false;
    }
    m_standardizer.fit(x);
    Vector mean, scale;
    targetStatistics(y, Matrix::Ones(y.size(), 1), &mean, &scale);
    m_yMean = mean[0];
    m_yScale = scale[0];
    NeuralFitRequest request;
    request.x = m_standardizer.apply(x);
    request.y = (y.array() - m_yMean) / m_yScale;
    request.mask = Matrix::Ones(y.size(), 1);
    request.targetScale = scale;
    request.encoderWidths = {64, 64};
    request.headWidths = {};
    request.seed = m_seed;
    return fitNeuralNetwork(request, &m_network, error);
}

Vector MlpModel::predict(const Matrix &x) const
{
    return (m_network.forwardHead(m_standardizer.apply(x), 0).array() * m_yScale + m_yMean)
        .matrix();
}

QJsonObject MlpModel::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("standardizer"), m_standardizer.toJson()},
                       {QStringLiteral("y_mean"), m_yMean},
                       {QStringLiteral("y_scale"), m_yScale},
                       {QStringLiteral("network"), m_network.toJson()}};
}

bool MlpModel::fromJson(const QJsonObject &json, QString *error)
{
    if (!m_standardizer.fromJson(json.value(QStringLiteral("standardizer")).toObject(), error) ||
        !m_network.fromJson(json.value(QStringLiteral("network")).toObject(), error))
        return false;
    m_yMean = json.value(QStringLiteral("y_mean")).toDouble();
    m_yScale = json.value(QStringLiteral("y_scale")).toDouble(1);
    if (m_network.encoder.front().weights.cols() != m_standardizer.mean.size() ||
        m_network.heads.size() != 1) {
        *error = tr("mlp: the network does not match its features");
        return false;
    }
    return true;
}

std::shared_ptr<const MednNetwork> MednNetwork::fit(const Matrix &x, const Matrix &y,
                                                    const Matrix &mask, const QStringList &targets,
                                                    uint64_t seed, QString *error)
{
    if (x.rows() < 2 || y.rows() != x.rows() || mask.rows() != x.rows() ||
        y.cols() != targets.size() || mask.cols() != y.cols()) {
        *error = tr("medn: inconsistent training data");
        return nullptr;
    }
    auto medn = std::make_shared<MednNetwork>();
    medn->targets = targets;
    medn->standardizer.fit(x);
    targetStatistics(y, mask, &medn->yMean, &medn->yScale);
    NeuralFitRequest request;
    request.x = medn->standardizer.apply(x);
    request.y = ((y.rowwise() - medn->yMean.transpose()).array().rowwise() /
                 medn->yScale.transpose().array())
                    .array() *
                mask.array(); // unmeasured entries are masked; keep them finite
    request.mask = mask;
    request.targetScale = medn->yScale;
    request.encoderWidths = {64, 32};
    request.headWidths = {32};
    request.seed = seed;
    if (!fitNeuralNetwork(request, &medn->network, error))
        return nullptr;
    return medn;
}

bool MednModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    m_network = MednNetwork::fit(x, y, Matrix::Ones(y.size(), 1), {QStringLiteral("target")},
                                 m_seed, error);
    m_head = 0;
    return m_network != nullptr;
}

Vector MednModel::predict(const Matrix &x) const
{
    const MednNetwork &n = *m_network;
    return (n.network.forwardHead(n.standardizer.apply(x), m_head).array() * n.yScale[m_head] +
            n.yMean[m_head])
        .matrix();
}

QJsonObject MednModel::toJson() const
{
    const MednNetwork &n = *m_network;
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("head"), m_head},
                       {QStringLiteral("targets"), QJsonArray::fromStringList(n.targets)},
                       {QStringLiteral("standardizer"), n.standardizer.toJson()},
                       {QStringLiteral("y_mean"), toArray(n.yMean)},
                       {QStringLiteral("y_scale"), toArray(n.yScale)},
                       {QStringLiteral("network"), n.network.toJson()}};
}

bool MednModel::fromJson(const QJsonObject &json, QString *error)
{
    auto n = std::make_shared<MednNetwork>();
    for (const QJsonValue &t : json.value(QStringLiteral("targets")).toArray())
        n->targets.append(t.toString());
    n->yMean = fromArray(json.value(QStringLiteral("y_mean")).toArray());
    n->yScale = fromArray(json.value(QStringLiteral("y_scale")).toArray());
    if (!n->standardizer.fromJson(json.value(QStringLiteral("standardizer")).toObject(), error) ||
        !n->network.fromJson(json.value(QStringLiteral("network")).toObject(), error))
        return false;
    m_head = json.value(QStringLiteral("head")).toInt(-1);
    const auto heads = static_cast<Eigen::Index>(n->network.heads.size());
    if (n->network.encoder.front().weights.cols() != n->standardizer.mean.size() ||
        heads != n->targets.size() || n->yMean.size() != heads || n->yScale.size() != heads ||
        m_head < 0 || m_head >= heads) {
        *error = tr("medn: the network does not match its features and targets");
        return false;
    }
    m_network = std::move(n);
    return true;
}

} // namespace layerlens::core
