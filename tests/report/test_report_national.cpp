// The national statistics tables of the annual report (issue 19: 0601.N–0603.N) and
// the counts of model examples, initiatives and inspections, on the Yên Khánh world.
#include "fixtures.hpp"
#include "report_world.hpp"
#include "temp_dir.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/report/activity_stats.hpp"
#include "tdkt/report/commendation_stats.hpp"
#include "tdkt/report/facts_load.hpp"
#include "tdkt/report/movement_stats.hpp"
#include "tdkt/report/national_stats.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/catalog/statistics_columns.hpp"

#include <doctest/doctest.h>


namespace tdkt::test {
namespace {
using namespace tdkt::report;
using store::Fields;

TEST_CASE("report: 0602.N and 0603.N by column, nominee, method and proposing unit") {
    Seeded x;
    yenKhanh2023(x);
    const auto& w = x.w;
    {
        Maker m{*x.s};
        // xã Khánh Cũ (merged into Khánh Phú): 2 Bằng khen tỉnh TT, no method; Khánh Phú: a household
        // (đối ngoại); the province itself: 5 Bằng khen outside the district's subtree.
        m.add(w.communeOld, "tap_the", "bang_khen_tinh", "", "approved", 2023, 2);
        m.add(w.communeB, "ho_gia_dinh", "bang_khen_tinh", "doi_ngoai", "approved", 2023, 1);
        m.add(w.province, "tap_the", "bang_khen_tinh", "thuong_xuyen", "approved", 2023, 5);
    }
    const auto facts = loadFacts(*x.s);
    const auto cols = catalog::loadStatColumns(std::filesystem::path(TDKT_REFERENCE_DIR) / "statistics" / "columns_tt02_2023.json");
    const auto scope = unitScope(facts, w.district);
    auto at = [](const NationalTable& t, const std::string& column) {
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            if (t.columns[i].id == column) return i;
        FAIL("no column " << column);
        return std::size_t{0};
    };

    // 0602.N: 2 Bằng khen TTg (huyện) + 1 HC Độc lập hạng Ba (Khánh Hòa), all collectives, thường xuyên;
    // the submitted Bằng khen TTg and the hiệp y are not counted.
    const auto s = nationalTable(facts, scope, 2023, cols, "0602.N");
    REQUIRE(s.columns.size() == 38);
    CHECK(s.row("01").total() == Count{3, 0, 0});
    CHECK(s.row("01").cells[at(s, "bang_khen_thu_tuong")] == Count{2, 0, 0});
    CHECK(s.row("01").cells[at(s, "huan_chuong_doc_lap_hang_ba")] == Count{1, 0, 0});
    CHECK(s.row("02").total().total() == 3);
    CHECK(s.row("04").total().total() == 0);
    CHECK(s.row("07").label == "Khen thưởng Thường xuyên (công trạng)");
    CHECK(s.row("07").total().total() == 3);
    REQUIRE(s.rows.size() == 13 + 4);
    CHECK(s.rows[13].label == "Huyện Yên Khánh");
    CHECK(s.rows[13].total().total() == 2);
    CHECK(s.rows[14].total().total() == 1); // Khánh Hòa

    // 0603.N: Bằng khen 12 + 30 + 10 + 2 TT and 78 CN + 1 household; Cờ thi đua 4; the TTLĐXS and
    // Giấy khen are in neither table; the 4 hiệp y Bằng khen bộ, ngành are counted apart.
    const auto p = nationalTable(facts, scope, 2023, cols, "0603.N");
    REQUIRE(p.columns.size() == 4);
    CHECK(p.row("01").cells[at(p, "bang_khen")] == Count{54, 78, 1});
    CHECK(p.row("01").cells[at(p, "co_thi_dua")] == Count{4, 0, 0});
    CHECK(p.row("01").cells[at(p, "chien_si_thi_dua")] == Count{});
    CHECK(p.row("01").total().total() == 137);
    CHECK(p.row("02").total() == Count{58, 0, 0});
    CHECK(p.row("03").total() == Count{0, 0, 1});
    CHECK(p.row("04").total() == Count{0, 78, 0});
    CHECK(p.row("05").total().total() == 23); // leaders
    CHECK(p.row("06").total().total() == 55); // front-line workers
    CHECK(p.row("07").total().total() == 55); // thường xuyên: 4 Cờ + 12 TT + 39 CN
    CHECK(p.row("08").total().total() == 69); // chuyên đề: 30 TT + 39 CN
    CHECK(p.row("09").total().total() == 10); // đột xuất
    CHECK(p.row("10").total().total() == 0);
    CHECK(p.row("11").total().total() == 0);
    CHECK(p.row("12").total().total() == 1); // đối ngoại: the household
    CHECK(p.row("13").total().total() == 2); // no method: xã Khánh Cũ's
    int methods = 0, units = 0;
    for (int r = 7; r <= 13; ++r) methods += p.rows[static_cast<std::size_t>(r - 1)].total().total();
    for (std::size_t r = 13; r < p.rows.size(); ++r) units += p.rows[r].total().total();
    CHECK(methods == 137);
    CHECK(units == 137);
    CHECK(p.rows[13].total().total() == 73); // huyện: 4 Cờ + 39 CN + 30 TT
    CHECK(p.rows[14].total().total() == 39); // Khánh Hòa
    CHECK(p.rows[15].label == "Xã Khánh Phú");
    CHECK(p.rows[15].total().total() == 25); // 12 + 10 + 1 household + xã Khánh Cũ's 2
    CHECK(p.rows[16].total().total() == 0);  // Xã Trống
    // The province's report adds its own 5; 2022 holds 70 Bằng khen tỉnh.
    const auto prov = nationalTable(facts, unitScope(facts, w.province), 2023, cols, "0603.N");
    CHECK(prov.row("01").total().total() == 142);
    // The province's rows by unit: its own, then the district holding its whole subtree.
    REQUIRE(prov.rows.size() == 13 + 2);
    CHECK(prov.rows[13].total().total() == 5);
    CHECK(prov.rows[14].label == "Huyện Yên Khánh");
    CHECK(prov.rows[14].total().total() == 137);
    CHECK(nationalTable(facts, scope, 2022, cols, "0603.N").row("01").total() == Count{70, 0, 0});
}

TEST_CASE("report: 0601.N movements by launching level, scope, duration and method") {
    TempDir dir;
    auto s = openStore(dir / "m.db");
    const auto province = s->create("units", {{"name", std::string("Tỉnh")}, {"level", std::string("tinh")}});
    const auto commune = s->create("units", {{"name", std::string("Xã")}, {"level", std::string("xa")}, {"parent_id", province}});
    auto movement = [&](const std::string& unit, const std::string& level, const std::string& from,
                        const std::string& to, const std::string& method) {
        Fields f{{"unit_id", unit}, {"title", "PT " + from + method}, {"launch_level", level}, {"method", method}};
        if (!from.empty()) f.emplace_back("period_from", from);
        if (!to.empty()) f.emplace_back("period_to", to);
        if (from.empty()) f.emplace_back("plan_date", std::string("2023-02-08"));
        s->create("movements", f);
    };
    movement(province, "trung_uong", "2021-01-01", "2025-12-31", "thuong_xuyen"); // 5 y: row 10
    movement(province, "tinh", "2023-01-01", "2023-12-31", "thuong_xuyen");       // 1 y: row 07
    movement(commune, "xa", "2023-03-01", "2023-06-30", "chuyen_de");             // < 1 y: row 06
    movement(commune, "xa", "2023-01-01", "2025-12-31", "chuyen_de");             // 3 y: row 09
    movement(commune, "co_quan", "", "", "dot_xuat");                             // no period: planned 2023
    movement(commune, "xa", "2024-01-01", "2024-12-31", "chuyen_de");             // another year: not counted
    const auto facts = loadFacts(*s);
    const auto t = movementTable(facts, unitScope(facts, province), 2023);
    CHECK(t.at(1, 1) == 5);
    CHECK(t.at(1, 2) == 1);
    CHECK(t.at(1, 3) == 1);
    CHECK(t.at(1, 4) == 3);
    CHECK(t.at(1, 1) == t.at(1, 2) + t.at(1, 3) + t.at(1, 4));
    CHECK(t.at(2, 1) == 1);
    CHECK(t.at(3, 1) == 3);
    CHECK(t.at(5, 4) == 1);
    CHECK(t.at(6, 4) == 1);
    CHECK(t.at(7, 3) == 1);
    CHECK(t.at(9, 4) == 1);
    CHECK(t.at(10, 2) == 1);
    CHECK(t.at(11, 1) == 2);
    CHECK(t.at(12, 1) == 2);
    CHECK(t.dotXuat == 1);
    CHECK(t.titles.size() == 5);
    const auto own = movementTable(facts, unitScope(facts, commune), 2023);
    CHECK(own.at(1, 1) == 3);
    CHECK(durationRow("2023-01-01", "2023-12-31") == 7);
    CHECK(durationRow("2023-01-01", "") == 0);
}

TEST_CASE("report: model examples, initiatives and inspections counted in the subtree") {
    TempDir dir;
    auto s = openStore(dir / "i.db");
    const auto district = s->create("units", {{"name", std::string("Huyện")}, {"level", std::string("huyen")}});
    const auto commune = s->create("units", {{"name", std::string("Xã")}, {"level", std::string("xa")}, {"parent_id", district}});
    const auto other = s->create("units", {{"name", std::string("Huyện khác")}, {"level", std::string("huyen")}});
    auto initiative = [&](const std::string& unit, int year, const std::string& scopeCode) {
        s->create("initiatives", {{"unit_id", unit}, {"title", "SK " + scopeCode}, {"year", std::int64_t{year}}, {"scope", scopeCode}});
    };
    initiative(commune, 2023, "co_so");
    initiative(commune, 2023, "co_so");
    initiative(district, 2023, "tinh");
    initiative(commune, 2022, "co_so");
    initiative(other, 2023, "co_so");
    // Model examples (migration 22): one of a commune merged into `commune` counts under it.
    const auto merged = s->create("units", {{"name", std::string("Xã cũ")}, {"level", std::string("xa")}, {"parent_id", district},
                                            {"merged_into_id", commune}});
    auto model = [&](const std::string& unit, int year, const std::string& kind, const std::string& name, bool publicized) {
        s->create("model_examples", {{"unit_id", unit}, {"year", std::int64_t{year}}, {"nominee_kind", kind},
                                     {"name", name}, {"publicized", std::int64_t{publicized}}});
    };
    model(commune, 2023, "ca_nhan", "Ông Vàng A Sử", true);
    model(merged, 2023, "tap_the", "HTX Chè Tân Uyên", false);
    model(district, 2022, "tap_the", "Trường Mầm non", true);
    model(other, 2023, "ca_nhan", "Người huyện khác", true);
    const auto plan = s->create("inspection_plans", {{"unit_id", district}, {"title", std::string("KH kiểm tra")}, {"year", std::int64_t{2023}}});
    const auto t1 = s->create("inspection_targets", {{"plan_id", plan}, {"unit_id", commune}, {"mode", std::string("truc_tiep")}});
    s->create("inspection_targets", {{"plan_id", plan}, {"unit_id", district}, {"mode", std::string("tu_kiem_tra")}});
    s->create("recommendations", {{"target_id", t1}, {"unit_id", commune}, {"content", std::string("Bổ sung hồ sơ")}, {"follow_up", std::string("da_thuc_hien")}});
    s->create("recommendations", {{"target_id", t1}, {"unit_id", commune}, {"content", std::string("Lập quỹ")}});
    const auto facts = loadFacts(*s);
    const auto scope = unitScope(facts, district);
    const auto i = initiativeStats(facts, scope, 2023);
    CHECK(i.total == 3);
    CHECK(i.byScope.at("co_so") == 2);
    CHECK(i.byScope.at("tinh") == 1);
    const auto e = modelExampleStats(facts, scope, 2023);
    CHECK(e.total == Count{1, 1, 0});
    CHECK(e.publicized == 1);
    REQUIRE(e.items.size() == 2);
    CHECK(e.items[0].name == "HTX Chè Tân Uyên");
    CHECK(e.items[0].unitId == commune); // the merged commune's, under its successor
    CHECK(e.items[1].name == "Ông Vàng A Sử");
    CHECK(modelExampleStats(facts, scope, 2022).total == Count{1, 0, 0});
    CHECK(modelExampleStats(facts, unitScope(facts, other), 2023).total == Count{0, 1, 0});
    const auto k = inspectionStats(facts, scope, 2023);
    CHECK(k.direct == 1);
    CHECK(k.selfInspected == 1);
    CHECK(k.recommendations == 2);
    CHECK(k.recommendationsDone == 1);
    CHECK(inspectionStats(facts, scope, 2024).direct == 0);
}

} // namespace
} // namespace tdkt::test
