#pragma once

#include "models/module_training.h"

#include <QJsonObject>
#include <QString>

#include <array>

namespace layerlens::core {

// A column a split of encoded rows reads: its key in the model file and its
// name in the module's encoding.
struct ColumnKey
{
    const char *json;
    const char *feature;
};

// The encoding's column of each key; false where one is missing.
template<size_t N>
bool encodedColumns(const FeatureEncoding &encoding, const std::array<ColumnKey, N> &keys,
                    std::array<Eigen::Index, N> *columns)
{
    for (size_t i = 0; i < N; ++i) {
        (*columns)[i] = encoding.names.indexOf(QString::fromLatin1(keys[i].feature));
        if ((*columns)[i] < 0)
            return false;
    }
    return true;
}

template<size_t N>
void columnsToJson(const std::array<ColumnKey, N> &keys, const std::array<Eigen::Index, N> &columns,
                   QJsonObject *json)
{
    for (size_t i = 0; i < N; ++i)
        json->insert(QString::fromLatin1(keys[i].json), static_cast<qint64>(columns[i]));
}

// The columns a model file gives; false with *missing set to the first key
// without a non-negative column.
template<size_t N>
bool columnsFromJson(const QJsonObject &json, const std::array<ColumnKey, N> &keys,
                     std::array<Eigen::Index, N> *columns, QString *missing)
{
    for (size_t i = 0; i < N; ++i) {
        (*columns)[i] = json.value(QString::fromLatin1(keys[i].json)).toInteger(-1);
        if ((*columns)[i] < 0) {
            *missing = QString::fromLatin1(keys[i].json);
            return false;
        }
    }
    return true;
}

} // namespace layerlens::core
