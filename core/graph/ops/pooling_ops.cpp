// Pooling: one operation (compare or add) per kernel tap per output element.
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

std::optional<OpCost> windowPoolCost(const OpView &view)
{
    const auto outputs = view.outputElements(0);
    const auto kernel = view.node().attrInts(QStringLiteral("kernel_shape"));
    if (!outputs || !kernel)
        return std::nullopt;
    int64_t taps = 1;
    for (int64_t k : *kernel)
        taps *= k;
    return OpCost{0, *outputs * taps};
}

} // namespace

void registerPoolingOps(OpTable &table)
{
    for (const char *op : {"MaxPool", "AveragePool", "LpPool"}) {
        table.add({QString(), QString::fromLatin1(op), OpCategory::Pooling, windowPoolCost, {}});
    }
    for (const char *op : {"GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"}) {
        table.add({QString(),
                   QString::fromLatin1(op),
                   OpCategory::Pooling,
                   costs::perInputElement(1),
                   {}});
    }
}

} // namespace layerlens::core
