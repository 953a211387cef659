// Law 06/2022 is in force from 01/01/2024; a dossier received before is judged by
// the rules then in force (GEN-9): the 2003 Law (amended 2013) and NĐ 91/2017, rows of
// assets/reference/award_catalog_before_2024.json, unverified where the research does
// not quote the old text. And a source without an article is worded without a gap.
#include "rules_fixture.hpp"

#include "tdkt/schema/schema.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

const schema::FieldDef& awardCodes() { return *schema::registry().require("dossiers").field("award_code"); }

const rules::Finding* firing(const rules::Findings& fs, std::string_view id) {
    for (const auto& f : fs)
        if (f.ruleId == id) return &f;
    return nullptr;
}

// Titles and forms the old regime did not have (Law 2022 Điều 29 is new).
bool newIn2022(std::string_view code) { return code == "xa_tieu_bieu"; }

} // namespace

TEST_CASE("rules: every award form the old regime had is judged by its rule for a dossier received in 2023") {
    int judged = 0;
    for (const auto& v : awardCodes().values) {
        const auto* now = catalog().rule(v.code, "2024-06-30");
        REQUIRE_MESSAGE(now, v.code);
        for (const auto& kind : now->nomineeKinds) {
            INFO(v.code, " ", kind);
            auto c = dossier(v.code, 2023, "2023-10-02", kind);
            const auto fs = rules::checkAll(c);
            if (newIn2022(v.code)) {
                CHECK(firing(fs, "rules.in_force"));
                continue;
            }
            const auto* then = c.rule();
            REQUIRE(then);
            const bool oldOrAll = then->id != now->id || then->validity.effectiveFrom.empty();
            CHECK(oldOrAll); // an old row, or one for all years
            CHECK(then->nomineeKinds == now->nomineeKinds);
            CHECK_FALSE(firing(fs, "rules.in_force"));
            CHECK_FALSE(firing(fs, "rules.nominee_kind"));
            // A source the research does not confirm says so; nothing it does not confirm blocks.
            if (!then->source.verified) {
                CHECK(firing(fs, "rules.unverified"));
                for (const auto& f : fs)
                    if (f.ruleId.starts_with("eligibility.")) CHECK(f.severity != rules::Severity::Block);
            }
            ++judged;
        }
    }
    CHECK(judged >= 70);
    // A 2022 title received in 2023 has no rule: refused, as before.
    const auto fs = rules::checkAll(dossier("xa_tieu_bieu", 2023, "2023-05-01", "tap_the"));
    REQUIRE(firing(fs, "rules.in_force"));
    CHECK(firing(fs, "rules.in_force")->severity == rules::Severity::Block);
}

TEST_CASE("rules: Bằng khen tỉnh, Giấy khen and Cờ thi đua received in 2023 have the old regime's rows") {
    for (const char* code : {"bang_khen_tinh", "giay_khen", "co_thi_dua_tinh", "co_thi_dua_chinh_phu",
                             "bang_khen_thu_tuong", "chien_si_thi_dua_tinh", "tap_the_lao_dong_xuat_sac"}) {
        INFO(code);
        const auto* rule = catalog().rule(code, "2023-10-02");
        REQUIRE(rule);
        CHECK(rule->validity.effectiveTo == "2023-12-31");
        CHECK(rule->source.document == "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)");
        // From 01/01/2024 the 2022 Law's row.
        const auto* now = catalog().rule(code, "2024-01-01");
        REQUIRE(now);
        CHECK(now->source.document == "Luật Thi đua, khen thưởng 06/2022/QH15");
    }
    // Cờ thi đua của Chính phủ: old Điều 25 was read (research S10), so it is verified.
    CHECK(catalog().rule("co_thi_dua_chinh_phu", "2023-10-02")->source.verified);
    // The old Bằng khen tỉnh has no criteria in the research: a person checks, nothing passes by default.
    const auto fs = rules::checkAll(dossier("bang_khen_tinh", 2023, "2023-10-02"));
    REQUIRE(firing(fs, "eligibility.no_criteria"));
    CHECK(firing(fs, "eligibility.no_criteria")->severity == rules::Severity::Warning);
    CHECK_FALSE(rules::hasBlock(fs));
}

TEST_CASE("rules: a 2023 Tập thể lao động xuất sắc keeps the old discipline clause, a 2024 one does not") {
    auto build = [](int year, const std::string& received) {
        auto c = dossier("tap_the_lao_dong_xuat_sac", year, received, "tap_the");
        evals(c, year, year, "htxsnv");
        members(c, 10, 8, "httnv");
        c.members[0].awards.push_back("chien_si_thi_dua_co_so");
        c.members[9].disciplines.push_back({"canh_cao", std::to_string(year) + "-03-01", "", ""});
        return c;
    };
    const auto old = rules::checkAll(build(2023, "2023-11-20"));
    const auto* f = firing(old, "collective.members_no_discipline");
    REQUIRE(f);
    CHECK(f->severity == rules::Severity::Warning); // the old-law wording is ⚠️ in the research
    CHECK_FALSE(rules::hasBlock(old));
    CHECK_FALSE(firing(rules::checkAll(build(2024, "2024-11-20")), "collective.members_no_discipline"));
    // 70% LĐTT in both regimes: 6 of 10 fails the old row too.
    auto few = build(2023, "2023-11-20");
    members(few, 10, 6, "httnv");
    few.members[0].awards.push_back("chien_si_thi_dua_co_so");
    CHECK(firing(rules::checkAll(few), "collective.members_share"));
}

TEST_CASE("rules: a 2023 CSTĐ tỉnh is judged by 3 CSTĐ cơ sở and a province-wide initiative") {
    auto c = dossier("chien_si_thi_dua_tinh", 2023, "2023-10-02");
    awards(c, "chien_si_thi_dua_co_so", 2021, 2023);
    initiative(c, "sk1", 2022, "tinh");
    auto fs = rules::checkAll(c);
    CHECK_FALSE(firing(fs, "eligibility.award_consecutive"));
    CHECK_FALSE(firing(fs, "eligibility.initiative"));
    c.initiatives = {{"sk2", "Sáng kiến cấp cơ sở", 2022, "co_so"}};
    fs = rules::checkAll(c);
    REQUIRE(firing(fs, "eligibility.initiative"));
    CHECK(firing(fs, "eligibility.initiative")->severity == rules::Severity::Warning); // old rule assumed ⚠️
}

TEST_CASE("rules: a source without an article is worded without a stray bracket or space") {
    const auto fs = rules::checkAll(dossier("bang_khen_tinh", 2023, "2023-10-02"));
    const auto* f = firing(fs, "rules.unverified");
    REQUIRE(f);
    MESSAGE(f->message);
    CHECK(f->message.find("(Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)) chưa xác minh") !=
          std::string::npos);
    CHECK(f->message.find(" )") == std::string::npos);
    CHECK(f->message.find(") )") == std::string::npos);
    // With an article, the article follows the document.
    const auto* ldtt = firing(rules::checkAll(dossier("lao_dong_tien_tien", 2023, "2023-10-02")), "rules.unverified");
    REQUIRE(ldtt);
    CHECK(ldtt->message.find("(Nghị định 91/2017/NĐ-CP Điều 10) chưa xác minh") != std::string::npos);
    // The regime note names the old rule the same way (received 2024: judged by the 2022 Law).
    const auto regime = rules::checkAll(dossier("bang_khen_tinh", 2023, "2024-01-05"));
    const auto* r = firing(regime, "rules.regime");
    REQUIRE(r);
    MESSAGE(r->message);
    CHECK(r->message.find("chế độ cũ (Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)), hồ sơ") !=
          std::string::npos);
    CHECK(r->message.find(" )") == std::string::npos);
    for (const auto& f2 : regime) CHECK_MESSAGE(f2.message.find(" )") == std::string::npos, f2.ruleId);
}

} // namespace tdkt::test
