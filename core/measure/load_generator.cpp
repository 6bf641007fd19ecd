#include "measure/load_generator.h"

#include <algorithm>

namespace layerlens::core {

void LoadGenerator::start(int percent, int threads, std::chrono::microseconds period)
{
    stop();
    if (percent <= 0)
        return;
    percent = std::min(percent, 100);
    m_count = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
    m_stop = false;
    m_busyNs = 0;
    m_started = std::chrono::steady_clock::now();
    const auto busy = period * percent / 100;
    for (int i = 0; i < m_count; ++i) {
        m_threads.emplace_back([this, busy, period] {
            using Clock = std::chrono::steady_clock;
            auto next = Clock::now();
            while (!m_stop.load(std::memory_order_relaxed)) {
                const auto begin = Clock::now();
                volatile uint64_t sink = 0;
                while (Clock::now() - begin < busy)
                    sink = sink + 1;
                m_busyNs +=
                    std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - begin)
                        .count();
                next += period;
                std::this_thread::sleep_until(next);
            }
        });
    }
}

void LoadGenerator::stop()
{
    if (m_threads.empty())
        return;
    m_stop = true;
    for (std::thread &t : m_threads)
        t.join();
    m_threads.clear();
    m_stopped = std::chrono::steady_clock::now();
}

double LoadGenerator::achievedUtilization() const
{
    if (m_count == 0)
        return 0;
    const auto end = running() ? std::chrono::steady_clock::now() : m_stopped;
    const double wallNs = std::chrono::duration<double, std::nano>(end - m_started).count();
    return wallNs > 0 ? double(m_busyNs.load()) / (wallNs * m_count) : 0;
}

} // namespace layerlens::core
