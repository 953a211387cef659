// Stale and empty units of a report's scope (issue 19).
#include "tdkt/report/staleness.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tdkt::report {

std::string syncMarkId(const std::string& unitId) { return "sync-" + unitId; }

Staleness staleness(const Facts& facts, const UnitScope& scope, const std::string& since) {
    Staleness out;
    std::set<std::string> withData;
    auto note = [&](const std::string& unit) {
        const auto owner = scope.owner(unit);
        if (!owner.empty()) withData.insert(owner);
    };
    for (const auto& d : facts.dossiers) note(d.unitId);
    for (const auto& m : facts.movements) note(m.unitId);
    for (const auto& i : facts.initiatives) note(i.unitId);
    for (const auto& m : facts.modelExamples) note(m.unitId);
    for (const auto& i : facts.inspections) note(i.unitId);
    std::multimap<std::string, std::string> covers; // owner → every unit counted under it
    for (const auto& [covered, owner] : scope.countsUnder) covers.emplace(owner, covered);
    for (const auto& unit : scope.units) {
        const auto* u = findUnit(facts, unit);
        const std::string name = u ? u->name : unit;
        // A unit's freshness is its own replicas' or, merged in, its predecessors' latest sync.
        std::string last;
        auto [b, e] = covers.equal_range(unit);
        for (auto c = b; c != e; ++c) {
            if (auto it = facts.syncMarks.find(c->second); it != facts.syncMarks.end())
                last = std::max({last, it->second.lastPush, it->second.lastPull});
        }
        if (last.empty() || last < since) out.notSynced.push_back({unit, name, last});
        if (!withData.count(unit)) out.noData.push_back(unit);
    }
    return out;
}

} // namespace tdkt::report
