// Bulk import (CSV or JSON lines, all-or-nothing) and export.
#include "commands.hpp"
#include "csv.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"

#include <fstream>

namespace tdkt::cli {
namespace {

using json::Json;

struct Record {
    std::size_t line;
    std::string id;
    store::Fields fields;
};

bool looksLikeJsonLines(const std::filesystem::path& path, std::istream& in) {
    auto ext = path.extension().string();
    if (ext == ".csv") return false;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return true;
    while (std::isspace(in.peek())) in.get();
    return in.peek() == '{';
}

// Reads one record; an error in it names its line.
template <class Fn>
Record onLine(std::size_t line, Fn&& read) {
    try {
        return read();
    } catch (const Error& e) {
        throw Error(e.kind(), "line " + std::to_string(line) + ": " + e.what());
    }
}

std::vector<Record> readJsonLines(const schema::TableDef& t, std::istream& in) {
    std::vector<Record> out;
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const Json doc = json::parse(line, "line " + std::to_string(n));
        out.push_back(onLine(n, [&] {
            Record r{n, "", json::fieldsFromJson(t, doc)};
            if (doc.contains("id") && !doc["id"].is_null()) {
                if (!doc["id"].is_string()) throw Error(ErrorKind::Invalid, "\"id\" must be a string");
                r.id = doc["id"].get<std::string>();
            }
            return r;
        }));
    }
    return out;
}

// An empty CSV cell means "not given": it leaves a field as it is on update.
std::vector<Record> readCsv(const schema::TableDef& t, std::istream& in) {
    CsvReader reader(in);
    auto header = reader.next();
    if (!header) return {};
    if (!header->cells.empty() && header->cells[0].rfind("\xEF\xBB\xBF", 0) == 0) header->cells[0].erase(0, 3);
    for (const auto& name : header->cells)
        if (name != "id" && !t.field(name))
            throw Error(ErrorKind::Invalid, "line 1: unknown field '" + name + "' in table " + t.name);
    std::vector<Record> out;
    while (auto rec = reader.next()) {
        if (rec->cells.size() == 1 && rec->cells[0].empty()) continue;
        if (rec->cells.size() != header->cells.size())
            throw Error(ErrorKind::Invalid, "line " + std::to_string(rec->line) + ": " + std::to_string(rec->cells.size()) +
                                                " cells, the header has " + std::to_string(header->cells.size()));
        out.push_back(onLine(rec->line, [&] {
            Record r{rec->line, "", {}};
            for (std::size_t i = 0; i < rec->cells.size(); ++i) {
                const auto& name = header->cells[i];
                if (name == "id") r.id = rec->cells[i];
                else if (!rec->cells[i].empty())
                    r.fields.emplace_back(name, json::valueFromText(t, *t.field(name), rec->cells[i]));
            }
            return r;
        }));
    }
    return out;
}

std::string cellText(const schema::FieldDef& f, const Value& v) {
    if (isNull(v)) return "";
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    Json j = json::valueToJson(&f, v);
    return j.dump();
}

} // namespace

int runImport(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    const std::filesystem::path file = ctx.args.need(1, "FILE");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, "cannot read " + file.string());
    std::vector<Record> records;
    try {
        records = looksLikeJsonLines(file, in) ? readJsonLines(t, in) : readCsv(t, in);
    } catch (const Error& e) {
        throw Error(e.kind(), file.filename().string() + ": " + e.what());
    }
    auto& s = ctx.store();
    store::Store::Batch batch{s};
    for (const auto& r : records) {
        try {
            if (!r.id.empty() && s.exists(t.name, r.id)) s.update(t.name, r.id, r.fields);
            else s.create(t.name, r.fields, r.id);
        } catch (const Error& e) {
            throw Error(e.kind(), file.filename().string() + " line " + std::to_string(r.line) + ": " + e.what() +
                                      " (nothing was imported)");
        }
    }
    batch.commit();
    ctx.out << Json{{"imported", records.size()}}.dump() << "\n";
    return 0;
}

int runExport(Context& ctx) {
    const auto& t = schema::registry().require(ctx.args.need(0, "TABLE"));
    const auto format = ctx.args.option("--format").value_or("jsonl");
    if (format != "jsonl" && format != "csv")
        throw Error(ErrorKind::Invalid, "--format expects csv or jsonl, got \"" + format + "\"");
    const auto rows = ctx.store().list(t.name);
    if (format == "jsonl") {
        for (const auto& r : rows) ctx.out << json::rowToJson(t, r).dump() << "\n";
        return 0;
    }
    ctx.out << "id";
    for (const auto& f : t.fields) ctx.out << "," << f.name;
    ctx.out << "\n";
    for (const auto& r : rows) {
        ctx.out << csvCell(r.id);
        for (const auto& f : t.fields) {
            auto it = r.fields.find(f.name);
            ctx.out << "," << (it == r.fields.end() ? "" : csvCell(cellText(f, it->second)));
        }
        ctx.out << "\n";
    }
    return 0;
}

} // namespace tdkt::cli
