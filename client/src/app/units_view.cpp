#include "units_view.hpp"

#include "labels.hpp"

#include "tdkt/core/vi_collate.hpp"
#include "tdkt/rules/engine.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace tdkt::app {
namespace {

std::string field(const store::Row& r, const char* name) {
    auto it = r.fields.find(name);
    return it == r.fields.end() ? std::string() : valueText(it->second);
}

} // namespace

std::vector<UnitLine> unitLines(const store::Store& store, Lang lang) {
    std::map<std::string, store::Row> rows;
    std::map<std::string, std::vector<std::string>> children; // parent → children
    for (auto& r : store.list("units")) rows.emplace(r.id, std::move(r));
    for (const auto& [id, r] : rows) {
        auto parent = field(r, "parent_id");
        children[rows.contains(parent) ? parent : std::string()].push_back(id);
    }
    auto name = [&](const std::string& id) { return field(rows.at(id), "name"); };
    for (auto& [parent, kids] : children)
        std::sort(kids.begin(), kids.end(), [&](const auto& a, const auto& b) {
            const int c = compareVietnamese(name(a), name(b));
            return c != 0 ? c < 0 : a < b;
        });
    const auto today = rules::todayIso();
    std::vector<UnitLine> out;
    std::set<std::string> seen; // a cycle in bad data ends here
    std::function<void(const std::string&, int)> walk = [&](const std::string& id, int depth) {
        if (!seen.insert(id).second) return;
        const auto& r = rows.at(id);
        UnitLine l;
        l.id = id;
        l.name = name(id).empty() ? id : name(id);
        l.level = enumLabel("units", "level", field(r, "level"), lang);
        l.code = field(r, "code");
        const auto into = field(r, "merged_into_id");
        l.mergedInto = rows.contains(into) ? name(into) : into;
        l.mergedFrom = field(r, "merged_from");
        l.validFrom = field(r, "valid_from");
        l.validTo = field(r, "valid_to");
        l.depth = depth;
        l.people = store.count("people", {{"unit_id", id}});
        l.dissolved = !into.empty() || (!l.validTo.empty() && l.validTo < today);
        out.push_back(std::move(l));
        if (auto it = children.find(id); it != children.end())
            for (const auto& c : it->second) walk(c, depth + 1);
    };
    for (const auto& root : children[std::string()]) walk(root, 0);
    return out;
}

const std::vector<UnitLine>& UnitsView::lines(const store::Store& store, std::uint64_t epoch, Lang lang) {
    if (epoch != m_epoch || lang != m_lang) {
        m_lines = unitLines(store, lang);
        m_epoch = epoch;
        m_lang = lang;
    }
    return m_lines;
}

} // namespace tdkt::app
