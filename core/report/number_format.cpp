#include "report/number_format.h"

#include <cmath>

namespace layerlens::core {

namespace {

QString threeDigits(double value)
{
    const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return QString::number(value, 'f', decimals);
}

} // namespace

QString formatCount(int64_t value)
{
    if (value < 0)
        return QStringLiteral("?");
    static const char *suffixes[] = {"k", "M", "G", "T", "P"};
    if (value < 1000)
        return QString::number(value);
    double scaled = static_cast<double>(value);
    int unit = -1;
    while (scaled >= 999.5 && unit < 4) {
        scaled /= 1000.0;
        ++unit;
    }
    return threeDigits(scaled) + QLatin1Char(' ') + QLatin1String(suffixes[unit]);
}

QString formatBytes(int64_t bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    static const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return QString::number(bytes) + QStringLiteral(" B");
    double scaled = static_cast<double>(bytes);
    int unit = -1;
    while (scaled >= 1023.5 && unit < 3) {
        scaled /= 1024.0;
        ++unit;
    }
    return threeDigits(scaled) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

} // namespace layerlens::core
