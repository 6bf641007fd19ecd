// Operators that move or reshape data and compute no arithmetic (their cost
// is in the bytes they read and write, which the analysis reports), and
// Resize, whose interpolation does arithmetic:
//   nearest: none; linear: 3 FLOPs per lerp, (2^r - 1) lerps per output
//   element; cubic: 4^r taps of multiply-add per output element, where r is
//   the number of axes whose size changes.
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

std::optional<OpCost> resizeCost(const OpView &view)
{
    const auto *in = view.inputDims(0);
    const auto *out = view.outputDims(0);
    const auto n = view.outputElements(0);
    if (!in || !out || !n || in->size() != out->size())
        return std::nullopt;
    int64_t resized = 0;
    for (size_t i = 0; i < in->size(); ++i)
        resized += (*in)[i] != (*out)[i] ? 1 : 0;
    const QString mode = view.node().attrString(QStringLiteral("mode"), QStringLiteral("nearest"));
    if (mode == QLatin1String("linear") || mode == QLatin1String("bilinear"))
        return OpCost{0, *n * 3 * ((int64_t(1) << resized) - 1)};
    if (mode == QLatin1String("cubic") || mode == QLatin1String("bicubic"))
        return OpCost{0, *n * 2 * (int64_t(1) << (2 * resized))};
    return OpCost{};
}

} // namespace

void registerTensorOps(OpTable &table)
{
    struct Movement
    {
        const char *op;
        std::set<int> configInputs;
    };
    const Movement movements[] = {
        {"Identity", {}},
        {"Dropout", {1, 2}},
        {"Reshape", {1}},
        {"Flatten", {}},
        {"Squeeze", {1}},
        {"Unsqueeze", {1}},
        {"Transpose", {}},
        {"Concat", {}},
        {"Split", {1}},
        {"Slice", {1, 2, 3, 4}},
        {"Gather", {1}},
        {"GatherElements", {1}},
        {"GatherND", {1}},
        {"Pad", {1, 2, 3}},
        {"Expand", {1}},
        {"Tile", {1}},
        {"Cast", {}},
        {"CastLike", {1}},
        {"Shape", {}},
        {"Size", {}},
        {"Constant", {}},
        {"ConstantOfShape", {0}},
        {"DepthToSpace", {}},
        {"SpaceToDepth", {}},
        {"ScatterND", {1}},
        {"ScatterElements", {1}},
        {"Range", {0, 1, 2}},
        {"Trilu", {1}},
        {"EyeLike", {}},
        {"OneHot", {0, 1, 2}},
        {"ReverseSequence", {1}},
    };
    for (const Movement &m : movements) {
        table.add({QString(), QString::fromLatin1(m.op), OpCategory::DataMovement, costs::none,
                   m.configInputs});
    }
    table.add(
        {QString(), QStringLiteral("Resize"), OpCategory::DataMovement, resizeCost, {1, 2, 3}});
    table.add({QString(), QStringLiteral("Upsample"), OpCategory::DataMovement, resizeCost, {1}});
}

} // namespace layerlens::core
