#include "models/footprint_split.h"

#include "models/encoded_columns.h"

#include <QCoreApplication>

#include <cmath>

namespace layerlens::core {

namespace {

// The JSON keys and the encoding's names of the columns, in m_columns' order.
constexpr std::array<ColumnKey, 4> kKeys{{{"weight_bytes", "feature:weight_bytes"},
                                          {"input_bytes", "feature:input_bytes"},
                                          {"output_bytes", "feature:output_bytes"},
                                          {"threads", "threads"}}};

} // namespace

std::optional<FootprintSplit> FootprintSplit::of(const FeatureEncoding &encoding,
                                                 double capacityBytes)
{
    if (!(capacityBytes > 0))
        return std::nullopt;
    FootprintSplit split;
    split.m_capacity = capacityBytes;
    if (!encodedColumns(encoding, kKeys, &split.m_columns))
        return std::nullopt;
    return split;
}

bool FootprintSplit::beyond(const Eigen::RowVectorXd &row) const
{
    // Encoded as log(1 + value); a column beyond the row (a damaged file) reads as 0.
    const auto value = [&](size_t i) {
        return m_columns[i] < row.size() ? std::expm1(row[m_columns[i]]) : 0.0;
    };
    const double bytes = value(0) + value(1) + value(2);
    return bytes > m_capacity * std::max(1.0, std::round(value(3)));
}

QJsonObject FootprintSplit::toJson() const
{
    QJsonObject json{{QStringLiteral("capacity_bytes"), m_capacity}};
    columnsToJson(kKeys, m_columns, &json);
    return json;
}

std::optional<FootprintSplit> FootprintSplit::fromJson(const QJsonObject &json, QString *error)
{
    FootprintSplit split;
    split.m_capacity = json.value(QStringLiteral("capacity_bytes")).toDouble(-1);
    if (!(split.m_capacity > 0)) {
        *error = QCoreApplication::translate("FootprintSplit",
                                             "the footprint split has no cache capacity");
        return std::nullopt;
    }
    QString missing;
    if (!columnsFromJson(json, kKeys, &split.m_columns, &missing)) {
        *error = QCoreApplication::translate("FootprintSplit",
                                             "the footprint split has no column for '%1'")
                     .arg(missing);
        return std::nullopt;
    }
    return split;
}

} // namespace layerlens::core
