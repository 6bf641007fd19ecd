// Normalizations and softmax. FLOPs per element, transcendental functions
// (exp, log, rsqrt) counting as one:
//   BatchNormalization (inference): scale and shift                   2
//   InstanceNormalization / LayerNormalization / MeanVarianceNormalization:
//     mean 1, centre 1, square 1, variance sum 1, normalize 1, scale 1, shift 1   7
//   LRN: size squares and adds per element, then scale, add, pow      2*size + 3
//   Softmax / LogSoftmax: max, subtract, exp, sum, divide (or log)    5
//   Hardmax: one compare per element                                   1
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

std::optional<OpCost> lrnCost(const OpView &view)
{
    const auto n = view.outputElements(0);
    if (!n)
        return std::nullopt;
    const int64_t size = view.node().attrInt(QStringLiteral("size"), 1);
    return OpCost{0, *n * (2 * size + 3)};
}

} // namespace

void registerNormalizationOps(OpTable &table)
{
    const QString onnx;
    table.add({onnx,
               QStringLiteral("BatchNormalization"),
               OpCategory::Normalization,
               costs::perOutputElement(2),
               {}});
    table.add({onnx,
               QStringLiteral("InstanceNormalization"),
               OpCategory::Normalization,
               costs::perOutputElement(7),
               {}});
    table.add({onnx,
               QStringLiteral("LayerNormalization"),
               OpCategory::Normalization,
               costs::perOutputElement(7),
               {}});
    table.add({onnx,
               QStringLiteral("MeanVarianceNormalization"),
               OpCategory::Normalization,
               costs::perOutputElement(7),
               {}});
    table.add({onnx, QStringLiteral("LRN"), OpCategory::Normalization, lrnCost, {}});
    table.add({onnx,
               QStringLiteral("Softmax"),
               OpCategory::Normalization,
               costs::perOutputElement(5),
               {}});
    table.add({onnx,
               QStringLiteral("LogSoftmax"),
               OpCategory::Normalization,
               costs::perOutputElement(5),
               {}});
    table.add({onnx,
               QStringLiteral("Hardmax"),
               OpCategory::Normalization,
               costs::perOutputElement(1),
               {}});
}

} // namespace layerlens::core
