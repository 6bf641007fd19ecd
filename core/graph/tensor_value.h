#pragma once

#include "graph/element_type.h"

#include <cstdint>
#include <vector>

namespace layerlens::core {

// The value of a small constant tensor, known at load time (shape data, axes,
// folded shape computations). Integral and bool elements are held exactly as
// int64; floating elements as double. Large weights are not held this way.
struct TensorValue
{
    ElementType type = ElementType::Undefined;
    std::vector<int64_t> dims;
    std::vector<int64_t> ints; // used when isIntegral(type)
    std::vector<double> reals; // used otherwise

    // Number of elements the dims describe (1 for a scalar).
    int64_t elementCount() const;
    // True when the element storage matches the dims and the type.
    bool isConsistent() const;
    bool holdsIntegers() const { return isIntegral(type); }
    // Element i as a double / an int64, whatever the storage.
    double real(int64_t i) const;
    int64_t integer(int64_t i) const;
};

// Largest constant (in elements) whose value the loader keeps and folds.
inline constexpr int64_t kMaxFoldedElements = 1 << 16;

} // namespace layerlens::core
