#include "components.hpp"

#include "labels.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/rules/engine.hpp"

#include <algorithm>

namespace tdkt::app {
namespace {

std::string field(const store::Row& r, const char* name) {
    auto it = r.fields.find(name);
    return it == r.fields.end() ? std::string() : valueText(it->second);
}

bool isSet(const store::Row& r, const char* name) {
    auto it = r.fields.find(name);
    if (it == r.fields.end()) return false;
    const auto* i = std::get_if<std::int64_t>(&it->second);
    return i && *i != 0;
}

std::vector<store::Row> items(const store::Store& store, const std::string& dossierId) {
    return store.list("dossier_items", {{"dossier_id", dossierId}});
}

} // namespace

std::vector<ComponentLine> dossierComponents(const store::Store& store, const rules::Catalog& catalog,
                                             const std::string& dossierId) {
    std::vector<ComponentLine> out;
    const auto ctx = rules::buildContext(store, dossierId, catalog, rules::todayIso());
    if (const auto* rule = ctx.rule())
        if (auto it = rule->components.find(ctx.dossier.procedure); it != rule->components.end())
            for (const auto& c : it->second) out.push_back({c, enumLabel("dossier_items", "component", c, Lang::Vi), true}); // shown labelIn()
    for (const auto& r : items(store, dossierId)) {
        const auto code = field(r, "component");
        auto line = std::find_if(out.begin(), out.end(), [&](const auto& l) { return l.code == code; });
        if (line == out.end()) {
            out.push_back({code, enumLabel("dossier_items", "component", code, Lang::Vi), false});
            line = out.end() - 1;
        }
        if (!line->itemId.empty()) continue; // two rows for one component: the first is shown
        line->itemId = r.id;
        line->present = isSet(r, "present") || !field(r, "file_name").empty();
        line->reference = field(r, "note");
    }
    return out;
}

bool setComponent(store::Store& store, const std::string& dossierId, const std::string& component, bool present,
                  const std::string& reference) {
    if (!reference.empty()) present = true;
    for (const auto& r : items(store, dossierId)) {
        if (field(r, "component") != component) continue;
        store::Fields f;
        if (isSet(r, "present") != present) f.emplace_back("present", std::int64_t{present});
        if (!present && !field(r, "file_name").empty()) f.emplace_back("file_name", Value{});
        if (field(r, "note") != reference) f.emplace_back("note", reference.empty() ? Value{} : Value{reference});
        if (f.empty()) return false;
        store.update("dossier_items", r.id, f);
        return true;
    }
    if (!present) return false;
    const auto dossier = store.get("dossiers", dossierId);
    if (!dossier) throw Error(ErrorKind::NotFound, "no dossiers row with id " + dossierId);
    store::Fields f{{"dossier_id", dossierId},
                    {"unit_id", field(*dossier, "unit_id")},
                    {"component", component},
                    {"present", std::int64_t{1}}};
    if (!reference.empty()) f.emplace_back("note", reference);
    store.create("dossier_items", f);
    return true;
}

} // namespace tdkt::app
