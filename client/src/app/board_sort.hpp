#pragma once
// The follow-up board sorted by a clicked header (issue 17), in memory: it holds the
// recommendations of every plan, a few hundred at most. Plan and unit sort as
// Vietnamese names, the due date by day (no date last), overdue by days, the
// follow-up by progress (not done, under way, done); ties keep
// the board's own order (overdue first, then by due date).
#include "inspection_view.hpp"

#include <cstddef>
#include <vector>

namespace tdkt::app {

/** The board's columns: 0 plan, 1 recommendation (does not sort), 2 unit to act, 3 due, 4 overdue, 5 follow-up. */
inline constexpr std::size_t FollowUpColumns = 6;
/** Whether column `column` of the board sorts. */
bool followUpSorts(std::size_t column);
/** Sorts `rows` by `column` (stable: ties keep their order); a column that does not sort leaves them. */
void sortFollowUp(std::vector<FollowUpRow>& rows, std::size_t column, bool descending);

} // namespace tdkt::app
