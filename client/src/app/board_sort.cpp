#include "board_sort.hpp"

#include "tdkt/core/vi_collate.hpp"

#include <algorithm>

namespace tdkt::app {

namespace {

// Not done, under way, done: the follow-up's progress, not its code's spelling.
int progress(const std::string& code) {
    if (code == "da_thuc_hien") return 2;
    if (code == "dang_thuc_hien") return 1;
    return 0;
}

} // namespace

bool followUpSorts(std::size_t column) { return column == 0 || column == 2 || column == 3 || column == 4 || column == 5; }

void sortFollowUp(std::vector<FollowUpRow>& rows, std::size_t column, bool descending) {
    if (!followUpSorts(column)) return;
    auto compare = [&](const FollowUpRow& a, const FollowUpRow& b) {
        switch (column) {
        case 0: return compareVietnamese(a.planTitle, b.planTitle);
        case 2: return compareVietnamese(a.unitName, b.unitName);
        case 3: // no date after every date, whichever way
            if (a.dueDate.empty() != b.dueDate.empty()) return a.dueDate.empty() ? (descending ? -1 : 1) : (descending ? 1 : -1);
            return a.dueDate.compare(b.dueDate);
        case 4: return a.overdueDays - b.overdueDays;
        default: return progress(a.followUp) - progress(b.followUp);
        }
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const FollowUpRow& a, const FollowUpRow& b) {
        const int c = compare(a, b);
        return descending ? c > 0 : c < 0;
    });
}

} // namespace tdkt::app
