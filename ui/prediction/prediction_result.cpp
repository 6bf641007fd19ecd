#include "prediction/prediction_result.h"

#include "profiling/profiling_spec.h"

#include <QCoreApplication>

#include <chrono>

namespace layerlens::ui {

std::vector<int> sweepValues(SweepAxis axis, int logicalCores)
{
    switch (axis) {
    case SweepAxis::Batch:
        return {1, 2, 4, 8, 16, 32, 64};
    case SweepAxis::Utilization:
        return {0, 25, 50, 75};
    case SweepAxis::Threads: {
        std::vector<int> threads;
        for (int t = 1; t <= std::max(1, std::min(logicalCores, 16)); ++t)
            threads.push_back(t);
        return threads;
    }
    }
    return {};
}

std::shared_ptr<const PredictionResult>
computePrediction(const core::AnalyzedNetwork &network,
                  std::shared_ptr<const core::DeviceProfile> profile, const QString &profileName,
                  const core::PredictConfig &config, QString *error, double speedRatio)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto result = std::make_shared<PredictionResult>();
    result->network = network;
    result->profile = profile;
    result->profileName = profileName;
    result->config = config;
    result->speedRatio = speedRatio;
    if (!network.ok() || !profile) {
        *error = QCoreApplication::translate("Prediction", "no network or no device profile");
        return result;
    }
    auto predictor = std::make_shared<core::NetworkPredictor>();
    if (!predictor->prepare(*network.graph, network.analysis, *profile,
                            core::defaultProfilingSpec(), error))
        return result;
    result->predictor = predictor;
    result->current = predictor->predict(config);
    const int cores = profile->deviceInfo.value(QStringLiteral("cores")).toInt(2);
    for (SweepAxis axis : {SweepAxis::Batch, SweepAxis::Utilization, SweepAxis::Threads}) {
        auto &sweep = result->sweeps[axis];
        for (int v : sweepValues(axis, cores)) {
            core::PredictConfig c = config;
            if (axis == SweepAxis::Batch)
                c.batch = v;
            else if (axis == SweepAxis::Utilization)
                c.utilization = v;
            else
                c.threads = v;
            sweep.push_back(predictor->predict(c));
        }
    }
    for (int b : sweepValues(SweepAxis::Batch, cores)) {
        for (int u : sweepValues(SweepAxis::Utilization, cores)) {
            for (int t : sweepValues(SweepAxis::Threads, cores))
                result->designSpace.push_back(predictor->predict({b, u, t}));
        }
    }
    if (speedRatio != 1) {
        core::scaleLatency(&result->current, speedRatio);
        for (auto &[axis, sweep] : result->sweeps) {
            for (core::ConfigPrediction &c : sweep)
                core::scaleLatency(&c, speedRatio);
        }
        for (core::ConfigPrediction &c : result->designSpace)
            core::scaleLatency(&c, speedRatio);
    }
    result->pareto = core::paretoFront(result->designSpace);
    result->blockOfNode.assign(network.graph->nodes.size(), -1);
    const auto &blocks = predictor->blocks();
    for (size_t b = 0; b < blocks.size(); ++b) {
        for (int n : blocks[b].nodes)
            result->blockOfNode[n] = static_cast<int>(b);
    }
    result->predictMicros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    return result;
}

} // namespace layerlens::ui
