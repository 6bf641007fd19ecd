#pragma once

#include "models/regression_model.h"

#include <memory>

namespace layerlens::core {

// A model of another device corrected for this one ("calibrated"): the
// inner model's log prediction p becomes offset + scale · p. fit() learns
// the correction from a few samples of this device (the inner model stays
// as it is), shrunk toward no correction so that a handful of samples
// cannot throw it far off.
class CalibratedModel final : public RegressionModel
{
public:
    CalibratedModel() = default;
    CalibratedModel(std::unique_ptr<RegressionModel> inner, double offset, double scale)
        : m_inner(std::move(inner))
        , m_offset(offset)
        , m_scale(scale)
    {}
    QString kind() const override { return QStringLiteral("calibrated"); }
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

    const RegressionModel *inner() const { return m_inner.get(); }
    double offset() const { return m_offset; }
    double scale() const { return m_scale; }
    void setInner(std::unique_ptr<RegressionModel> inner) { m_inner = std::move(inner); }
    void setCorrection(double offset, double scale)
    {
        m_offset = offset;
        m_scale = scale;
    }
    // When the inner model is itself calibrated (a calibrated profile
    // calibrated again), folds its correction into this one, so that one
    // wrapper stands around the original model: offset + scale · (o + s · p).
    void absorbCalibratedInner();

private:
    std::unique_ptr<RegressionModel> m_inner;
    double m_offset = 0;
    double m_scale = 1;
};

} // namespace layerlens::core
