// Time limits as dates: from the day a dossier is complete, the receiving level has
// processing.working_days working days to appraise and submit it (20 at the
// commune for CSTĐ cơ sở, QĐ 638/QĐ-BNV). The count starts the next day and skips
// weekends and the public holidays of calendar.holidays (Civil Code Đ147
// convention, ⚠️), so the window can show "hạn thẩm định: dd/mm/yyyy".
#include "format.hpp"
#include "row_values.hpp"
#include "tdkt/rules/checks.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace tdkt::rules {
using namespace detail;
namespace {
using namespace std::chrono;

std::optional<sys_days> parseDay(std::string_view iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(std::string(iso).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string isoOf(sys_days t) {
    const year_month_day ymd{t};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

bool isHoliday(const std::string& iso, const std::vector<std::string>& holidays) {
    const std::string_view monthDay = std::string_view(iso).substr(5);
    return std::any_of(holidays.begin(), holidays.end(),
                       [&](const std::string& h) { return h == iso || h == monthDay; });
}

// Every calendar.holidays row in force for the dossier (national, or a unit of its chain).
std::vector<std::string> holidaysFor(const DossierContext& ctx, bool& verified) {
    std::vector<std::string> out;
    verified = true;
    const auto date = ctx.when().receivedOn;
    for (const auto& p : ctx.catalog->params()) {
        if (p.key != "calendar.holidays" || !p.validity.covers(date)) continue;
        const auto& u = p.validity.unitId;
        if (!u.empty() && std::find(ctx.unitChain.begin(), ctx.unitChain.end(), u) == ctx.unitChain.end()) continue;
        auto days = splitList(p.text);
        out.insert(out.end(), days.begin(), days.end());
        verified = verified && p.source.verified;
    }
    return out;
}

} // namespace

std::string addWorkingDays(std::string_view fromIso, int days, const std::vector<std::string>& holidays) {
    auto t = parseDay(fromIso);
    if (!t) return {};
    const sys_days::duration step{days < 0 ? -1 : 1};
    for (int counted = 0; counted < std::abs(days);) {
        *t += step;
        const weekday wd{*t};
        if (wd == Saturday || wd == Sunday || isHoliday(isoOf(*t), holidays)) continue;
        ++counted;
    }
    return isoOf(*t);
}

Findings checkProcessing(const DossierContext& ctx) {
    const auto& d = ctx.dossier;
    const auto* p = decidingParam(ctx, {.key = "processing.working_days", .awardCode = d.awardCode});
    if (!p || !p->value || !ctx.catalog) return {};
    // Complete: the recorded day, or the day received when no component is missing.
    std::string from = d.completedOn;
    if (from.empty() && !d.receivedOn.empty() && checkComponents(ctx).empty()) from = d.receivedOn;
    if (from.empty()) return {};
    bool calendarVerified = true;
    const int days = static_cast<int>(*p->value);
    const auto due = addWorkingDays(from, days, holidaysFor(ctx, calendarVerified));
    if (due.empty()) return {};
    const std::string what = "Hạn thẩm định và trình " + quotedAward(ctx) + ": " + formatDate(due) + " (" +
                             std::to_string(days) + " ngày làm việc kể từ ngày nhận đủ hồ sơ " + formatDate(from) +
                             ", không tính thứ Bảy, Chủ nhật, ngày lễ" +
                             (calendarVerified ? "" : "; lịch nghỉ lễ chưa xác minh, kiểm tra lại") + ")";
    const bool decided = d.status == "approved" || d.status == "not_approved";
    if (decided || ctx.today <= due) return {finding("deadline.appraisal", Severity::Info, what + ".", p->source)};
    return {finding("deadline.appraisal", Severity::Warning,
                    what + ": đã quá hạn, hôm nay " + formatDate(ctx.today) + ". Hoàn thành thẩm định ngay.", p->source)};
}

} // namespace tdkt::rules
