#pragma once
/**
 * @brief How failed logins slow and then stop guessing, per account and per
 *        client address: after `delayAfter` failures each further one bars logins
 *        for a delay that doubles; after `lockAfter` the key is locked for `lockMs`.
 *        Pure arithmetic: the failures are counted in Accounts (they survive a restart).
 */
#include <algorithm>
#include <cstdint>

namespace tdkt::server {

struct ThrottlePolicy {
    std::int64_t delayAfter = 3;      // failures answered at once before delays begin
    std::int64_t delayMs = 2000;      // the first delay; each further failure doubles it
    std::int64_t lockAfter = 10;      // failures that lock the account (or address)
    std::int64_t lockMs = 15 * 60'000; // how long a lock lasts; failures older than this are forgotten

    /** Until when a key with `failures` consecutive failures, the last at `lastMs`, is barred (0: not). */
    std::int64_t barredUntil(std::int64_t failures, std::int64_t lastMs) const {
        if (failures >= lockAfter) return lastMs + lockMs;
        if (failures < delayAfter || delayMs <= 0) return 0;
        const std::int64_t steps = std::min<std::int64_t>(failures - delayAfter, 20);
        return lastMs + std::min(lockMs, delayMs << steps);
    }
    /** An address (an office behind one NAT, many users) gets five times the failures. */
    ThrottlePolicy perAddress() const { return {delayAfter * 5, delayMs, lockAfter * 5, lockMs}; }
};

} // namespace tdkt::server
