#include "models/ridge_model.h"

#include <QJsonArray>

namespace layerlens::core {

Matrix RidgeModel::expand(const Matrix &z) const
{
    if (m_degree == 1)
        return z;
    const Eigen::Index n = z.cols();
    Matrix out(z.rows(), n + n * (n + 1) / 2);
    out.leftCols(n) = z;
    Eigen::Index c = n;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i; j < n; ++j)
            out.col(c++) = z.col(i).cwiseProduct(z.col(j));
    }
    return out;
}

bool RidgeModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    if (x.rows() < 2 || x.rows() != y.size()) {
        *error = QStringLiteral("%1 needs at least 2 samples").arg(kind());
        return false;
    }
    m_standardizer.fit(x);
    const Matrix z = expand(m_standardizer.apply(x));
    const Vector zMean = z.colwise().mean().transpose();
    const Matrix zc = z.rowwise() - zMean.transpose();
    const double yMean = y.mean();
    Matrix gram = zc.transpose() * zc;
    gram.diagonal().array() += m_lambda * double(x.rows());
    m_weights = gram.ldlt().solve(zc.transpose() * (y.array() - yMean).matrix());
    m_intercept = yMean - zMean.dot(m_weights);
    if (!m_weights.allFinite()) {
        *error = QStringLiteral("%1: the fit did not converge").arg(kind());
        return false;
    }
    return true;
}

Vector RidgeModel::predict(const Matrix &x) const
{
    return (expand(m_standardizer.apply(x)) * m_weights).array() + m_intercept;
}

QJsonObject RidgeModel::toJson() const
{
    QJsonArray w;
    for (Eigen::Index i = 0; i < m_weights.size(); ++i)
        w.append(m_weights[i]);
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("degree"), m_degree},
                       {QStringLiteral("lambda"), m_lambda},
                       {QStringLiteral("standardizer"), m_standardizer.toJson()},
                       {QStringLiteral("weights"), w},
                       {QStringLiteral("intercept"), m_intercept}};
}

bool RidgeModel::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(QStringLiteral("degree")).toInt() != m_degree) {
        *error = QStringLiteral("%1: wrong degree").arg(kind());
        return false;
    }
    if (!m_standardizer.fromJson(json.value(QStringLiteral("standardizer")).toObject(), error))
        return false;
    const QJsonArray w = json.value(QStringLiteral("weights")).toArray();
    const Eigen::Index n = m_standardizer.mean.size();
    const Eigen::Index expected = m_degree == 1 ? n : n + n * (n + 1) / 2;
    if (w.size() != expected) {
        *error = QStringLiteral("%1: %2 weights for %3 features").arg(kind()).arg(w.size()).arg(n);
        return false;
    }
    m_lambda = json.value(QStringLiteral("lambda")).toDouble();
    m_weights.resize(w.size());
    for (qsizetype i = 0; i < w.size(); ++i)
        m_weights[i] = w[i].toDouble();
    m_intercept = json.value(QStringLiteral("intercept")).toDouble();
    return true;
}

} // namespace layerlens::core
