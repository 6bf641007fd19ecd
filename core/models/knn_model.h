#pragma once

#include "models/regression_model.h"

namespace layerlens::core {

// k-nearest neighbours in standardized feature space, inverse-distance
// weighted: the cheap baseline. Stores its training set.
class KnnModel final : public RegressionModel
{
public:
    explicit KnnModel(int k = 5)
        : m_k(k)
    {}
    QString kind() const override { return QStringLiteral("knn"); }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

private:
    int m_k;
    Standardizer m_standardizer;
    Matrix m_points; // standardized
    Vector m_targets;
};

} // namespace layerlens::core
