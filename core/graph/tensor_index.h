#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

// Index arithmetic over row-major tensors, shared by the constant folder and
// the operator table's shape helpers.
namespace layerlens::core {

// Row-major strides of dims.
inline std::vector<int64_t> stridesOf(const std::vector<int64_t> &dims)
{
    std::vector<int64_t> strides(dims.size(), 1);
    for (int64_t i = static_cast<int64_t>(dims.size()) - 2; i >= 0; --i)
        strides[i] = strides[i + 1] * dims[i + 1];
    return strides;
}

// Numpy-style broadcast of two shapes; throws std::runtime_error when they do not broadcast.
inline std::vector<int64_t> broadcastDims(const std::vector<int64_t> &a,
                                          const std::vector<int64_t> &b)
{
    const size_t rank = std::max(a.size(), b.size());
    std::vector<int64_t> out(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
        const int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
        if (da != db && da != 1 && db != 1)
            throw std::runtime_error("shapes do not broadcast");
        out[i] = da == 1 ? db : da;
    }
    return out;
}

// Strides that read a tensor of dims `from` broadcast to `to` (0 on broadcast axes).
inline std::vector<int64_t> broadcastStrides(const std::vector<int64_t> &from,
                                             const std::vector<int64_t> &to)
{
    std::vector<int64_t> strides(to.size(), 0);
    const std::vector<int64_t> own = stridesOf(from);
    const size_t shift = to.size() - from.size();
    for (size_t i = 0; i < from.size(); ++i)
        strides[i + shift] = from[i] == 1 ? 0 : own[i];
    return strides;
}

inline int64_t offsetOf(const std::vector<int64_t> &index, const std::vector<int64_t> &strides)
{
    int64_t offset = 0;
    for (size_t i = 0; i < index.size(); ++i)
        offset += index[i] * strides[i];
    return offset;
}

// Calls f(index) for every index of dims in row-major order.
template<typename F>
void forEachIndex(const std::vector<int64_t> &dims, F &&f)
{
    for (int64_t d : dims) {
        if (d == 0)
            return;
    }
    std::vector<int64_t> index(dims.size(), 0);
    while (true) {
        f(index);
        int64_t axis = static_cast<int64_t>(dims.size()) - 1;
        while (axis >= 0 && ++index[axis] == dims[axis]) {
            index[axis] = 0;
            --axis;
        }
        if (axis < 0)
            return;
    }
}

} // namespace layerlens::core
