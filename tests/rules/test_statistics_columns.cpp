// The 0602.N / 0603.N column lists (TT 02/2023, issue 22): every award code of the
// catalog is counted in one column of one table or named as counted in neither,
// and a hiệp y is counted apart.
#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/schema/schema.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

const catalog::StatColumns& shipped() {
    static const auto cols =
        catalog::loadStatColumns(std::filesystem::path(TDKT_REFERENCE_DIR) / "statistics" / "columns_tt02_2023.json");
    return cols;
}

} // namespace

TEST_CASE("statistics: every award code is in one column of 0602.N or 0603.N, or named as in neither") {
    const auto& cols = shipped();
    CHECK(cols.sourceDocument.find("02/2023/TT-BNV") != std::string::npos);
    const auto& codes = schema::registry().require("dossiers").field("award_code")->values;
    for (const auto& v : codes) {
        INFO(v.code);
        const auto in = catalog::columnsFor(cols, v.code);
        const auto& out = cols.notInTables;
        const bool outside = std::find(out.begin(), out.end(), v.code) != out.end();
        CHECK(in.size() + (outside ? 1 : 0) == 1);
    }
    // Every code the data names is one the schema knows.
    const auto* field = schema::registry().require("dossiers").field("award_code");
    for (const auto& c : cols.columns)
        for (const auto& code : c.awardCodes) CHECK_MESSAGE(field->allows(code), code);
    CHECK(catalog::tableColumns(cols, "0603.N").size() == 4);
    CHECK(catalog::tableColumns(cols, "0602.N").size() >= 35);
}

TEST_CASE("statistics: award codes map to their columns, a hiệp y and an unknown code to none") {
    const auto& cols = shipped();
    auto only = [&](std::string_view code, std::string_view kind = "de_nghi") {
        const auto in = catalog::columnsFor(cols, code, kind);
        REQUIRE(in.size() == 1);
        return *in.front();
    };
    const auto hc = only("huan_chuong_doc_lap_hang_ba");
    CHECK(hc.table == "0602.N");
    CHECK(hc.id == "huan_chuong_doc_lap_hang_ba");
    CHECK(hc.byNominee);
    CHECK(only("bang_khen_thu_tuong").table == "0602.N");
    CHECK(only("bang_khen_tinh").id == "bang_khen");
    CHECK(only("bang_khen_bo_nganh").id == "bang_khen");
    CHECK(only("co_thi_dua_bo_nganh").id == "co_thi_dua");
    CHECK(only("ky_niem_chuong").id == "huy_hieu_ky_niem_chuong");
    CHECK(only("chien_si_thi_dua_tinh").table == "0603.N");
    CHECK_FALSE(only("giai_thuong_nha_nuoc").byNominee);
    CHECK(catalog::columnsFor(cols, "giay_khen").empty());

    // Yên Khánh 2023 § 3.5 d): the concurrences are counted apart.
    CHECK(catalog::countedApart(cols, "hiep_y"));
    CHECK_FALSE(catalog::countedApart(cols, "de_nghi"));
    CHECK(catalog::columnsFor(cols, "huan_chuong_doc_lap_hang_ba", "hiep_y").empty());
    // A code from a newer build: no column, not a failure.
    CHECK(catalog::columnsFor(cols, "huan_chuong_chua_co").empty());
}

TEST_CASE("statistics: a code in two columns of one table is refused") {
    const nlohmann::json doc{{"source", {{"document", "TT 02/2023/TT-BNV"}}},
                             {"columns",
                              {{{"table", "0603.N"}, {"id", "a"}, {"label", "A"}, {"award_codes", {"bang_khen_tinh"}}},
                               {{"table", "0603.N"}, {"id", "b"}, {"label", "B"}, {"award_codes", {"bang_khen_tinh"}}}}}};
    CHECK_THROWS_AS(catalog::statColumnsFromJson(doc), Error);
    CHECK_THROWS_AS(catalog::statColumnsFromJson(nlohmann::json::object()), Error);
}

} // namespace tdkt::test
