#pragma once

#include "models/backend_split.h"
#include "models/regression_model.h"

#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <optional>
#include <vector>

namespace layerlens::core {

struct FeatureEncoding;

// The encoded rows of a module that LibTorch hands to the system BLAS: a
// linear layer's and a matrix product's every row, a dense convolution's
// where it runs on ATen's GEMM (graph/conv_backend.h). LayerLens gives
// OpenBLAS's own pool one thread whatever ATen's count
// (runtime/executor.h), so on such a row a second thread changes nothing:
// on a 2-core Xeon VM the shared networks' BLAS blocks took 1.46 ms at two
// threads against 1.51 at one (ShuffleNet b1), 3.27 against 3.23
// (MobileNetV2 b1). A base profile measured when the pool ran as many
// threads as ATen (before session 26) predicts those rows as if BLAS ran on
// every thread; apply() predicts them at one thread instead, where its
// samples knew no pool of their own. Only without background load: under
// load the op shares its core with the load and with the other intra-op
// thread's spinning, which no one-thread sample shows (there the BLAS
// blocks of MobileNetV2 b1 took 14.3 ms in the network at two threads, 3.2
// ms predicted at one).
class BlasRows
{
public:
    // The rows of a module of operator op with this encoding: every row of a
    // Gemm or MatMul module, the GEMM rows of a dense convolution; nullopt
    // for any other module, or an encoding without threads.
    static std::optional<BlasRows> of(const QString &op, const FeatureEncoding &encoding);

    bool onBlas(const Eigen::RowVectorXd &row) const;
    // Whether apply() moves the row: on BLAS, at more than one thread, no load.
    bool movesToOneThread(const Eigen::RowVectorXd &row) const;
    // The largest column it reads (of its own; the GEMM rule's are checked
    // where that split is read).
    Eigen::Index lastColumn() const { return std::max(m_threads, m_utilization); }
    // Sets the threads of every row it moves to one; of a matrix, says which
    // rows it moved.
    void apply(Eigen::RowVectorXd *row) const;
    std::vector<bool> apply(Matrix *x) const;

    // {"threads": column, "utilization": column} and, for a convolution,
    // {"gemm": BackendSplit's}.
    QJsonObject toJson() const;
    static std::optional<BlasRows> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const BlasRows &other) const = default;

private:
    Eigen::Index m_threads = -1;
    Eigen::Index m_utilization = -1;    // none: no load
    std::optional<BackendSplit> m_gemm; // a convolution's; every row without
};

} // namespace layerlens::core
