// The 0602.N / 0603.N column lists (TT 02/2023/TT-BNV) read from data, and the
// lookups the report statistics make with them.
#include "tdkt/catalog/statistics_columns.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace tdkt::catalog {
namespace {

std::vector<std::string> strings(const nlohmann::json& doc, const char* key) {
    std::vector<std::string> out;
    if (doc.contains(key))
        for (const auto& v : doc.at(key)) out.push_back(v.get<std::string>());
    return out;
}

} // namespace

StatColumns statColumnsFromJson(const nlohmann::json& doc) {
    StatColumns out;
    try {
        out.sourceDocument = doc.at("source").at("document").get<std::string>();
        out.asOf = doc.value("as_of", "");
        for (const auto& c : doc.at("columns")) {
            StatColumn col;
            col.table = c.at("table").get<std::string>();
            col.id = c.at("id").get<std::string>();
            col.label = c.at("label").get<std::string>();
            col.awardCodes = strings(c, "award_codes");
            col.byNominee = c.value("by_nominee", true);
            out.columns.push_back(std::move(col));
        }
        out.notInTables = strings(doc, "not_in_national_tables");
        out.countedApart = strings(doc, "counted_apart_kinds");
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Invalid, std::string("statistics columns: ") + e.what());
    }
    std::set<std::pair<std::string, std::string>> seen; // (table, code)
    for (const auto& c : out.columns)
        for (const auto& code : c.awardCodes)
            if (!seen.emplace(c.table, code).second)
                throw Error(ErrorKind::Invalid, "statistics columns: " + code + " in two columns of " + c.table);
    return out;
}

StatColumns loadStatColumns(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, "no statistics columns at " + file.string());
    std::stringstream buf;
    buf << in.rdbuf();
    try {
        return statColumnsFromJson(nlohmann::json::parse(buf.str()));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Invalid, file.filename().string() + ": " + e.what());
    }
}

bool countedApart(const StatColumns& cols, std::string_view dossierKind) {
    return std::find(cols.countedApart.begin(), cols.countedApart.end(), dossierKind) != cols.countedApart.end();
}

std::vector<const StatColumn*> columnsFor(const StatColumns& cols, std::string_view awardCode,
                                          std::string_view dossierKind) {
    std::vector<const StatColumn*> out;
    if (countedApart(cols, dossierKind)) return out;
    for (const auto& c : cols.columns)
        if (std::find(c.awardCodes.begin(), c.awardCodes.end(), awardCode) != c.awardCodes.end()) out.push_back(&c);
    return out;
}

std::vector<const StatColumn*> tableColumns(const StatColumns& cols, std::string_view table) {
    std::vector<const StatColumn*> out;
    for (const auto& c : cols.columns)
        if (c.table == table) out.push_back(&c);
    return out;
}

} // namespace tdkt::catalog
