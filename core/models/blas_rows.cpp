#include "models/blas_rows.h"

#include "models/module_training.h"

#include <QCoreApplication>

#include <cmath>

namespace layerlens::core {

namespace {

const QString kThreads = QStringLiteral("threads");
const QString kGemm = QStringLiteral("gemm");
const QString kUtilization = QStringLiteral("utilization");

// One thread, encoded as log(1 + value).
const double kOneThread = std::log1p(1.0);

} // namespace

std::optional<BlasRows> BlasRows::of(const QString &op, const FeatureEncoding &encoding)
{
    BlasRows rows;
    rows.m_threads = encoding.names.indexOf(kThreads);
    rows.m_utilization = encoding.names.indexOf(kUtilization);
    if (rows.m_threads < 0)
        return std::nullopt;
    if (op == QLatin1String("Gemm") || op == QLatin1String("MatMul"))
        return rows;
    rows.m_gemm = BackendSplit::of(op, encoding);
    if (!rows.m_gemm)
        return std::nullopt;
    return rows;
}

bool BlasRows::onBlas(const Eigen::RowVectorXd &row) const
{
    return !m_gemm || m_gemm->gemm(row);
}

bool BlasRows::movesToOneThread(const Eigen::RowVectorXd &row) const
{
    // A convolution on ATen's GEMM at more threads is one at one thread too
    // (LibTorch's rule only adds oneDNN cases with threads).
    return row[m_threads] > kOneThread && (m_utilization < 0 || row[m_utilization] <= 0) &&
           onBlas(row);
}

void BlasRows::apply(Eigen::RowVectorXd *row) const
{
    if (movesToOneThread(*row))
        (*row)[m_threads] = kOneThread;
}

std::vector<bool> BlasRows::apply(Matrix *x) const
{
    std::vector<bool> moved(static_cast<size_t>(x->rows()), false);
    for (Eigen::Index r = 0; r < x->rows(); ++r) {
        if (movesToOneThread(x->row(r))) {
            (*x)(r, m_threads) = kOneThread;
            moved[static_cast<size_t>(r)] = true;
        }
    }
    return moved;
}

QJsonObject BlasRows::toJson() const
{
    QJsonObject json{{kThreads, static_cast<qint64>(m_threads)},
                     {kUtilization, static_cast<qint64>(m_utilization)}};
    if (m_gemm)
        json.insert(kGemm, m_gemm->toJson());
    return json;
}

std::optional<BlasRows> BlasRows::fromJson(const QJsonObject &json, QString *error)
{
    BlasRows rows;
    rows.m_threads = json.value(kThreads).toInteger(-1);
    rows.m_utilization = json.value(kUtilization).toInteger(-1);
    if (rows.m_threads < 0) {
        *error = QCoreApplication::translate("BlasRows", "the BLAS rows have no threads column");
        return std::nullopt;
    }
    if (json.contains(kGemm)) {
        rows.m_gemm = BackendSplit::fromJson(json.value(kGemm).toObject(), error);
        if (!rows.m_gemm)
            return std::nullopt;
    }
    return rows;
}

} // namespace layerlens::core
