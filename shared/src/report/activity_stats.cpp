// Initiatives recognised and inspections made in a year (issue 19).
#include "tdkt/report/activity_stats.hpp"

#include <algorithm>
#include <set>

namespace tdkt::report {

ModelExampleStats modelExampleStats(const Facts& facts, const UnitScope& scope, int year) {
    ModelExampleStats s;
    for (const auto& m : facts.modelExamples) {
        const auto owner = scope.owner(m.unitId);
        if (m.year != year || owner.empty()) continue;
        if (m.nomineeKind == "tap_the") ++s.total.collective;
        else if (m.nomineeKind == "ho_gia_dinh") ++s.total.household;
        else ++s.total.individual;
        s.publicized += m.publicized ? 1 : 0;
        s.items.push_back({m.name, owner, m.nomineeKind, m.achievement, m.publicized});
    }
    std::sort(s.items.begin(), s.items.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return s;
}

InitiativeStats initiativeStats(const Facts& facts, const UnitScope& scope, int year) {
    InitiativeStats s;
    for (const auto& i : facts.initiatives) {
        if (i.year != year || !scope.covers(i.unitId)) continue;
        ++s.total;
        ++s.byScope[i.scope];
        s.titles.push_back(i.title);
    }
    return s;
}

InspectionStats inspectionStats(const Facts& facts, const UnitScope& scope, int year) {
    InspectionStats s;
    std::set<std::string> targets;
    for (const auto& t : facts.inspections) {
        if (t.year != year || !scope.covers(t.unitId)) continue;
        targets.insert(t.targetId);
        if (t.mode == "truc_tiep") ++s.direct;
        else if (t.mode == "tu_kiem_tra") ++s.selfInspected;
    }
    for (const auto& r : facts.recommendations) {
        if (!targets.count(r.targetId)) continue;
        ++s.recommendations;
        if (r.followUp == "da_thuc_hien") ++s.recommendationsDone;
    }
    return s;
}

} // namespace tdkt::report
