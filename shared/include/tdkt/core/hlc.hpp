#pragma once
/**
 * @brief Hybrid logical clock: 48 bits of Unix milliseconds, 16 bits of counter.
 *
 * Versions compare as (hlc, site). The clock never goes backwards, even if the
 * wall clock does, and moves past every stamp it observes, so an edit made after
 * seeing another always has the greater version.
 * Thread safety: none; one clock per store connection.
 */
#include <cstdint>
#include <functional>

namespace tdkt {

using HlcStamp = std::uint64_t;

constexpr HlcStamp makeHlc(std::uint64_t ms, std::uint16_t counter) { return (ms << 16) | counter; }

constexpr std::uint64_t hlcMillis(HlcStamp h) { return h >> 16; }

constexpr std::uint16_t hlcCounter(HlcStamp h) { return static_cast<std::uint16_t>(h & 0xFFFF); }

/** Wall-clock milliseconds, shifted by TDKT_CLOCK_OFFSET_MS when set (for skew tests). */
std::uint64_t systemMillis();

class HybridClock {
public:
    using WallClock = std::function<std::uint64_t()>;

    explicit HybridClock(WallClock wall = systemMillis, HlcStamp last = 0)
        : m_wall(std::move(wall)), m_last(last) {}

    /** A new stamp, greater than every stamp issued or observed before. */
    HlcStamp now();

    /** Moves the clock past a stamp received from another replica. */
    void observe(HlcStamp remote);

    /** Corrects the wall clock by this many ms (the server's time minus ours). */
    void setOffset(std::int64_t offsetMs) { m_offsetMs = offsetMs; }

    std::int64_t offset() const { return m_offsetMs; }

    HlcStamp last() const { return m_last; }

    /**
     * Moves the clock back to `stamp`. Only for a replica whose wrong wall clock ran
     * it ahead: the caller re-stamps its own unsent stamps and never goes below any
     * stamp that left the replica or came from elsewhere.
     */
    void rewind(HlcStamp stamp) { m_last = stamp; }

    std::uint64_t wallMillis() const;

private:
    WallClock m_wall;
    HlcStamp m_last;
    std::int64_t m_offsetMs = 0;
};

} // namespace tdkt
