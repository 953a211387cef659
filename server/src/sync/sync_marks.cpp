// The server's record of when each unit last synced (issue 19).
#include "sync_marks.hpp"

#include "tdkt/core/ids.hpp"
#include "tdkt/report/staleness.hpp"

#include <chrono>
#include <cstdio>

namespace tdkt::server {

std::string utcDay(std::uint64_t unixMs) {
    using namespace std::chrono;
    const year_month_day ymd{floor<days>(sys_time<milliseconds>{milliseconds{unixMs}})};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

void SyncMarks::note(store::Store& store, const std::string& unit, SiteId site, Direction d, std::uint64_t nowMs) {
    if (unit.empty()) return;
    const std::string day = utcDay(nowMs);
    auto& seen = m_seen[{unit, d}];
    if (seen == day) return;
    const std::string id = report::syncMarkId(unit);
    if (!isValidRowId(id) || !store.exists("units", unit)) return;
    const char* field = d == Direction::Push ? "last_push_on" : "last_pull_on";
    store.writeServerRow("sync_marks", id, {{"unit_id", unit}, {field, day}, {"last_site", siteToHex(site)}});
    seen = day;
}

} // namespace tdkt::server
