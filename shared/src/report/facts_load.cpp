// The report's facts out of the replica's tables (issue 19).
#include "tdkt/report/facts_load.hpp"

#include <algorithm>
#include <sstream>

namespace tdkt::report {
namespace {

std::string str(const store::Row& r, std::string_view f) {
    auto it = r.fields.find(f);
    if (it == r.fields.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return {};
}

std::int64_t num(const store::Row& r, std::string_view f) {
    auto it = r.fields.find(f);
    if (it == r.fields.end()) return 0;
    if (const auto* i = std::get_if<std::int64_t>(&it->second)) return *i;
    if (const auto* d = std::get_if<double>(&it->second)) return static_cast<std::int64_t>(*d);
    return 0;
}

std::vector<std::string> splitLevels(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        const auto b = part.find_first_not_of(' ');
        const auto e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

} // namespace

Facts loadFacts(const store::Store& store) {
    Facts f;
    for (const auto& r : store.list("units"))
        f.units.push_back({r.id, str(r, "parent_id"), str(r, "merged_into_id"), str(r, "name"), str(r, "level")});
    for (const auto& r : store.list("people"))
        f.people[r.id] = {r.id, num(r, "is_leader") != 0, num(r, "is_frontline") != 0};
    for (const auto& r : store.list("dossiers"))
        f.dossiers.push_back({r.id, str(r, "unit_id"), str(r, "kind"), str(r, "nominee_kind"), str(r, "person_id"),
                              str(r, "award_code"), str(r, "method"), static_cast<int>(num(r, "year")),
                              str(r, "status"), str(r, "deciding_unit_id"), str(r, "status_reason"),
                              str(r, "issuer_kind")});
    for (const auto& r : store.list("movements"))
        f.movements.push_back({r.id, str(r, "unit_id"), str(r, "launch_level"), str(r, "plan_date"),
                               str(r, "period_from"), str(r, "period_to"), str(r, "method"), str(r, "title")});
    for (const auto& r : store.list("initiatives"))
        f.initiatives.push_back({r.id, str(r, "unit_id"), str(r, "title"), str(r, "scope"), static_cast<int>(num(r, "year"))});
    for (const auto& r : store.list("model_examples"))
        f.modelExamples.push_back({r.id, str(r, "unit_id"), str(r, "name"), str(r, "nominee_kind"), str(r, "movement_id"),
                                   str(r, "achievement"), static_cast<int>(num(r, "year")), num(r, "publicized") != 0});
    std::map<std::string, int> planYear;
    for (const auto& r : store.list("inspection_plans")) planYear[r.id] = static_cast<int>(num(r, "year"));
    for (const auto& r : store.list("inspection_targets"))
        f.inspections.push_back({r.id, str(r, "unit_id"), str(r, "mode"), planYear[str(r, "plan_id")]});
    for (const auto& r : store.list("recommendations"))
        f.recommendations.push_back({r.id, str(r, "target_id"), str(r, "unit_id"), str(r, "follow_up")});
    for (const auto& r : store.list("sync_marks"))
        f.syncMarks[str(r, "unit_id")] = {str(r, "last_push_on"), str(r, "last_pull_on")};
    for (const auto& r : store.list("parameters", {{"key", std::string("authority.deciders")}})) {
        auto& levels = f.deciders[str(r, "award_code")];
        for (auto& l : splitLevels(str(r, "text_value")))
            if (std::find(levels.begin(), levels.end(), l) == levels.end()) levels.push_back(std::move(l));
    }
    indexUnits(f);
    return f;
}

} // namespace tdkt::report
