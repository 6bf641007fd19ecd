#pragma once

#include "models/neural_network.h"
#include "models/regression_model.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace layerlens::core {

// A multilayer perceptron ("mlp"): standardized features → 64 → 64 → 1
// (SiLU), trained with LibTorch (Adam, Huber loss on log error, fixed seed),
// predicted in Eigen. Stored as JSON numbers.
class MlpModel final : public RegressionModel
{
    Q_DECLARE_TR_FUNCTIONS(MlpModel)
public:
    explicit MlpModel(uint64_t seed = 1)
        : m_seed(seed)
    {}
    QString kind() const override { return QStringLiteral("mlp"); }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

private:
    uint64_t m_seed;
    Standardizer m_standardizer;
    double m_yMean = 0;
    double m_yScale = 1;
    NeuralNetwork m_network;
};

// The trained multi-task network behind MEDN models: one shared encoder over
// the module's features (→ 64 → 32) and one decoder head per metric
// (32 → 32 → 1), trained jointly on every metric a sample has.
struct MednNetwork
{
    Q_DECLARE_TR_FUNCTIONS(MednNetwork)

public:
    QStringList targets; // one per head, e.g. "latency_ms", "memory_bytes"
    Standardizer standardizer;
    Vector yMean;
    Vector yScale;
    NeuralNetwork network;

    // Fits on x against log targets y (rows × targets), where mask is 1.
    static std::shared_ptr<const MednNetwork> fit(const Matrix &x, const Matrix &y,
                                                  const Matrix &mask, const QStringList &targets,
                                                  uint64_t seed, QString *error);
};

// MEDN ("medn", Multi-task Encoder-Decoder Network, Shen et al. 2024): the
// model of one metric is one head of a jointly trained MednNetwork. fit()
// alone trains a one-head network; trainModule trains the joint one.
class MednModel final : public RegressionModel
{
    Q_DECLARE_TR_FUNCTIONS(MednModel)
public:
    explicit MednModel(uint64_t seed = 1)
        : m_seed(seed)
    {}
    MednModel(std::shared_ptr<const MednNetwork> network, int head)
        : m_network(std::move(network))
        , m_head(head)
    {}
    QString kind() const override { return QStringLiteral("medn"); }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

private:
    uint64_t m_seed = 1;
    std::shared_ptr<const MednNetwork> m_network;
    int m_head = 0;
};

} // namespace layerlens::core
