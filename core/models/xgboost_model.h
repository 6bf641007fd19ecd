#pragma once

#include "models/regression_model.h"

namespace layerlens::core {

// Gradient-boosted trees ("gbt": 300 rounds, depth 6, eta 0.1) or a random
// forest ("random_forest": 100 trees in one round, depth 10, rows and
// columns subsampled) through XGBoost's C API, seeded and single-threaded so
// training repeats exactly. Stored as XGBoost's own JSON model.
class XGBoostModel final : public RegressionModel
{
public:
    explicit XGBoostModel(bool forest);
    ~XGBoostModel() override;
    XGBoostModel(const XGBoostModel &) = delete;
    XGBoostModel &operator=(const XGBoostModel &) = delete;

    QString kind() const override
    {
        return m_forest ? QStringLiteral("random_forest") : QStringLiteral("gbt");
    }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

private:
    void reset();

    bool m_forest;
    void *m_booster = nullptr; // BoosterHandle
    int m_features = 0;
};

} // namespace layerlens::core
