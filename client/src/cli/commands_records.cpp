// tdkt-cli records people|person|units|reference|history: the records screens'
// views printed as JSON (edits go through `put`, as the GUI's go through the store).
#include "commands_records.hpp"

#include "app/history_view.hpp"
#include "app/labels.hpp"
#include "app/people_list.hpp"
#include "app/person_page.hpp"
#include "app/reference_view.hpp"
#include "app/table_sort.hpp"
#include "app/units_view.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <ostream>

namespace tdkt::cli {
namespace {

using Json = nlohmann::json;

Json source(const app::SourceText& s) { return {{"text", s.text}, {"verified", s.verified}}; }

std::size_t limitOf(const Context& ctx, std::size_t fallback) {
    const auto text = ctx.args.option("--limit");
    if (!text) return fallback;
    std::size_t n = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || p != text->data() + text->size() || n == 0)
        throw Error(ErrorKind::Invalid, "--limit expects a positive whole number, got \"" + *text + "\"");
    return n;
}

// people [--unit U] [--search TEXT] [--by-given-name] [--sort FIELD[:desc]] [--limit N]: the list as the screen pages it.
int people(Context& ctx) {
    app::PeopleFilter f;
    f.unit = ctx.args.option("--unit").value_or("");
    f.text = ctx.args.option("--search").value_or("");
    f.byGivenName = ctx.args.flag("--by-given-name");
    if (auto sort = ctx.args.option("--sort")) { // FIELD[:asc|desc], a column of the people screen
        std::string field;
        bool desc = false;
        if (!app::parseSortSpec(*sort, field, desc) || !app::sortByField(f, field, desc))
            throw Error(ErrorKind::Invalid, "--sort expects FIELD[:asc|desc] with FIELD one of full_name, position, "
                                            "is_leader, unit_id; got \"" + *sort + "\"");
    }
    app::PeopleList list;
    list.refresh(ctx.store(), f, 1);
    const std::size_t n = std::min(list.count(), limitOf(ctx, 1000));
    Json rows = Json::array();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = list.row(ctx.store(), i);
        rows.push_back({{"id", r.id}, {"full_name", r.name}, {"position", r.position}, {"is_leader", r.leader},
                        {"unit_id", r.unitId}, {"unit", r.unit}});
    }
    ctx.out << Json{{"count", list.count()}, {"rows", rows}}.dump() << "\n";
    return 0;
}

// person ID: the person's fields, awards, evaluations and dossiers.
int person(Context& ctx) {
    const auto& id = ctx.args.need(1, "ID");
    app::PersonPage page;
    page.load(ctx.store(), id, app::Lang::Vi);
    const auto& t = schema::registry().require("people");
    Json out{{"person", json::rowToJson(t, *ctx.store().get("people", id))}};
    out["awards"] = Json::array();
    for (const auto& a : page.awards())
        out["awards"].push_back({{"id", a.id}, {"award", a.award}, {"method", a.method}, {"year", a.year},
                                 {"decision_number", a.decisionNumber}, {"decision_date", a.decisionDate},
                                 {"issuer", a.issuer}});
    out["evaluations"] = Json::array();
    for (const auto& e : page.evaluations())
        out["evaluations"].push_back({{"id", e.id}, {"year", e.year}, {"rank", e.rankCode}, {"rank_label", e.rank},
                                      {"maternity_leave", e.maternityLeave}, {"note", e.note}});
    out["dossiers"] = Json::array();
    for (const auto& d : page.dossiers())
        out["dossiers"].push_back({{"id", d.id}, {"award", d.award}, {"status", d.status}, {"year", d.year}});
    ctx.out << out.dump() << "\n";
    return 0;
}

int units(Context& ctx) {
    Json rows = Json::array();
    for (const auto& u : app::unitLines(ctx.store(), app::Lang::Vi))
        rows.push_back({{"id", u.id}, {"name", u.name}, {"depth", u.depth}, {"level", u.level}, {"code", u.code},
                        {"merged_into", u.mergedInto}, {"merged_from", u.mergedFrom}, {"valid_from", u.validFrom},
                        {"valid_to", u.validTo}, {"people", u.people}, {"dissolved", u.dissolved}});
    ctx.out << rows.dump() << "\n";
    return 0;
}

int reference(Context& ctx) {
    const auto catalog = rules::catalogFromStore(ctx.store());
    if (catalog.rules().empty())
        throw Error(ErrorKind::NotFound, "no reference data in this database: run 'tdkt-cli --db PATH reference load'");
    Json awards = Json::array();
    for (const auto& a : app::awardRuleLines(catalog, ctx.store(), app::Lang::Vi)) {
        Json deciders = Json::array();
        for (const auto& d : a.deciders)
            deciders.push_back({{"levels", d.levels}, {"from", d.from}, {"to", d.to}, {"source", source(d.source)}});
        awards.push_back({{"id", a.id}, {"award_code", a.code}, {"award", a.award}, {"category", a.category},
                          {"nominees", a.nominees}, {"scope", a.scope}, {"period_years", a.periodYears},
                          {"from", a.from}, {"to", a.to}, {"components", a.components},
                          {"components_known", a.componentsKnown}, {"components_source", source(a.componentsSource)},
                          {"source", source(a.source)}, {"deciders", deciders}});
    }
    Json salary = Json::array();
    for (const auto& s : app::baseSalaryLines(catalog, ctx.store()))
        salary.push_back({{"id", s.id}, {"amount", s.amount}, {"from", s.from}, {"to", s.to}, {"note", s.note},
                          {"source", source(s.source)}});
    ctx.out << Json{{"awards", awards}, {"base_salary", salary}}.dump() << "\n";
    return 0;
}

// history TABLE ID: as the history screen words it (labels, shown values, lost edits).
int history(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(1, "TABLE"));
    const auto& id = ctx.args.need(2, "ID");
    auto& store = ctx.store();
    const auto lines = app::historyLines(
        store, t.name, id,
        [&store](const std::string& tb, const std::string& f, const Value& v) { return app::shownValueIn(store, tb, f, v, app::Lang::Vi); },
        app::Lang::Vi);
    Json out = Json::array();
    for (const auto& l : lines)
        out.push_back({{"field", l.field}, {"label", l.fieldLabel}, {"old", l.before}, {"new", l.after},
                       {"author", l.author}, {"when", l.when}, {"site", l.device}, {"this_device", l.thisDevice},
                       {"applied", l.applied}});
    ctx.out << out.dump() << "\n";
    return 0;
}

} // namespace

int runRecordsCommand(Context& ctx) {
    const auto& what = ctx.args.need(0, "people|person|units|reference|history");
    if (what == "people") return people(ctx);
    if (what == "person") return person(ctx);
    if (what == "units") return units(ctx);
    if (what == "reference") return reference(ctx);
    if (what == "history") return history(ctx);
    throw Error(ErrorKind::Invalid, "records expects people, person, units, reference or history, got \"" + what + "\"");
}

} // namespace tdkt::cli
