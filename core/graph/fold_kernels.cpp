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

namespace {

// Element targets[j] of data combined with updates' element j, in order.
TensorValue scatter(const TensorValue &data, const std::vector<int64_t> &targets,
                    const TensorValue &updates, const QString &reduction)
{
    const bool none = reduction == QLatin1String("none");
    const bool add = reduction == QLatin1String("add");
    const bool mul = reduction == QLatin1String("mul");
    const bool max = reduction == QLatin1String("max");
    if (!none && !add && !mul && !max && reduction != QLatin1String("min"))
        invalid("unknown scatter reduction");
    auto combine = [&](auto old, auto update) {
        using T = decltype(old);
        if (none)
            return update;
        if (add)
            return T(old + update);
        if (mul)
            return T(old * update);
        return max ? std::max(old, update) : std::min(old, update);
    };
    TensorValue out = data;
    for (size_t j = 0; j < targets.size(); ++j) {
        const auto t = static_cast<size_t>(targets[j]);
        if (out.holdsIntegers())
            out.ints[t] = combine(out.ints[t], updates.integer(static_cast<int64_t>(j)));
        else
            out.reals[t] = combine(out.reals[t], updates.real(static_cast<int64_t>(j)));
    }
    return out;
}

int64_t wrappedIndex(int64_t index, int64_t dim)
{
    if (index < 0)
        index += dim;
    if (index < 0 || index >= dim)
        invalid("scatter index out of range");
    return index;
}

} // namespace

TensorValue scatterNd(const TensorValue &data, const TensorValue &indices,
                      const TensorValue &updates, const QString &reduction)
{
    const int64_t rank = static_cast<int64_t>(data.dims.size());
    if (indices.dims.empty())
        invalid("ScatterND indices are a scalar");
    const int64_t depth = indices.dims.back();
    if (depth < 1 || depth > rank)
        invalid("ScatterND index tuples are longer than the data's rank");
    // Each index tuple names a slice of `inner` elements.
    int64_t inner = 1;
    for (int64_t i = depth; i < rank; ++i)
        inner *= data.dims[static_cast<size_t>(i)];
    const Dims strides = stridesOf(data.dims);
    const int64_t tuples = depth > 0 ? indices.elementCount() / depth : 0;
    if (updates.elementCount() != tuples * inner)
        invalid("ScatterND updates do not match its indices");
    std::vector<int64_t> targets;
    targets.reserve(static_cast<size_t>(updates.elementCount()));
    for (int64_t t = 0; t < tuples; ++t) {
        int64_t offset = 0;
        for (int64_t k = 0; k < depth; ++k)
            offset += wrappedIndex(indices.integer(t * depth + k), data.dims[k]) * strides[k];
        for (int64_t i = 0; i < inner; ++i)
            targets.push_back(offset + i);
    }
    return scatter(data, targets, updates, reduction);
}

TensorValue scatterElements(const TensorValue &data, const TensorValue &indices,
                            const TensorValue &updates, int64_t axis, const QString &reduction)
{
    const int64_t rank = static_cast<int64_t>(data.dims.size());
    axis = normalizeAxis(axis, rank);
    if (indices.dims != updates.dims || static_cast<int64_t>(indices.dims.size()) != rank)
        invalid("ScatterElements indices and updates differ in shape");
    const Dims strides = stridesOf(data.dims);
    std::vector<int64_t> targets;
    targets.reserve(static_cast<size_t>(indices.elementCount()));
    int64_t j = 0;
    forEachIndex(indices.dims, [&](const Dims &index) {
        int64_t offset = 0;
        for (int64_t i = 0; i < rank; ++i) {
            const int64_t at =
                i == axis ? wrappedIndex(indices.integer(j), data.dims[i]) : index[i];
            offset += at * strides[i];
        }
        targets.push_back(offset);
        ++j;
    });
    return scatter(data, targets, updates, reduction);
}

} // namespace layerlens::core::fold
