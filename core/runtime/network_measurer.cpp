#include "runtime/network_measurer.h"

#include "measure/energy_sensors.h"
#include "measure/load_generator.h"
#include "runtime/allocation_tracker.h"
#include "runtime/executor.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <optional>

#include <chrono>
#include <map>
#include <thread>

namespace layerlens::core {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int64_t residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

// Idle power before the runs, from the same sensors, over `seconds`.
std::optional<double> idlePower(EnergyMeter &meter, double seconds)
{
    meter.start();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const auto joules = meter.stop();
    return joules ? std::optional<double>(*joules / seconds) : std::nullopt;
}

} // namespace

bool measureGraph(const Graph &graph, const MeasureOptions &options, NetworkMeasurement *out,
                  QString *error, const MeasureProgress &progress, EnergyMeter *sharedMeter)
{
    const auto started = Clock::now();
    const double budgetMs = options.maxTimeSeconds * 1000;
    auto cancelled = [&] {
        return progress && !progress(std::min(msSince(started) / budgetMs, 1.0));
    };
    allocation_tracker::install();
    const int64_t residentBefore = residentBytes();

    Executor executor;
    ExecutorOptions exec;
    exec.threads = options.threads;
    exec.flushDenormals = options.flushDenormals;
    exec.seed = options.seed;
    if (!executor.prepare(graph, exec)) {
        *error = executor.errorString();
        return false;
    }
    NetworkMeasurement &m = *out;
    m.model = QFileInfo(graph.path).fileName();
    m.threads = options.threads;
    m.blasThreads = blasThreads();
    m.utilizationPercent = options.utilizationPercent;
    m.fusions = executor.appliedFusions();
    const auto batch = graph.boundDims.find(QStringLiteral("batch"));
    m.batch = batch != graph.boundDims.end() ? static_cast<int>(batch->second) : 1;
    std::vector<at::Tensor> inputs = executor.makeInputs(options.seed);
    if (options.inputsInRuntimeLayout && exec.channelsLast) {
        for (at::Tensor &x : inputs) {
            if (x.dim() == 4 && at::isFloatingType(x.scalar_type()))
                x = x.contiguous(at::MemoryFormat::ChannelsLast);
        }
    }

    std::optional<EnergyMeter> ownMeter;
    if (!sharedMeter)
        ownMeter.emplace(findEnergySensors());
    EnergyMeter &meter = sharedMeter ? *sharedMeter : *ownMeter;
    m.energySensors = meter.sensorNames();
    if (meter.available() && options.idlePowerSeconds > 0)
        m.idlePowerWatts = idlePower(meter, options.idlePowerSeconds);
    else
        m.energyNote = EnergyMeter::unavailableReason();

    LoadGenerator load;
    load.start(options.utilizationPercent);
    try {
        // Warm-up: until the median of the last three runs settles, or a
        // quarter of the budget is spent (after one run at least, so a module
        // slower than the budget costs two runs, not four).
        std::vector<double> warm;
        double previous = 0;
        while (true) {
            const auto t0 = Clock::now();
            executor.run(inputs);
            warm.push_back(msSince(t0));
            if (msSince(started) > 0.25 * budgetMs)
                break;
            const size_t n = warm.size();
            if (n >= static_cast<size_t>(std::max(options.warmupMinRuns, 3))) {
                const double median = summarize({warm.end() - 3, warm.end()}).median;
                const bool settled =
                    previous > 0 && std::fabs(median - previous) / previous < options.warmupSettle;
                previous = median;
                if (settled)
                    break;
            }
            if (cancelled()) {
                *error = QCoreApplication::translate("measure", "cancelled");
                return false;
            }
        }
        m.warmupRuns = static_cast<int>(warm.size());

        // Runs until the median is known to the target, or the budget is spent.
        // Under background load a run shorter than the load's period can fall
        // wholly into its idle phase, so the median of single runs would hide
        // the load; each sample is then the mean of back-to-back runs over at
        // least two load periods, and every sample sees busy and idle phases
        // alike, as a long network does.
        const double windowMs =
            options.utilizationPercent > 0
                ? 2 * std::chrono::duration<double, std::milli>(LoadGenerator::kPeriod).count()
                : 0;
        m.sampleWindowMs = windowMs;
        m.timedRuns = 0;
        std::vector<double> samples;
        allocation_tracker::resetPeak();
        const int64_t allocatedBefore = allocation_tracker::currentBytes();
        if (meter.available())
            meter.start();
        while (static_cast<int>(samples.size()) < options.maxRuns) {
            const auto t0 = Clock::now();
            int runs = 0;
            do {
                executor.run(inputs);
                ++runs;
            } while (msSince(t0) < windowMs);
            samples.push_back(msSince(t0) / runs);
            m.timedRuns += runs;
            const bool enough = static_cast<int>(samples.size()) >= options.minRuns &&
                                summarize(samples).relativeError <= options.targetRelativeError;
            const double perLayerReserve = options.perLayer ? 0.25 * budgetMs : 0;
            if (enough || msSince(started) > budgetMs - perLayerReserve)
                break;
            if (cancelled()) {
                *error = QCoreApplication::translate("measure", "cancelled");
                return false;
            }
        }
        if (meter.available()) {
            const auto joules = meter.stop();
            if (joules)
                m.energyJoules = *joules / static_cast<double>(m.timedRuns);
            else
                m.energyNote =
                    QCoreApplication::translate("measure", "an energy counter could not be read");
        }
        m.peakAllocatedBytes = allocation_tracker::peakBytes() - allocatedBefore;
        m.latency = summarize(samples);
        m.repeatability = checkRepeatability(samples);

        if (options.perLayer) {
            // Per-layer pass: timestamps after every step.
            std::map<int, std::vector<double>> perNode;
            std::vector<double> sums;
            const int passes = std::clamp(static_cast<int>(samples.size()), 3, 30);
            for (int p = 0; p < passes; ++p) {
                auto last = Clock::now();
                double sum = 0;
                executor.setStepObserver([&](int node) {
                    const auto now = Clock::now();
                    const double ms = std::chrono::duration<double, std::milli>(now - last).count();
                    perNode[node].push_back(ms);
                    sum += ms;
                    last = now;
                });
                executor.run(inputs);
                sums.push_back(sum);
            }
            executor.setStepObserver({});
            m.layerSumMs = 0;
            for (auto &[node, times] : perNode) {
                LayerTiming t;
                t.node = node;
                t.name = graph.nodes[node].name;
                t.op = graph.nodes[node].qualifiedOpType();
                t.stats = summarize(times);
                m.layerSumMs += m.layerMs(t);
                m.layers.push_back(std::move(t));
            }
            m.layerGapMs = m.latency.median - m.layerSumMs;
        }
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    load.stop();
    allocation_tracker::releaseCached();
    m.achievedUtilization = load.achievedUtilization();
    m.residentGrowthBytes = residentBytes() - residentBefore;
    m.seconds = msSince(started) / 1000;
    return true;
}

bool measureModel(const QString &path, const LoadOptions &load, const MeasureOptions &options,
                  NetworkMeasurement *out, QString *error, const MeasureProgress &progress)
{
    OnnxLoader loader;
    LoadOptions withWeights = load;
    withWeights.keepWeightData = true;
    const auto graph = loader.load(path, withWeights);
    if (!graph) {
        *error = loader.errorString();
        return false;
    }
    if (!measureGraph(*graph, options, out, error, progress)) {
        *error = path + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

} // namespace layerlens::core
