#pragma once

#include "graph/graph.h"
#include "graph/onnx_loader.h"
#include "measure/measure_options.h"
#include "measure/network_measurement.h"

#include <functional>

namespace layerlens::core {

// Reports progress as a fraction of the time budget; returning false cancels.
using MeasureProgress = std::function<bool(double fraction)>;

class EnergyMeter;

// Measures graph on this device with the LibTorch executor. Returns false
// with error (unsupported operators, a failed run, cancellation). meter: the
// energy sensors to read, found once by a caller that measures many graphs;
// null to look for them here.
bool measureGraph(const Graph &graph, const MeasureOptions &options, NetworkMeasurement *out,
                  QString *error, const MeasureProgress &progress = {},
                  EnergyMeter *meter = nullptr);

// Loads path (keeping its weights) and measures it.
bool measureModel(const QString &path, const LoadOptions &load, const MeasureOptions &options,
                  NetworkMeasurement *out, QString *error, const MeasureProgress &progress);

} // namespace layerlens::core
