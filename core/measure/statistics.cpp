#include "measure/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace layerlens::core {

double quantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<size_t>(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] * (1 - fraction) + sorted[above] * fraction;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return quantile(values, 0.5);
}

std::pair<double, double> meanAndVariance(const std::vector<double> &values)
{
    if (values.empty())
        return {0, 0};
    const double n = double(values.size());
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    if (values.size() < 2)
        return {mean, 0};
    double squares = 0;
    for (double x : values)
        squares += (x - mean) * (x - mean);
    return {mean, squares / (n - 1)};
}

TimingStats summarize(std::vector<double> samples)
{
    TimingStats s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    s.runs = static_cast<int>(samples.size());
    s.median = quantile(samples, 0.5);
    s.p10 = quantile(samples, 0.1);
    s.p90 = quantile(samples, 0.9);
    s.min = samples.front();
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / s.runs;
    double squares = 0;
    for (double v : samples)
        squares += (v - s.mean) * (v - s.mean);
    const double sd = s.runs > 1 ? std::sqrt(squares / (s.runs - 1)) : 0.0;
    s.cv = s.mean > 0 ? sd / s.mean : 0;
    s.relativeError = s.median > 0 ? 1.2533 * sd / std::sqrt(double(s.runs)) / s.median : 0;
    return s;
}

Repeatability checkRepeatability(const std::vector<double> &samples, double minTolerance)
{
    Repeatability r;
    std::vector<double> even, odd;
    for (size_t i = 0; i < samples.size(); ++i)
        (i % 2 == 0 ? even : odd).push_back(samples[i]);
    const TimingStats all = summarize(samples);
    r.tolerance = std::max(minTolerance, 3 * all.relativeError);
    if (even.empty() || odd.empty() || all.median <= 0)
        return r;
    r.halfDifference = std::fabs(summarize(even).median - summarize(odd).median) / all.median;
    r.repeatable = r.halfDifference <= r.tolerance;
    return r;
}

QJsonObject timingStatsToJson(const TimingStats &s)
{
    return QJsonObject{
        {QStringLiteral("median"), s.median}, {QStringLiteral("p10"), s.p10},
        {QStringLiteral("p90"), s.p90},       {QStringLiteral("min"), s.min},
        {QStringLiteral("mean"), s.mean},     {QStringLiteral("cv"), s.cv},
        {QStringLiteral("runs"), s.runs},     {QStringLiteral("relative_error"), s.relativeError}};
}

double weightedMedian(std::vector<std::pair<double, double>> valueWeights)
{
    if (valueWeights.empty())
        return 0;
    std::sort(valueWeights.begin(), valueWeights.end());
    double total = 0;
    for (const auto &[value, weight] : valueWeights)
        total += std::max(weight, 0.0);
    double reached = 0;
    for (const auto &[value, weight] : valueWeights) {
        reached += std::max(weight, 0.0);
        if (reached >= 0.5 * total)
            return value;
    }
    return valueWeights.back().first;
}

} // namespace layerlens::core
