#pragma once

#include "models/regression_model.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace layerlens::core {

// Gradient-boosted trees ("gbt": 300 rounds, depth 6, eta 0.1) or a random
// forest ("random_forest": 100 trees in one round, depth 10, rows and
// columns subsampled) trained through XGBoost's C API, seeded and
// single-threaded so training repeats exactly. Stored as XGBoost's own JSON
// model.
//
// Predictions walk the trees read from that JSON in this class rather than
// through XGBoost: its predictor builds a DMatrix, starts OpenMP threads and
// configures the learner on every call, which for the handful of rows of one
// network cost more than the walk itself. The walk follows XGBoost's rules
// (feature as float, left when below the split, missing to the default
// side, leaf values summed onto the base score); predictWithXGBoost() gives
// XGBoost's own answer for comparison.
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

    // The same prediction by XGBoost's library, loading the stored model.
    Vector predictWithXGBoost(const Matrix &x, QString *error) const;
    int treeCount() const { return static_cast<int>(m_roots.size()); }

private:
    struct Node
    {
        int32_t feature; // -1 for a leaf
        int32_t left;    // absolute node indices
        int32_t right;
        float value; // split condition, or the leaf's value
        bool defaultLeft;
    };

    void reset();
    bool readTrees(const QByteArray &modelJson, QString *error);

    bool m_forest;
    int m_features = 0;
    QByteArray m_model; // XGBoost's JSON, as written by XGBoost
    float m_baseScore = 0.5f;
    std::vector<Node> m_nodes;
    std::vector<int32_t> m_roots;
};

} // namespace layerlens::core
