#pragma once
// A month as a date picker lays it out (Monday first), and the days around it,
// for the report's "chưa đồng bộ từ ngày" (no ImGui here).
#include <string>

namespace tdkt::app {

struct Month {
    int year = 0, month = 0; // 1..12
    int firstWeekday = 0;    // 0 Monday .. 6 Sunday: the column of day 1
    int days = 0;            // 28..31
};

Month monthOf(int year, int month);
Month nextMonth(const Month& m);
Month previousMonth(const Month& m);
/** YYYY-MM-DD of a day of the month. */
std::string isoDay(const Month& m, int day);
/** The month of a YYYY-MM-DD day, or of December of `fallbackYear` when the text is not one. */
Month monthOfDay(const std::string& day, int fallbackYear);

} // namespace tdkt::app
