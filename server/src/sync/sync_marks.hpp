#pragma once
/**
 * @brief Records, per unit, the day its replicas last pushed and pulled (issue 19):
 *        a sync_marks row the server writes, read by the subtree's reviewers.
 *
 * At most one write a unit a day and direction: the days seen are remembered.
 * Thread safety: none; used from the store's strand like the Service.
 */
#include "tdkt/store/store.hpp"

#include <map>
#include <string>

namespace tdkt::server {

class SyncMarks {
public:
    enum class Direction { Push, Pull };
    /** Notes that a replica of `unit` synced now (a unit that is not a units row is skipped). */
    void note(store::Store& store, const std::string& unit, SiteId site, Direction d, std::uint64_t nowMs);

private:
    std::map<std::pair<std::string, Direction>, std::string> m_seen; // (unit, direction) → day written
};

/** YYYY-MM-DD (UTC) of a Unix time in milliseconds. */
std::string utcDay(std::uint64_t unixMs);

} // namespace tdkt::server
