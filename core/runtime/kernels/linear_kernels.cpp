// Convolutions and matrix products.
#include "runtime/kernel_table.h"
#include "runtime/kernels/spatial.h"

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;
using kernels::Window;

std::vector<int64_t> spatialOf(const at::Tensor &x)
{
    return std::vector<int64_t>(x.sizes().begin() + 2, x.sizes().end());
}

std::vector<int64_t> kernelOf(const at::Tensor &w)
{
    return std::vector<int64_t>(w.sizes().begin() + 2, w.sizes().end());
}

Tensors conv(const KernelContext &c)
{
    at::Tensor x = c.in(0);
    const at::Tensor &w = c.in(1);
    Window win = kernels::windowOf(c, spatialOf(x), kernelOf(w));
    std::vector<int64_t> padding = win.padBegin;
    if (!win.symmetric()) {
        x = kernels::padSpatial(x, win.padBegin, win.padEnd, 0.0);
        padding.assign(padding.size(), 0);
    }
    const at::Tensor bias = c.has(2) ? c.in(2) : at::Tensor();
    return {at::convolution(x, w, bias, win.strides, padding, win.dilations, false,
                            std::vector<int64_t>(padding.size(), 0), c.attrInt("group", 1))};
}

// ConvTranspose: computed unpadded, then cropped by the ONNX pads (which may
// be asymmetric or derived from output_shape).
Tensors convTranspose(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const at::Tensor &w = c.in(1);
    const auto spatial = spatialOf(x);
    const size_t n = spatial.size();
    const auto kernel = c.attrInts("kernel_shape").value_or(kernelOf(w));
    const auto strides = c.attrInts("strides").value_or(std::vector<int64_t>(n, 1));
    const auto dilations = c.attrInts("dilations").value_or(std::vector<int64_t>(n, 1));
    auto outputPadding = c.attrInts("output_padding").value_or(std::vector<int64_t>(n, 0));
    std::vector<int64_t> begin(n, 0), end(n, 0);
    const QString autoPad = c.attrString("auto_pad", QStringLiteral("NOTSET"));
    auto outputShape = c.attrInts("output_shape");
    if (!outputShape &&
        (autoPad == QLatin1String("SAME_UPPER") || autoPad == QLatin1String("SAME_LOWER"))) {
        outputShape = std::vector<int64_t>(n);
        for (size_t i = 0; i < n; ++i)
            (*outputShape)[i] = spatial[i] * strides[i];
    }
    if (outputShape) {
        const auto &shape = *outputShape;
        const size_t offset = shape.size() - n; // output_shape may include N and C
        for (size_t i = 0; i < n; ++i) {
            const int64_t full = strides[i] * (spatial[i] - 1) + outputPadding[i] +
                                 (kernel[i] - 1) * dilations[i] + 1;
            const int64_t total = full - shape[offset + i];
            if (total < 0) { // grow through output padding instead of cropping
                outputPadding[i] -= total;
                continue;
            }
            const bool upper = autoPad == QLatin1String("SAME_UPPER");
            begin[i] = upper ? total / 2 : total - total / 2;
            end[i] = total - begin[i];
        }
    } else if (const auto pads = c.attrInts("pads")) {
        TORCH_CHECK(pads->size() == 2 * n, "pads has the wrong length");
        for (size_t i = 0; i < n; ++i) {
            begin[i] = (*pads)[i];
            end[i] = (*pads)[i + n];
        }
    }
    const at::Tensor bias = c.has(2) ? c.in(2) : at::Tensor();
    at::Tensor y = at::convolution(x, w, bias, strides, std::vector<int64_t>(n, 0), dilations, true,
                                   outputPadding, c.attrInt("group", 1));
    for (size_t i = 0; i < n; ++i) {
        const int64_t dim = static_cast<int64_t>(i + 2);
        y = y.narrow(dim, begin[i], y.size(dim) - begin[i] - end[i]);
    }
    return {y.contiguous()};
}

Tensors gemm(const KernelContext &c)
{
    at::Tensor a = c.in(0), b = c.in(1);
    if (c.attrInt("transA", 0))
        a = a.t();
    if (c.attrInt("transB", 0))
        b = b.t();
    at::Tensor y = at::matmul(a, b);
    const double alpha = c.attrFloat("alpha", 1.0);
    if (alpha != 1.0)
        y = y * alpha;
    if (c.has(2))
        y = y + c.attrFloat("beta", 1.0) * c.in(2);
    return {y};
}

QString floatingOnly(const Graph &graph, const Node &node, int)
{
    return kernels::inputIsFloating(graph, node, 0)
               ? QString()
               : QStringLiteral(
                     "LibTorch's CPU kernels for this operator take floating types only");
}

} // namespace

void registerLinearKernels(KernelTable &table)
{
    table.add({QStringLiteral("Conv"), conv, floatingOnly});
    table.add({QStringLiteral("ConvTranspose"), convTranspose, floatingOnly});
    table.add({QStringLiteral("Gemm"), gemm, floatingOnly});
    table.add({QStringLiteral("MatMul"),
               [](const KernelContext &c) -> Tensors { return {at::matmul(c.in(0), c.in(1))}; },
               floatingOnly});
    table.add({QStringLiteral("Einsum"),
               [](const KernelContext &c) -> Tensors {
                   return {at::einsum(c.attrString("equation").toStdString(), c.inputs)};
               },
               floatingOnly});
}

} // namespace layerlens::core
