#pragma once

#include "graph/analyzed_network.h"
#include "models/device_profile.h"
#include "predict/network_predictor.h"

#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace layerlens::ui {

// The axes the heatmap can sweep.
enum class SweepAxis
{
    Batch,
    Utilization,
    Threads
};

// Everything the window shows of one prediction: the blocks of the network,
// the prediction at the chosen parameters, one sweep per heatmap axis, and
// the design space (every combination) with its Pareto front.
struct PredictionResult
{
    core::AnalyzedNetwork network;
    std::shared_ptr<const core::DeviceProfile> profile;
    QString profileName;
    std::shared_ptr<const core::NetworkPredictor> predictor;
    core::PredictConfig config;
    core::ConfigPrediction current;
    std::map<SweepAxis, std::vector<core::ConfigPrediction>> sweeps;
    std::vector<core::ConfigPrediction> designSpace;
    std::vector<int> pareto;
    std::vector<int> blockOfNode; // per graph node, its block or -1
    double predictMicros = 0;
    double speedRatio = 1; // latencies scaled to a machine this many times slower

    const std::vector<core::NetworkBlock> &blocks() const { return predictor->blocks(); }
};

// The values each sweep axis takes.
std::vector<int> sweepValues(SweepAxis axis, int logicalCores);

// Predicts network with profile at config, its sweeps and design space,
// every latency scaled by speedRatio (core::scaleLatency). Runs on a worker
// thread; returns a result with a null predictor and *error set when the
// network cannot be predicted.
std::shared_ptr<const PredictionResult>
computePrediction(const core::AnalyzedNetwork &network,
                  std::shared_ptr<const core::DeviceProfile> profile, const QString &profileName,
                  const core::PredictConfig &config, QString *error, double speedRatio = 1);

} // namespace layerlens::ui
