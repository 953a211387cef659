#include "calendar.hpp"

#include "report_view.hpp"

#include <chrono>
#include <cstdio>

namespace tdkt::app {

Month monthOf(int year, int month) {
    using namespace std::chrono;
    const year_month ym{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}};
    const weekday first{sys_days{ym / 1}};
    const year_month_day_last last = ym / std::chrono::last;
    return {year, month, static_cast<int>(first.iso_encoding()) - 1, static_cast<int>(static_cast<unsigned>(last.day()))};
}

Month nextMonth(const Month& m) { return m.month == 12 ? monthOf(m.year + 1, 1) : monthOf(m.year, m.month + 1); }

Month previousMonth(const Month& m) { return m.month == 1 ? monthOf(m.year - 1, 12) : monthOf(m.year, m.month - 1); }

std::string isoDay(const Month& m, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", m.year % 10000, m.month % 100, day % 100);
    return buf;
}

Month monthOfDay(const std::string& day, int fallbackYear) {
    if (ReportView::validDay(day)) return monthOf(std::stoi(day.substr(0, 4)), std::stoi(day.substr(5, 2)));
    return monthOf(fallbackYear, 12);
}

} // namespace tdkt::app
