#include "tdkt/core/hlc.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace tdkt {

std::uint64_t systemMillis() {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    // Tests shift a whole process's clock to play a laptop with a wrong date.
    if (const char* off = std::getenv("TDKT_CLOCK_OFFSET_MS")) ms += std::strtoll(off, nullptr, 10);
    return static_cast<std::uint64_t>(std::max<long long>(ms, 0));
}

std::uint64_t HybridClock::wallMillis() const {
    auto w = static_cast<std::int64_t>(m_wall()) + m_offsetMs;
    return static_cast<std::uint64_t>(std::max<std::int64_t>(w, 0));
}

HlcStamp HybridClock::now() {
    const std::uint64_t wall = wallMillis();
    if (wall > hlcMillis(m_last)) {
        m_last = makeHlc(wall, 0);
    } else if (hlcCounter(m_last) == 0xFFFF) {
        // Counter exhausted within one millisecond: borrow the next millisecond.
        m_last = makeHlc(hlcMillis(m_last) + 1, 0);
    } else {
        ++m_last;
    }
    return m_last;
}

void HybridClock::observe(HlcStamp remote) {
    if (remote > m_last) m_last = remote;
}

} // namespace tdkt
