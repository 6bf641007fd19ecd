#pragma once

#include "graph/onnx_loader.h"
#include "measure/measure_options.h"
#include "measure/network_measurement.h"
#include "models/neural_network.h"
#include "runtime/conformance.h"
#include "runtime/profiling_job.h"

#include <QString>

#include <functional>

namespace layerlens::core {

// What the LibTorch runtime module (liblayerlens_runtime.so) offers to
// programs that do not link LibTorch themselves. Types here never include
// torch headers.
struct RuntimeApi
{
    int abiVersion = 0;
    ConformanceReport (*runConformance)(const QString &dir, const ConformanceOptions &options,
                                        const std::function<bool(int, int)> &progress) = nullptr;
    // Loads and measures a network (see runtime/network_measurer.h).
    bool (*measureModel)(const QString &path, const LoadOptions &load,
                         const MeasureOptions &options, NetworkMeasurement *out, QString *error,
                         const std::function<bool(double)> &progress) = nullptr;
    // Runs a profiling job (see runtime/profiling_job.h).
    bool (*runProfilingJob)(const ProfileJobOptions &options, ProfileJobResult *result,
                            QString *error) = nullptr;
    // Trains a neural regression model (see runtime/neural_trainer.h).
    bool (*fitNeuralNetwork)(const NeuralFitRequest &request, NeuralNetwork *out,
                             QString *error) = nullptr;
};

// Version programs and module must agree on.
inline constexpr int kRuntimeAbiVersion = 5;

// Loads the runtime module on first use, from the lib folder beside the
// program's bin folder (or LAYERLENS_RUNTIME). Returns nullptr and sets error
// when it is missing or does not match.
const RuntimeApi *runtimeApi(QString *error);

} // namespace layerlens::core

// The module's entry point.
extern "C" const layerlens::core::RuntimeApi *layerlens_runtime_api();
