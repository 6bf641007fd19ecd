#pragma once

#include "models/regression_model.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace layerlens::core {

struct FeatureEncoding;

// Tells a module's encoded rows whose data, measured alone, no longer fit
// the machine's private caches (weights, input and output bytes together
// beyond the capacity of one core's cache times the threads) from those
// that do. Run again and again alone, the first stream from beyond that
// cache at every repetition, the others find everything in it: two regimes
// whose border lies where this machine's cache ends, not where the base
// profile's machine's did. On a Xeon VM with 2 MiB of L2 per core a linear
// layer of 2 MiB of weights took 40 us at batch 1 and one of 4 MiB 410 us,
// where the base model, trained elsewhere, predicted 143 and 282.
class FootprintSplit
{
public:
    // The split of a module with this encoding at a cache of capacityBytes
    // per core; nullopt where the encoding lacks weight, input or output
    // bytes or threads, or the capacity is unknown (0).
    static std::optional<FootprintSplit> of(const FeatureEncoding &encoding, double capacityBytes);

    // True when the row's data do not fit capacity × threads.
    bool beyond(const Eigen::RowVectorXd &row) const;
    double capacityBytes() const { return m_capacity; }

    // {"capacity_bytes", "weight_bytes", "input_bytes", "output_bytes", "threads"}: columns.
    QJsonObject toJson() const;
    static std::optional<FootprintSplit> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const FootprintSplit &other) const = default;

private:
    std::array<Eigen::Index, 4> m_columns{}; // weight, input, output bytes, threads
    double m_capacity = 0;
};

} // namespace layerlens::core
