#pragma once

#include <QString>

#include <cstdint>

namespace layerlens::core {

// 3 significant digits with an SI suffix: 1.81 G, 349 M, 12.3 k, 512.
QString formatCount(int64_t value);

// Binary units: 44.6 MiB, 512 B. Negative (unknown) gives "?".
QString formatBytes(int64_t bytes);

} // namespace layerlens::core
