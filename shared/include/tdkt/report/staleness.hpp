#pragma once
/**
 * @brief Which figures may be stale (issue 19): units of a report's scope whose
 *        replicas have not synced since a date, and units that hold no data at all.
 *
 * The server writes one sync_marks row a unit (its replicas' last push and pull
 * days, UTC); it reaches reviewers of the subtree like any row.
 */
#include "tdkt/report/facts.hpp"
#include "tdkt/report/unit_scope.hpp"

#include <string>
#include <vector>

namespace tdkt::report {

/** The id of a unit's sync_marks row. */
std::string syncMarkId(const std::string& unitId);

struct StaleUnit {
    std::string unitId, name;
    std::string lastSync; // the later of push and pull, empty: never synced
};

struct Staleness {
    std::vector<StaleUnit> notSynced; // never, or last before `since`
    std::vector<std::string> noData;  // units with no row of any counted table (merged ones folded in)
};

/** `since`: YYYY-MM-DD; a unit synced on that day or later is fresh. */
Staleness staleness(const Facts& facts, const UnitScope& scope, const std::string& since);

} // namespace tdkt::report
