#include "runtime/allocation_tracker.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>

#include <atomic>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace layerlens::core::allocation_tracker {

namespace {

std::atomic<int64_t> g_current{0};
std::atomic<int64_t> g_peak{0};
std::atomic<bool> g_caching{false};
c10::DeleterFnPtr g_innerDeleter = nullptr;

// Guarded by g_mutex.
std::mutex g_mutex;
std::unordered_map<void *, int64_t> g_sizes;             // live buffers
std::unordered_map<int64_t, std::vector<void *>> g_free; // cached buffers by size
int64_t g_cached = 0;

void notePeak(int64_t now)
{
    int64_t peak = g_peak.load();
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
    }
}

// Context equals the data pointer, as LibTorch's raw_allocate() requires.
void release(void *data)
{
    int64_t bytes = 0;
    bool cache = false;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        const auto it = g_sizes.find(data);
        if (it != g_sizes.end()) {
            bytes = it->second;
            g_sizes.erase(it);
        }
        cache = g_caching.load() && bytes > 0;
        if (cache) {
            g_free[bytes].push_back(data);
            g_cached += bytes;
        }
    }
    g_current -= bytes;
    if (!cache)
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
        const auto bytes = static_cast<int64_t>(n);
        void *data = nullptr;
        {
            std::lock_guard<std::mutex> lock(g_mutex);
            const auto it = g_free.find(bytes);
            if (it != g_free.end() && !it->second.empty()) {
                data = it->second.back();
                it->second.pop_back();
                g_cached -= bytes;
            }
        }
        if (!data) {
            c10::DataPtr inner = m_inner->allocate(n);
            data = inner.release_context(); // freed later through g_innerDeleter
        }
        if (data) {
            std::lock_guard<std::mutex> lock(g_mutex);
            g_sizes[data] = bytes;
        }
        notePeak(g_current += bytes);
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

void setCaching(bool enabled)
{
    g_caching = enabled;
    if (!enabled)
        releaseCached();
}

int64_t cachedBytes()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_cached;
}

void releaseCached()
{
    std::unordered_map<int64_t, std::vector<void *>> blocks;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        blocks.swap(g_free);
        g_cached = 0;
    }
    for (auto &[size, list] : blocks) {
        for (void *p : list)
            g_innerDeleter(p);
    }
}

} // namespace layerlens::core::allocation_tracker
