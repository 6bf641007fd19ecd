#pragma once

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace layerlens::core {

// Keeps a device's cores busy a chosen share of the time while something is
// measured (the "device utilization" input of Shen et al.): each thread spins
// for percent% of every period and sleeps for the rest.
class LoadGenerator
{
public:
    LoadGenerator() = default;
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;
    ~LoadGenerator() { stop(); }

    // The duty cycle's period: busy percent% of it, asleep the rest.
    static constexpr std::chrono::microseconds kPeriod{10000};

    // Starts `threads` duty-cycled threads (all logical cores when 0). Does
    // nothing for percent <= 0.
    void start(int percent, int threads = 0, std::chrono::microseconds period = kPeriod);
    void stop();
    bool running() const { return !m_threads.empty(); }
    // Measured share of wall time the threads spent busy since start(), 0..1.
    double achievedUtilization() const;

private:
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop{false};
    std::atomic<int64_t> m_busyNs{0};
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_stopped;
    int m_count = 0;
};

} // namespace layerlens::core
