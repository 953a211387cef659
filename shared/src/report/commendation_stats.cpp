// Commendation figures by level, form, nominee kind, method (issue 19).
#include "tdkt/report/commendation_stats.hpp"

#include "tdkt/catalog/issuer.hpp"

#include <algorithm>

namespace tdkt::report {
namespace {

bool isState(std::string_view level) { return level == "trung_uong"; }
bool isProvince(std::string_view level) { return level == "tinh" || level == "bo_nganh"; }

Level ofUnitLevel(std::string_view level) {
    if (isState(level)) return Level::State;
    if (isProvince(level)) return Level::Province;
    return Level::Own;
}

void addKind(Count& c, const std::string& nomineeKind) {
    if (nomineeKind == "tap_the") ++c.collective;
    else if (nomineeKind == "ho_gia_dinh") ++c.household;
    else ++c.individual;
}

template <class Map> void addMap(Map& into, const Map& from) {
    for (const auto& [k, v] : from) into[k] += v;
}

void addDossier(const Facts& facts, CommendationStats& s, const DossierFact& d) {
    if (d.status == "draft" || d.status.empty()) return;
    if (d.kind == "hiep_y") {
        addKind(s.hiepY, d.nomineeKind);
        return;
    }
    auto& l = s.levels[static_cast<int>(levelOf(facts, d))];
    addKind(l.proposed, d.nomineeKind);
    if (d.status == "approved") {
        addKind(l.granted, d.nomineeKind);
        addKind(l.grantedByMethod[d.method], d.nomineeKind);
        addKind(l.grantedByAward[d.awardCode], d.nomineeKind);
        if (d.nomineeKind == "ca_nhan") {
            ++l.individualsGranted;
            auto p = facts.people.find(d.personId);
            if (p != facts.people.end()) {
                l.leadersGranted += p->second.leader ? 1 : 0;
                l.frontlineGranted += p->second.frontline ? 1 : 0;
            }
        }
    } else if (d.status == "returned" || d.status == "not_approved") {
        addKind(l.heldBack, d.nomineeKind);
        ++l.heldBackReasons[d.statusReason];
    } else {
        addKind(l.pending, d.nomineeKind);
    }
}

} // namespace

Count& Count::operator+=(const Count& o) {
    collective += o.collective;
    individual += o.individual;
    household += o.household;
    return *this;
}

LevelStats& LevelStats::operator+=(const LevelStats& o) {
    proposed += o.proposed;
    granted += o.granted;
    heldBack += o.heldBack;
    pending += o.pending;
    addMap(grantedByMethod, o.grantedByMethod);
    addMap(grantedByAward, o.grantedByAward);
    addMap(heldBackReasons, o.heldBackReasons);
    individualsGranted += o.individualsGranted;
    leadersGranted += o.leadersGranted;
    frontlineGranted += o.frontlineGranted;
    return *this;
}

LevelStats CommendationStats::all() const {
    LevelStats sum;
    for (const auto& l : levels) sum += l;
    return sum;
}

CommendationStats& CommendationStats::operator+=(const CommendationStats& o) {
    for (std::size_t i = 0; i < levels.size(); ++i) levels[i] += o.levels[i];
    hiepY += o.hiepY;
    return *this;
}

Level levelOf(const Facts& facts, const DossierFact& d) {
    if (!d.decidingUnitId.empty()) {
        if (const auto* u = findUnit(facts, d.decidingUnitId)) return ofUnitLevel(u->level);
    }
    // An issuer outside the tree (a bộ's Bằng khen counts with the province's, 0603.N).
    if (const auto level = catalog::issuerLevel(d.issuerKind); !level.empty()) return ofUnitLevel(level);
    auto it = facts.deciders.find(d.awardCode);
    if (it == facts.deciders.end() || it->second.empty()) return Level::Own;
    const auto& levels = it->second;
    if (std::any_of(levels.begin(), levels.end(), isState)) return Level::State;
    if (std::all_of(levels.begin(), levels.end(), isProvince)) return Level::Province;
    return Level::Own;
}

CommendationStats commendationStats(const Facts& facts, const UnitScope& scope, int year) {
    CommendationStats s;
    s.year = year;
    for (const auto& d : facts.dossiers)
        if (d.year == year && scope.covers(d.unitId)) addDossier(facts, s, d);
    return s;
}

std::map<std::string, CommendationStats> commendationByUnit(const Facts& facts, const UnitScope& scope, int year) {
    std::map<std::string, CommendationStats> out;
    for (const auto& u : scope.units) out[u].year = year;
    for (const auto& d : facts.dossiers) {
        if (d.year != year) continue;
        const auto owner = scope.owner(d.unitId);
        if (!owner.empty()) addDossier(facts, out[owner], d);
    }
    return out;
}

int percentOf(int part, int whole) { return whole <= 0 ? 0 : (part * 200 + whole) / (2 * whole); }

Count change(const Count& now, const Count& before) {
    return {now.collective - before.collective, now.individual - before.individual, now.household - before.household};
}

} // namespace tdkt::report
