// Shape and layout operators: Reshape, Flatten, Squeeze, Unsqueeze, Transpose,
// Concat, Split, Expand, Tile, Cast, Shape, Size, ConstantOfShape, Range,
// DepthToSpace, SpaceToDepth, Trilu.
#include "runtime/aten_convert.h"
#include "runtime/kernel_table.h"

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;
using Dims = std::vector<int64_t>;

Dims sizesOf(const at::Tensor &x)
{
    return Dims(x.sizes().begin(), x.sizes().end());
}

Tensors reshape(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    Dims shape = toInt64s(c.in(1));
    const bool allowZero = c.opset >= 14 && c.attrInt("allowzero", 0) != 0;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 0 && !allowZero) {
            TORCH_CHECK(static_cast<int64_t>(i) < x.dim(), "Reshape copies a missing dimension");
            shape[i] = x.size(static_cast<int64_t>(i));
        }
    }
    return {x.reshape(shape)};
}

Tensors flatten(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    int64_t axis = c.attrInt("axis", 1);
    if (axis < 0)
        axis += x.dim();
    int64_t outer = 1;
    for (int64_t d = 0; d < axis; ++d)
        outer *= x.size(d);
    return {x.reshape({outer, outer == 0 ? 0 : x.numel() / outer})};
}

Dims axesOf(const KernelContext &c, size_t input, bool fromInput)
{
    if (fromInput)
        return c.has(input) ? toInt64s(c.in(input)) : Dims{};
    return c.attrInts("axes").value_or(Dims{});
}

Tensors squeeze(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const Dims axes = axesOf(c, 1, c.opset >= 13);
    if (axes.empty())
        return {x.squeeze()};
    std::vector<bool> drop(x.dim(), false);
    for (int64_t a : axes)
        drop[kernels::axis(a, x.dim())] = true;
    Dims shape;
    for (int64_t d = 0; d < x.dim(); ++d) {
        if (!drop[d])
            shape.push_back(x.size(d));
        else
            TORCH_CHECK(x.size(d) == 1, "Squeeze of a dimension that is not 1");
    }
    return {x.reshape(shape)};
}

Tensors unsqueeze(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const Dims axes = axesOf(c, 1, c.opset >= 13);
    const int64_t rank = x.dim() + static_cast<int64_t>(axes.size());
    std::vector<bool> added(rank, false);
    for (int64_t a : axes)
        added[kernels::axis(a, rank)] = true;
    Dims shape;
    int64_t next = 0;
    for (int64_t d = 0; d < rank; ++d)
        shape.push_back(added[d] ? 1 : x.size(next++));
    return {x.reshape(shape)};
}

Tensors transpose(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    Dims perm = c.attrInts("perm").value_or(Dims{});
    if (perm.empty()) {
        for (int64_t d = x.dim() - 1; d >= 0; --d)
            perm.push_back(d);
    }
    return {x.permute(perm).contiguous()};
}

Tensors split(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t axis = kernels::axis(c.attrInt("axis", 0), x.dim());
    Dims sizes = c.opset >= 13 ? (c.has(1) ? toInt64s(c.in(1)) : Dims{})
                               : c.attrInts("split").value_or(Dims{});
    const int64_t parts = static_cast<int64_t>(c.node.outputs.size());
    if (sizes.empty()) {
        TORCH_CHECK(x.size(axis) % parts == 0, "Split cannot divide the axis evenly");
        sizes.assign(parts, x.size(axis) / parts);
    }
    Tensors out;
    for (const at::Tensor &t : at::split_with_sizes(x, sizes, axis))
        out.push_back(t.contiguous(x.suggest_memory_format())); // as Slice
    return out;
}

Tensors expand(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const Dims shape = toInt64s(c.in(1));
    // Bidirectional broadcast of x's dims with shape.
    const size_t rank = std::max<size_t>(x.dim(), shape.size());
    Dims out(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const int64_t a =
            i < rank - x.dim() ? 1 : x.size(static_cast<int64_t>(i - (rank - x.dim())));
        const int64_t b = i < rank - shape.size() ? 1 : shape[i - (rank - shape.size())];
        TORCH_CHECK(a == b || a == 1 || b == 1, "Expand shapes do not broadcast");
        out[i] = a == 1 ? b : a;
    }
    return {x.expand(out).contiguous()};
}

Tensors cast(const KernelContext &c)
{
    const auto type = scalarTypeOf(static_cast<ElementType>(c.attrInt("to", 0)));
    TORCH_CHECK(type, "Cast to a type LibTorch lacks");
    return {c.in(0).to(*type)};
}

QString castCheck(const Graph &graph, const Node &node, int)
{
    const auto to = static_cast<ElementType>(node.attrInt(QStringLiteral("to"), 0));
    if (!scalarTypeOf(to))
        return QStringLiteral("Cast to %1, which LibTorch lacks").arg(elementTypeName(to));
    return QString();
}

Tensors shape(const KernelContext &c)
{
    const Dims dims = sizesOf(c.in(0));
    const int64_t rank = static_cast<int64_t>(dims.size());
    int64_t start = c.opset >= 15 ? c.attrInt("start", 0) : 0;
    int64_t end = c.opset >= 15 ? c.attrInt("end", rank) : rank;
    start = std::clamp<int64_t>(start < 0 ? start + rank : start, 0, rank);
    end = std::clamp<int64_t>(end < 0 ? end + rank : end, 0, rank);
    const Dims part(dims.begin() + start, dims.begin() + std::max(start, end));
    return {at::tensor(at::ArrayRef<int64_t>(part), at::kLong)};
}

Tensors constantOfShape(const KernelContext &c)
{
    const Dims dims = toInt64s(c.in(0));
    const Attribute *value = c.node.attribute(QStringLiteral("value"));
    if (!value || !value->tensor)
        return {at::zeros(dims, at::kFloat)};
    const at::Tensor fill = tensorFromValue(*value->tensor);
    return {at::full(dims, fill.reshape({}).item(), fill.options())};
}

Tensors range(const KernelContext &c)
{
    const at::Tensor &start = c.in(0);
    return {at::arange(start.item(), c.in(1).item(), c.in(2).item(), start.options())};
}

Tensors depthToSpace(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t b = c.attrInt("blocksize", 1);
    const int64_t n = x.size(0), ch = x.size(1), h = x.size(2), w = x.size(3);
    const bool crd = c.attrString("mode", QStringLiteral("DCR")) == QLatin1String("CRD");
    const at::Tensor t = crd ? x.reshape({n, ch / (b * b), b, b, h, w}).permute({0, 1, 4, 2, 5, 3})
                             : x.reshape({n, b, b, ch / (b * b), h, w}).permute({0, 3, 4, 1, 5, 2});
    return {t.reshape({n, ch / (b * b), h * b, w * b}).contiguous()};
}

Tensors spaceToDepth(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t b = c.attrInt("blocksize", 1);
    const int64_t n = x.size(0), ch = x.size(1), h = x.size(2), w = x.size(3);
    return {x.reshape({n, ch, h / b, b, w / b, b})
                .permute({0, 3, 5, 1, 2, 4})
                .reshape({n, ch * b * b, h / b, w / b})
                .contiguous()};
}

} // namespace

void registerTensorKernels(KernelTable &table)
{
    auto add = [&table](const char *op, KernelFn run, KernelCheck check = {}) {
        table.add({QString::fromLatin1(op), std::move(run), std::move(check)});
    };
    add("Reshape", reshape);
    add("Flatten", flatten);
    add("Squeeze", squeeze);
    add("Unsqueeze", unsqueeze);
    add("Transpose", transpose);
    add("Concat", [](const KernelContext &c) -> Tensors {
        return {at::cat(c.inputs, kernels::axis(c.attrInt("axis", 0), c.in(0).dim()))};
    });
    add("Split", split);
    add("Expand", expand);
    add("Tile",
        [](const KernelContext &c) -> Tensors { return {c.in(0).repeat(toInt64s(c.in(1)))}; });
    add("Cast", cast, castCheck);
    add("CastLike",
        [](const KernelContext &c) -> Tensors { return {c.in(0).to(c.in(1).scalar_type())}; });
    add("Shape", shape);
    add("Size", [](const KernelContext &c) -> Tensors {
        return {at::scalar_tensor(c.in(0).numel(), at::kLong)};
    });
    add("ConstantOfShape", constantOfShape);
    add("Range", range);
    add("DepthToSpace", depthToSpace);
    add("SpaceToDepth", spaceToDepth);
    add("Trilu", [](const KernelContext &c) -> Tensors {
        const int64_t k = c.has(1) ? toInt64s(c.in(1)).at(0) : 0;
        return {c.attrInt("upper", 1) ? at::triu(c.in(0), k) : at::tril(c.in(0), k)};
    });
}

} // namespace layerlens::core
