#include "models/dense_kernel.h"

#include <cmath>
#include <cstdint>
#include <cstring>

// The helpers below take and return vectors wider than the portable ABI's;
// every one is inlined, so no call crosses the ABI the warning is about.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace layerlens::core {

namespace {

// Helpers are inlined into each instruction set's denseLayer and so
// compiled for it.
#define LAYERLENS_INLINE inline __attribute__((always_inline))

// A vector of Lanes floats (GCC's vector extensions): eight are one AVX
// register, four one SSE register.
template<int Lanes>
struct Vec
{
    typedef float Floats __attribute__((vector_size(4 * Lanes)));
    typedef std::int32_t Ints __attribute__((vector_size(4 * Lanes)));
};

template<typename V>
LAYERLENS_INLINE V load(const float *p)
{
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template<typename V>
LAYERLENS_INLINE void store(float *p, V v)
{
    std::memcpy(p, &v, sizeof v);
}

template<typename V>
LAYERLENS_INLINE V splat(float f)
{
    return V{} + f;
}

// e^v for a vector at once: v = n·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2
// split in two constants so that r stays exact), e^r from a degree-7
// polynomial (the coefficients of Cephes' expf), 2^n from the exponent
// bits. Within a few ulp of std::exp where the result is a normal float;
// v is clamped to [-87.3, 88], so the result stays finite.
template<int Lanes>
LAYERLENS_INLINE typename Vec<Lanes>::Floats expOf(typename Vec<Lanes>::Floats v)
{
    using F = typename Vec<Lanes>::Floats;
    using I = typename Vec<Lanes>::Ints;
    v = v < splat<F>(88.0f) ? v : splat<F>(88.0f);
    v = v > splat<F>(-87.3365447504019f) ? v : splat<F>(-87.3365447504019f);
    const F scaled = v * splat<F>(1.44269504088896341f) + splat<F>(0.5f);
    F n = __builtin_convertvector(__builtin_convertvector(scaled, I), F);
    n = n > scaled ? n - splat<F>(1.0f) : n; // floor: conversion truncates towards zero
    const F r = v - n * splat<F>(0.693359375f) - n * splat<F>(-2.12194440e-4f);
    F p = splat<F>(1.9875691500e-4f);
    p = p * r + splat<F>(1.3981999507e-3f);
    p = p * r + splat<F>(8.3334519073e-3f);
    p = p * r + splat<F>(4.1665795894e-2f);
    p = p * r + splat<F>(1.6666665459e-1f);
    p = p * r + splat<F>(5.0000001201e-1f);
    p = p * r * r + r + splat<F>(1.0f);
    const I bits = (__builtin_convertvector(n, I) + 127) << 23;
    F twoToN;
    std::memcpy(&twoToN, &bits, sizeof twoToN);
    return p * twoToN;
}

// Rows × (4 vectors of outputs) of accumulators: eight registers for two
// rows, leaving the others for the weights and the broadcast inputs.
template<int Lanes, int Rows>
LAYERLENS_INLINE void tile(const float *x, const float *wT, const float *bias, std::ptrdiff_t in,
                           std::ptrdiff_t out, float *y)
{
    using F = typename Vec<Lanes>::Floats;
    F acc[Rows][4];
    for (int k = 0; k < 4; ++k) {
        const F b = load<F>(bias + k * Lanes);
        for (int j = 0; j < Rows; ++j)
            acc[j][k] = b;
    }
    for (std::ptrdiff_t i = 0; i < in; ++i) {
        const float *w = wT + i * out;
        const F w0 = load<F>(w), w1 = load<F>(w + Lanes), w2 = load<F>(w + 2 * Lanes),
                w3 = load<F>(w + 3 * Lanes);
        for (int j = 0; j < Rows; ++j) {
            const F xi = splat<F>(x[j * in + i]);
            acc[j][0] += xi * w0;
            acc[j][1] += xi * w1;
            acc[j][2] += xi * w2;
            acc[j][3] += xi * w3;
        }
    }
    for (int j = 0; j < Rows; ++j) {
        for (int k = 0; k < 4; ++k)
            store(y + j * out + k * Lanes, acc[j][k]);
    }
}

template<int Lanes>
LAYERLENS_INLINE void denseLayerOf(const float *x, const float *wT, const float *bias,
                                   std::ptrdiff_t rows, std::ptrdiff_t in, std::ptrdiff_t out,
                                   bool activate, float *y)
{
    using F = typename Vec<Lanes>::Floats;
    constexpr std::ptrdiff_t kTile = 4 * Lanes;
    std::ptrdiff_t o0 = 0;
    for (; o0 + kTile <= out; o0 += kTile) {
        std::ptrdiff_t r = 0;
        for (; r + 2 <= rows; r += 2)
            tile<Lanes, 2>(x + r * in, wT + o0, bias + o0, in, out, y + r * out + o0);
        for (; r < rows; ++r)
            tile<Lanes, 1>(x + r * in, wT + o0, bias + o0, in, out, y + r * out + o0);
    }
    // Outputs past the last whole tile (an output layer's single value).
    for (; o0 < out; ++o0) {
        for (std::ptrdiff_t r = 0; r < rows; ++r) {
            float sum = bias[o0];
            for (std::ptrdiff_t i = 0; i < in; ++i)
                sum += x[r * in + i] * wT[i * out + o0];
            y[r * out + o0] = sum;
        }
    }
    if (!activate)
        return;
    const std::ptrdiff_t count = rows * out;
    std::ptrdiff_t e = 0;
    for (; e + Lanes <= count; e += Lanes) {
        const F v = load<F>(y + e);
        store(y + e, v / (splat<F>(1.0f) + expOf<Lanes>(-v)));
    }
    for (; e < count; ++e)
        y[e] = y[e] / (1.0f + std::exp(-y[e]));
}

#if defined(__GNUC__) && defined(__x86_64__)
// AVX2 and FMA, chosen by feature rather than by CPU model (target_clones'
// "arch=haswell" is picked only on CPUs the compiler's table names Haswell
// or a known successor, not on newer Xeons).
__attribute__((target("avx2,fma"))) void denseLayerAvx2(const float *x, const float *wT,
                                                        const float *bias, std::ptrdiff_t rows,
                                                        std::ptrdiff_t in, std::ptrdiff_t out,
                                                        bool activate, float *y)
{
    denseLayerOf<8>(x, wT, bias, rows, in, out, activate, y);
}

bool hasAvx2()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

} // namespace

void denseLayer(const float *x, const float *wT, const float *bias, std::ptrdiff_t rows,
                std::ptrdiff_t in, std::ptrdiff_t out, bool activate, float *y)
{
#if defined(__GNUC__) && defined(__x86_64__)
    static const bool avx2 = hasAvx2();
    if (avx2) {
        denseLayerAvx2(x, wT, bias, rows, in, out, activate, y);
        return;
    }
#endif
    denseLayerOf<4>(x, wT, bias, rows, in, out, activate, y);
}

void denseLayerPortable(const float *x, const float *wT, const float *bias, std::ptrdiff_t rows,
                        std::ptrdiff_t in, std::ptrdiff_t out, bool activate, float *y)
{
    denseLayerOf<4>(x, wT, bias, rows, in, out, activate, y);
}

const char *denseLayerKernel()
{
#if defined(__GNUC__) && defined(__x86_64__)
    if (hasAvx2())
        return "avx2+fma";
#endif
    return "portable";
}

} // namespace layerlens::core
