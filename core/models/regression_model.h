#pragma once

#include <Eigen/Dense>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace layerlens::core {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// Per-feature mean and standard deviation, stored with every model.
struct Standardizer
{
    Vector mean;
    Vector scale;

    void fit(const Matrix &x);
    Matrix apply(const Matrix &x) const;
    QJsonObject toJson() const;
    bool fromJson(const QJsonObject &json, QString *error);
};

// A regression model (RM) of one module and metric. Inputs are encoded
// features (see FeatureEncoding); targets are on a log scale.
class RegressionModel
{
public:
    virtual ~RegressionModel() = default;
    // "ridge", "poly_ridge", "knn"...
    virtual QString kind() const = 0;
    // Learns y from x; false with error when it cannot (too few rows, say).
    virtual bool fit(const Matrix &x, const Vector &y, QString *error) = 0;
    virtual Vector predict(const Matrix &x) const = 0;
    // Portable form: plain JSON numbers, written so a load predicts bit-identically.
    virtual QJsonObject toJson() const = 0;
    virtual bool fromJson(const QJsonObject &json, QString *error) = 0;
    // Bytes of the stored form.
    int64_t sizeBytes() const;
};

// A new, untrained model of that kind; nullptr for an unknown kind.
// "calibrated" (another model with a per-device correction) only loads.
std::unique_ptr<RegressionModel> createModel(const QString &kind);
// The kinds training tries.
QStringList modelKinds();

} // namespace layerlens::core
