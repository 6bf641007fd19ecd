#include "models/knn_model.h"

#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace layerlens::core {

bool KnnModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    if (x.rows() < 1 || x.rows() != y.size()) {
        *error = QStringLiteral("knn needs at least one sample");
        return false;
    }
    m_standardizer.fit(x);
    m_points = m_standardizer.apply(x);
    m_targets = y;
    return true;
}

Vector KnnModel::predict(const Matrix &x) const
{
    const Matrix z = m_standardizer.apply(x);
    Vector out(z.rows());
    const int k = std::min<int>(m_k, static_cast<int>(m_points.rows()));
    std::vector<int> order(m_points.rows());
    Vector distance(m_points.rows());
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
        distance = (m_points.rowwise() - z.row(r)).rowwise().squaredNorm();
        std::iota(order.begin(), order.end(), 0);
        std::partial_sort(order.begin(), order.begin() + k, order.end(),
                          [&](int a, int b) { return distance[a] < distance[b]; });
        double sum = 0, weights = 0;
        for (int i = 0; i < k; ++i) {
            const double w = 1.0 / (std::sqrt(distance[order[i]]) + 1e-9);
            sum += w * m_targets[order[i]];
            weights += w;
        }
        out[r] = sum / weights;
    }
    return out;
}

QJsonObject KnnModel::toJson() const
{
    QJsonArray points;
    for (Eigen::Index r = 0; r < m_points.rows(); ++r) {
        QJsonArray row;
        for (Eigen::Index c = 0; c < m_points.cols(); ++c)
            row.append(m_points(r, c));
        points.append(row);
    }
    QJsonArray targets;
    for (Eigen::Index i = 0; i < m_targets.size(); ++i)
        targets.append(m_targets[i]);
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("k"), m_k},
                       {QStringLiteral("standardizer"), m_standardizer.toJson()},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("targets"), targets}};
}

bool KnnModel::fromJson(const QJsonObject &json, QString *error)
{
    if (!m_standardizer.fromJson(json.value(QStringLiteral("standardizer")).toObject(), error))
        return false;
    m_k = json.value(QStringLiteral("k")).toInt(5);
    const QJsonArray points = json.value(QStringLiteral("points")).toArray();
    const QJsonArray targets = json.value(QStringLiteral("targets")).toArray();
    const Eigen::Index cols = m_standardizer.mean.size();
    if (points.isEmpty() || points.size() != targets.size() || m_k < 1) {
        *error = QStringLiteral("knn: points and targets differ in number");
        return false;
    }
    m_points.resize(points.size(), cols);
    m_targets.resize(targets.size());
    for (qsizetype r = 0; r < points.size(); ++r) {
        const QJsonArray row = points[r].toArray();
        if (row.size() != cols) {
            *error = QStringLiteral("knn: point %1 has %2 features, not %3")
                         .arg(r)
                         .arg(row.size())
                         .arg(cols);
            return false;
        }
        for (qsizetype c = 0; c < cols; ++c)
            m_points(r, c) = row[c].toDouble();
        m_targets[r] = targets[r].toDouble();
    }
    return true;
}

} // namespace layerlens::core
