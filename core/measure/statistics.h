#pragma once

#include <QJsonObject>

#include <utility>
#include <vector>

namespace layerlens::core {

// Robust summary of repeated timings (milliseconds or any unit).
struct TimingStats
{
    int runs = 0;
    double median = 0;
    double p10 = 0;
    double p90 = 0;
    double min = 0;
    double mean = 0;
    double cv = 0; // coefficient of variation: standard deviation / mean
    // Standard error of the median relative to it (1.2533 sigma / sqrt(n) / median).
    double relativeError = 0;
};

// Summarizes samples (unsorted is fine); all zero when empty.
TimingStats summarize(std::vector<double> samples);

// The repeatability check: the samples split into two interleaved halves
// (even and odd runs) must have medians within tolerance of each other.
struct Repeatability
{
    double halfDifference = 0; // |median(even) - median(odd)| / median(all)
    double tolerance = 0;      // the bound it was checked against
    bool repeatable = false;
};

// tolerance: max(minTolerance, 3 x relativeError), so a noisy machine is judged
// against its own measured noise rather than a fixed figure.
Repeatability checkRepeatability(const std::vector<double> &samples, double minTolerance = 0.02);

// Linear-interpolated quantile q in [0, 1] of sorted samples.
double quantile(const std::vector<double> &sorted, double q);

// The median of values in any order (the mean of the middle two for an
// even count); 0 when empty.
double median(std::vector<double> values);

// The mean and the sample variance (over n - 1) of values; a variance of 0
// for fewer than two values, both 0 when empty.
std::pair<double, double> meanAndVariance(const std::vector<double> &values);

// The lower weighted median of (value, weight) pairs: the smallest value at
// which the weights of the values up to it reach half of all weight. It
// minimizes sum(weight * |value - m|). 0 when empty; negative weights count
// as zero.
double weightedMedian(std::vector<std::pair<double, double>> valueWeights);

QJsonObject timingStatsToJson(const TimingStats &stats);

} // namespace layerlens::core
