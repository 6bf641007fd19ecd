#pragma once

#include "predict/network_predictor.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace layerlens::core {

// A metric's value, or null when unavailable; its [low, high] interval, or null.
QJsonValue metricValueJson(const MetricPrediction &m);
QJsonValue metricIntervalJson(const MetricPrediction &m);

// The name a reader knows a block by (its first node's), and its operators
// ("Conv+Relu").
QString blockName(const Graph &graph, const NetworkBlock &block);
QString blockOps(const Graph &graph, const NetworkBlock &block);

// A finished prediction run: the network, the profile, every swept
// configuration and the time it took.
struct PredictionRun
{
    const Graph *graph = nullptr;
    const DeviceProfile *profile = nullptr;
    QString profileName; // "reference-cpu" or the folder
    const NetworkPredictor *predictor = nullptr;
    std::vector<ConfigPrediction> configs;
    std::vector<int> pareto;  // indices into configs
    double predictMicros = 0; // segmentation + every configuration, after loading
    // The latencies are scaled to a machine this many times slower than the
    // profile's at calibration (scaleLatency); 1: the profile's own.
    double speedRatio = 1;
};

// {"network", "device", "totals" (first configuration), "layers" (per block,
// first configuration), "configs" (one per swept configuration, with
// "pareto"), "unmodelled", "timing": {"predict_us"}}.
QJsonObject predictionToJson(const PredictionRun &run, bool perLayerAllConfigs);

// A terminal table: the configurations, then (perLayer) the blocks of the
// first configuration with their share of the latency.
QString predictionToTable(const PredictionRun &run, bool perLayer);

// One row per block and configuration.
QString predictionToCsv(const PredictionRun &run);

} // namespace layerlens::core
