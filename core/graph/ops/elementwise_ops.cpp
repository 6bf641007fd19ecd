// Element-wise operators. FLOPs per output element, transcendental functions
// counting as one (the convention of fvcore and nn-Meter): a simple function 1,
// Clip 2 (min and max), Sigmoid 3 (exp, add, divide), HardSwish 4, and so on.
#include "graph/op_table.h"

namespace layerlens::core {

namespace {

// Variadic Sum/Max/Min: (n - 1) operations per output element; Mean one more.
CostFormula variadicCost(int64_t extra)
{
    return [extra](const OpView &view) -> std::optional<OpCost> {
        const auto n = view.outputElements(0);
        if (!n)
            return std::nullopt;
        return OpCost{0, *n * (std::max(view.inputCount() - 1, 0) + extra)};
    };
}

struct Unary
{
    const char *op;
    int64_t flops;
    std::set<int> configInputs;
};

} // namespace

void registerElementwiseOps(OpTable &table)
{
    const Unary activations[] = {
        {"Relu", 1, {}},
        {"LeakyRelu", 2, {}},
        {"PRelu", 2, {}},
        {"Elu", 3, {}},
        {"Selu", 4, {}},
        {"Celu", 3, {}},
        {"ThresholdedRelu", 1, {}},
        {"Sigmoid", 3, {}},
        {"HardSigmoid", 3, {}},
        {"HardSwish", 4, {}},
        {"Softplus", 3, {}},
        {"Softsign", 3, {}},
        {"Tanh", 1, {}},
        {"Erf", 1, {}},
        {"Clip", 2, {1, 2}},
        {"Shrink", 2, {}},
    };
    for (const Unary &u : activations) {
        table.add({QString(), QString::fromLatin1(u.op), OpCategory::Activation,
                   costs::perOutputElement(u.flops), u.configInputs});
    }
    const char *unary[] = {"Abs",  "Neg",   "Floor", "Ceil",      "Round", "Sign",  "Reciprocal",
                           "Sqrt", "Exp",   "Log",   "Sin",       "Cos",   "Tan",   "Asin",
                           "Acos", "Atan",  "Sinh",  "Cosh",      "Asinh", "Acosh", "Atanh",
                           "Not",  "IsNaN", "IsInf", "BitwiseNot"};
    for (const char *op : unary) {
        table.add({QString(),
                   QString::fromLatin1(op),
                   OpCategory::Elementwise,
                   costs::perOutputElement(1),
                   {}});
    }
    const char *binary[] = {"Add",
                            "Sub",
                            "Mul",
                            "Div",
                            "Pow",
                            "Mod",
                            "Equal",
                            "Less",
                            "Greater",
                            "LessOrEqual",
                            "GreaterOrEqual",
                            "And",
                            "Or",
                            "Xor",
                            "BitShift",
                            "BitwiseAnd",
                            "BitwiseOr",
                            "BitwiseXor"};
    for (const char *op : binary) {
        table.add({QString(),
                   QString::fromLatin1(op),
                   OpCategory::Elementwise,
                   costs::perOutputElement(1),
                   {}});
    }
    table.add({QString(),
               QStringLiteral("Where"),
               OpCategory::Elementwise,
               costs::perOutputElement(1),
               {0}});
    table.add({QString(), QStringLiteral("Sum"), OpCategory::Elementwise, variadicCost(0), {}});
    table.add({QString(), QStringLiteral("Max"), OpCategory::Elementwise, variadicCost(0), {}});
    table.add({QString(), QStringLiteral("Min"), OpCategory::Elementwise, variadicCost(0), {}});
    table.add({QString(), QStringLiteral("Mean"), OpCategory::Elementwise, variadicCost(1), {}});
}

} // namespace layerlens::core
