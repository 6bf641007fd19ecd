#pragma once

#include "models/regression_model.h"

namespace layerlens::core {

// Ridge regression on standardized features (degree 1), or on them and all
// their squares and pairwise products (degree 2, "poly_ridge"). Solved in
// closed form with Eigen (LDLT of XᵀX + λI).
class RidgeModel final : public RegressionModel
{
public:
    explicit RidgeModel(int degree, double lambda = 0)
        : m_degree(degree)
        , m_lambda(lambda > 0 ? lambda : (degree == 1 ? 1e-3 : 1e-1))
    {}
    QString kind() const override
    {
        return m_degree == 1 ? QStringLiteral("ridge") : QStringLiteral("poly_ridge");
    }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

private:
    Matrix expand(const Matrix &standardized) const;

    int m_degree;
    double m_lambda;
    Standardizer m_standardizer;
    Vector m_weights;
    double m_intercept = 0;
};

} // namespace layerlens::core
