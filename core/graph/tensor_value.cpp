#include "graph/tensor_value.h"

#include <cmath>

namespace layerlens::core {

int64_t TensorValue::elementCount() const
{
    int64_t count = 1;
    for (int64_t d : dims)
        count *= d;
    return count;
}

bool TensorValue::isConsistent() const
{
    for (int64_t d : dims) {
        if (d < 0)
            return false;
    }
    const auto count = static_cast<size_t>(elementCount());
    return holdsIntegers() ? (ints.size() == count && reals.empty())
                           : (reals.size() == count && ints.empty());
}

double TensorValue::real(int64_t i) const
{
    return holdsIntegers() ? static_cast<double>(ints[static_cast<size_t>(i)])
                           : reals[static_cast<size_t>(i)];
}

int64_t TensorValue::integer(int64_t i) const
{
    if (holdsIntegers())
        return ints[static_cast<size_t>(i)];
    const double v = reals[static_cast<size_t>(i)];
    // Truncation toward zero, as ONNX Cast from float to int does.
    return std::isfinite(v) ? static_cast<int64_t>(v) : 0;
}

} // namespace layerlens::core
