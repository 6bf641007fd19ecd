#include "runtime/aten_convert.h"

namespace layerlens::core {

std::optional<at::ScalarType> scalarTypeOf(ElementType type)
{
    switch (type) {
    case ElementType::Float:
        return at::kFloat;
    case ElementType::Double:
        return at::kDouble;
    case ElementType::Float16:
        return at::kHalf;
    case ElementType::BFloat16:
        return at::kBFloat16;
    case ElementType::UInt8:
        return at::kByte;
    case ElementType::Int8:
        return at::kChar;
    case ElementType::Int16:
        return at::kShort;
    case ElementType::Int32:
        return at::kInt;
    case ElementType::Int64:
        return at::kLong;
    case ElementType::Bool:
        return at::kBool;
    case ElementType::Complex64:
        return at::kComplexFloat;
    case ElementType::Complex128:
        return at::kComplexDouble;
    default:
        return std::nullopt;
    }
}

ElementType elementTypeOf(at::ScalarType type)
{
    switch (type) {
    case at::kFloat:
        return ElementType::Float;
    case at::kDouble:
        return ElementType::Double;
    case at::kHalf:
        return ElementType::Float16;
    case at::kBFloat16:
        return ElementType::BFloat16;
    case at::kByte:
        return ElementType::UInt8;
    case at::kChar:
        return ElementType::Int8;
    case at::kShort:
        return ElementType::Int16;
    case at::kInt:
        return ElementType::Int32;
    case at::kLong:
        return ElementType::Int64;
    case at::kBool:
        return ElementType::Bool;
    case at::kComplexFloat:
        return ElementType::Complex64;
    case at::kComplexDouble:
        return ElementType::Complex128;
    default:
        return ElementType::Undefined;
    }
}

at::Tensor tensorFromBytes(ElementType type, const std::vector<int64_t> &dims,
                           const std::string &bytes)
{
    const auto scalar = scalarTypeOf(type);
    TORCH_CHECK(scalar, "element type has no LibTorch equivalent");
    at::Tensor t = at::empty(dims, at::TensorOptions().dtype(*scalar));
    TORCH_CHECK(static_cast<size_t>(t.nbytes()) == bytes.size(), "byte count does not match");
    if (!bytes.empty())
        std::memcpy(t.data_ptr(), bytes.data(), bytes.size());
    return t;
}

at::Tensor tensorFromValue(const TensorValue &value)
{
    const auto scalar = scalarTypeOf(value.type);
    TORCH_CHECK(scalar, "element type has no LibTorch equivalent");
    at::Tensor t = value.holdsIntegers()
                       ? at::tensor(at::ArrayRef<int64_t>(value.ints), at::kLong)
                       : at::tensor(at::ArrayRef<double>(value.reals), at::kDouble);
    return t.reshape(value.dims).to(*scalar);
}

std::vector<int64_t> toInt64s(const at::Tensor &tensor)
{
    const at::Tensor flat = tensor.to(at::kLong).contiguous().reshape({-1});
    const int64_t *p = flat.data_ptr<int64_t>();
    return std::vector<int64_t>(p, p + flat.numel());
}

} // namespace layerlens::core
