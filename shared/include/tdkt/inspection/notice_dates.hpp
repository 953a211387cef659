#pragma once
/**
 * @brief The notice rules of an inspection plan (Kế hoạch 1181/KH-HĐTĐKT, mục VI):
 *        the unit is told of the visit at the latest 15 working days before it, and
 *        sends its report at the latest 5 days before it.
 *
 * Working days are the rules engine's (rules::addWorkingDays): Saturdays, Sundays
 * and the `calendar.holidays` parameters of the reference data
 * (assets/reference/calendar.json) are skipped.
 */
#include "tdkt/store/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tdkt::inspection {

struct NoticeRules {
    int noticeWorkingDays = 15; // "chậm nhất trước 15 ngày làm việc"
    int reportDaysBefore = 5;   // "chậm nhất 05 ngày trước thời điểm Đoàn kiểm tra"
};

struct NoticeDates {
    std::string noticeBy;  // the last day to tell the unit (YYYY-MM-DD)
    std::string reportDue; // the last day for the unit's report
};

/** Every `calendar.holidays` day the replica holds ("YYYY-MM-DD", or "MM-DD" every year). */
std::vector<std::string> holidaysFromStore(const store::Store& store);

/**
 * The notice dates of a visit on `visit` (YYYY-MM-DD; Error(Invalid) otherwise):
 * `noticeWorkingDays` working days before it, and `reportDaysBefore` calendar days
 * before it (moved back to a working day when it falls on a day off).
 */
NoticeDates noticeDates(std::string_view visit, const NoticeRules& rules, const std::vector<std::string>& holidays);

} // namespace tdkt::inspection
