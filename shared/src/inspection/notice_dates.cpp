// The notice dates of a visit, on the rules engine's working days.
#include "tdkt/inspection/notice_dates.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/rules/checks.hpp"

#include <chrono>
#include <cstdio>

namespace tdkt::inspection {
namespace {
using namespace std::chrono;

sys_days parse(std::string_view date) {
    int y = 0;
    unsigned m = 0, d = 0;
    const std::string s(date);
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw Error(ErrorKind::Invalid, "inspection.date: expected YYYY-MM-DD, got \"" + s + "\"");
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) throw Error(ErrorKind::Invalid, "inspection.date: no such date " + s);
    return sys_days{ymd};
}

std::string iso(sys_days when) {
    const year_month_day ymd{when};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

} // namespace

std::vector<std::string> holidaysFromStore(const store::Store& store) {
    std::vector<std::string> out;
    for (const auto& row : store.list("parameters", {{"key", std::string("calendar.holidays")}})) {
        auto it = row.fields.find("text_value");
        if (it == row.fields.end()) continue;
        const auto* s = std::get_if<std::string>(&it->second);
        if (!s) continue;
        std::size_t from = 0;
        while (from <= s->size()) {
            auto comma = s->find(',', from);
            if (comma == std::string::npos) comma = s->size();
            std::string day = s->substr(from, comma - from);
            day.erase(0, day.find_first_not_of(' '));
            day.erase(day.find_last_not_of(' ') + 1);
            if (!day.empty()) out.push_back(std::move(day));
            from = comma + 1;
        }
    }
    return out;
}

NoticeDates noticeDates(std::string_view visit, const NoticeRules& rules, const std::vector<std::string>& holidays) {
    const sys_days day = parse(visit);
    NoticeDates out;
    out.noticeBy = rules::addWorkingDays(visit, -rules.noticeWorkingDays, holidays);
    // "05 ngày trước": calendar days; a report due on a day off is due the working day before.
    const std::string due = iso(day - days{rules.reportDaysBefore});
    const std::string dayAfter = iso(day - days{rules.reportDaysBefore - 1});
    out.reportDue = rules::addWorkingDays(dayAfter, -1, holidays);
    if (out.reportDue.empty()) out.reportDue = due;
    return out;
}

} // namespace tdkt::inspection
