// The annual report's figures (issue 19) from a real replica seeded with the shipped
// reference data: a slice of Yên Khánh 2023's § 3.5 (seed 003), merged communes,
// every dossier status, hiệp y apart, the previous year's change, 0601.N.
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

} // namespace
} // namespace tdkt::test
