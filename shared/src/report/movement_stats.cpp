// Table 0601.N "Số phong trào thi đua" from the movements (issue 19).
#include "tdkt/report/movement_stats.hpp"

#include <algorithm>
#include <chrono>

namespace tdkt::report {
namespace {

int yearOf(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

bool touches(const MovementFact& m, int year) {
    if (!m.periodFrom.empty() || !m.periodTo.empty()) {
        const int from = m.periodFrom.empty() ? yearOf(m.periodTo) : yearOf(m.periodFrom);
        const int to = m.periodTo.empty() ? from : yearOf(m.periodTo);
        return from <= year && year <= to;
    }
    return yearOf(m.planDate) == year;
}

std::chrono::sys_days day(const std::string& d) {
    using namespace std::chrono;
    return sys_days{std::chrono::year{std::stoi(d.substr(0, 4))} / std::stoi(d.substr(5, 2)) / std::stoi(d.substr(8, 2))};
}

// 02 toàn quốc, 03 bộ/ngành/địa phương, 05 cơ quan, đơn vị (04 cụm, khối: not kept).
int scopeRow(const std::string& launchLevel) {
    if (launchLevel == "trung_uong") return 2;
    if (launchLevel == "co_quan" || launchLevel == "doanh_nghiep") return 5;
    return 3;
}

} // namespace

int launchColumn(const std::string& launchLevel) {
    if (launchLevel == "trung_uong") return 2;
    if (launchLevel == "tinh" || launchLevel == "bo_nganh") return 3;
    return 4;
}

int durationRow(const std::string& from, const std::string& to) {
    if (from.size() != 10 || to.size() != 10) return 0;
    const auto days = (day(to) - day(from)).count() + 1; // both ends included
    if (days <= 0) return 0;
    // A year is 365 or 366 days (01/01–31/12); a few days' slack for plans dated mid-month.
    if (days < 360) return 6;
    if (days <= 372) return 7;
    if (days < 3 * 365) return 8;
    if (days < 5 * 365) return 9;
    return 10;
}

MovementTable movementTable(const Facts& facts, const UnitScope& scope, int year) {
    MovementTable t;
    std::vector<const MovementFact*> counted;
    for (const auto& m : facts.movements)
        if (scope.covers(m.unitId) && touches(m, year)) counted.push_back(&m);
    std::sort(counted.begin(), counted.end(), [](auto* a, auto* b) { return a->planDate < b->planDate; });
    for (const auto* m : counted) {
        const int column = launchColumn(m->launchLevel);
        std::vector<int> rows{1, scopeRow(m->launchLevel)};
        if (int r = durationRow(m->periodFrom, m->periodTo)) rows.push_back(r);
        if (m->method == "chuyen_de") rows.push_back(11);
        else if (m->method == "thuong_xuyen") rows.push_back(12);
        else if (m->method == "dot_xuat") ++t.dotXuat;
        for (int r : rows) {
            ++t.cells[static_cast<std::size_t>(r - 1)][0];
            ++t.cells[static_cast<std::size_t>(r - 1)][static_cast<std::size_t>(column - 1)];
        }
        t.titles.push_back(m->title);
    }
    return t;
}

} // namespace tdkt::report
