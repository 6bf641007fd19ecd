#pragma once

#include <cstdint>

namespace layerlens::core {

// Counts the bytes LibTorch's CPU allocator hands out, by wrapping it. Buffers
// that oneDNN or OpenBLAS allocate on their own are not seen.
namespace allocation_tracker {
// Installs the wrapper once (idempotent); tensors allocated before are not counted.
void install();
int64_t currentBytes();
int64_t peakBytes();
// Starts a new peak from the current level.
void resetPeak();
} // namespace allocation_tracker

} // namespace layerlens::core
