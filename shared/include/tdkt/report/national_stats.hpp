#pragma once
/**
 * @brief The national statistics tables 0602.N (state awards) and 0603.N (bộ,
 *        ngành, tỉnh awards) of TT 02/2023/TT-BNV for a unit subtree and a year
 *        (research §2): the columns from catalog::StatColumns, rows by nominee,
 *        by method, and by the units under the root (merged units under their successor).
 *
 * Counted: dossiers granted (approved) in the year, not hiệp y, whose award code is
 * in a column of the table. A household counts with the individuals ("Cá nhân")
 * where a column is split Tập thể / Cá nhân, as in the seeds' biểu.
 */
#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/report/commendation_stats.hpp"

#include <string>
#include <vector>

namespace tdkt::report {

struct NationalRow {
    std::string code;  // "01".. for the fixed rows, empty for a unit's row
    std::string label; // Vietnamese
    std::vector<Count> cells; // one a column of NationalTable::columns
    Count total() const;
};

struct NationalTable {
    std::string table; // "0602.N" | "0603.N"
    std::vector<catalog::StatColumn> columns;
    /** 01 Tổng số, 02 Tập thể, 03 Hộ gia đình, 04 Cá nhân, 05 of which leaders, 06 of which
     *  front-line workers, then one row a method (07..12, awardMethods order), 13 no method;
     *  then one row for the root's own dossiers and one a unit directly under it holding
     *  its whole subtree (breadth first, code empty). */
    std::vector<NationalRow> rows;
    const NationalRow& row(const std::string& code) const;
};

NationalTable nationalTable(const Facts& facts, const UnitScope& scope, int year, const catalog::StatColumns& columns,
                            const std::string& table);

} // namespace tdkt::report
