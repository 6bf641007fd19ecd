// Matrix products. alpha/beta scaling in Gemm is not counted (it folds into
// the product in every implementation LayerLens targets).
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

// MatMul with numpy semantics: every output element is a K-long dot product.
CostFormula matMulCost(int a)
{
    return [a](const OpView &view) -> std::optional<OpCost> {
        const auto outputs = view.outputElements(0);
        const auto *dims = view.inputDims(a);
        if (!outputs || !dims || dims->empty())
            return std::nullopt;
        const int64_t macs = *outputs * dims->back();
        return OpCost{macs, 2 * macs};
    };
}

std::optional<OpCost> gemmCost(const OpView &view)
{
    const auto *a = view.inputDims(0);
    const auto outputs = view.outputElements(0);
    if (!a || a->size() != 2 || !outputs)
        return std::nullopt;
    const bool transA = view.node().attrInt(QStringLiteral("transA"), 0) != 0;
    const int64_t k = transA ? (*a)[0] : (*a)[1];
    const int64_t macs = *outputs * k;
    return OpCost{macs, 2 * macs + (view.hasInput(2) ? *outputs : 0)};
}

} // namespace

void registerMatMulOps(OpTable &table)
{
    table.add({QString(), QStringLiteral("Gemm"), OpCategory::MatMul, gemmCost, {}});
    table.add({QString(), QStringLiteral("MatMul"), OpCategory::MatMul, matMulCost(0), {}});
    table.add(
        {QString(), QStringLiteral("MatMulInteger"), OpCategory::MatMul, matMulCost(0), {2, 3}});
    table.add({QString(),
               QStringLiteral("QLinearMatMul"),
               OpCategory::MatMul,
               matMulCost(0),
               {1, 2, 4, 5, 6, 7}});
}

} // namespace layerlens::core
