// Pooling. Asymmetric padding is applied explicitly (with -inf for max, and a
// validity mask for averages that exclude padding).
#include "runtime/kernel_table.h"
#include "runtime/kernels/spatial.h"

#include <limits>

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;

std::vector<int64_t> spatialOf(const at::Tensor &x)
{
    return std::vector<int64_t>(x.sizes().begin() + 2, x.sizes().end());
}

Tensors maxPool(const KernelContext &c)
{
    at::Tensor x = c.in(0);
    const auto spatial = spatialOf(x);
    const auto win = kernels::windowOf(c, spatial, {});
    std::vector<int64_t> padding = win.padBegin;
    // LibTorch pads symmetrically, by at most half the kernel; anything else is
    // padded here with -inf.
    bool explicitPad = !win.symmetric();
    for (size_t i = 0; i < padding.size(); ++i)
        explicitPad = explicitPad || 2 * padding[i] > win.kernel[i];
    if (explicitPad) {
        x = kernels::padSpatial(x, win.padBegin, win.padEnd,
                                -std::numeric_limits<double>::infinity());
        padding.assign(padding.size(), 0);
    }
    const bool ceil = c.attrInt("ceil_mode", 0) != 0;
    switch (spatial.size()) {
    case 1:
        return {at::max_pool1d(x, win.kernel, win.strides, padding, win.dilations, ceil)};
    case 2:
        // Debian's LibTorch 1.13 pools NCHW on a slow path (40 ms where the
        // channels-last kernel takes 3 ms, resnet18's first pool at batch 8);
        // the output stays channels-last, as the executor runs 4-D tensors.
        return {at::max_pool2d(x.contiguous(at::MemoryFormat::ChannelsLast), win.kernel,
                               win.strides, padding, win.dilations, ceil)};
    default:
        return {at::max_pool3d(x, win.kernel, win.strides, padding, win.dilations, ceil)};
    }
}

at::Tensor sumPool(const at::Tensor &x, const kernels::Window &win, bool ceil)
{
    const std::vector<int64_t> zero(win.kernel.size(), 0);
    switch (win.kernel.size()) {
    case 1:
        return at::avg_pool1d(x, win.kernel, win.strides, zero, ceil, true);
    case 2:
        return at::avg_pool2d(x, win.kernel, win.strides, zero, ceil, true);
    default:
        return at::avg_pool3d(x, win.kernel, win.strides, zero, ceil, true);
    }
}

Tensors averagePool(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const auto win = kernels::windowOf(c, spatialOf(x), {});
    const bool ceil = c.attrInt("ceil_mode", 0) != 0;
    const at::Tensor padded = kernels::padSpatial(x, win.padBegin, win.padEnd, 0.0);
    if (c.attrInt("count_include_pad", 0) != 0)
        return {sumPool(padded, win, ceil)};
    // Average over the real elements of each window: pooled values over pooled mask.
    std::vector<int64_t> maskShape(x.dim(), 1);
    for (int64_t d = 2; d < x.dim(); ++d)
        maskShape[d] = x.size(d);
    const at::Tensor mask =
        kernels::padSpatial(at::ones(maskShape, x.options()), win.padBegin, win.padEnd, 0.0);
    return {sumPool(padded, win, ceil) / sumPool(mask, win, ceil)};
}

QString poolCheck(const Graph &graph, const Node &node, int)
{
    if (!kernels::inputIsFloating(graph, node, 0))
        return QStringLiteral("LibTorch's CPU pooling takes floating types only");
    if (node.outputs.size() > 1 && node.outputs[1] >= 0)
        return QStringLiteral("the Indices output of MaxPool is not supported");
    const Tensor &x = graph.tensors[node.inputs[0]];
    if (x.shape.rankKnown && (x.shape.dims.size() < 3 || x.shape.dims.size() > 5))
        return QStringLiteral("only 1-D to 3-D pooling is supported");
    if (node.attrInt(QStringLiteral("ceil_mode"), 0) &&
        node.attrInt(QStringLiteral("count_include_pad"), 0))
        return QStringLiteral("ceil_mode with count_include_pad is not supported");
    const auto dilations = node.attrInts(QStringLiteral("dilations"));
    if (node.opType == QLatin1String("AveragePool") && dilations) {
        for (int64_t d : *dilations) {
            if (d != 1)
                return QStringLiteral("dilated average pooling is not supported");
        }
    }
    return QString();
}

std::vector<int64_t> spatialDims(const at::Tensor &x)
{
    std::vector<int64_t> dims;
    for (int64_t d = 2; d < x.dim(); ++d)
        dims.push_back(d);
    return dims;
}

} // namespace

void registerPoolingKernels(KernelTable &table)
{
    table.add({QStringLiteral("MaxPool"), maxPool, poolCheck});
    table.add({QStringLiteral("AveragePool"), averagePool, poolCheck});
    table.add({QStringLiteral("GlobalAveragePool"), [](const KernelContext &c) -> Tensors {
                   return {at::mean(c.in(0), spatialDims(c.in(0)), true)};
               }});
    table.add({QStringLiteral("GlobalMaxPool"), [](const KernelContext &c) -> Tensors {
                   return {at::amax(c.in(0), spatialDims(c.in(0)), true)};
               }});
}

} // namespace layerlens::core
