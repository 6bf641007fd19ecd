#pragma once

#include <cstdint>

namespace layerlens::core {

// How a network or module is measured.
struct MeasureOptions
{
    int threads = 1; // intra-op threads (ATen and OpenBLAS)
    bool flushDenormals = true;
    double maxTimeSeconds = 10; // budget for warm-up and runs together
    int minRuns = 10;
    int maxRuns = 10000;
    double targetRelativeError = 0.01; // stop once the median is this well known
    int warmupMinRuns = 3;
    double warmupSettle = 0.05;    // warm-up ends when successive medians move less than this
    int utilizationPercent = 0;    // background load on the device's other work, 0-100
    bool perLayer = false;         // time every layer too
    uint64_t seed = 0;             // inputs and missing weights
    double idlePowerSeconds = 0.5; // idle power baseline before the runs (with energy sensors)
    // Hand the inputs over already in the runtime's activation layout
    // (channels-last), as a layer inside a network gets them: module
    // profiling measures the module, not the conversion of its input.
    bool inputsInRuntimeLayout = false;
};

} // namespace layerlens::core
