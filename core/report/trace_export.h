#pragma once

#include "measure/network_measurement.h"

#include <QJsonObject>

namespace layerlens::core {

// A measured run as a Chrome / Perfetto trace (the JSON "traceEvents"
// format ui.perfetto.dev and chrome://tracing open): one complete event
// ("ph": "X") per layer, back to back with its median time, on one track,
// under an event for the whole network at its end-to-end median; each
// layer's operator, p10, p90, coefficient of variation and run count in its
// args. Needs a measurement with per-layer timing.
QJsonObject measurementToTrace(const NetworkMeasurement &m);

} // namespace layerlens::core
