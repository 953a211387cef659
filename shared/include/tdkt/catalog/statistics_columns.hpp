#pragma once
/**
 * @brief The columns of the national statistics tables 0602.N (state awards) and
 *        0603.N (bộ, ngành, tỉnh awards) of TT 02/2023/TT-BNV, and which award
 *        codes each counts: data (assets/reference/statistics/), read once, then
 *        pure lookups for the report statistics.
 *
 * A hiệp y (dossiers.kind = hiep_y) is the unit's concurrence on another
 * authority's proposal: it is counted apart, in no column of either table.
 */
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::catalog {

struct StatColumn {
    std::string table;  // "0602.N" | "0603.N"
    std::string id;     // e.g. "huan_chuong_doc_lap_hang_ba", "bang_khen"
    std::string label;  // Vietnamese column heading
    std::vector<std::string> awardCodes;
    bool byNominee = true; // split Tập thể / Cá nhân
};

struct StatColumns {
    std::string sourceDocument, asOf;
    std::vector<StatColumn> columns;          // in the tables' order
    std::vector<std::string> notInTables;     // codes neither table counts (a unit's own forms)
    std::vector<std::string> countedApart;    // dossier kinds counted apart (hiep_y)
};

/** Reads the document's shape; throws Error(Invalid) naming what is wrong (a code in two columns of one table). */
StatColumns statColumnsFromJson(const nlohmann::json& doc);
/** statColumnsFromJson of a file (assets/reference/statistics/columns_tt02_2023.json). */
StatColumns loadStatColumns(const std::filesystem::path& file);

/** Whether a dossier of this kind is counted apart from the tables (hiệp y). */
bool countedApart(const StatColumns& cols, std::string_view dossierKind);

/**
 * The columns an award of `awardCode` counts in (at most one a table); none for a
 * code the tables do not count, an unknown code, or a kind counted apart.
 */
std::vector<const StatColumn*> columnsFor(const StatColumns& cols, std::string_view awardCode,
                                          std::string_view dossierKind = "de_nghi");

/** The columns of one table ("0602.N"), in order. */
std::vector<const StatColumn*> tableColumns(const StatColumns& cols, std::string_view table);

} // namespace tdkt::catalog
