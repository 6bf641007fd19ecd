#pragma once

#include "runtime/kernel_table.h"

#include <vector>

// Padding arithmetic shared by convolution and pooling kernels.
namespace layerlens::core::kernels {

struct Window
{
    std::vector<int64_t> kernel;
    std::vector<int64_t> strides;
    std::vector<int64_t> dilations;
    std::vector<int64_t> padBegin;
    std::vector<int64_t> padEnd;

    bool symmetric() const { return padBegin == padEnd; }
};

// Reads kernel_shape (or `kernel` when the attribute is absent), strides,
// dilations, pads and auto_pad for an input of the given spatial sizes.
Window windowOf(const KernelContext &c, const std::vector<int64_t> &spatial,
                const std::vector<int64_t> &kernel);

// Pads the spatial dims (the last ones) of x by begin/end with value.
at::Tensor padSpatial(const at::Tensor &x, const std::vector<int64_t> &begin,
                      const std::vector<int64_t> &end, double value);

} // namespace layerlens::core::kernels
