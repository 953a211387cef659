#pragma once
/**
 * @brief Movements of a unit subtree in one year, in the shape of table 0601.N/BNV-TĐKT
 *        (research §2): columns by launching level, rows by scope, duration, method.
 *
 * A movement counts in year Y when its period (else its plan date) touches Y. Scope is
 * derived from the launching level (the schema keeps no scope field, nor cụm/khối:
 * row 04 stays 0); duration from period_from..period_to (no period: in no duration row);
 * đột xuất movements are in no method row of 0601.N and are counted apart.
 */
#include "tdkt/report/facts.hpp"
#include "tdkt/report/unit_scope.hpp"

#include <array>
#include <string>
#include <vector>

namespace tdkt::report {

/** Rows 01..12 of 0601.N; columns: total (1), Trung ương (2), bộ/ngành/tỉnh (3), cơ quan/đơn vị (4). */
struct MovementTable {
    static constexpr int Rows = 12;
    std::array<std::array<int, 4>, Rows> cells{}; // [row-1][column-1]
    int dotXuat = 0;
    std::vector<std::string> titles; // the movements counted, by plan date
    int at(int row, int column) const { return cells[static_cast<std::size_t>(row - 1)][static_cast<std::size_t>(column - 1)]; }
};

/** 2, 3 or 4: the 0601.N column of a launching level. */
int launchColumn(const std::string& launchLevel);
/** 6..10: the 0601.N duration row of a period; 0 when not known. */
int durationRow(const std::string& from, const std::string& to);

MovementTable movementTable(const Facts& facts, const UnitScope& scope, int year);

} // namespace tdkt::report
