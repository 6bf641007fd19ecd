#include "graph/constant_folder.h"

#include "graph/fold_kernels.h"
#include "graph/tensor_index.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace layerlens::core {

namespace {

using namespace fold;

// Output element i takes source element sources[i].
TensorValue gatherFlat(const TensorValue &src, Dims dims, const std::vector<int64_t> &sources)
{
    TensorValue out = emptyLike(src.type, std::move(dims));
    if (src.holdsIntegers()) {
        out.ints.reserve(sources.size());
        for (int64_t s : sources)
            out.ints.push_back(src.ints[static_cast<size_t>(s)]);
    } else {
        out.reals.reserve(sources.size());
        for (int64_t s : sources)
            out.reals.push_back(src.reals[static_cast<size_t>(s)]);
    }
    return out;
}

TensorValue reshaped(const TensorValue &src, Dims dims)
{
    TensorValue out = src;
    out.dims = std::move(dims);
    if (out.elementCount() != src.elementCount())
        invalid("reshape changes the number of elements");
    return out;
}

TensorValue scalarInts(ElementType type, Dims dims, std::vector<int64_t> values)
{
    TensorValue v = emptyLike(type, std::move(dims));
    v.ints = std::move(values);
    return v;
}

std::vector<int64_t> intsOf(const TensorValue &v)
{
    std::vector<int64_t> out;
    for (int64_t i = 0; i < v.elementCount(); ++i)
        out.push_back(v.integer(i));
    return out;
}

// Axes from the attribute (older opsets) or from input `inputIndex`.
std::optional<Dims> axesOf(const Node &node, const std::vector<FoldInput> &in, int inputIndex,
                           bool fromInput)
{
    if (fromInput) {
        if (static_cast<int>(in.size()) > inputIndex && in[inputIndex].present)
            return intsOf(*in[inputIndex].value);
        return std::nullopt;
    }
    return node.attrInts(QStringLiteral("axes"));
}

TensorValue transpose(const TensorValue &src, Dims perm)
{
    const int64_t rank = static_cast<int64_t>(src.dims.size());
    if (perm.empty()) {
        for (int64_t i = rank - 1; i >= 0; --i)
            perm.push_back(i);
    }
    if (static_cast<int64_t>(perm.size()) != rank)
        invalid("perm has the wrong length");
    Dims dims;
    for (int64_t p : perm)
        dims.push_back(src.dims[static_cast<size_t>(normalizeAxis(p, rank))]);
    const int64_t n = checkedCount(dims);
    const Dims srcStrides = stridesOf(src.dims);
    std::vector<int64_t> sources;
    sources.reserve(n);
    forEachIndex(dims, [&](const Dims &index) {
        int64_t offset = 0;
        for (int64_t axis = 0; axis < rank; ++axis)
            offset += index[axis] * srcStrides[normalizeAxis(perm[axis], rank)];
        sources.push_back(offset);
    });
    return gatherFlat(src, dims, sources);
}

TensorValue gather(const TensorValue &data, const TensorValue &indices, int64_t axis)
{
    const int64_t rank = static_cast<int64_t>(data.dims.size());
    axis = normalizeAxis(axis, rank);
    const int64_t axisDim = data.dims[axis];
    Dims dims(data.dims.begin(), data.dims.begin() + axis);
    dims.insert(dims.end(), indices.dims.begin(), indices.dims.end());
    dims.insert(dims.end(), data.dims.begin() + axis + 1, data.dims.end());
    checkedCount(dims);
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < axis; ++i)
        outer *= data.dims[i];
    for (int64_t i = axis + 1; i < rank; ++i)
        inner *= data.dims[i];
    std::vector<int64_t> sources;
    for (int64_t o = 0; o < outer; ++o) {
        for (int64_t k = 0; k < indices.elementCount(); ++k) {
            int64_t index = indices.integer(k);
            if (index < 0)
                index += axisDim;
            if (index < 0 || index >= axisDim)
                invalid("Gather index out of range");
            for (int64_t i = 0; i < inner; ++i)
                sources.push_back((o * axisDim + index) * inner + i);
        }
    }
    return gatherFlat(data, dims, sources);
}

TensorValue concat(const std::vector<const TensorValue *> &parts, int64_t axis)
{
    const TensorValue &first = *parts.front();
    const int64_t rank = static_cast<int64_t>(first.dims.size());
    axis = normalizeAxis(axis, rank);
    Dims dims = first.dims;
    dims[axis] = 0;
    for (const TensorValue *p : parts) {
        if (static_cast<int64_t>(p->dims.size()) != rank ||
            p->holdsIntegers() != first.holdsIntegers())
            invalid("Concat inputs differ in rank or type");
        for (int64_t i = 0; i < rank; ++i) {
            if (i != axis && p->dims[i] != first.dims[i])
                invalid("Concat inputs differ outside the axis");
        }
        dims[axis] += p->dims[axis];
    }
    checkedCount(dims);
    int64_t outer = 1;
    for (int64_t i = 0; i < axis; ++i)
        outer *= dims[i];
    TensorValue out = emptyLike(first.type, dims);
    for (int64_t o = 0; o < outer; ++o) {
        for (const TensorValue *p : parts) {
            const int64_t block = p->elementCount() / std::max<int64_t>(outer, 1);
            for (int64_t i = 0; i < block; ++i) {
                if (first.holdsIntegers())
                    out.ints.push_back(p->ints[static_cast<size_t>(o * block + i)]);
                else
                    out.reals.push_back(p->reals[static_cast<size_t>(o * block + i)]);
            }
        }
    }
    return out;
}

TensorValue slice(const TensorValue &data, const Dims &starts, const Dims &ends,
                  std::optional<Dims> axes, std::optional<Dims> steps)
{
    const int64_t rank = static_cast<int64_t>(data.dims.size());
    if (!axes) {
        axes = Dims();
        for (size_t i = 0; i < starts.size(); ++i)
            axes->push_back(static_cast<int64_t>(i));
    }
    if (!steps)
        steps = Dims(starts.size(), 1);
    if (ends.size() != starts.size() || axes->size() != starts.size() ||
        steps->size() != starts.size())
        invalid("Slice parameters differ in length");
    Dims begin(rank, 0), step(rank, 1), dims = data.dims;
    for (size_t k = 0; k < starts.size(); ++k) {
        const int64_t axis = normalizeAxis((*axes)[k], rank);
        const int64_t dim = data.dims[axis];
        const int64_t s = (*steps)[k];
        if (s == 0)
            invalid("Slice step is zero");
        int64_t b = starts[k] < 0 ? starts[k] + dim : starts[k];
        int64_t e = ends[k] < 0 ? ends[k] + dim : ends[k];
        if (s > 0) {
            b = std::clamp<int64_t>(b, 0, dim);
            e = std::clamp<int64_t>(e, 0, dim);
            dims[axis] = e > b ? (e - b + s - 1) / s : 0;
        } else {
            b = std::clamp<int64_t>(b, 0, dim - 1);
            e = std::clamp<int64_t>(e, -1, dim - 1);
            dims[axis] = b > e ? (b - e + (-s) - 1) / (-s) : 0;
        }
        begin[axis] = b;
        step[axis] = s;
    }
    checkedCount(dims);
    const Dims strides = stridesOf(data.dims);
    std::vector<int64_t> sources;
    forEachIndex(dims, [&](const Dims &index) {
        int64_t offset = 0;
        for (int64_t axis = 0; axis < rank; ++axis)
            offset += (begin[axis] + index[axis] * step[axis]) * strides[axis];
        sources.push_back(offset);
    });
    return gatherFlat(data, dims, sources);
}

TensorValue expandTo(const TensorValue &src, const Dims &dims)
{
    checkedCount(dims);
    std::vector<int64_t> sources;
    const Dims strides = broadcastStrides(src.dims, dims);
    forEachIndex(dims, [&](const Dims &index) { sources.push_back(offsetOf(index, strides)); });
    return gatherFlat(src, dims, sources);
}

TensorValue tile(const TensorValue &src, const Dims &repeats)
{
    if (repeats.size() != src.dims.size())
        invalid("Tile repeats have the wrong length");
    Dims dims;
    for (size_t i = 0; i < repeats.size(); ++i)
        dims.push_back(src.dims[i] * repeats[i]);
    checkedCount(dims);
    const Dims strides = stridesOf(src.dims);
    std::vector<int64_t> sources;
    forEachIndex(dims, [&](const Dims &index) {
        int64_t offset = 0;
        for (size_t axis = 0; axis < dims.size(); ++axis)
            offset += (index[axis] % src.dims[axis]) * strides[axis];
        sources.push_back(offset);
    });
    return gatherFlat(src, dims, sources);
}

Dims reshapeDims(const Dims &inputDims, const Dims &shape, bool allowZero)
{
    Dims dims;
    int64_t inferred = -1, known = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        int64_t d = shape[i];
        if (d == 0 && !allowZero) {
            if (i >= inputDims.size())
                invalid("Reshape copies a dimension the input lacks");
            d = inputDims[i];
        }
        if (d == -1) {
            if (inferred >= 0)
                invalid("Reshape has two -1 dimensions");
            inferred = static_cast<int64_t>(i);
            dims.push_back(1);
            continue;
        }
        if (d < 0)
            invalid("Reshape has a negative dimension");
        known *= d;
        dims.push_back(d);
    }
    int64_t total = 1;
    for (int64_t d : inputDims)
        total *= d;
    if (inferred >= 0) {
        if (known == 0 || total % known != 0)
            invalid("Reshape cannot infer its -1 dimension");
        dims[inferred] = total / known;
    } else if (known != total) {
        invalid("Reshape changes the number of elements");
    }
    return dims;
}

const QSet<QString> &foldableOps()
{
    static const QSet<QString> ops = {
        QStringLiteral("Constant"),
        QStringLiteral("Identity"),
        QStringLiteral("Shape"),
        QStringLiteral("Size"),
        QStringLiteral("Cast"),
        QStringLiteral("Gather"),
        QStringLiteral("Unsqueeze"),
        QStringLiteral("Squeeze"),
        QStringLiteral("Concat"),
        QStringLiteral("Slice"),
        QStringLiteral("Reshape"),
        QStringLiteral("Flatten"),
        QStringLiteral("Transpose"),
        QStringLiteral("ConstantOfShape"),
        QStringLiteral("Range"),
        QStringLiteral("Expand"),
        QStringLiteral("Tile"),
        QStringLiteral("Add"),
        QStringLiteral("Sub"),
        QStringLiteral("Mul"),
        QStringLiteral("Div"),
        QStringLiteral("Mod"),
        QStringLiteral("Max"),
        QStringLiteral("Min"),
        QStringLiteral("Equal"),
        QStringLiteral("Less"),
        QStringLiteral("Greater"),
        QStringLiteral("LessOrEqual"),
        QStringLiteral("GreaterOrEqual"),
        QStringLiteral("And"),
        QStringLiteral("Or"),
        QStringLiteral("Not"),
        QStringLiteral("Where"),
        QStringLiteral("ScatterND"),
        QStringLiteral("ScatterElements"),
        QStringLiteral("Neg"),
        QStringLiteral("Abs"),
        QStringLiteral("Floor"),
        QStringLiteral("Ceil"),
        QStringLiteral("Sqrt"),
        QStringLiteral("ReduceProd"),
        QStringLiteral("ReduceSum"),
        QStringLiteral("ReduceMin"),
        QStringLiteral("ReduceMax"),
        QStringLiteral("ReduceMean"),
    };
    return ops;
}

std::vector<TensorValue> evaluate(const Node &node, int opset, const std::vector<FoldInput> &in)
{
    const QString &op = node.opType;
    auto value = [&](int i) -> const TensorValue & {
        return *in[static_cast<size_t>(i)].value;
    };
    auto has = [&](int i) {
        return static_cast<int>(in.size()) > i && in[i].present;
    };

    if (op == QLatin1String("Constant")) {
        for (const auto &[key, attr] : node.attributes) {
            if (key == QLatin1String("value") && attr.tensor && attr.tensor->isConsistent())
                return {*attr.tensor};
            if (key == QLatin1String("value_int"))
                return {scalarInts(ElementType::Int64, {}, {attr.i})};
            if (key == QLatin1String("value_ints"))
                return {scalarInts(ElementType::Int64, {int64_t(attr.ints.size())}, attr.ints)};
            if (key == QLatin1String("value_float") || key == QLatin1String("value_floats")) {
                TensorValue v = emptyLike(ElementType::Float, {});
                if (key == QLatin1String("value_float")) {
                    v.reals = {attr.f};
                } else {
                    v.dims = {int64_t(attr.floats.size())};
                    v.reals = attr.floats;
                }
                return {v};
            }
        }
        throw TooLarge{}; // large or non-numeric constant: shape only
    }
    if (op == QLatin1String("Identity"))
        return {value(0)};
    if (op == QLatin1String("Shape")) {
        const Dims &dims = in[0].shape->dims;
        const int64_t rank = static_cast<int64_t>(dims.size());
        int64_t start = opset >= 15 ? node.attrInt(QStringLiteral("start"), 0) : 0;
        int64_t end = opset >= 15 ? node.attrInt(QStringLiteral("end"), rank) : rank;
        start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
        end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
        Dims part(dims.begin() + start, dims.begin() + std::max(start, end));
        return {scalarInts(ElementType::Int64, {int64_t(part.size())}, part)};
    }
    if (op == QLatin1String("Size"))
        return {scalarInts(ElementType::Int64, {}, {in[0].shape->elementCount()})};
    if (op == QLatin1String("Cast")) {
        const int64_t to = node.attrInt(QStringLiteral("to"), 0);
        if (!isKnownElementType(static_cast<int>(to)) || to == int64_t(ElementType::String))
            invalid("Cast to an unsupported type");
        return {castTo(value(0), static_cast<ElementType>(to))};
    }
    if (op == QLatin1String("Gather"))
        return {gather(value(0), value(1), node.attrInt(QStringLiteral("axis"), 0))};
    if (op == QLatin1String("Unsqueeze")) {
        const auto axes = axesOf(node, in, 1, opset >= 13);
        if (!axes)
            invalid("Unsqueeze has no axes");
        const TensorValue &x = value(0);
        const int64_t rank = static_cast<int64_t>(x.dims.size() + axes->size());
        std::vector<bool> inserted(rank, false);
        for (int64_t a : *axes) {
            const int64_t axis = normalizeAxis(a, rank);
            if (inserted[axis])
                invalid("Unsqueeze repeats an axis");
            inserted[axis] = true;
        }
        Dims dims;
        size_t next = 0;
        for (int64_t i = 0; i < rank; ++i)
            dims.push_back(inserted[i] ? 1 : x.dims[next++]);
        return {reshaped(x, dims)};
    }
    if (op == QLatin1String("Squeeze")) {
        const auto axes = axesOf(node, in, 1, opset >= 13);
        const TensorValue &x = value(0);
        const int64_t rank = static_cast<int64_t>(x.dims.size());
        std::vector<bool> removed(rank, false);
        if (axes) {
            for (int64_t a : *axes) {
                const int64_t axis = normalizeAxis(a, rank);
                if (x.dims[axis] != 1)
                    invalid("Squeeze of a dimension that is not 1");
                removed[axis] = true;
            }
        } else {
            for (int64_t i = 0; i < rank; ++i)
                removed[i] = x.dims[i] == 1;
        }
        Dims dims;
        for (int64_t i = 0; i < rank; ++i) {
            if (!removed[i])
                dims.push_back(x.dims[i]);
        }
        return {reshaped(x, dims)};
    }
    if (op == QLatin1String("Concat")) {
        std::vector<const TensorValue *> parts;
        for (size_t i = 0; i < in.size(); ++i)
            parts.push_back(in[i].value);
        if (parts.empty())
            invalid("Concat has no inputs");
        return {concat(parts, node.attrInt(QStringLiteral("axis"), 0))};
    }
    if (op == QLatin1String("Slice")) {
        if (opset < 10) {
            const auto starts = node.attrInts(QStringLiteral("starts"));
            const auto ends = node.attrInts(QStringLiteral("ends"));
            if (!starts || !ends)
                invalid("Slice lacks starts or ends");
            return {slice(value(0), *starts, *ends, node.attrInts(QStringLiteral("axes")),
                          std::nullopt)};
        }
        return {slice(value(0), intsOf(value(1)), intsOf(value(2)),
                      has(3) ? std::optional<Dims>(intsOf(value(3))) : std::nullopt,
                      has(4) ? std::optional<Dims>(intsOf(value(4))) : std::nullopt)};
    }
    if (op == QLatin1String("Reshape")) {
        const bool allowZero = opset >= 14 && node.attrInt(QStringLiteral("allowzero"), 0) != 0;
        return {reshaped(value(0), reshapeDims(value(0).dims, intsOf(value(1)), allowZero))};
    }
    if (op == QLatin1String("Flatten")) {
        const TensorValue &x = value(0);
        const int64_t rank = static_cast<int64_t>(x.dims.size());
        int64_t axis = node.attrInt(QStringLiteral("axis"), 1);
        axis = axis < 0 ? axis + rank : axis;
        if (axis < 0 || axis > rank)
            invalid("Flatten axis out of range");
        int64_t outer = 1;
        for (int64_t i = 0; i < axis; ++i)
            outer *= x.dims[i];
        return {reshaped(x, {outer, outer == 0 ? 0 : x.elementCount() / outer})};
    }
    if (op == QLatin1String("Transpose"))
        return {transpose(value(0), node.attrInts(QStringLiteral("perm")).value_or(Dims{}))};
    if (op == QLatin1String("ConstantOfShape")) {
        const Dims dims = intsOf(value(0));
        TensorValue fill = emptyLike(ElementType::Float, {1});
        fill.reals = {0.0};
        if (const Attribute *a = node.attribute(QStringLiteral("value"))) {
            if (!a->tensor || !a->tensor->isConsistent() || a->tensor->elementCount() != 1)
                invalid("ConstantOfShape value is not one element");
            fill = *a->tensor;
        }
        return {expandTo(reshaped(fill, {}), dims)};
    }
    if (op == QLatin1String("Range")) {
        const TensorValue &start = value(0);
        const double s = start.real(0), limit = value(1).real(0), delta = value(2).real(0);
        if (delta == 0.0)
            invalid("Range delta is zero");
        const auto n = static_cast<int64_t>(std::max(std::ceil((limit - s) / delta), 0.0));
        checkedCount({n});
        TensorValue out = emptyLike(start.type, {n});
        for (int64_t i = 0; i < n; ++i) {
            if (start.holdsIntegers())
                out.ints.push_back(start.integer(0) + i * value(2).integer(0));
            else
                out.reals.push_back(s + static_cast<double>(i) * delta);
        }
        return {out};
    }
    if (op == QLatin1String("Expand"))
        return {expandTo(value(0), broadcastDims(value(0).dims, intsOf(value(1))))};
    if (op == QLatin1String("Tile"))
        return {tile(value(0), intsOf(value(1)))};
    if (op == QLatin1String("Where"))
        return {where(value(0), value(1), value(2))};
    if (op == QLatin1String("ScatterND") || op == QLatin1String("ScatterElements")) {
        const QString reduction =
            node.attrString(QStringLiteral("reduction"), QStringLiteral("none"));
        if (op == QLatin1String("ScatterND"))
            return {scatterNd(value(0), value(1), value(2), reduction)};
        return {scatterElements(value(0), value(1), value(2),
                                node.attrInt(QStringLiteral("axis"), 0), reduction)};
    }

    const ElementType type = value(0).type;
    using I = int64_t;
    if (op == QLatin1String("Add"))
        return {binary(value(0), value(1), type, std::plus<I>(), std::plus<double>())};
    if (op == QLatin1String("Sub"))
        return {binary(value(0), value(1), type, std::minus<I>(), std::minus<double>())};
    if (op == QLatin1String("Mul"))
        return {binary(value(0), value(1), type, std::multiplies<I>(), std::multiplies<double>())};
    if (op == QLatin1String("Div")) {
        return {binary(
            value(0), value(1), type,
            [](I a, I b) {
                if (b == 0)
                    invalid("integer division by zero");
                return a / b;
            },
            std::divides<double>())};
    }
    if (op == QLatin1String("Mod")) {
        const bool fmod = node.attrInt(QStringLiteral("fmod"), 0) != 0;
        return {binary(
            value(0), value(1), type,
            [fmod](I a, I b) {
                if (b == 0)
                    invalid("integer modulo by zero");
                const I r = a % b;
                return (!fmod && r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
            },
            [fmod](double a, double b) {
                const double r = std::fmod(a, b);
                return (!fmod && r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
            })};
    }
    if (op == QLatin1String("Max") || op == QLatin1String("Min")) {
        const bool isMax = op == QLatin1String("Max");
        TensorValue acc = value(0);
        for (size_t i = 1; i < in.size(); ++i) {
            acc = binary(
                acc, value(static_cast<int>(i)), type,
                [isMax](I a, I b) { return isMax ? std::max(a, b) : std::min(a, b); },
                [isMax](double a, double b) { return isMax ? std::max(a, b) : std::min(a, b); });
        }
        return {acc};
    }
    const auto compare = [&](auto cmp) {
        return binary(
            value(0), value(1), ElementType::Bool, [cmp](I a, I b) -> I { return cmp(a, b); },
            [cmp](double a, double b) -> double { return cmp(a, b) ? 1.0 : 0.0; });
    };
    if (op == QLatin1String("Equal"))
        return {compare(std::equal_to<>())};
    if (op == QLatin1String("Less"))
        return {compare(std::less<>())};
    if (op == QLatin1String("Greater"))
        return {compare(std::greater<>())};
    if (op == QLatin1String("LessOrEqual"))
        return {compare(std::less_equal<>())};
    if (op == QLatin1String("GreaterOrEqual"))
        return {compare(std::greater_equal<>())};
    if (op == QLatin1String("And"))
        return {compare([](auto a, auto b) { return a != 0 && b != 0; })};
    if (op == QLatin1String("Or"))
        return {compare([](auto a, auto b) { return a != 0 || b != 0; })};
    if (op == QLatin1String("Not"))
        return {unary(value(0), [](double a) { return a != 0.0 ? 0.0 : 1.0; })};
    if (op == QLatin1String("Neg"))
        return {unary(value(0), [](double a) { return -a; })};
    if (op == QLatin1String("Abs"))
        return {unary(value(0), [](double a) { return std::fabs(a); })};
    if (op == QLatin1String("Floor"))
        return {unary(value(0), [](double a) { return std::floor(a); })};
    if (op == QLatin1String("Ceil"))
        return {unary(value(0), [](double a) { return std::ceil(a); })};
    if (op == QLatin1String("Sqrt"))
        return {unary(value(0), [](double a) { return std::sqrt(a); })};
    if (op.startsWith(QLatin1String("Reduce"))) {
        const bool axesFromInput = op == QLatin1String("ReduceSum") && opset >= 13;
        return {reduce(value(0), axesOf(node, in, 1, axesFromInput),
                       node.attrInt(QStringLiteral("keepdims"), 1) != 0,
                       axesFromInput && node.attrInt(QStringLiteral("noop_with_empty_axes"), 0),
                       op)};
    }
    invalid("operator is not foldable");
}

} // namespace

bool isFoldableOp(const Node &node)
{
    return node.domain.isEmpty() && foldableOps().contains(node.opType);
}

bool canFold(const Node &node, const std::vector<FoldInput> &inputs)
{
    if (!isFoldableOp(node) || node.outputs.empty())
        return false;
    if (node.opType == QLatin1String("Constant"))
        return true;
    if (inputs.empty() || !inputs[0].present)
        return false;
    if (node.opType == QLatin1String("Shape") || node.opType == QLatin1String("Size"))
        return inputs[0].shape && inputs[0].shape->isConcrete();
    for (const FoldInput &in : inputs) {
        if (in.present && !in.value)
            return false;
    }
    return true;
}

std::optional<std::vector<TensorValue>>
foldNode(const Node &node, int opset, const std::vector<FoldInput> &inputs, QString *problem)
{
    problem->clear();
    try {
        std::vector<TensorValue> outputs = evaluate(node, opset, inputs);
        for (const TensorValue &v : outputs) {
            if (!v.isConsistent()) {
                *problem = QStringLiteral("inconsistent folded result");
                return std::nullopt;
            }
        }
        return outputs;
    } catch (const TooLarge &) {
        return std::nullopt;
    } catch (const std::exception &e) { // FoldError, or shapes that do not broadcast
        *problem = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

} // namespace layerlens::core
