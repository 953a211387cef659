// The movements list over a real replica (issue 17): pages read a page at a time
// with keyset paging, the year as the movements under way in it, the unit subtree,
// the status, words of the title found without diacritics (Đ folded too).
#include "app_world.hpp"

#include "app/labels.hpp"
#include "app/movement_list.hpp"
#include "app/typed_value.hpp"

#include <doctest/doctest.h>

#include <set>

namespace tdkt::test {
using app::MovementFilter;
using app::MovementList;

namespace {

std::string movement(AppWorld& w, const std::string& unit, const std::string& title, const std::string& from,
                     const std::string& to, const std::string& status = "dang_trien_khai") {
    store::Fields f{{"unit_id", unit}, {"title", title}, {"status", status}};
    if (!from.empty()) f.emplace_back("period_from", from);
    if (!to.empty()) f.emplace_back("period_to", to);
    return w.store->create("movements", f);
}

} // namespace

TEST_CASE("app-movements: the year is the movements under way in it, with the unit subtree and the status") {
    AppWorld w;
    const auto ntm = movement(w, w.province, "Lai Châu chung sức xây dựng nông thôn mới", "2021-06-04", "2025-12-31");
    const auto vh = movement(w, w.communeA, "Cán bộ, công chức xã thi đua thực hiện văn hóa công sở", "2025-08-05",
                             "2025-12-31", "du_thao");
    const auto cds = movement(w, w.communeB, "Chuyển đổi số giai đoạn 2026-2030", "2026-01-01", "2030-12-31");
    const auto open = movement(w, w.communeB, "Đền ơn đáp nghĩa", "", ""); // no period: in every year

    MovementList list;
    MovementFilter f;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 4);
    CHECK(list.row(*w.store, 0).id == cds); // latest start first

    f.year = 2025;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.count(); ++i) ids.insert(list.row(*w.store, i).id);
    CHECK(ids == std::set<std::string>{ntm, vh, open});
    f.year = 2021;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 2); // ntm, open
    f.year = 2020;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 1);
    CHECK(list.row(*w.store, 0).id == open);

    f.year.reset();
    f.unit = w.communeB;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 2);
    f.unit = w.province; // the province and every commune below it
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 4);
    f.status = "du_thao";
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    REQUIRE(list.count() == 1);
    const auto& row = list.row(*w.store, 0);
    CHECK(row.id == vh);
    CHECK(row.status == "Dự thảo");
    CHECK(row.unit == "Xã Khánh Hòa");
    CHECK(row.period == "05/08/2025 – 31/12/2025");
}

TEST_CASE("app-movements: words without diacritics find a title, and the plan reads as officers write it") {
    AppWorld w;
    const auto ntm = movement(w, w.province, "Lai Châu chung sức xây dựng nông thôn mới", "2021-06-04", "2025-12-31");
    w.store->update("movements", ntm, {{"plan_number", std::string("1663/KH-UBND")},
                                       {"plan_date", std::string("2021-06-04")},
                                       {"launch_level", std::string("tinh")},
                                       {"method", std::string("thuong_xuyen")}});
    const auto dbp = movement(w, w.province, "Thi đua lập thành tích chào mừng 70 năm chiến thắng Điện Biên Phủ",
                              "2024-01-01", "2024-05-07");
    MovementList list;
    MovementFilter f;
    f.text = "lai chau nong thon";
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    REQUIRE(list.count() == 1);
    const auto& row = list.row(*w.store, 0);
    CHECK(row.id == ntm);
    CHECK(row.plan == "1663/KH-UBND ngày 04/06/2021");
    CHECK(row.level == "Tỉnh, thành phố");
    CHECK(row.method == "Thường xuyên");
    f.text = "dien bien phu";
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    REQUIRE(list.count() == 1);
    CHECK(list.row(*w.store, 0).id == dbp);
    f.text = "van hoa";
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    CHECK(list.count() == 0);
    CHECK(app::planText("", "2021-06-04", app::Lang::Vi) == "ngày 04/06/2021");
    CHECK(app::planText("12/KH-UBND", "", app::Lang::Vi) == "12/KH-UBND");
}

TEST_CASE("app-movements: 1000 movements are read a page at a time, each row once, in order") {
    AppWorld w;
    {
        store::Store::Batch b(*w.store);
        for (int i = 0; i < 1000; ++i) {
            char from[16];
            std::snprintf(from, sizeof from, "20%02d-%02d-01", 10 + i % 16, 1 + i % 12);
            movement(w, i % 2 ? w.communeA : w.communeB, "Phong trào số " + std::to_string(i), from, "");
        }
        b.commit();
    }
    MovementList list;
    MovementFilter f;
    list.refresh(*w.store, f, 1, app::Lang::Vi);
    REQUIRE(list.count() == 1000);
    CHECK(list.pagesRead() == 0); // counted, nothing read yet
    list.row(*w.store, 0);
    CHECK(list.pagesRead() == 1);
    std::set<std::string> seen;
    std::string last = "9999";
    for (std::size_t i = 0; i < list.count(); ++i) {
        const auto& r = list.row(*w.store, i);
        const auto from = r.period.substr(6, 4) + r.period.substr(3, 2); // yyyymm of dd/mm/yyyy
        CHECK(from <= last);
        last = from;
        seen.insert(r.id);
    }
    CHECK(seen.size() == 1000);
    CHECK(list.pagesRead() == 5); // 200 a page
    list.refresh(*w.store, f, 1, app::Lang::Vi); // same filter and epoch: the pages stay
    CHECK(list.pagesRead() == 5);
    list.refresh(*w.store, f, 2, app::Lang::Vi); // the table moved: counted again
    CHECK(list.pagesRead() == 0);
    f.unit = w.communeA;
    list.refresh(*w.store, f, 2, app::Lang::Vi);
    CHECK(list.count() == 500);
}

TEST_CASE("app-movements: dates are typed as ngay/thang/nam and numbers with a decimal comma") {
    const auto& t = schema::registry().require("movement_targets");
    const auto& due = *t.field("due_date");
    const auto& value = *t.field("target_value");
    CHECK(app::valueText(app::parseTyped(due, "4/6/2021").value) == "2021-06-04");
    CHECK(app::valueText(app::parseTyped(due, "04/06/2021").value) == "2021-06-04");
    CHECK(app::valueText(app::parseTyped(due, "2021-06-04").value) == "2021-06-04");
    CHECK(app::parseTyped(due, "31/02/2025").problem == app::FieldProblem::NotADate);
    CHECK(app::parseTyped(due, "06/2021").problem == app::FieldProblem::NotADate);
    CHECK(app::parseTyped(due, "ngày 4").problem == app::FieldProblem::NotADate);
    CHECK_FALSE(app::parseTyped(due, "").problem);
    CHECK(std::get<double>(app::parseTyped(value, "4,6").value) == doctest::Approx(4.6));
    CHECK(std::get<double>(app::parseTyped(value, " 19 ").value) == doctest::Approx(19));
    CHECK(app::parseTyped(value, "-5").problem == app::FieldProblem::Negative);
    CHECK(app::parseTyped(value, "năm").problem == app::FieldProblem::NotANumber);
    CHECK(app::shownText(value, Value{4.6}, app::Lang::Vi) == "4,6");
    CHECK(app::shownText(value, Value{4.6}, app::Lang::En) == "4.6");
    CHECK(app::shownText(value, Value{19.0}, app::Lang::Vi) == "19");
    const auto& year = *schema::registry().require("movement_results").field("year");
    CHECK(app::parseTyped(year, "25").problem == app::FieldProblem::NotAYear);
    CHECK(std::get<std::int64_t>(app::parseTyped(year, "2025").value) == 2025);
}

} // namespace tdkt::test
