#pragma once

#include <cstdint>

namespace layerlens::core {

// Wraps LibTorch's CPU allocator to count the bytes it hands out and,
// optionally, to cache freed buffers for reuse. Buffers that oneDNN or
// OpenBLAS allocate on their own are not seen.
//
// Caching matters for speed: a network allocates the same buffer sizes on
// every run, and without a cache glibc returns large blocks to the OS and
// the next run pays a page fault per 4 KiB on first touch (measured: 4.6 ms of
// MobileNetV2's 14 ms at batch 1).
namespace allocation_tracker {
// Installs the wrapper once (idempotent); tensors allocated before are not counted.
void install();
// Bytes held by live tensors (cached free buffers excluded), and their peak.
int64_t currentBytes();
int64_t peakBytes();
// Starts a new peak from the current level.
void resetPeak();
// Keeps freed buffers for reuse by allocations of the same size (off by default).
void setCaching(bool enabled);
// Bytes held in the cache.
int64_t cachedBytes();
// Frees every cached buffer.
void releaseCached();
} // namespace allocation_tracker

} // namespace layerlens::core
