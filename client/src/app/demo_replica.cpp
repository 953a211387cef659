#include "demo_replica.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/store/store.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace tdkt::app {
namespace {

namespace fs = std::filesystem;

// FILE[:TABLE] in scripts/demo.sh's order (unit_files there).
constexpr const char* UnitFiles[] = {"people", "evaluations", "initiatives", "award_history", "movements",
                                     "movement_targets", "movement_results", "dossiers", "dossier_items",
                                     "dossier_submissions:dossiers"};

void put(store::Store& s, const schema::TableDef& t, const std::string& id, const store::Fields& fields) {
    if (!id.empty() && s.exists(t.name, id)) s.update(t.name, id, fields);
    else s.create(t.name, fields, id);
}

template <class Fn>
void onLine(const fs::path& file, std::size_t line, Fn&& fn) {
    try {
        fn();
    } catch (const Error& e) {
        throw Error(e.kind(), file.filename().string() + " line " + std::to_string(line) + ": " + e.what());
    }
}

// assets/demo/units.csv: a header of field names, no quoted cells (the demo's own file).
void importUnits(store::Store& s, const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw Error(ErrorKind::NotFound, "cannot read " + file.string());
    const auto& t = schema::registry().require("units");
    auto cells = [](const std::string& line) {
        std::vector<std::string> out;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, ',');) out.push_back(c);
        if (!line.empty() && line.back() == ',') out.emplace_back();
        return out;
    };
    std::string line;
    std::getline(in, line);
    const auto header = cells(line);
    for (std::size_t n = 2; std::getline(in, line); ++n) {
        if (line.empty()) continue;
        onLine(file, n, [&] {
            const auto row = cells(line);
            std::string id;
            store::Fields fields;
            for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
                if (header[i] == "id") id = row[i];
                else if (const auto* f = t.field(header[i]); !f)
                    throw Error(ErrorKind::Invalid, "unknown field '" + header[i] + "' in table units");
                else if (!row[i].empty())
                    fields.emplace_back(header[i], json::valueFromText(t, *f, row[i]));
            }
            put(s, t, id, fields);
        });
    }
}

// The rows of a JSON-lines file whose unit_id is `unit` (all when unit is empty).
std::size_t importRows(store::Store& s, const fs::path& file, const std::string& table, const std::string& unit) {
    std::ifstream in(file);
    if (!in) return 0; // a demo without this kind of record
    const auto& t = schema::registry().require(table);
    std::size_t done = 0;
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        onLine(file, n, [&] {
            const auto doc = json::parse(line, "line " + std::to_string(n));
            if (!unit.empty() && (!doc.contains("unit_id") || doc["unit_id"] != unit)) return;
            const std::string id = doc.contains("id") && doc["id"].is_string() ? doc["id"].get<std::string>() : "";
            put(s, t, id, json::fieldsFromJson(t, doc));
            ++done;
        });
    }
    return done;
}

} // namespace

void buildDemoReplica(const fs::path& db, const DemoPaths& paths, const std::string& unit) {
    const fs::path part = db.string() + ".part";
    fs::create_directories(db.parent_path());
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(part.string() + ext);
    try {
        {
            store::OpenOptions o;
            o.create = true;
            o.siteName = "Xã Bình Lư - demo ngoại tuyến";
            auto s = store::Store::open(part, o);
            {
                store::Store::Batch batch{*s};
                importUnits(*s, paths.assets / "units.csv");
                batch.commit();
            }
            rules::seedReference(*s, paths.reference);
            store::Store::Batch batch{*s};
            // The movements launched above the unit (the province's), as a sync brings them:
            // the unit registers its targets against them.
            for (auto up = s->get("units", unit); up;) {
                const auto parent = up->fields.find("parent_id");
                if (parent == up->fields.end() || !std::holds_alternative<std::string>(parent->second)) break;
                const auto id = std::get<std::string>(parent->second);
                importRows(*s, paths.assets / "movements.jsonl", "movements", id);
                up = s->get("units", id);
            }
            for (std::string entry : UnitFiles) {
                const auto colon = entry.find(':');
                const std::string file = entry.substr(0, colon);
                const std::string table = colon == std::string::npos ? file : entry.substr(colon + 1);
                importRows(*s, paths.assets / (file + ".jsonl"), table, unit);
            }
            batch.commit();
            s->setSetting("unit", unit); // the officer's unit: pickers offer it and what is below
        }
        fs::rename(part, db);
    } catch (...) {
        for (const char* ext : {"", "-wal", "-shm"}) fs::remove(part.string() + ext);
        throw;
    }
}

fs::path demoReplica(const DemoPaths& paths) {
    const auto ran = paths.runDir / DemoReplicaFile;
    if (fs::exists(ran)) return ran;
    const auto offline = paths.offlineDir / DemoReplicaFile;
    if (!fs::exists(offline)) buildDemoReplica(offline, paths, DemoUnit);
    return offline;
}

} // namespace tdkt::app
