// Indexing operators: Slice, Gather, GatherElements, ScatterND,
// ScatterElements, Pad, Resize, TopK, NonZero, OneHot.
#include "runtime/aten_convert.h"
#include "runtime/kernel_table.h"

#include <limits>

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;
using Dims = std::vector<int64_t>;

// ONNX Slice: positive steps as strided views of the input, copied once at
// the end (an index_select per axis gathered element by element: ViT-B/16's
// 36 attention slices took 21 of its 420 ms); negative steps through
// index_select.
Tensors slice(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    Dims starts, ends, axes, steps;
    if (c.opset < 10) {
        starts = c.attrInts("starts").value_or(Dims{});
        ends = c.attrInts("ends").value_or(Dims{});
        axes = c.attrInts("axes").value_or(Dims{});
    } else {
        starts = toInt64s(c.in(1));
        ends = toInt64s(c.in(2));
        if (c.has(3))
            axes = toInt64s(c.in(3));
        if (c.has(4))
            steps = toInt64s(c.in(4));
    }
    if (axes.empty()) {
        for (size_t i = 0; i < starts.size(); ++i)
            axes.push_back(static_cast<int64_t>(i));
    }
    if (steps.empty())
        steps.assign(starts.size(), 1);
    TORCH_CHECK(ends.size() == starts.size() && axes.size() == starts.size() &&
                    steps.size() == starts.size(),
                "Slice parameters differ in length");
    at::Tensor y = x;
    for (size_t k = 0; k < starts.size(); ++k) {
        const int64_t axis = kernels::axis(axes[k], x.dim());
        const int64_t dim = x.size(axis), s = steps[k];
        TORCH_CHECK(s != 0, "Slice step is zero");
        int64_t b = starts[k] < 0 ? starts[k] + dim : starts[k];
        int64_t e = ends[k] < 0 ? ends[k] + dim : ends[k];
        if (s > 0) {
            b = std::clamp<int64_t>(b, 0, dim);
            e = std::clamp<int64_t>(e, 0, dim);
        } else {
            b = std::clamp<int64_t>(b, 0, dim - 1);
            e = std::clamp<int64_t>(e, -1, dim - 1);
        }
        if (s > 0)
            y = y.slice(axis, b, std::max(b, e), s);
        else
            y = y.index_select(axis, at::arange(b, e, s, at::kLong));
    }
    // In the input's memory order: a channel slice of a channels-last
    // activation stays channels-last for the convolution that reads it.
    return {y.contiguous(x.suggest_memory_format())};
}

at::Tensor wrapIndices(const at::Tensor &indices, int64_t dim)
{
    const at::Tensor i = indices.to(at::kLong);
    return at::where(i < 0, i + dim, i);
}

Tensors gather(const KernelContext &c)
{
    const at::Tensor &data = c.in(0);
    const int64_t axis = kernels::axis(c.attrInt("axis", 0), data.dim());
    const at::Tensor idx = wrapIndices(c.in(1), data.size(axis));
    Dims shape(data.sizes().begin(), data.sizes().begin() + axis);
    shape.insert(shape.end(), idx.sizes().begin(), idx.sizes().end());
    shape.insert(shape.end(), data.sizes().begin() + axis + 1, data.sizes().end());
    return {data.index_select(axis, idx.reshape({-1})).reshape(shape)};
}

Tensors gatherElements(const KernelContext &c)
{
    const at::Tensor &data = c.in(0);
    const int64_t axis = kernels::axis(c.attrInt("axis", 0), data.dim());
    return {at::gather(data, axis, wrapIndices(c.in(1), data.size(axis)))};
}

// ONNX's scatter reductions by ATen's names; none replaces.
const char *atenReduction(const QString &reduction)
{
    if (reduction == QLatin1String("add"))
        return "sum";
    if (reduction == QLatin1String("mul"))
        return "prod";
    if (reduction == QLatin1String("max"))
        return "amax";
    if (reduction == QLatin1String("min"))
        return "amin";
    return nullptr;
}

QString scatterCheck(const Graph &, const Node &node, int)
{
    const QString reduction = node.attrString(QStringLiteral("reduction"), QStringLiteral("none"));
    if (reduction != QLatin1String("none") && !atenReduction(reduction))
        return QStringLiteral("unknown reduction '%1'").arg(reduction);
    return QString();
}

// ScatterND: the data's leading axes flattened into rows, each index tuple
// turned into a row number, and the updates' rows put (or reduced) there.
Tensors scatterNd(const KernelContext &c)
{
    const at::Tensor &data = c.in(0);
    const at::Tensor indices = c.in(1).to(at::kLong);
    TORCH_CHECK(indices.dim() >= 1, "ScatterND indices are a scalar");
    const int64_t depth = indices.size(-1);
    TORCH_CHECK(depth >= 1 && depth <= data.dim(),
                "ScatterND index tuples are longer than the data's rank");
    at::Tensor rows = at::zeros(indices.sizes().slice(0, indices.dim() - 1), at::kLong);
    for (int64_t k = 0; k < depth; ++k) {
        const at::Tensor i = wrapIndices(indices.select(-1, k), data.size(k));
        TORCH_CHECK(i.numel() == 0 ||
                        (i.min().item<int64_t>() >= 0 && i.max().item<int64_t>() < data.size(k)),
                    "ScatterND index out of range on axis ", k);
        rows = rows * data.size(k) + i;
    }
    Dims shape{-1};
    shape.insert(shape.end(), data.sizes().begin() + depth, data.sizes().end());
    at::Tensor out = data.contiguous().clone();
    at::Tensor view = out.view(shape);
    const at::Tensor flat = rows.reshape({-1});
    const at::Tensor updates = c.in(2).to(data.scalar_type()).reshape(shape);
    const QString reduction = c.attrString("reduction", QStringLiteral("none"));
    if (reduction == QLatin1String("none") || reduction == QLatin1String("add"))
        view.index_put_({flat}, updates, reduction == QLatin1String("add"));
    else
        view.index_reduce_(0, flat, updates, atenReduction(reduction), true);
    return {out};
}

Tensors scatterElements(const KernelContext &c)
{
    const at::Tensor &data = c.in(0);
    const int64_t axis = kernels::axis(c.attrInt("axis", 0), data.dim());
    const at::Tensor index = wrapIndices(c.in(1), data.size(axis));
    const at::Tensor updates = c.in(2).to(data.scalar_type());
    const QString reduction = c.attrString("reduction", QStringLiteral("none"));
    if (reduction == QLatin1String("none"))
        return {at::scatter(data, axis, index, updates)};
    return {at::scatter_reduce(data, axis, index, updates, atenReduction(reduction), true)};
}

Tensors pad(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    Dims pads;
    double value = 0.0;
    if (c.opset < 11) {
        pads = c.attrInts("pads").value_or(Dims{});
        value = c.attrFloat("value", 0.0);
    } else {
        pads = toInt64s(c.in(1));
        if (c.has(2))
            value = c.in(2).item<double>();
    }
    const int64_t rank = x.dim();
    TORCH_CHECK(static_cast<int64_t>(pads.size()) == 2 * rank, "pads has the wrong length");
    std::vector<int64_t> torchPads; // last dim first
    int64_t firstPadded = rank;
    for (int64_t d = rank - 1; d >= 0; --d) {
        torchPads.push_back(pads[d]);
        torchPads.push_back(pads[d + rank]);
        if (pads[d] != 0 || pads[d + rank] != 0)
            firstPadded = d;
    }
    const QString mode = c.attrString("mode", QStringLiteral("constant"));
    if (mode == QLatin1String("constant"))
        return {at::constant_pad_nd(x, torchPads, value)};
    // reflect / edge: LibTorch pads at most the last three dims of a batched tensor.
    const int64_t padded = rank - firstPadded;
    TORCH_CHECK(padded <= 3 && firstPadded >= 1, "reflect/edge padding of leading dims");
    torchPads.resize(2 * std::max<int64_t>(padded, 1));
    const char *torchMode = mode == QLatin1String("reflect") ? "reflect" : "replicate";
    // LibTorch implements these modes for floating types; integers go through double exactly.
    if (!at::isFloatingType(x.scalar_type()))
        return {at::pad(x.to(at::kDouble), torchPads, torchMode).to(x.scalar_type())};
    return {at::pad(x, torchPads, torchMode)};
}

// Resize with constant scales or sizes: nearest (asymmetric, floor) and
// (bi/tri)linear (half_pixel, pytorch_half_pixel or align_corners).
Tensors resize(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t spatial = x.dim() - 2;
    std::vector<c10::optional<double>> scales(spatial);
    Dims sizes(spatial);
    if (c.has(3) && c.in(3).numel() > 0) {
        const Dims all = toInt64s(c.in(3));
        for (int64_t i = 0; i < spatial; ++i)
            sizes[i] = all[i + 2];
    } else {
        const at::Tensor s = c.in(2).to(at::kDouble);
        for (int64_t i = 0; i < spatial; ++i) {
            const double scale = s[i + 2].item<double>();
            scales[i] = scale;
            sizes[i] = static_cast<int64_t>(std::floor(x.size(i + 2) * scale));
        }
    }
    const QString mode = c.attrString("mode", QStringLiteral("nearest"));
    if (mode == QLatin1String("nearest")) {
        switch (spatial) {
        case 1:
            return {at::upsample_nearest1d(x, sizes, scales[0])};
        case 2:
            return {at::upsample_nearest2d(x, sizes, scales[0], scales[1])};
        default:
            return {at::upsample_nearest3d(x, sizes, scales[0], scales[1], scales[2])};
        }
    }
    const bool corners =
        c.attrString("coordinate_transformation_mode") == QLatin1String("align_corners");
    switch (spatial) {
    case 1:
        return {at::upsample_linear1d(x, sizes, corners, scales[0])};
    case 2:
        return {at::upsample_bilinear2d(x, sizes, corners, scales[0], scales[1])};
    default:
        return {at::upsample_trilinear3d(x, sizes, corners, scales[0], scales[1], scales[2])};
    }
}

QString resizeCheck(const Graph &graph, const Node &node, int opset)
{
    if (opset < 11)
        return QStringLiteral("Resize before opset 11 is not supported");
    const QString mode = node.attrString(QStringLiteral("mode"), QStringLiteral("nearest"));
    const QString ctm = node.attrString(QStringLiteral("coordinate_transformation_mode"),
                                        QStringLiteral("half_pixel"));
    const QString nearest =
        node.attrString(QStringLiteral("nearest_mode"), QStringLiteral("round_prefer_floor"));
    const bool nearestOk = mode == QLatin1String("nearest") && ctm == QLatin1String("asymmetric") &&
                           nearest == QLatin1String("floor");
    const bool linearOk =
        mode == QLatin1String("linear") &&
        (ctm == QLatin1String("half_pixel") || ctm == QLatin1String("align_corners"));
    if (!nearestOk && !linearOk) {
        return QStringLiteral("Resize mode %1 with %2 coordinates (nearest_mode %3) is not "
                              "supported")
            .arg(mode, ctm, nearest);
    }
    if (node.attrInt(QStringLiteral("antialias"), 0) != 0)
        return QStringLiteral("antialiased Resize is not supported");
    // Scales or sizes must be constants that keep batch and channels.
    const int source = node.inputs.size() > 3 && node.inputs[3] >= 0 ? 3 : 2;
    if (static_cast<int>(node.inputs.size()) <= source || node.inputs[source] < 0)
        return QStringLiteral("Resize without scales or sizes");
    const Tensor &given = graph.tensors[node.inputs[source]];
    const Tensor &x = graph.tensors[node.inputs[0]];
    if (!given.value || !x.shape.isConcrete() || x.shape.dims.size() < 3 || x.shape.dims.size() > 5)
        return QStringLiteral("Resize needs constant scales or sizes on a 3-D to 5-D input");
    for (int i = 0; i < 2; ++i) {
        const bool kept =
            source == 2 ? given.value->real(i) == 1.0 : given.value->integer(i) == x.shape.dims[i];
        if (!kept)
            return QStringLiteral("Resize of the batch or channel dimension is not supported");
    }
    return QString();
}

Tensors topK(const KernelContext &c)
{
    const at::Tensor &x = c.in(0);
    const int64_t k = c.opset >= 10 ? toInt64s(c.in(1)).at(0) : c.attrInt("k", 1);
    const int64_t axis = kernels::axis(c.attrInt("axis", -1), x.dim());
    const auto [values, indices] =
        at::topk(x, k, axis, c.attrInt("largest", 1) != 0, c.attrInt("sorted", 1) != 0);
    return {values, indices};
}

Tensors oneHot(const KernelContext &c)
{
    const at::Tensor &indices = c.in(0);
    const int64_t depth = static_cast<int64_t>(c.in(1).to(at::kDouble).item<double>());
    const at::Tensor values = c.in(2);
    at::Tensor idx = indices.to(at::kLong);
    idx = at::where(idx < 0, idx + depth, idx);
    const at::Tensor valid = (idx >= 0) & (idx < depth);
    at::Tensor hot =
        at::one_hot(at::where(valid, idx, at::zeros_like(idx)), depth) * valid.unsqueeze(-1);
    const int64_t rank = indices.dim() + 1;
    const int64_t axis = kernels::axis(c.attrInt("axis", -1), rank);
    hot = hot.movedim(rank - 1, axis);
    const at::Tensor off = values[0], on = values[1];
    return {at::where(hot.to(at::kBool), on, off)};
}

} // namespace

void registerIndexKernels(KernelTable &table)
{
    table.add({QStringLiteral("Slice"), slice, {}});
    table.add({QStringLiteral("Gather"), gather, {}});
    table.add({QStringLiteral("GatherElements"), gatherElements, {}});
    table.add({QStringLiteral("ScatterND"), scatterNd, scatterCheck});
    table.add({QStringLiteral("ScatterElements"), scatterElements, scatterCheck});
    table.add({QStringLiteral("Pad"), pad, {}});
    table.add({QStringLiteral("Resize"), resize, resizeCheck});
    table.add({QStringLiteral("TopK"), topK, {}});
    table.add(
        {QStringLiteral("NonZero"),
         [](const KernelContext &c) -> Tensors { return {at::nonzero(c.in(0)).t().contiguous()}; },
         {}});
    table.add({QStringLiteral("OneHot"), oneHot, {}});
}

} // namespace layerlens::core
