// The annual report's figures (issue 19) from a real replica seeded with the shipped
// reference data: a slice of Yên Khánh 2023's § 3.5 (seed 003), merged communes,
// every dossier status, hiệp y apart, the previous year's change, 0601.N.
#include "fixtures.hpp"
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

struct YenKhanh {
    std::string province, district, communeA, communeB, communeOld, empty;
};

// Huyện Yên Khánh under Ninh Bình; xã B absorbed xã Cũ (its history counts under B);
// xã Trống holds no data at all.
YenKhanh tree(store::Store& s) {
    YenKhanh w;
    auto unit = [&](const std::string& name, const std::string& level, const std::string& parent) {
        Fields f{{"name", name}, {"level", level}};
        if (!parent.empty()) f.emplace_back("parent_id", parent);
        return s.create("units", f);
    };
    w.province = unit("Tỉnh Ninh Bình", "tinh", "");
    w.district = unit("Huyện Yên Khánh", "huyen", w.province);
    w.communeA = unit("Xã Khánh Hòa", "xa", w.district);
    w.communeB = unit("Xã Khánh Phú", "xa", w.district);
    w.communeOld = unit("Xã Khánh Cũ", "xa", w.district);
    s.update("units", w.communeOld, {{"merged_into_id", w.communeB}, {"valid_to", std::string("2025-06-30")}});
    w.empty = unit("Xã Trống", "xa", w.district);
    return w;
}

struct Maker {
    store::Store& s;
    int n = 0;
    void add(const std::string& unit, const std::string& kind, const std::string& code, const std::string& method,
             const std::string& status, int year, int times, const std::string& person = {},
             const std::string& dossierKind = {}, const std::string& reason = {}) {
        for (int i = 0; i < times; ++i) {
            Fields f{{"unit_id", unit},
                     {"nominee_kind", kind},
                     {"nominee_name", "Đối tượng " + std::to_string(++n)},
                     {"award_code", code},
                     {"year", std::int64_t{year}},
                     {"status", status}};
            if (!method.empty()) f.emplace_back("method", method);
            if (!person.empty()) f.emplace_back("person_id", person);
            if (!dossierKind.empty()) f.emplace_back("kind", dossierKind);
            if (!reason.empty()) f.emplace_back("status_reason", reason);
            s.create("dossiers", f);
        }
    }
};

// Individuals of the province's Bằng khen: `leaders` leaders, the rest front-line workers.
void provincialIndividuals(store::Store& s, Maker& m, const std::string& unit, const std::string& method, int total,
                           int leaders) {
    for (int i = 0; i < total; ++i) {
        const bool leader = i < leaders;
        auto p = s.create("people", {{"unit_id", unit},
                                     {"full_name", "Người " + std::to_string(i) + method},
                                     {"is_leader", std::int64_t{leader}},
                                     {"is_frontline", std::int64_t{!leader}}});
        m.add(unit, "ca_nhan", "bang_khen_tinh", method, "approved", 2023, 1, p);
    }
}

struct Seeded {
    TempDir dir;
    std::unique_ptr<store::Store> s;
    YenKhanh w;
};

void yenKhanh2023(Seeded& x) {
    x.s = openStore(x.dir / "yk.db");
    rules::seedReference(*x.s, TDKT_REFERENCE_DIR);
    auto& s = *x.s;
    store::Store::Batch batch(s);
    x.w = tree(s);
    const auto& w = x.w;
    Maker m{s};
    // a) state: 3 collectives proposed and granted (2 Bằng khen TTg, 1 HC Độc lập hạng Ba).
    m.add(w.district, "tap_the", "bang_khen_thu_tuong", "thuong_xuyen", "approved", 2023, 2);
    m.add(w.communeA, "tap_the", "huan_chuong_doc_lap_hang_ba", "thuong_xuyen", "approved", 2023, 1);
    // b) province, công trạng: 4 Cờ, 24 TTLĐXS, Bằng khen 12 TT + 39 CN (28 front-line, 11 leaders).
    m.add(w.district, "tap_the", "co_thi_dua_tinh", "thuong_xuyen", "approved", 2023, 4);
    m.add(w.communeA, "tap_the", "tap_the_lao_dong_xuat_sac", "thuong_xuyen", "approved", 2023, 14);
    m.add(w.communeOld, "tap_the", "tap_the_lao_dong_xuat_sac", "thuong_xuyen", "approved", 2023, 10);
    m.add(w.communeB, "tap_the", "bang_khen_tinh", "thuong_xuyen", "approved", 2023, 12);
    provincialIndividuals(s, m, w.district, "thuong_xuyen", 39, 11);
    //    chuyên đề, đột xuất: Bằng khen 40 TT + 39 CN (27 front-line, 12 leaders).
    m.add(w.district, "tap_the", "bang_khen_tinh", "chuyen_de", "approved", 2023, 30);
    m.add(w.communeB, "tap_the", "bang_khen_tinh", "dot_xuat", "approved", 2023, 10);
    provincialIndividuals(s, m, w.communeA, "chuyen_de", 39, 12);
    // c) district: Giấy khen 186 TT (32 công trạng + 154 chuyên đề, đột xuất) and 692 CN (413 + 279).
    m.add(w.district, "tap_the", "giay_khen", "thuong_xuyen", "approved", 2023, 32);
    m.add(w.district, "tap_the", "giay_khen", "chuyen_de", "approved", 2023, 154);
    m.add(w.communeA, "ca_nhan", "giay_khen", "thuong_xuyen", "approved", 2023, 413);
    m.add(w.communeOld, "ca_nhan", "giay_khen", "dot_xuat", "approved", 2023, 279);
    // d) hiệp y: 4 TT, 3 CN, counted apart.
    m.add(w.district, "tap_the", "bang_khen_bo_nganh", "", "approved", 2023, 4, {}, "hiep_y");
    m.add(w.district, "ca_nhan", "bang_khen_bo_nganh", "", "submitted", 2023, 3, {}, "hiep_y");
    // Every other status: drafts count nowhere; returned and refused are held back with reasons.
    m.add(w.communeA, "ca_nhan", "giay_khen", "thuong_xuyen", "draft", 2023, 5);
    m.add(w.communeB, "ca_nhan", "bang_khen_tinh", "thuong_xuyen", "returned", 2023, 2, {}, {}, "Thiếu biên bản họp");
    m.add(w.communeB, "tap_the", "bang_khen_tinh", "thuong_xuyen", "not_approved", 2023, 1, {}, {}, "Không đủ tiêu chuẩn");
    m.add(w.communeA, "ca_nhan", "chien_si_thi_dua_tinh", "thuong_xuyen", "under_review", 2023, 2);
    m.add(w.communeA, "ca_nhan", "bang_khen_thu_tuong", "thuong_xuyen", "submitted", 2023, 1);
    // 2022, for the change: 2 state collectives, 70 province collectives, 150 district collectives.
    m.add(w.district, "tap_the", "bang_khen_thu_tuong", "thuong_xuyen", "approved", 2022, 2);
    m.add(w.communeA, "tap_the", "bang_khen_tinh", "thuong_xuyen", "approved", 2022, 70);
    m.add(w.communeOld, "tap_the", "giay_khen", "thuong_xuyen", "approved", 2022, 150);
    batch.commit();
}

TEST_CASE("report: Yên Khánh 2023 § 3.5 by level, form, kind and method") {
    Seeded x;
    yenKhanh2023(x);
    const auto facts = loadFacts(*x.s);
    const auto scope = unitScope(facts, x.w.district);
    const auto now = commendationStats(facts, scope, 2023);

    const auto& state = now.at(Level::State);
    CHECK(state.granted == Count{3, 0, 0});
    CHECK(state.proposed == Count{3, 1, 0}); // + 1 individual submitted, pending
    CHECK(state.pending == Count{0, 1, 0});
    CHECK(state.grantedByAward.at("bang_khen_thu_tuong").collective == 2);
    CHECK(state.grantedByAward.at("huan_chuong_doc_lap_hang_ba").collective == 1);

    const auto& prov = now.at(Level::Province);
    CHECK(prov.granted == Count{4 + 24 + 52, 78, 0});
    CHECK(prov.grantedByAward.at("co_thi_dua_tinh").collective == 4);
    CHECK(prov.grantedByAward.at("tap_the_lao_dong_xuat_sac").collective == 24);
    CHECK(prov.grantedByAward.at("bang_khen_tinh") == Count{52, 78, 0});
    CHECK(prov.grantedByMethod.at("thuong_xuyen") == Count{40, 39, 0});
    CHECK(prov.grantedByMethod.at("chuyen_de") == Count{30, 39, 0});
    CHECK(prov.grantedByMethod.at("dot_xuat") == Count{10, 0, 0});
    CHECK(prov.individualsGranted == 78);
    CHECK(prov.frontlineGranted == 28 + 27);
    CHECK(prov.leadersGranted == 11 + 12);
    CHECK(percentOf(prov.frontlineGranted, prov.individualsGranted) == 71); // 55/78 = 70.5 %
    CHECK(prov.heldBack == Count{1, 2, 0});
    CHECK(prov.heldBackReasons.at("Thiếu biên bản họp") == 2);
    CHECK(prov.heldBackReasons.at("Không đủ tiêu chuẩn") == 1);
    CHECK(prov.pending == Count{0, 2, 0}); // CSTĐ tỉnh under review

    const auto& own = now.at(Level::Own);
    CHECK(own.granted == Count{186, 692, 0});
    CHECK(own.grantedByMethod.at("thuong_xuyen") == Count{32, 413, 0});
    CHECK(own.grantedByMethod.at("chuyen_de").collective + own.grantedByMethod.at("dot_xuat").collective == 154);
    CHECK(own.grantedByMethod.at("chuyen_de").individual + own.grantedByMethod.at("dot_xuat").individual == 279);
    CHECK(own.proposed == Count{186, 692, 0}); // the 5 drafts are not proposed

    CHECK(now.hiepY == Count{4, 3, 0});
    CHECK(now.all().granted == Count{3 + 80 + 186, 78 + 692, 0});

    const auto before = commendationStats(facts, scope, 2022);
    CHECK(change(now.at(Level::State).granted, before.at(Level::State).granted) == Count{1, 0, 0});
    CHECK(change(now.at(Level::Province).granted, before.at(Level::Province).granted) == Count{10, 78, 0});
    CHECK(change(now.at(Level::Own).granted, before.at(Level::Own).granted) == Count{36, 692, 0});
}

TEST_CASE("report: an outside issuer puts its award at its level when no unit of the tree decides") {
    Facts f; // a replica without reference data: no deciders to fall back on
    f.units.push_back({"tinh", "", "", "Tỉnh Ninh Bình", "tinh"});
    indexUnits(f);
    DossierFact d;
    d.awardCode = "bang_khen_bo_nganh";
    CHECK(levelOf(f, d) == Level::Own); // nothing says who gave it
    for (const char* kind : {"bo_nganh", "doan_the_tw", "tinh"}) {
        d.issuerKind = kind;
        CHECK_MESSAGE(levelOf(f, d) == Level::Province, kind);
    }
    d.awardCode = "huan_chuong_doc_lap_hang_ba";
    for (const char* kind : {"chu_tich_nuoc", "thu_tuong"}) {
        d.issuerKind = kind;
        CHECK_MESSAGE(levelOf(f, d) == Level::State, kind);
    }
    d.awardCode = "giay_khen";
    d.issuerKind = "co_quan_don_vi";
    f.deciders["giay_khen"] = {"tinh"}; // the issuer is asked before the catalog's deciders
    CHECK(levelOf(f, d) == Level::Own);
    // A deciding unit of the tree is asked first.
    d.issuerKind = "thu_tuong";
    d.decidingUnitId = "tinh";
    CHECK(levelOf(f, d) == Level::Province);
}

TEST_CASE("report: consolidation sums exactly the subtree, merged units under their successor") {
    Seeded x;
    yenKhanh2023(x);
    const auto facts = loadFacts(*x.s);
    const auto& w = x.w;
    const auto scope = unitScope(facts, w.district);
    CHECK(scope.units == std::vector<std::string>{w.district, w.communeA, w.communeB, w.empty});
    CHECK(scope.owner(w.communeOld) == w.communeB);
    CHECK(scope.owner(w.province).empty());

    const auto total = commendationStats(facts, scope, 2023);
    const auto byUnit = commendationByUnit(facts, scope, 2023);
    REQUIRE(byUnit.size() == 4);
    CommendationStats sum;
    for (const auto& [unit, stats] : byUnit) sum += stats;
    for (auto l : Levels) {
        CHECK(sum.at(l).granted == total.at(l).granted);
        CHECK(sum.at(l).proposed == total.at(l).proposed);
        CHECK(sum.at(l).heldBack == total.at(l).heldBack);
    }
    CHECK(sum.hiepY == total.hiepY);
    // xã Khánh Phú carries xã Khánh Cũ's 10 TTLĐXS and 279 Giấy khen.
    const auto& b = byUnit.at(w.communeB);
    CHECK(b.at(Level::Province).grantedByAward.at("tap_the_lao_dong_xuat_sac").collective == 10);
    CHECK(b.at(Level::Own).granted == Count{0, 279, 0});
    // The unit with no data is listed, all zero.
    CHECK(byUnit.at(w.empty).all().proposed.total() == 0);

    // A commune's own report holds only its rows; the province's holds everything.
    const auto a = commendationStats(facts, unitScope(facts, w.communeA), 2023);
    CHECK(a.all().granted == byUnit.at(w.communeA).all().granted);
    const auto p = commendationStats(facts, unitScope(facts, w.province), 2023);
    CHECK(p.all().granted == total.all().granted);
    CHECK_THROWS_AS(unitScope(facts, "no-such-unit"), Error);
}

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
