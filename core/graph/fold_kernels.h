#pragma once

#include "graph/tensor_value.h"

#include <QString>

#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

// Arithmetic kernels and helpers of the constant folder (internal to it).
namespace layerlens::core::fold {

using Dims = std::vector<int64_t>;

// Thrown for invalid inputs; the folder turns it into its `problem`.
struct FoldError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Thrown when a result would exceed kMaxFoldedElements.
struct TooLarge
{
};

[[noreturn]] void invalid(const char *what);
// Element count of dims; throws TooLarge past kMaxFoldedElements.
int64_t checkedCount(const Dims &dims);
// axis in [-rank, rank) made non-negative; throws FoldError otherwise.
int64_t normalizeAxis(int64_t axis, int64_t rank);
// A value of that type and dims with no elements stored yet.
TensorValue emptyLike(ElementType type, Dims dims);

// ONNX Cast: float to int truncates, anything to bool is "not zero".
TensorValue castTo(const TensorValue &src, ElementType type);

using BinaryInt = std::function<int64_t(int64_t, int64_t)>;
using BinaryReal = std::function<double(double, double)>;
// Broadcasting binary operation; integers stay exact when both sides are integral.
TensorValue binary(const TensorValue &a, const TensorValue &b, ElementType resultType,
                   const BinaryInt &onInts, const BinaryReal &onReals);
// Broadcasting Where.
TensorValue where(const TensorValue &c, const TensorValue &x, const TensorValue &y);
// Element-wise function, computed in double and stored in a's type.
TensorValue unary(const TensorValue &a, const std::function<double(double)> &f);
// ReduceSum/Mean/Prod/Min/Max over axes (all when none), op naming which.
TensorValue reduce(const TensorValue &a, std::optional<Dims> axes, bool keepDims,
                   bool noopWithEmptyAxes, const QString &op);
// ScatterND: data with the slices indices name (tuples over its leading axes)
// replaced by, or combined with, updates; reduction is none, add, mul, max or min.
TensorValue scatterNd(const TensorValue &data, const TensorValue &indices,
                      const TensorValue &updates, const QString &reduction);
// ScatterElements: data with element indices[i] along axis taken from updates[i].
TensorValue scatterElements(const TensorValue &data, const TensorValue &indices,
                            const TensorValue &updates, int64_t axis, const QString &reduction);

} // namespace layerlens::core::fold
