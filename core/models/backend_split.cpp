#include "models/backend_split.h"

#include "graph/conv_backend.h"
#include "models/encoded_columns.h"

#include <QCoreApplication>

#include <cmath>

namespace layerlens::core {

namespace {

// The JSON keys and the encoding's names of the features, in m_columns' order.
constexpr std::array<ColumnKey, 6> kKeys{{{"batch", "param:batch"},
                                          {"in_channels", "param:in_channels"},
                                          {"kernel", "param:kernel"},
                                          {"size", "param:size"},
                                          {"stride", "param:stride"},
                                          {"threads", "threads"}}};
enum Column
{
    Batch,
    InChannels,
    Kernel,
    Size,
    Stride,
    Threads
};

} // namespace

std::optional<BackendSplit> BackendSplit::of(const QString &op, const FeatureEncoding &encoding)
{
    if (op != QLatin1String("Conv") ||
        !encoding.names.contains(QStringLiteral("param:out_channels")))
        return std::nullopt;
    BackendSplit split;
    if (!encodedColumns(encoding, kKeys, &split.m_columns))
        return std::nullopt;
    return split;
}

bool BackendSplit::gemm(const Eigen::RowVectorXd &row) const
{
    // Encoded as log(1 + value).
    const auto value = [&](Column c) {
        return std::llround(std::expm1(row[m_columns[c]]));
    };
    return convBackend(squareConvCall(value(Batch), value(InChannels), value(Size), value(Kernel),
                                      value(Stride), static_cast<int>(value(Threads)))) ==
           ConvBackend::Gemm;
}

QJsonObject BackendSplit::toJson() const
{
    QJsonObject json;
    columnsToJson(kKeys, m_columns, &json);
    return json;
}

std::optional<BackendSplit> BackendSplit::fromJson(const QJsonObject &json, QString *error)
{
    BackendSplit split;
    QString missing;
    if (!columnsFromJson(json, kKeys, &split.m_columns, &missing)) {
        *error =
            QCoreApplication::translate("BackendSplit", "the backend split has no column for '%1'")
                .arg(missing);
        return std::nullopt;
    }
    return split;
}

} // namespace layerlens::core
