// Convolutions. MACs count every multiply of a kernel tap, including taps that
// fall on padding, as every dense implementation performs them.
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

int64_t product(const std::vector<int64_t> &dims, size_t from)
{
    int64_t n = 1;
    for (size_t i = from; i < dims.size(); ++i)
        n *= dims[i];
    return n;
}

// Conv: each output element takes (C/group) x kernel MACs, i.e. W's dims past
// the first. weight and bias are the input indices of W and B.
CostFormula convCost(int weight, int bias)
{
    return [weight, bias](const OpView &view) -> std::optional<OpCost> {
        const auto outputs = view.outputElements(0);
        const auto *w = view.inputDims(weight);
        if (!outputs || !w || w->size() < 2)
            return std::nullopt;
        const int64_t macs = *outputs * product(*w, 1);
        return OpCost{macs, 2 * macs + (view.hasInput(bias) ? *outputs : 0)};
    };
}

// ConvTranspose: each input element scatters into (M/group) x kernel outputs.
std::optional<OpCost> convTransposeCost(const OpView &view)
{
    const auto inputs = view.inputElements(0);
    const auto outputs = view.outputElements(0);
    const auto *w = view.inputDims(1);
    if (!inputs || !outputs || !w || w->size() < 2)
        return std::nullopt;
    const int64_t macs = *inputs * product(*w, 1);
    return OpCost{macs, 2 * macs + (view.hasInput(2) ? *outputs : 0)};
}

} // namespace

void registerConvolutionOps(OpTable &table)
{
    table.add({QString(), QStringLiteral("Conv"), OpCategory::Convolution, convCost(1, 2), {}});
    table.add({QString(),
               QStringLiteral("ConvTranspose"),
               OpCategory::Convolution,
               convTransposeCost,
               {}});
    // Integer and quantized forms: zero points and scales configure, not weigh.
    table.add({QString(),
               QStringLiteral("ConvInteger"),
               OpCategory::Convolution,
               convCost(1, -1),
               {2, 3}});
    table.add({QString(),
               QStringLiteral("QLinearConv"),
               OpCategory::Convolution,
               convCost(3, 8),
               {1, 2, 4, 5, 6, 7}});
}

} // namespace layerlens::core
