// Row commands: init, schema, put, get, list, delete, search, history, dump.
#include "commands.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/dump.hpp"
#include "tdkt/json/row_json.hpp"

#include <charconv>
#include <fstream>
#include <iostream>
#include <iterator>

namespace tdkt::cli {
namespace {

using json::Json;

void print(Context& ctx, const Json& j) { ctx.out << j.dump() << "\n"; }

// "put TABLE -" reads the JSON from stdin, for documents too long for a shell argument.
std::string jsonArgument(const std::string& arg) {
    if (arg != "-") return arg;
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

Json schemaJson() {
    const auto& reg = schema::registry();
    Json tables = Json::array();
    for (const auto& t : reg.tables()) {
        Json fields = Json::array();
        for (const auto& f : t.fields) {
            Json fj = {{"name", f.name}, {"type", schema::typeName(f.type)}, {"label", f.label}, {"required", f.required}};
            if (!f.values.empty()) {
                Json values = Json::array();
                for (const auto& v : f.values) values.push_back({{"code", v.code}, {"label", v.label}});
                fj["values"] = values;
            }
            if (!f.refTable.empty()) fj["ref"] = f.refTable;
            if (f.searchable) fj["searchable"] = true;
            fields.push_back(fj);
        }
        tables.push_back({{"name", t.name},
                          {"label", t.label},
                          {"unit_field", t.unitField},
                          {"title_field", t.titleField},
                          {"server_written", t.serverWritten},
                          {"fields", fields}});
    }
    return {{"version", reg.latestVersion()}, {"tables", tables}};
}

std::size_t parseLimit(const std::optional<std::string>& text) {
    if (!text) return 0;
    std::size_t n = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || p != text->data() + text->size() || n == 0)
        throw Error(ErrorKind::Invalid, "--limit expects a positive whole number, got \"" + *text + "\"");
    return n;
}

} // namespace

store::Store& Context::store() {
    if (!opened) opened = store::Store::open(db);
    return *opened;
}

int runInit(Context& ctx) {
    store::OpenOptions o;
    o.create = true;
    o.siteName = ctx.args.option("--site-name").value_or("");
    const bool existed = std::filesystem::exists(ctx.db);
    ctx.opened = store::Store::open(ctx.db, o);
    auto& s = *ctx.opened;
    print(ctx, {{"site_id", siteToHex(s.siteId())}, {"site_name", s.siteName()}, {"created", !existed}});
    return 0;
}

int runSchema(Context& ctx) {
    print(ctx, schemaJson());
    return 0;
}

int runPut(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    const Json doc = json::parse(jsonArgument(ctx.args.need(1, "JSON")), "the row");
    auto fields = json::fieldsFromJson(t, doc);
    auto& s = ctx.store();
    if (doc.contains("id")) {
        if (!doc["id"].is_string()) throw Error(ErrorKind::Invalid, "\"id\" must be a string");
        const auto id = doc["id"].get<std::string>();
        s.update(t.name, id, fields);
        ctx.out << id << "\n";
    } else {
        ctx.out << s.create(t.name, fields) << "\n";
    }
    return 0;
}

int runGet(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    const auto& id = ctx.args.need(1, "ID");
    auto row = ctx.store().get(t.name, id);
    if (!row) throw Error(ErrorKind::NotFound, "no " + t.name + " row with id " + id);
    print(ctx, json::rowToJson(t, *row));
    return 0;
}

int runList(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    std::vector<store::Filter> where;
    for (const auto& w : ctx.args.all("--where")) {
        auto eq = w.find('=');
        if (eq == std::string::npos) throw Error(ErrorKind::Invalid, "--where expects FIELD=VALUE, got \"" + w + "\"");
        std::string field = w.substr(0, eq), text = w.substr(eq + 1);
        if (field == "id") {
            where.push_back({field, text});
            continue;
        }
        const auto* f = t.field(field);
        if (!f) throw Error(ErrorKind::Invalid, "unknown field '" + field + "' in table " + t.name);
        Value v = json::valueFromText(t, *f, text);
        where.push_back({field, isNull(v) ? v : schema::validate(t, *f, v)});
    }
    Json rows = Json::array();
    for (const auto& r : ctx.store().list(t.name, where, parseLimit(ctx.args.option("--limit"))))
        rows.push_back(json::rowToJson(t, r));
    print(ctx, rows);
    return 0;
}

int runDelete(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    const auto& id = ctx.args.need(1, "ID");
    ctx.store().remove(t.name, id);
    ctx.out << id << "\n";
    return 0;
}

int runSearch(Context& ctx) {
    std::string text;
    for (const auto& w : ctx.args.positional) text += (text.empty() ? "" : " ") + w;
    if (text.empty()) throw Error(ErrorKind::Invalid, "missing argument: TEXT");
    Json hits = Json::array();
    const std::size_t limit = parseLimit(ctx.args.option("--limit"));
    for (const auto& h : ctx.store().search(text, limit ? limit : 50))
        hits.push_back({{"table", h.table}, {"id", h.id}, {"title", h.title}});
    print(ctx, hits);
    return 0;
}

int runHistory(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    Json out = Json::array();
    for (const auto& h : ctx.store().history(t.name, ctx.args.need(1, "ID"))) {
        const auto* f = t.field(h.field);
        out.push_back({{"field", h.field},
                       {"old", json::valueToJson(f, h.oldValue)},
                       {"new", json::valueToJson(f, h.newValue)},
                       {"when", json::isoTime(h.hlc)},
                       {"site", siteToHex(h.site)},
                       {"author", h.author},
                       {"applied", h.applied}});
    }
    print(ctx, out);
    return 0;
}

int runDump(Context& ctx) {
    ctx.out << json::dumpText(ctx.store()) << "\n";
    return 0;
}

} // namespace tdkt::cli
