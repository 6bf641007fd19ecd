// Reductions. FLOPs per input element (plus per output element where noted):
//   Sum, Max, Min, Prod, ArgMax, ArgMin                1
//   Mean                                               1, + 1 per output
//   L1 (abs, add), SumSquare (mul, add)                2
//   L2 (mul, add), + sqrt per output                   2, + 1 per output
//   LogSum (add), + log per output                     1, + 1 per output
//   LogSumExp (exp, add), + log per output             2, + 1 per output
//   CumSum                                             1
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

CostFormula reductionCost(int64_t perInput, int64_t perOutput)
{
    return [perInput, perOutput](const OpView &view) -> std::optional<OpCost> {
        const auto in = view.inputElements(0);
        const auto out = view.outputElements(0);
        if (!in || !out)
            return std::nullopt;
        return OpCost{0, *in * perInput + *out * perOutput};
    };
}

} // namespace

void registerReductionOps(OpTable &table)
{
    struct Reduction
    {
        const char *op;
        int64_t perInput;
        int64_t perOutput;
    };
    const Reduction reductions[] = {
        {"ReduceSum", 1, 0},       {"ReduceMax", 1, 0},       {"ReduceMin", 1, 0},
        {"ReduceProd", 1, 0},      {"ReduceMean", 1, 1},      {"ReduceL1", 2, 0},
        {"ReduceL2", 2, 1},        {"ReduceSumSquare", 2, 0}, {"ReduceLogSum", 1, 1},
        {"ReduceLogSumExp", 2, 1}, {"ArgMax", 1, 0},          {"ArgMin", 1, 0},
        {"CumSum", 1, 0},
    };
    for (const Reduction &r : reductions) {
        // Axes given as an input (ReduceSum from opset 13, CumSum) configure.
        table.add({QString(),
                   QString::fromLatin1(r.op),
                   OpCategory::Reduction,
                   reductionCost(r.perInput, r.perOutput),
                   {1}});
    }
}

} // namespace layerlens::core
