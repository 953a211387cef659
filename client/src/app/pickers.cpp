#include "pickers.hpp"

#include "labels.hpp"

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

std::vector<Choice> findPeople(const store::Store& store, const std::string& unit, const std::string& text,
                               std::size_t limit) {
    store::PageQuery q;
    q.table = "people";
    q.unitSubtree = unit;
    q.text = text;
    q.sortField = "full_name";
    q.limit = limit;
    q.columns = {"full_name", "position", "unit_id"};
    std::map<std::string, std::string> unitNames;
    std::vector<Choice> out;
    for (const auto& r : store.page(q)) {
        const auto u = field(r, "unit_id");
        auto [it, fresh] = unitNames.try_emplace(u);
        if (fresh)
            if (auto row = store.get("units", u)) it->second = field(*row, "name");
        std::string name = field(r, "full_name"), label = name;
        if (const auto pos = field(r, "position"); !pos.empty()) label += " — " + pos;
        if (!it->second.empty()) label += " (" + it->second + ")";
        out.push_back({r.id, std::move(label), std::move(name)});
    }
    return out;
}

std::vector<Choice> unitSubtree(const store::Store& store, const std::string& root) {
    std::map<std::string, std::string> names, parents;
    std::map<std::string, std::vector<std::string>> children; // parent → children
    for (const auto& r : store.list("units")) {
        names[r.id] = field(r, "name");
        parents[r.id] = field(r, "parent_id");
        children[parents[r.id]].push_back(r.id);
    }
    for (auto& [parent, kids] : children)
        std::sort(kids.begin(), kids.end(), [&](const auto& a, const auto& b) { return names[a] < names[b]; });
    std::vector<Choice> out;
    std::set<std::string> seen; // a cycle in bad data ends here
    std::function<void(const std::string&, int)> walk = [&](const std::string& id, int depth) {
        if (!seen.insert(id).second) return;
        const auto& name = names[id].empty() ? id : names[id];
        out.push_back({id, name, name, depth});
        if (auto it = children.find(id); it != children.end())
            for (const auto& c : it->second) walk(c, depth + 1);
    };
    if (!root.empty() && names.contains(root)) {
        walk(root, 0);
    } else {
        for (const auto& [id, parent] : parents)
            if (parent.empty() || !names.contains(parent)) walk(id, 0);
    }
    return out;
}

std::vector<Choice> awardForms(const rules::Catalog& catalog, const std::string& nomineeKind) {
    std::set<std::string> codes;
    const auto today = rules::todayIso(); // a form abolished is not offered for a new proposal
    for (const auto& r : catalog.rules())
        if (r.validity.covers(today) &&
            (nomineeKind.empty() ||
             std::find(r.nomineeKinds.begin(), r.nomineeKinds.end(), nomineeKind) != r.nomineeKinds.end()))
            codes.insert(r.awardCode);
    std::vector<Choice> out;
    for (const auto& c : codes) {
        auto label = enumLabel("dossiers", "award_code", c, Lang::Vi); // the combo shows it labelIn()
        out.push_back({c, label, label});
    }
    std::sort(out.begin(), out.end(), [](const Choice& a, const Choice& b) { return a.label < b.label; });
    return out;
}

} // namespace tdkt::app
