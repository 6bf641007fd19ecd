#include "graph/fold_kernels.h"

#include "graph/tensor_index.h"

#include <algorithm>
#include <cmath>

namespace layerlens::core::fold {

[[noreturn]] void invalid(const char *what)
{
    throw FoldError(what);
}

int64_t checkedCount(const Dims &dims)
{
    int64_t n = 1;
    for (int64_t d : dims) {
        if (d < 0)
            invalid("negative dimension");
        if (d > 0 && n > kMaxFoldedElements / d)
            throw TooLarge{};
        n *= d;
    }
    if (n > kMaxFoldedElements)
        throw TooLarge{};
    return n;
}

int64_t normalizeAxis(int64_t axis, int64_t rank)
{
    if (axis < -rank || axis >= rank)
        invalid("axis out of range");
    return axis < 0 ? axis + rank : axis;
}

TensorValue emptyLike(ElementType type, Dims dims)
{
    TensorValue v;
    v.type = type;
    v.dims = std::move(dims);
    return v;
}

TensorValue castTo(const TensorValue &src, ElementType type)
{
    TensorValue out = emptyLike(type, src.dims);
    const int64_t n = src.elementCount();
    if (isIntegral(type)) {
        for (int64_t i = 0; i < n; ++i) {
            const int64_t v =
                type == ElementType::Bool ? (src.real(i) != 0.0 ? 1 : 0) : src.integer(i);
            out.ints.push_back(v);
        }
    } else {
        for (int64_t i = 0; i < n; ++i)
            out.reals.push_back(src.real(i));
    }
    return out;
}

TensorValue binary(const TensorValue &a, const TensorValue &b, ElementType resultType,
                   const BinaryInt &onInts, const BinaryReal &onReals)
{
    const Dims dims = broadcastDims(a.dims, b.dims);
    checkedCount(dims);
    const Dims sa = broadcastStrides(a.dims, dims), sb = broadcastStrides(b.dims, dims);
    TensorValue out = emptyLike(resultType, dims);
    const bool integers = a.holdsIntegers() && b.holdsIntegers();
    forEachIndex(dims, [&](const Dims &index) {
        const int64_t ia = offsetOf(index, sa), ib = offsetOf(index, sb);
        if (integers) {
            const int64_t r = onInts(a.ints[ia], b.ints[ib]);
            if (isIntegral(resultType))
                out.ints.push_back(r);
            else
                out.reals.push_back(static_cast<double>(r));
        } else {
            const double r = onReals(a.real(ia), b.real(ib));
            if (isIntegral(resultType))
                out.ints.push_back(static_cast<int64_t>(r));
            else
                out.reals.push_back(r);
        }
    });
    return out;
}

TensorValue where(const TensorValue &c, const TensorValue &x, const TensorValue &y)
{
    const Dims dims = broadcastDims(broadcastDims(c.dims, x.dims), y.dims);
    checkedCount(dims);
    const Dims sc = broadcastStrides(c.dims, dims), sx = broadcastStrides(x.dims, dims),
               sy = broadcastStrides(y.dims, dims);
    TensorValue out = emptyLike(x.type, dims);
    forEachIndex(dims, [&](const Dims &index) {
        const bool pick = c.integer(offsetOf(index, sc)) != 0;
        const int64_t source = pick ? offsetOf(index, sx) : offsetOf(index, sy);
        const TensorValue &from = pick ? x : y;
        if (x.holdsIntegers())
            out.ints.push_back(from.integer(source));
        else
            out.reals.push_back(from.real(source));
    });
    return out;
}

TensorValue unary(const TensorValue &a, const std::function<double(double)> &f)
{
    TensorValue out = emptyLike(a.type, a.dims);
    for (int64_t i = 0; i < a.elementCount(); ++i) {
        const double r = f(a.real(i));
        if (a.holdsIntegers())
            out.ints.push_back(static_cast<int64_t>(r));
        else
            out.reals.push_back(r);
    }
    return out;
}

TensorValue reduce(const TensorValue &a, std::optional<Dims> axes, bool keepDims,
                   bool noopWithEmptyAxes, const QString &op)
{
    const int64_t rank = static_cast<int64_t>(a.dims.size());
    if (axes && axes->empty() && noopWithEmptyAxes)
        return a;
    std::vector<bool> reduced(rank, !axes || axes->empty());
    if (axes) {
        for (int64_t axis : *axes)
            reduced[normalizeAxis(axis, rank)] = true;
    }
    Dims keptDims, outDims;
    for (int64_t i = 0; i < rank; ++i) {
        keptDims.push_back(reduced[i] ? 1 : a.dims[i]);
        if (!reduced[i] || keepDims)
            outDims.push_back(reduced[i] ? 1 : a.dims[i]);
    }
    const int64_t n = checkedCount(keptDims);
    std::vector<double> acc(n, op == QLatin1String("ReduceProd") ? 1.0 : 0.0);
    std::vector<int64_t> seen(n, 0);
    const Dims outStrides = stridesOf(keptDims);
    const Dims inStrides = stridesOf(a.dims);
    forEachIndex(a.dims, [&](const Dims &index) {
        int64_t o = 0;
        for (int64_t i = 0; i < rank; ++i)
            o += (reduced[i] ? 0 : index[i]) * outStrides[i];
        const double v = a.real(offsetOf(index, inStrides));
        if (op == QLatin1String("ReduceProd"))
            acc[o] *= v;
        else if (op == QLatin1String("ReduceMin"))
            acc[o] = seen[o] ? std::min(acc[o], v) : v;
        else if (op == QLatin1String("ReduceMax"))
            acc[o] = seen[o] ? std::max(acc[o], v) : v;
        else
            acc[o] += v;
        ++seen[o];
    });
    TensorValue out = emptyLike(a.type, outDims);
    for (int64_t i = 0; i < n; ++i) {
        double v = acc[i];
        if (op == QLatin1String("ReduceMean") && seen[i] > 0)
            v /= static_cast<double>(seen[i]);
        if (a.holdsIntegers())
            out.ints.push_back(static_cast<int64_t>(v));
        else
            out.reals.push_back(v);
    }
    return out;
}

} // namespace layerlens::core::fold
