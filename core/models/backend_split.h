#pragma once

#include "models/regression_model.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace layerlens::core {

struct FeatureEncoding;

// Tells a dense convolution module's encoded rows that LibTorch runs on
// ATen's GEMM (the system BLAS) from those it runs on oneDNN
// (graph/conv_backend.h), from the columns of the module's encoding that
// hold batch, input channels, kernel, input size, stride and threads.
class BackendSplit
{
public:
    // The split of a module of operator op with this encoding; nullopt
    // unless it is a dense convolution (Conv with out_channels: a depthwise
    // one always runs on oneDNN) whose encoding holds those features.
    static std::optional<BackendSplit> of(const QString &op, const FeatureEncoding &encoding);

    // True when LibTorch runs the row's configuration on ATen's GEMM.
    bool gemm(const Eigen::RowVectorXd &row) const;

    // {"batch", "in_channels", "kernel", "size", "stride", "threads"}: column indices.
    QJsonObject toJson() const;
    static std::optional<BackendSplit> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const BackendSplit &other) const = default;

private:
    // Batch, input channels, kernel, size, stride, threads.
    std::array<Eigen::Index, 6> m_columns{};
};

} // namespace layerlens::core
