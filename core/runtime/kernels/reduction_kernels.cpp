// Reductions, ArgMax/ArgMin and CumSum.
#include "runtime/aten_convert.h"
#include "runtime/kernel_table.h"

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;

// The axes to reduce: the attribute, or input 1 where the opset moved them
// there (ReduceSum from 13); all axes when none are given.
std::vector<int64_t> reduceAxes(const KernelContext &c, bool fromInput, bool *noop)
{
    std::vector<int64_t> axes;
    if (fromInput) {
        if (c.has(1))
            axes = toInt64s(c.in(1));
    } else {
        axes = c.attrInts("axes").value_or(std::vector<int64_t>{});
    }
    *noop = axes.empty() && fromInput && c.attrInt("noop_with_empty_axes", 0) != 0;
    const int64_t rank = c.in(0).dim();
    if (axes.empty()) {
        for (int64_t d = 0; d < rank; ++d)
            axes.push_back(d);
    }
    for (int64_t &a : axes)
        a = kernels::axis(a, rank);
    return axes;
}

using Reducer = std::function<at::Tensor(const at::Tensor &, const std::vector<int64_t> &, bool)>;

KernelFn reduction(Reducer f, bool axesFromInputAt13)
{
    return [f, axesFromInputAt13](const KernelContext &c) -> Tensors {
        bool noop = false;
        const auto axes = reduceAxes(c, axesFromInputAt13 && c.opset >= 13, &noop);
        if (noop)
            return {c.in(0)};
        return {f(c.in(0), axes, c.attrInt("keepdims", 1) != 0)};
    };
}

at::Tensor product(const at::Tensor &x, std::vector<int64_t> axes, bool keep)
{
    std::sort(axes.rbegin(), axes.rend());
    at::Tensor y = x;
    for (int64_t a : axes)
        y = at::prod(y, a, keep);
    return y;
}

KernelFn argExtreme(bool max)
{
    return [max](const KernelContext &c) -> Tensors {
        const at::Tensor &x = c.in(0);
        const int64_t axis = kernels::axis(c.attrInt("axis", 0), x.dim());
        const bool keep = c.attrInt("keepdims", 1) != 0;
        if (c.attrInt("select_last_index", 0) != 0) {
            const at::Tensor flipped = x.flip(axis);
            const at::Tensor i =
                max ? at::argmax(flipped, axis, keep) : at::argmin(flipped, axis, keep);
            return {x.size(axis) - 1 - i};
        }
        return {max ? at::argmax(x, axis, keep) : at::argmin(x, axis, keep)};
    };
}

Tensors cumSum(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t axis = kernels::axis(toInt64s(c.in(1)).at(0), x.dim());
    const bool reverse = c.attrInt("reverse", 0) != 0;
    at::Tensor t = reverse ? x.flip(axis) : x;
    at::Tensor y = at::cumsum(t, axis);
    if (c.attrInt("exclusive", 0) != 0)
        y = y - t;
    return {reverse ? y.flip(axis) : y};
}

} // namespace

void registerReductionKernels(KernelTable &table)
{
    auto add = [&table](const char *op, Reducer f, bool fromInput = false) {
        table.add({QString::fromLatin1(op), reduction(std::move(f), fromInput), {}});
    };
    add(
        "ReduceSum",
        [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) { return at::sum(x, a, k); },
        true);
    add("ReduceMean", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::mean(x, a, k);
    });
    add("ReduceMax", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::amax(x, a, k);
    });
    add("ReduceMin", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::amin(x, a, k);
    });
    add("ReduceProd", product);
    add("ReduceL1", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::sum(at::abs(x), a, k);
    });
    add("ReduceL2", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::sqrt(at::sum(at::square(x), a, k));
    });
    add("ReduceSumSquare", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::sum(at::square(x), a, k);
    });
    add("ReduceLogSum", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::log(at::sum(x, a, k));
    });
    add("ReduceLogSumExp", [](const at::Tensor &x, const std::vector<int64_t> &a, bool k) {
        return at::logsumexp(x, a, k);
    });
    table.add({QStringLiteral("ArgMax"), argExtreme(true), {}});
    table.add({QStringLiteral("ArgMin"), argExtreme(false), {}});
    table.add({QStringLiteral("CumSum"), cumSum, {}});
}

} // namespace layerlens::core
