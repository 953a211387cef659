#include "conflicts.hpp"

#include "labels.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/report/outline.hpp"
#include "tdkt/schema/schema.hpp"

namespace tdkt::app {
namespace {

using Json = nlohmann::json;

Json conflictJson(const store::Row& row) { return json::rowToJson(schema::registry().require("conflicts"), row); }

std::string candidateText(const Json& conflict, const Json& v, Lang lang) {
    if (v.is_string()) {
        const auto table = conflict.value("table_name", "");
        const auto field = conflict.value("field", "");
        return enumLabel(table, field, v.get<std::string>(), lang);
    }
    if (v.is_null()) return "";
    return v.dump();
}

} // namespace

std::string rowTitle(const store::Store& store, const std::string& table, const std::string& id) {
    const auto* t = schema::registry().table(table);
    if (!t) return id;
    auto row = store.get(table, id);
    if (!row) return id;
    auto it = row->fields.find(t->titleField);
    return it == row->fields.end() ? id : valueText(it->second);
}

// A report section is known by its heading in the outline ("1.1. Công tác tổ chức…
// năm 2025"), not by its key (p1.1.1); the key stays when the outline cannot be read.
static std::string sectionTitle(const store::Store& store, const std::string& id, const std::filesystem::path& reportDir) {
    auto row = store.get("report_sections", id);
    if (!row || reportDir.empty()) return {};
    auto text = [&](const char* f) {
        auto it = row->fields.find(f);
        const auto* v = it == row->fields.end() ? nullptr : std::get_if<std::string>(&it->second);
        return v ? *v : std::string();
    };
    const auto outline = text("outline"), key = text("section_key");
    auto it = row->fields.find("year");
    const auto* year = it == row->fields.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
    if (outline.empty() || outline.find('/') != std::string::npos || !year) return {};
    try {
        for (const auto& sec : report::loadOutline(reportDir / ("outline_" + outline + ".json")).sections)
            if (sec.key == key) return report::fillYear(sec.heading, static_cast<int>(*year));
    } catch (const Error&) { // an outline gone or broken: the key says enough
    }
    return {};
}

std::vector<ConflictView> openConflicts(const store::Store& store, const std::filesystem::path& reportDir, Lang lang) {
    std::vector<ConflictView> out;
    for (const auto& row : store.list("conflicts", {{"status", std::string("open")}})) {
        Json c = conflictJson(row);
        ConflictView v;
        v.id = row.id;
        v.table = c.value("table_name", "");
        v.rowId = c.value("row_id", "");
        v.field = c.value("field", "");
        const auto* t = schema::registry().table(v.table);
        v.tableLabel = t ? tableLabel(v.table, lang) : v.table;
        v.fieldLabel = fieldLabel(v.table, v.field, lang);
        v.rowTitle = rowTitle(store, v.table, v.rowId);
        if (v.table == "report_sections")
            if (auto heading = sectionTitle(store, v.rowId, reportDir); !heading.empty()) v.rowTitle = heading;
        const Json winner = c.value("winner", Json());
        for (const auto& cand : c.value("candidates", Json::array())) {
            ConflictCandidateView cv;
            cv.value = cand.value("value", Json());
            cv.text = candidateText(c, cv.value, lang);
            cv.author = cand.value("author", "");
            cv.device = cand.value("site", "").substr(0, 8);
            cv.at = cand.contains("hlc") ? localClock(hlcMillis(cand["hlc"].get<HlcStamp>())) : "";
            cv.winner = cv.value == winner;
            v.candidates.push_back(std::move(cv));
        }
        out.push_back(std::move(v));
    }
    return out;
}

Json openConflictJson(const store::Store& store, const std::string& id) {
    auto row = store.get("conflicts", id);
    if (!row) throw Error(ErrorKind::NotFound, "no conflict with id " + id);
    Json c = conflictJson(*row);
    if (c.value("status", "") != "open") throw Error(ErrorKind::Conflict, "conflict " + id + " is already resolved");
    return c;
}

Json losingValue(const Json& c, const std::string& id) {
    std::optional<Json> loser;
    std::uint64_t best = 0;
    for (const auto& cand : c["candidates"])
        if (cand["value"] != c["winner"] && cand.value("hlc", std::uint64_t{0}) >= best)
            best = cand.value("hlc", std::uint64_t{0}), loser = cand["value"];
    if (!loser) throw Error(ErrorKind::Invalid, "conflict " + id + " has no losing value");
    return *loser;
}

void resolveConflict(store::Store& store, const Json& c, const Json& chosen) {
    const auto& t = schema::registry().require(c["table_name"].get<std::string>());
    const std::string field = c["field"].get<std::string>();
    const auto* fd = t.field(field);
    Value value = fd ? json::valueFromJson(t, *fd, chosen)
                     : (chosen.is_number_integer() ? Value{chosen.get<std::int64_t>()} : Value{});
    store.forceEdit(t.name, c["row_id"].get<std::string>(), field, value);
}

Json typedValue(const Json& c, const std::string& text) {
    const auto& t = schema::registry().require(c["table_name"].get<std::string>());
    const auto* fd = t.field(c["field"].get<std::string>());
    if (!fd) return Json(text);
    return json::valueToJson(fd, json::valueFromText(t, *fd, text));
}

} // namespace tdkt::app
