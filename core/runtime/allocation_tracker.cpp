#include "runtime/allocation_tracker.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace layerlens::core::allocation_tracker {

namespace {

std::atomic<int64_t> g_current{0};
std::atomic<int64_t> g_peak{0};
c10::DeleterFnPtr g_innerDeleter = nullptr;
std::mutex g_mutex;
std::unordered_map<void *, int64_t> g_sizes; // live buffers

// Context equals the data pointer, as LibTorch's raw_allocate() requires.
void release(void *data)
{
    int64_t bytes = 0;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        const auto it = g_sizes.find(data);
        if (it != g_sizes.end()) {
            bytes = it->second;
            g_sizes.erase(it);
        }
    }
    g_current -= bytes;
    g_innerDeleter(data);
}

class TrackingAllocator final : public c10::Allocator
{
public:
    explicit TrackingAllocator(c10::Allocator *inner)
        : m_inner(inner)
    {}
    c10::DataPtr allocate(size_t n) const override
    {
        c10::DataPtr inner = m_inner->allocate(n);
        void *data = inner.release_context(); // we free it through g_innerDeleter
        if (data) {
            std::lock_guard<std::mutex> lock(g_mutex);
            g_sizes[data] = static_cast<int64_t>(n);
        }
        const int64_t now = g_current += static_cast<int64_t>(n);
        int64_t peak = g_peak.load();
        while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
        }
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

private:
    c10::Allocator *m_inner;
};

} // namespace

void install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        c10::Allocator *inner = c10::GetDefaultCPUAllocator();
        g_innerDeleter = inner->raw_deleter();
        if (!g_innerDeleter)
            return; // cannot wrap an allocator without a raw deleter; peaks read 0
        static TrackingAllocator tracker(inner);
        c10::SetAllocator(c10::DeviceType::CPU, &tracker, /*priority=*/1);
    });
}

int64_t currentBytes()
{
    return g_current.load();
}

int64_t peakBytes()
{
    return g_peak.load();
}

void resetPeak()
{
    g_peak = g_current.load();
}

} // namespace layerlens::core::allocation_tracker
