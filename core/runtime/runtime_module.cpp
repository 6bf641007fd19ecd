// The entry point of liblayerlens_runtime.so (see runtime_api.h).
#include "runtime/network_measurer.h"
#include "runtime/neural_trainer.h"
#include "runtime/profiling_job.h"
#include "runtime/runtime_api.h"

extern "C" __attribute__((visibility("default"))) const layerlens::core::RuntimeApi *
layerlens_runtime_api()
{
    static const layerlens::core::RuntimeApi api = {
        layerlens::core::kRuntimeAbiVersion,  &layerlens::core::runConformance,
        &layerlens::core::measureModel,       &layerlens::core::runProfilingJob,
        &layerlens::core::trainNeuralNetwork,
    };
    return &api;
}
