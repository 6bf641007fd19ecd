#pragma once

#include "models/backend_split.h"
#include "models/footprint_split.h"
#include "models/regression_model.h"

#include <memory>
#include <optional>

namespace layerlens::core {

// log y = offset + scale * log p: how a calibrated model corrects its inner
// model's prediction p.
struct LogCorrection
{
    double offset = 0;
    double scale = 1;
    // This correction applied after `inner`: offset + scale * (inner's).
    LogCorrection after(const LogCorrection &inner) const
    {
        return {offset + scale * inner.offset, scale * inner.scale};
    }
};

// What CalibratedModel::fit learns from log predictions p and log truths y:
// with gemm (one flag per row), a correction per backend, a backend with
// fewer than kMinBackendRows rows taking the one fitted on all rows.
struct BackendCorrections
{
    LogCorrection onednn; // of every row, without flags
    LogCorrection gemm;
};
BackendCorrections fitBackendCorrections(const Vector &p, const Vector &y,
                                         const std::vector<bool> *gemm);

// A model of another device corrected for this one ("calibrated"): the
// inner model's log prediction p becomes offset + scale · p. fit() learns
// the correction from a few samples of this device (the inner model stays
// as it is), shrunk toward no correction so that a handful of samples
// cannot throw it far off. With a backend split (a dense convolution
// module), the configurations LibTorch runs on ATen's GEMM have their own
// correction: BLAS and oneDNN need not move alike from one machine to the
// next (OpenBLAS's generic kernels made a Xeon's 1x1 convolutions at one
// thread 4x slower per multiply-add than its oneDNN 3x3 ones).
class CalibratedModel final : public RegressionModel
{
public:
    CalibratedModel() = default;
    CalibratedModel(std::unique_ptr<RegressionModel> inner, double offset, double scale)
        : m_inner(std::move(inner))
        , m_correction{offset, scale}
    {}
    QString kind() const override { return QStringLiteral("calibrated"); }
    // With a split, each backend's rows fit their own correction; a backend
    // with fewer than kMinBackendRows rows takes the one fitted on all.
    bool fit(const Matrix &x, const Vector &y, QString *error) override;
    Vector predict(const Matrix &x) const override;
    QJsonObject toJson() const override;
    bool fromJson(const QJsonObject &json, QString *error) override;

    static constexpr int kMinBackendRows = 4;

    const RegressionModel *inner() const { return m_inner.get(); }
    // The correction of the rows oneDNN runs (of every row, without a split).
    double offset() const { return m_correction.offset; }
    double scale() const { return m_correction.scale; }
    const LogCorrection &correction() const { return m_correction; }
    // The correction of the rows ATen's GEMM runs; the other one without a split.
    const LogCorrection &gemmCorrection() const { return m_split ? m_gemm : m_correction; }
    const std::optional<BackendSplit> &split() const { return m_split; }
    // Splits the rows by backend, both starting from the current correction.
    void setSplit(const BackendSplit &split);
    // A model without a backend split may split its rows by footprint
    // instead: the rows beyond the cache take the second correction, as
    // GEMM's rows do. Both start from the current correction.
    void setFootprintSplit(const FootprintSplit &split);
    const std::optional<FootprintSplit> &footprintSplit() const { return m_footprint; }
    // The correction of the rows beyond the cache; the other one without such a split.
    const LogCorrection &beyondCorrection() const { return m_footprint ? m_gemm : m_correction; }
    void setInner(std::unique_ptr<RegressionModel> inner) { m_inner = std::move(inner); }
    // Composes `outer` after the current correction: of both backends, or,
    // with gemm given, of the rows of that backend only (with a footprint
    // split: true, the rows beyond the cache).
    void compose(const LogCorrection &outer, std::optional<bool> gemm = std::nullopt);
    // When the inner model is itself calibrated (a calibrated profile
    // calibrated again), folds its correction into this one, so that one
    // wrapper stands around the original model: offset + scale · (o + s · p),
    // backend by backend.
    void absorbCalibratedInner();

private:
    std::unique_ptr<RegressionModel> m_inner;
    LogCorrection m_correction;
    LogCorrection m_gemm; // read only with m_split or m_footprint (their setters start it)
    std::optional<BackendSplit> m_split;
    std::optional<FootprintSplit> m_footprint;

    bool hasSplit() const { return m_split || m_footprint; }
    // Whether the row takes m_gemm.
    bool second(const Eigen::RowVectorXd &row) const
    {
        return m_split ? m_split->gemm(row) : m_footprint && m_footprint->beyond(row);
    }
};

} // namespace layerlens::core
