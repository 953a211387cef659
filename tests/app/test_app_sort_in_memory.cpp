// Tables sorted in memory by a clicked header (issue 17): a record's history by time,
// who, device or field; the follow-up board by due date, unit or progress; the award
// catalog by award, nominees or dates in force. Ties keep their own order.
#include "app_world.hpp"

#include "app/board_sort.hpp"
#include "app/history_view.hpp"
#include "app/labels.hpp"
#include "app/reference_view.hpp"

#include "tdkt/core/vi_collate.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace tdkt::test {

TEST_CASE("table-sort: a record's history sorts by time, who and field with ties by time") {
    AppWorld w;
    auto& s = *w.store;
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    s.update("dossiers", id, {{"summary", std::string("Hoàn thành")}});
    s.update("dossiers", id, {{"year", std::int64_t{2026}}});
    s.update("dossiers", id, {{"summary", std::string("Hoàn thành xuất sắc")}});
    auto lines = app::historyLines(s, "dossiers", id, [](const std::string&, const std::string&, const Value& v) {
        return app::valueText(v);
    }, app::Lang::Vi);
    REQUIRE(lines.size() >= 4);
    // Authors as a synced replica shows them: given here, the store's lines kept otherwise.
    const char* authors[] = {"Trần Văn Bình", "Đặng Thị Hoa", "Dương Văn Bảy", "Đặng Thị Hoa"};
    for (std::size_t i = 0; i < lines.size(); ++i) lines[i].author = authors[i % 4];
    auto byTime = app::historyOrder(lines, 0, true);
    for (std::size_t i = 1; i < byTime.size(); ++i) CHECK(lines[byTime[i - 1]].hlc >= lines[byTime[i]].hlc);
    CHECK(lines[byTime.front()].fieldLabel == lines.back().fieldLabel); // newest first
    auto byWho = app::historyOrder(lines, 1, false);
    for (std::size_t i = 1; i < byWho.size(); ++i) {
        const auto &a = lines[byWho[i - 1]], &b = lines[byWho[i]];
        const int c = compareVietnamese(a.author, b.author);
        CHECK(c <= 0);
        if (c == 0) CHECK(a.hlc <= b.hlc); // ties by time
    }
    CHECK(lines[byWho.front()].author == "Dương Văn Bảy"); // D before Đ before T
    CHECK(lines[byWho.back()].author == "Trần Văn Bình");
    auto byField = app::historyOrder(lines, 3, true);
    for (std::size_t i = 1; i < byField.size(); ++i)
        CHECK(compareVietnamese(lines[byField[i - 1]].fieldLabel, lines[byField[i]].fieldLabel) >= 0);
    CHECK(app::historyOrder(lines, 5, false) == app::historyOrder(lines, 0, false)); // not a sort column: by time
    std::vector<std::size_t> sorted = byField;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted.size() == lines.size());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()); // each line once
}

TEST_CASE("table-sort: the follow-up board sorts by due date with no date last and by unit as Vietnamese") {
    auto row = [](const char* id, const char* unit, const char* due, int overdue, const char* follow) {
        app::FollowUpRow r;
        r.id = id;
        r.unitName = unit;
        r.dueDate = due;
        r.overdueDays = overdue;
        r.followUp = follow;
        return r;
    };
    const std::vector<app::FollowUpRow> board{row("a", "Xã Yên Mạc", "2026-03-01", 30, "chua_thuc_hien"),
                                             row("b", "Xã Đông Sơn", "", 0, "da_thuc_hien"),
                                             row("c", "Xã Khánh Hòa", "2026-01-15", 60, "dang_thuc_hien"),
                                             row("d", "Xã Dân Chủ", "2026-12-31", 0, "chua_thuc_hien")};
    auto ids = [](const std::vector<app::FollowUpRow>& rows) {
        std::string out;
        for (const auto& r : rows) out += r.id;
        return out;
    };
    auto rows = board;
    app::sortFollowUp(rows, 3, false);
    CHECK(ids(rows) == "cadb"); // by deadline, the one with none last
    app::sortFollowUp(rows, 3, true);
    CHECK(ids(rows) == "dacb"); // latest first, still none last
    rows = board;
    app::sortFollowUp(rows, 2, false);
    CHECK(ids(rows) == "dbca"); // Dân Chủ, Đông Sơn, Khánh Hòa, Yên Mạc
    rows = board;
    app::sortFollowUp(rows, 5, false);
    CHECK(ids(rows) == "adcb"); // not done (in board order), under way, done
    app::sortFollowUp(rows, 4, true);
    CHECK(ids(rows) == "cadb"); // most overdue first; ties keep their order
    rows = board;
    CHECK_FALSE(app::followUpSorts(1));
    app::sortFollowUp(rows, 1, false);
    CHECK(ids(rows) == "abcd");
}


TEST_CASE("table-sort: the award catalog sorts by award, nominees or dates in force, ties in its own order") {
    std::vector<app::AwardRuleLine> lines(4);
    lines[0].award = "Giấy khen", lines[0].nominees = "Cá nhân", lines[0].from = "2024-01-01";
    lines[1].award = "Bằng khen", lines[1].nominees = "Tập thể", lines[1].from = "";
    lines[2].award = "Đoàn kết", lines[2].nominees = "Cá nhân", lines[2].from = "2018-01-01";
    lines[3].award = "Danh hiệu", lines[3].nominees = "Hộ gia đình", lines[3].from = "2024-01-01";
    using Order = std::vector<std::size_t>;
    CHECK(app::awardRuleOrder(lines, -1, false) == Order{0, 1, 2, 3}); // no header: the catalog's order
    CHECK(app::awardRuleOrder(lines, 0, false) == Order{1, 3, 2, 0});  // D before Đ before G
    CHECK(app::awardRuleOrder(lines, 0, true) == Order{0, 2, 3, 1});
    CHECK(app::awardRuleOrder(lines, 1, false) == Order{0, 2, 3, 1});  // ties keep their order
    CHECK(app::awardRuleOrder(lines, 2, false) == Order{1, 2, 0, 3});  // since always first
    CHECK(app::awardRuleOrder(lines, 2, true) == Order{0, 3, 2, 1});
    CHECK(app::awardRuleOrder(lines, 7, false) == Order{0, 1, 2, 3});
}

} // namespace tdkt::test
