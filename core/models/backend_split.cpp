#include "models/backend_split.h"

#include "graph/conv_backend.h"
#include "models/module_training.h"

#include <QCoreApplication>

#include <cmath>

namespace layerlens::core {

namespace {

// The JSON keys and the encoding's names of the features, in m_columns' order.
struct Key
{
    const char *json;
    const char *feature;
};
constexpr std::array<Key, 6> kKeys{{{"batch", "param:batch"},
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
    for (size_t i = 0; i < kKeys.size(); ++i) {
        split.m_columns[i] = encoding.names.indexOf(QString::fromLatin1(kKeys[i].feature));
        if (split.m_columns[i] < 0)
            return std::nullopt;
    }
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
    for (size_t i = 0; i < kKeys.size(); ++i)
        json.insert(QString::fromLatin1(kKeys[i].json), static_cast<qint64>(m_columns[i]));
    return json;
}

std::optional<BackendSplit> BackendSplit::fromJson(const QJsonObject &json, QString *error)
{
    BackendSplit split;
    for (size_t i = 0; i < kKeys.size(); ++i) {
        split.m_columns[i] = json.value(QString::fromLatin1(kKeys[i].json)).toInteger(-1);
        if (split.m_columns[i] < 0) {
            *error = QCoreApplication::translate("BackendSplit",
                                                 "the backend split has no column for '%1'")
                         .arg(QString::fromLatin1(kKeys[i].json));
            return std::nullopt;
        }
    }
    return split;
}

} // namespace layerlens::core
