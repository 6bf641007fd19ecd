#include "models/calibrated_model.h"

#include <QCoreApplication>

namespace layerlens::core {

bool CalibratedModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    if (!m_inner || x.rows() < 1 || x.rows() != y.size()) {
        *error = QCoreApplication::translate("CalibratedModel",
                                             "calibration needs a base model and samples");
        return false;
    }
    const Vector p = m_inner->predict(x);
    const double n = double(y.size());
    if (y.size() < 8) {
        // Too few for a slope: a shift only.
        m_scale = 1;
        m_offset = (y - p).mean();
        return true;
    }
    // Ridge toward (offset 0, scale 1) with the weight of two samples:
    // minimise |y - a - b p|² + λ (a² + (b - 1)²).
    const double lambda = 2;
    const double sp = p.sum(), spp = p.squaredNorm(), sy = y.sum(), spy = p.dot(y);
    Eigen::Matrix2d a;
    a << n + lambda, sp, sp, spp + lambda;
    const Eigen::Vector2d b(sy, spy + lambda);
    const Eigen::Vector2d solution = a.ldlt().solve(b);
    m_offset = solution[0];
    m_scale = solution[1];
    return true;
}

void CalibratedModel::absorbCalibratedInner()
{
    while (auto *inner = dynamic_cast<CalibratedModel *>(m_inner.get())) {
        m_offset += m_scale * inner->m_offset;
        m_scale *= inner->m_scale;
        m_inner = std::move(inner->m_inner);
    }
}

Vector CalibratedModel::predict(const Matrix &x) const
{
    return (m_inner->predict(x).array() * m_scale + m_offset).matrix();
}

QJsonObject CalibratedModel::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kind()},
                       {QStringLiteral("offset"), m_offset},
                       {QStringLiteral("scale"), m_scale},
                       {QStringLiteral("inner_kind"), m_inner->kind()},
                       {QStringLiteral("inner"), m_inner->toJson()}};
}

bool CalibratedModel::fromJson(const QJsonObject &json, QString *error)
{
    const QString innerKind = json.value(QStringLiteral("inner_kind")).toString();
    m_inner = innerKind == kind() ? nullptr : createModel(innerKind);
    if (!m_inner) {
        *error = QCoreApplication::translate("CalibratedModel", "unknown inner model kind '%1'")
                     .arg(innerKind);
        return false;
    }
    m_offset = json.value(QStringLiteral("offset")).toDouble();
    m_scale = json.value(QStringLiteral("scale")).toDouble(1);
    return m_inner->fromJson(json.value(QStringLiteral("inner")).toObject(), error);
}

} // namespace layerlens::core
