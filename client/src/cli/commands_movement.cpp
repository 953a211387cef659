// tdkt-cli movement …: the movements list and the editor's typed edits (app/).
#include "commands_movement.hpp"

#include "app/movement_list.hpp"
#include "app/row_draft.hpp"
#include "app/table_sort.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/schema/schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <ostream>

namespace tdkt::cli {
namespace {
using Json = nlohmann::json;

constexpr std::array Tables{"movements", "movement_targets", "movement_results", "model_examples"};

int list(store::Store& s, const Args& a, std::ostream& out) {
    app::MovementFilter f;
    if (a.option("--year")) f.year = a.whole("--year", 0);
    f.unit = a.option("--unit").value_or("");
    f.status = a.option("--status").value_or("");
    f.text = a.option("--text").value_or("");
    if (auto sort = a.option("--sort")) { // FIELD[:asc|desc], a column of the list screen
        std::string field;
        bool desc = false;
        if (!app::parseSortSpec(*sort, field, desc) || !app::sortByField(f, field, desc))
            throw Error(ErrorKind::Invalid, "--sort expects FIELD[:asc|desc] with FIELD one of title, plan_date, "
                                            "launch_level, unit_id, period_from, method, status; got \"" + *sort + "\"");
    }
    app::MovementList l;
    l.refresh(s, f, 1, app::Lang::Vi);
    const auto limit = static_cast<std::size_t>(a.whole("--limit", 100));
    Json rows = Json::array();
    for (std::size_t i = 0; i < l.count() && i < limit; ++i) {
        const auto& r = l.row(s, i);
        rows.push_back({{"id", r.id}, {"title", r.title}, {"plan", r.plan}, {"unit", r.unit}, {"unit_id", r.unitId},
                        {"period", r.period}, {"method", r.method}, {"status", r.statusCode}});
    }
    out << Json{{"count", l.count()}, {"rows", rows}}.dump() << "\n";
    return 0;
}

int set(store::Store& s, const Args& a, std::ostream& out) {
    const std::string& table = a.need(1, "TABLE");
    if (std::find(Tables.begin(), Tables.end(), table) == Tables.end())
        throw Error(ErrorKind::Invalid, "movement set edits movements, movement_targets, movement_results or "
                                        "model_examples, not " + table);
    const std::string& id = a.need(2, "ID");
    const std::string& field = a.need(3, "FIELD");
    const app::Lang lang = a.option("--lang").value_or("vi") == "en" ? app::Lang::En : app::Lang::Vi;
    const auto row = s.get(table, id);
    if (!row) throw Error(ErrorKind::NotFound, "no " + table + " row " + id);
    app::RowDraft d(table, id);
    d.load(*row, lang);
    d.text(field) = a.need(4, "TEXT");
    d.commit(s, field, lang);
    if (const auto* sentence = d.error(field)) throw Error(ErrorKind::Invalid, *sentence);
    Json j = json::rowToJson(schema::registry().require(table), *s.get(table, id));
    j["id"] = id;
    out << j.dump() << "\n";
    return 0;
}

} // namespace

int runMovementCommand(Context& ctx) {
    const Args& a = ctx.args;
    const std::string what = a.positional.empty() ? std::string() : a.positional[0];
    if (what == "list") return list(ctx.store(), a, ctx.out);
    if (what == "set") return set(ctx.store(), a, ctx.out);
    throw Error(ErrorKind::Invalid, "usage: movement list [--year Y] [--unit U] [--status S] [--text WORDS] | "
                                    "movement set TABLE ID FIELD TEXT [--lang vi|en]");
}

} // namespace tdkt::cli
