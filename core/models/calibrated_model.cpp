#include "models/calibrated_model.h"

#include <QCoreApplication>

namespace layerlens::core {

namespace {

// Ridge toward (offset 0, scale 1) with the weight of two samples:
// minimises |y - a - b p|² + λ (a² + (b - 1)²); a shift only below 8 samples.
LogCorrection fitCorrection(const Vector &p, const Vector &y)
{
    const double n = double(y.size());
    if (y.size() < 8)
        return {(y - p).mean(), 1};
    const double lambda = 2;
    const double sp = p.sum(), spp = p.squaredNorm(), sy = y.sum(), spy = p.dot(y);
    Eigen::Matrix2d a;
    a << n + lambda, sp, sp, spp + lambda;
    const Eigen::Vector2d b(sy, spy + lambda);
    const Eigen::Vector2d solution = a.ldlt().solve(b);
    return {solution[0], solution[1]};
}

Vector rowsOf(const Vector &v, const std::vector<Eigen::Index> &rows)
{
    Vector out(static_cast<Eigen::Index>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        out[static_cast<Eigen::Index>(i)] = v[rows[i]];
    return out;
}

LogCorrection correctionFromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("offset")).toDouble(),
            json.value(QStringLiteral("scale")).toDouble(1)};
}

} // namespace

BackendCorrections fitBackendCorrections(const Vector &p, const Vector &y,
                                         const std::vector<bool> *gemm)
{
    BackendCorrections out;
    out.onednn = out.gemm = fitCorrection(p, y);
    if (!gemm)
        return out;
    std::vector<Eigen::Index> rows[2];
    for (Eigen::Index r = 0; r < p.size(); ++r)
        rows[(*gemm)[static_cast<size_t>(r)] ? 1 : 0].push_back(r);
    const size_t enough = CalibratedModel::kMinBackendRows;
    if (rows[0].size() >= enough)
        out.onednn = fitCorrection(rowsOf(p, rows[0]), rowsOf(y, rows[0]));
    if (rows[1].size() >= enough)
        out.gemm = fitCorrection(rowsOf(p, rows[1]), rowsOf(y, rows[1]));
    return out;
}

bool CalibratedModel::fit(const Matrix &x, const Vector &y, QString *error)
{
    if (!m_inner || x.rows() < 1 || x.rows() != y.size()) {
        *error = QCoreApplication::translate("CalibratedModel",
                                             "calibration needs a base model and samples");
        return false;
    }
    std::vector<bool> gemm;
    if (hasSplit()) {
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            gemm.push_back(second(x.row(r)));
    }
    const BackendCorrections fitted =
        fitBackendCorrections(m_inner->predict(x), y, hasSplit() ? &gemm : nullptr);
    m_correction = fitted.onednn;
    m_gemm = fitted.gemm;
    return true;
}

void CalibratedModel::setSplit(const BackendSplit &split)
{
    if (!hasSplit())
        m_gemm = m_correction;
    m_footprint.reset();
    m_split = split;
}

void CalibratedModel::setFootprintSplit(const FootprintSplit &split)
{
    if (m_split)
        return; // the backend decides first
    if (!m_footprint)
        m_gemm = m_correction;
    m_footprint = split;
}

void CalibratedModel::compose(const LogCorrection &outer, std::optional<bool> gemm)
{
    if (!hasSplit() || !gemm || !*gemm)
        m_correction = outer.after(m_correction);
    if (hasSplit() && (!gemm || *gemm))
        m_gemm = outer.after(m_gemm);
}

void CalibratedModel::absorbCalibratedInner()
{
    while (auto *inner = dynamic_cast<CalibratedModel *>(m_inner.get())) {
        if (!m_split && inner->m_split)
            setSplit(*inner->m_split);
        if (!hasSplit() && inner->m_footprint)
            setFootprintSplit(*inner->m_footprint);
        if (hasSplit())
            m_gemm = m_gemm.after(inner->hasSplit() ? inner->m_gemm : inner->m_correction);
        m_correction = m_correction.after(inner->m_correction);
        m_inner = std::move(inner->m_inner);
    }
}

Vector CalibratedModel::predict(const Matrix &x) const
{
    const Vector p = m_inner->predict(x);
    Vector out(p.size());
    for (Eigen::Index r = 0; r < p.size(); ++r) {
        const LogCorrection &c = second(x.row(r)) ? m_gemm : m_correction;
        out[r] = c.offset + c.scale * p[r];
    }
    return out;
}

QJsonObject CalibratedModel::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kind()},
                     {QStringLiteral("offset"), m_correction.offset},
                     {QStringLiteral("scale"), m_correction.scale},
                     {QStringLiteral("inner_kind"), m_inner->kind()},
                     {QStringLiteral("inner"), m_inner->toJson()}};
    if (m_split)
        json.insert(QStringLiteral("gemm"),
                    QJsonObject{{QStringLiteral("offset"), m_gemm.offset},
                                {QStringLiteral("scale"), m_gemm.scale},
                                {QStringLiteral("split"), m_split->toJson()}});
    if (m_footprint)
        json.insert(QStringLiteral("beyond"),
                    QJsonObject{{QStringLiteral("offset"), m_gemm.offset},
                                {QStringLiteral("scale"), m_gemm.scale},
                                {QStringLiteral("split"), m_footprint->toJson()}});
    return json;
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
    m_correction = correctionFromJson(json);
    m_split.reset();
    m_footprint.reset();
    // The second group's correction and the split that selects its rows.
    const auto second = [&](const char *key, auto *split, auto parse) {
        const QJsonValue value = json.value(QString::fromLatin1(key));
        if (!value.isObject())
            return true;
        *split = parse(value.toObject().value(QStringLiteral("split")).toObject(), error);
        m_gemm = correctionFromJson(value.toObject());
        return split->has_value();
    };
    if (!second("beyond", &m_footprint, &FootprintSplit::fromJson) ||
        !second("gemm", &m_split, &BackendSplit::fromJson))
        return false;
    return m_inner->fromJson(json.value(QStringLiteral("inner")).toObject(), error);
}

} // namespace layerlens::core
