#pragma once

#include <cstdint>
#include <optional>

namespace layerlens::core {

struct Graph;

// The library LibTorch 1.13 hands a float 2-D convolution to on the CPU
// (at::convolution): oneDNN, or ATen's own im2col and the system BLAS's
// GEMM ("native"). Two libraries, whose speeds need not move together from
// one machine to another: a 1x1 convolution at one thread runs on BLAS, its
// 3x3 neighbour on oneDNN.
enum class ConvBackend
{
    OneDnn,
    Gemm
};

// What the choice depends on.
struct ConvCall
{
    int64_t batch = 1;
    int64_t inChannels = 1;
    int64_t height = 1;
    int64_t width = 1;
    int64_t kernelHeight = 1;
    int64_t kernelWidth = 1;
    int64_t stride = 1; // the largest of the strides
    int64_t dilation = 1;
    int64_t groups = 1;
    int threads = 1;
};

// A convolution with a square input, kernel and stride, as LayerLens's
// convolution modules are configured.
ConvCall squareConvCall(int64_t batch, int64_t inChannels, int64_t size, int64_t kernel,
                        int64_t stride, int threads);

// LibTorch 1.13's rule (ConvParams::use_mkldnn): oneDNN where the
// convolution is strided, dilated, at batch 16 or more, not 1x1, or runs
// on more than one thread, and where it is also grouped, has a kernel
// larger than 3x3 in both directions, runs at batch 2 or more, or reads
// more than 20,480 input values; ATen's GEMM otherwise. Checked against
// DNNL_VERBOSE on Debian's python3-torch 1.13 (same build) for 1x1, 3x3,
// 5x5 and 7x7 kernels, strides 1 and 2, batch 1 to 16, 1 and 2 threads,
// grouped and small inputs.
ConvBackend convBackend(const ConvCall &call);

// The call a graph's Conv node makes at its analysed shapes on one thread;
// nothing for a node that is not a 2-D float convolution with known shapes.
std::optional<ConvCall> convCallOf(const Graph &graph, int node);

} // namespace layerlens::core
