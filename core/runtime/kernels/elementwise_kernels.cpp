// Element-wise operators on ATen, following the ONNX operator definitions.
#include "runtime/kernel_table.h"

#include <cmath>
#include <limits>

namespace layerlens::core {

namespace {

using Tensors = std::vector<at::Tensor>;

KernelFn unary(std::function<at::Tensor(const at::Tensor &, const KernelContext &)> f)
{
    return [f](const KernelContext &c) -> Tensors {
        return {f(c.in(0), c)};
    };
}

KernelFn unary(std::function<at::Tensor(const at::Tensor &)> f)
{
    return [f](const KernelContext &c) -> Tensors {
        return {f(c.in(0))};
    };
}

KernelFn binary(std::function<at::Tensor(const at::Tensor &, const at::Tensor &)> f)
{
    return [f](const KernelContext &c) -> Tensors {
        return {f(c.in(0), c.in(1))};
    };
}

// Variadic Max/Min/Sum/Mean: folds the inputs pairwise with broadcasting.
KernelFn variadic(std::function<at::Tensor(const at::Tensor &, const at::Tensor &)> f,
                  bool mean = false)
{
    return [f, mean](const KernelContext &c) -> Tensors {
        at::Tensor acc = c.in(0);
        for (size_t i = 1; i < c.inputs.size(); ++i)
            acc = f(acc, c.in(i));
        if (mean)
            acc = acc / static_cast<double>(c.inputs.size());
        return {acc};
    };
}

// Keeps a result in the type of the first input (ONNX arithmetic does not promote).
at::Tensor like(const at::Tensor &result, const at::Tensor &first)
{
    return result.scalar_type() == first.scalar_type() ? result : result.to(first.scalar_type());
}

at::Tensor onnxDivide(const at::Tensor &a, const at::Tensor &b)
{
    if (at::isIntegralType(a.scalar_type(), /*includeBool=*/false))
        return at::div(a, b, "trunc");
    return at::div(a, b);
}

at::Tensor clip(const at::Tensor &x, const KernelContext &c)
{
    if (c.opset < 11) {
        return at::clamp(x, c.attrFloat("min", -std::numeric_limits<double>::infinity()),
                         c.attrFloat("max", std::numeric_limits<double>::infinity()));
    }
    at::Tensor y = x;
    if (c.has(1))
        y = at::maximum(y, c.in(1).to(x.scalar_type()));
    if (c.has(2))
        y = at::minimum(y, c.in(2).to(x.scalar_type()));
    return y.clone();
}

at::Tensor selu(const at::Tensor &x, const KernelContext &c)
{
    const double alpha = c.attrFloat("alpha", 1.67326319217681884765625);
    const double gamma = c.attrFloat("gamma", 1.05070102214813232421875);
    return gamma * at::where(x > 0, x, alpha * (at::exp(x) - 1));
}

// One output buffer, updated in place (alpha * x + beta, then clamped, made
// two full-size temporaries: 8% of MobileNetV3-L's time went to them).
at::Tensor hardSigmoid(const at::Tensor &x, double alpha, double beta)
{
    at::Tensor y = x * alpha;
    y.add_(beta).clamp_(0.0, 1.0);
    return y;
}

QString dropoutCheck(const Graph &graph, const Node &node, int opset)
{
    // Inference only: a training_mode input must be a constant false, or the
    // ratio a constant zero (Swin-T's attention dropout, exported by
    // torchvision with training left on and p = 0), where training mode
    // drops nothing and scales by one.
    auto constant = [&](size_t input, double *v) {
        if (node.inputs.size() <= input || node.inputs[input] < 0)
            return false;
        const Tensor &t = graph.tensors[node.inputs[input]];
        if (!t.value || t.value->elementCount() != 1)
            return false;
        *v = t.value->real(0);
        return true;
    };
    double mode = 0.0, ratio = 0.0;
    if (opset >= 12 && node.inputs.size() > 2 && node.inputs[2] >= 0 &&
        !(constant(2, &mode) && mode == 0.0) && !(constant(1, &ratio) && ratio == 0.0))
        return QStringLiteral("Dropout in training mode is random; LayerLens runs inference");
    return QString();
}

} // namespace

void registerElementwiseKernels(KernelTable &table)
{
    auto add = [&table](const char *op, KernelFn run, KernelCheck check = {}) {
        table.add({QString::fromLatin1(op), std::move(run), std::move(check)});
    };
    add("Relu", unary([](const at::Tensor &x) { return at::relu(x); }));
    add("LeakyRelu", unary([](const at::Tensor &x, const KernelContext &c) {
            return at::leaky_relu(x, c.attrFloat("alpha", 0.01));
        }));
    add("PRelu", binary([](const at::Tensor &x, const at::Tensor &slope) {
            return at::where(x < 0, x * slope, x);
        }));
    add("Elu", unary([](const at::Tensor &x, const KernelContext &c) {
            return at::elu(x, c.attrFloat("alpha", 1.0));
        }));
    add("Selu", unary(selu));
    add("Celu", unary([](const at::Tensor &x, const KernelContext &c) {
            const double alpha = c.attrFloat("alpha", 1.0);
            return at::clamp_min(x, 0) + at::clamp_max(alpha * (at::exp(x / alpha) - 1), 0);
        }));
    add("ThresholdedRelu", unary([](const at::Tensor &x, const KernelContext &c) {
            return at::where(x > c.attrFloat("alpha", 1.0), x, at::zeros_like(x));
        }));
    add("Sigmoid", unary([](const at::Tensor &x) { return at::sigmoid(x); }));
    add("HardSigmoid", unary([](const at::Tensor &x, const KernelContext &c) {
            return hardSigmoid(x, c.attrFloat("alpha", 0.2), c.attrFloat("beta", 0.5));
        }));
    add("HardSwish",
        unary([](const at::Tensor &x) { return hardSigmoid(x, 1.0 / 6.0, 0.5).mul_(x); }));
    add("Softplus", unary([](const at::Tensor &x) { return at::log1p(at::exp(x)); }));
    add("Softsign", unary([](const at::Tensor &x) { return x / (1 + at::abs(x)); }));
    add("Tanh", unary([](const at::Tensor &x) { return at::tanh(x); }));
    add("Erf", unary([](const at::Tensor &x) { return at::erf(x); }));
    add("Exp", unary([](const at::Tensor &x) { return at::exp(x); }));
    add("Log", unary([](const at::Tensor &x) { return at::log(x); }));
    add("Sqrt", unary([](const at::Tensor &x) { return at::sqrt(x); }));
    add("Reciprocal", unary([](const at::Tensor &x) { return at::reciprocal(x); }));
    add("Abs", unary([](const at::Tensor &x) { return at::abs(x); }));
    add("Neg", unary([](const at::Tensor &x) { return at::neg(x); }));
    add("Floor", unary([](const at::Tensor &x) { return at::floor(x); }));
    add("Ceil", unary([](const at::Tensor &x) { return at::ceil(x); }));
    add("Round", unary([](const at::Tensor &x) { return at::round(x); }));
    add("Sign", unary([](const at::Tensor &x) { return at::sign(x); }));
    add("Sin", unary([](const at::Tensor &x) { return at::sin(x); }));
    add("Cos", unary([](const at::Tensor &x) { return at::cos(x); }));
    add("Tan", unary([](const at::Tensor &x) { return at::tan(x); }));
    add("Asin", unary([](const at::Tensor &x) { return at::asin(x); }));
    add("Acos", unary([](const at::Tensor &x) { return at::acos(x); }));
    add("Atan", unary([](const at::Tensor &x) { return at::atan(x); }));
    add("Sinh", unary([](const at::Tensor &x) { return at::sinh(x); }));
    add("Cosh", unary([](const at::Tensor &x) { return at::cosh(x); }));
    add("Asinh", unary([](const at::Tensor &x) { return at::asinh(x); }));
    add("Acosh", unary([](const at::Tensor &x) { return at::acosh(x); }));
    add("Atanh", unary([](const at::Tensor &x) { return at::atanh(x); }));
    add("Not", unary([](const at::Tensor &x) { return at::logical_not(x); }));
    add("IsNaN", unary([](const at::Tensor &x) { return at::isnan(x); }));
    add("IsInf", unary([](const at::Tensor &x, const KernelContext &c) {
            const bool pos = c.attrInt("detect_positive", 1) != 0;
            const bool neg = c.attrInt("detect_negative", 1) != 0;
            return (pos ? at::isposinf(x) : at::zeros_like(x, at::kBool)) |
                   (neg ? at::isneginf(x) : at::zeros_like(x, at::kBool));
        }));
    add("Clip", unary(clip));
    add("Identity", unary([](const at::Tensor &x) { return x; }));
    add(
        "Dropout",
        [](const KernelContext &c) -> Tensors {
            return {c.in(0), at::ones_like(c.in(0), at::kBool)};
        },
        dropoutCheck);

    add("Add", binary([](const at::Tensor &a, const at::Tensor &b) { return like(a + b, a); }));
    add("Sub", binary([](const at::Tensor &a, const at::Tensor &b) { return like(a - b, a); }));
    add("Mul", binary([](const at::Tensor &a, const at::Tensor &b) { return like(a * b, a); }));
    add("Div",
        binary([](const at::Tensor &a, const at::Tensor &b) { return like(onnxDivide(a, b), a); }));
    add("Pow", binary([](const at::Tensor &a, const at::Tensor &b) {
            // ONNX Pow keeps the base's type; compute in the wider of the two.
            const auto type = at::promote_types(a.scalar_type(), b.scalar_type());
            // A single floating exponent (LayerNorm's x^2) as a scalar:
            // ATen squares or roots directly instead of broadcasting pow.
            if (b.numel() == 1 && type == a.scalar_type() && at::isFloatingType(type))
                return at::pow(a, b.to(at::kDouble).item<double>());
            return at::pow(a.to(type), b.to(type)).to(a.scalar_type());
        }));
    add("Mod", [](const KernelContext &c) -> Tensors {
        const bool fmod = c.attrInt("fmod", 0) != 0;
        return {fmod ? at::fmod(c.in(0), c.in(1)) : at::remainder(c.in(0), c.in(1))};
    });
    add("Max",
        variadic([](const at::Tensor &a, const at::Tensor &b) { return at::maximum(a, b); }));
    add("Min",
        variadic([](const at::Tensor &a, const at::Tensor &b) { return at::minimum(a, b); }));
    add("Sum", variadic([](const at::Tensor &a, const at::Tensor &b) { return a + b; }));
    add("Mean", variadic([](const at::Tensor &a, const at::Tensor &b) { return a + b; }, true));
    add("Equal", binary([](const at::Tensor &a, const at::Tensor &b) { return at::eq(a, b); }));
    add("Less", binary([](const at::Tensor &a, const at::Tensor &b) { return at::lt(a, b); }));
    add("LessOrEqual",
        binary([](const at::Tensor &a, const at::Tensor &b) { return at::le(a, b); }));
    add("Greater", binary([](const at::Tensor &a, const at::Tensor &b) { return at::gt(a, b); }));
    add("GreaterOrEqual",
        binary([](const at::Tensor &a, const at::Tensor &b) { return at::ge(a, b); }));
    add("And",
        binary([](const at::Tensor &a, const at::Tensor &b) { return at::logical_and(a, b); }));
    add("Or",
        binary([](const at::Tensor &a, const at::Tensor &b) { return at::logical_or(a, b); }));
    add("Xor",
        binary([](const at::Tensor &a, const at::Tensor &b) { return at::logical_xor(a, b); }));
    add("Where", [](const KernelContext &c) -> Tensors {
        return {at::where(c.in(0).to(at::kBool), c.in(1), c.in(2))};
    });
}

} // namespace layerlens::core
