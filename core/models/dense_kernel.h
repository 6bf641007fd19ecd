#pragma once

#include <cstddef>

namespace layerlens::core {

// One dense layer of a small network over a few rows, in single precision:
// y = x · Wᵀ + b, then SiLU (v · sigmoid(v)) where activate is set.
// x is rows × in, wT is W transposed (in × out), y is rows × out, all
// row-major. Every output's sum runs in input order, as a naive loop's
// would. The rows a prediction passes are a network's blocks of one module
// (tens) and layers are 32 to 64 wide, where keeping a tile of outputs in
// registers beats both a blocked GEMM's packing and a loop that goes
// through memory for every multiply-add. On x86-64 a clone for AVX2 and
// FMA is picked at first use where the CPU has them.
void denseLayer(const float *x, const float *wT, const float *bias, std::ptrdiff_t rows,
                std::ptrdiff_t in, std::ptrdiff_t out, bool activate, float *y);

// The same with the portable kernel (SSE2 on x86-64), whatever the CPU: for
// tests that hold the two to one reference.
void denseLayerPortable(const float *x, const float *wT, const float *bias, std::ptrdiff_t rows,
                        std::ptrdiff_t in, std::ptrdiff_t out, bool activate, float *y);

// Which kernel denseLayer() runs on this CPU: "avx2+fma" or "portable".
const char *denseLayerKernel();

} // namespace layerlens::core
