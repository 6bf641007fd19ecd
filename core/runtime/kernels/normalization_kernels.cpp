// Normalizations (inference form) and softmax.
#include "runtime/kernel_table.h"

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;

// [C] -> [C, 1, 1, ...] to broadcast over x's spatial dims.
at::Tensor perChannel(const at::Tensor &p, const at::Tensor &x)
{
    std::vector<int64_t> shape(x.dim() - 1, 1);
    shape[0] = p.numel();
    return p.reshape(shape);
}

// ATen's inference kernel: one pass writing one output in x's layout (the
// expression (x - mean) / sqrt(var + eps) * scale + bias made three
// full-size temporaries: 15 MiB peak for a 3 MiB activation, and DenseNet
// runs 120 such layers).
Tensors batchNorm(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const double eps = c.attrFloat("epsilon", 1e-5);
    auto param = [&](int i) {
        return c.in(i).to(x.scalar_type()).reshape({-1});
    };
    return {at::batch_norm(x, param(1), param(2), param(3), param(4), /*training=*/false,
                           /*momentum=*/0.0, eps, /*cudnn_enabled=*/false)};
}

QString batchNormCheck(const Graph &graph, const Node &node, int opset)
{
    if (node.attrInt(QStringLiteral("training_mode"), 0) != 0 || node.outputs.size() > 1)
        return QStringLiteral("BatchNormalization in training mode is not supported");
    if (opset < 9 && node.attrInt(QStringLiteral("spatial"), 1) == 0)
        return QStringLiteral("non-spatial BatchNormalization is not supported");
    return kernels::inputIsFloating(graph, node, 0) ? QString()
                                                    : QStringLiteral("floating types only");
}

Tensors instanceNorm(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    std::vector<int64_t> dims;
    for (int64_t d = 2; d < x.dim(); ++d)
        dims.push_back(d);
    const at::Tensor mean = at::mean(x, dims, true);
    const at::Tensor var = at::mean(at::square(x - mean), dims, true);
    const double eps = c.attrFloat("epsilon", 1e-5);
    return {(x - mean) / at::sqrt(var + eps) * perChannel(c.in(1), x) + perChannel(c.in(2), x)};
}

// LayerNormalization (opset 17), with its optional Mean and InvStdDev outputs.
Tensors layerNorm(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t axis = kernels::axis(c.attrInt("axis", -1), x.dim());
    std::vector<int64_t> dims;
    for (int64_t d = axis; d < x.dim(); ++d)
        dims.push_back(d);
    const at::Tensor xf = x.to(at::kFloat);
    const at::Tensor mean = at::mean(xf, dims, true);
    const at::Tensor var = at::mean(at::square(xf - mean), dims, true);
    const at::Tensor invStd = at::rsqrt(var + c.attrFloat("epsilon", 1e-5));
    at::Tensor y = ((xf - mean) * invStd).to(x.scalar_type()) * c.in(1);
    if (c.has(2))
        y = y + c.in(2);
    return {y, mean, invStd};
}

// LRN across channels: x / (bias + alpha / size * sum of squares in the window)^beta.
Tensors lrn(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t size = c.attrInt("size", 1);
    const int64_t before = (size - 1) / 2, after = size - 1 - before;
    const at::Tensor sq = at::square(x);
    std::vector<int64_t> pad(2 * (x.dim() - 2), 0);
    pad.push_back(before);
    pad.push_back(after);
    const at::Tensor padded = at::constant_pad_nd(sq, pad, 0.0);
    at::Tensor sum = at::zeros_like(x);
    for (int64_t k = 0; k < size; ++k)
        sum = sum + padded.narrow(1, k, x.size(1));
    const double alpha = c.attrFloat("alpha", 1e-4), beta = c.attrFloat("beta", 0.75);
    return {x / at::pow(c.attrFloat("bias", 1.0) + alpha / size * sum, beta)};
}

// Softmax family: from opset 13 along one axis; before, over the input
// flattened to 2-D at axis.
KernelFn softmaxLike(bool logarithm, bool hard)
{
    return [logarithm, hard](const KernelContext &c) -> Tensors {
        const at::Tensor &x = c.in(0);
        const int64_t rank = x.dim();
        auto apply = [&](const at::Tensor &t, int64_t dim) {
            if (hard) {
                const at::Tensor index = at::argmax(t, dim, true);
                return at::zeros_like(t).scatter(dim, index, 1.0);
            }
            return logarithm ? at::log_softmax(t, dim) : at::softmax(t, dim);
        };
        if (c.opset >= 13)
            return {apply(x, kernels::axis(c.attrInt("axis", -1), rank))};
        const int64_t axis = kernels::axis(c.attrInt("axis", 1), rank);
        int64_t outer = 1;
        for (int64_t d = 0; d < axis; ++d)
            outer *= x.size(d);
        return {apply(x.reshape({outer, -1}), 1).reshape(x.sizes())};
    };
}

} // namespace

void registerNormalizationKernels(KernelTable &table)
{
    table.add({QStringLiteral("BatchNormalization"), batchNorm, batchNormCheck});
    table.add({QStringLiteral("InstanceNormalization"), instanceNorm});
    table.add({QStringLiteral("LayerNormalization"), layerNorm});
    table.add({QStringLiteral("LRN"), lrn});
    table.add({QStringLiteral("Softmax"), softmaxLike(false, false)});
    table.add({QStringLiteral("LogSoftmax"), softmaxLike(true, false)});
    table.add({QStringLiteral("Hardmax"), softmaxLike(false, true)});
}

} // namespace layerlens::core
