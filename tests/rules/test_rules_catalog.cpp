// The award catalog of Law 06/2022 (issue 22): every code has a rule, a decider
// and, where NĐ 152 fixes one, a money coefficient; forms without encoded criteria
// say so instead of passing.
#include "rules_fixture.hpp"

#include "tdkt/schema/schema.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

const schema::FieldDef& awardCodes() { return *schema::registry().require("dossiers").field("award_code"); }

const rules::Parameter* coefficient(const rules::DossierContext& c) {
    return c.param({.key = "money.coefficient", .awardCode = c.dossier.awardCode, .text = c.dossier.nomineeKind});
}

bool fires(const rules::Findings& fs, std::string_view id) {
    for (const auto& f : fs)
        if (f.ruleId == id) return true;
    return false;
}

} // namespace

TEST_CASE("rules: every award code has a rule and a deciding authority in force in 2024") {
    const auto& codes = awardCodes();
    CHECK(codes.values.size() >= 50);
    for (const auto& v : codes.values) {
        INFO(v.code);
        const auto* rule = catalog().rule(v.code, "2024-06-30");
        REQUIRE(rule);
        CHECK(!rule->nomineeKinds.empty());
        CHECK(!rule->source.document.empty());
        // A list for the usual procedure, or none where the sources give none (said in the data).
        if (rule->componentsKnown) CHECK(rule->components.count("thong_thuong") == 1);
        else CHECK(rule->components.empty());
        auto c = dossier(v.code, 2024, "2024-06-30", rule->nomineeKinds.front());
        const auto* decider = c.param({.key = "authority.deciders", .awardCode = v.code});
        REQUIRE(decider);
        CHECK(!decider->text.empty());
    }
}

TEST_CASE("rules: money for a collective Huân chương is twice the individual's") {
    int compared = 0;
    for (const auto& v : awardCodes().values) {
        if (v.code.rfind("huan_chuong_", 0) != 0) continue;
        auto person = dossier(v.code, 2025, "2025-12-01", "ca_nhan");
        auto collective = dossier(v.code, 2025, "2025-12-01", "tap_the");
        person.dossier.decisionDate = collective.dossier.decisionDate = "2025-12-20";
        const auto* p = coefficient(person);
        const auto* t = coefficient(collective);
        // Đại đoàn kết dân tộc, Dũng cảm, Hữu nghị: no verified coefficient, no amount.
        CHECK(bool(p) == bool(t));
        if (!p) continue;
        INFO(v.code);
        REQUIRE(p->value);
        REQUIRE(t->value);
        CHECK(*t->value == doctest::Approx(2 * *p->value));
        const auto a = rules::computeAmount(person), b = rules::computeAmount(collective);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(*b == 2 * *a);
        ++compared;
    }
    CHECK(compared == 17);
    // Yên Khánh 2023 § 3.5: Huân chương Độc lập hạng Ba for a collective, 2 × 10.5 × 2,340,000.
    auto c = dossier("huan_chuong_doc_lap_hang_ba", 2025, "2025-12-01", "tap_the");
    c.dossier.decisionDate = "2025-12-20";
    CHECK(rules::computeAmount(c) == 49140000);
}

TEST_CASE("rules: a form without encoded criteria says so and is never clean") {
    runCase({"HC Độc lập hạng Ba for a collective: no criteria in the catalog", "eligibility.no_criteria",
             "issue 22; Yên Khánh 2023 § 3.5", Expect::Fires,
             [] { return dossier("huan_chuong_doc_lap_hang_ba", 2024, "2024-10-01", "tap_the"); }});
    runCase({"Bằng khen Thủ tướng for a collective: criteria only for individuals", "eligibility.no_criteria",
             "issue 22", Expect::Fires, [] { return dossier("bang_khen_thu_tuong", 2024, "2024-10-01", "tap_the"); }});
    runCase({"LĐTT has criteria: no such finding", "eligibility.no_criteria", "Law 2022 Đ24", Expect::Pass, [] {
                 auto c = dossier("lao_dong_tien_tien", 2025);
                 evals(c, 2025, 2025, "httnv");
                 return c;
             }});

    const auto fs = rules::checkAll(dossier("anh_hung_lao_dong", 2024, "2024-06-30", "ca_nhan"));
    REQUIRE(fires(fs, "eligibility.no_criteria"));
    for (const auto& f : fs) {
        if (f.ruleId != "eligibility.no_criteria") continue;
        CHECK(f.severity == rules::Severity::Warning);
        CHECK(f.message.find("chưa có tiêu chí tự động; cán bộ thẩm định xem xét") != std::string::npos);
        CHECK(f.params.at("award_code") == "anh_hung_lao_dong");
        CHECK(f.params.at("nominee_kind") == "ca_nhan");
        CHECK(rules::toJson(f).at("params").at("award_code") == "anh_hung_lao_dong");
    }
}

// Law 06/2022 is in force from 01/01/2024; a Huân chương decided before is judged by
// the old regime's row (Luật TĐKT 2003 sửa đổi 2013, NĐ 91/2017): it exists, but
// with no criteria the research quotes, so it is neither blocked nor found eligible.
TEST_CASE("rules: a 2023 Huân chương dossier is judged by the old regime, without criteria") {
    auto c = dossier("huan_chuong_lao_dong_hang_ba", 2023, "2023-10-02", "ca_nhan");
    c.dossier.decisionDate = "2023-12-15";
    const auto* rule = c.rule();
    REQUIRE(rule);
    CHECK(rule->validity.effectiveTo == "2023-12-31");
    CHECK_FALSE(rule->source.verified);
    const auto fs = rules::checkAll(c);
    CHECK_FALSE(fires(fs, "rules.in_force"));
    CHECK(fires(fs, "rules.unverified"));
    CHECK(fires(fs, "eligibility.no_criteria"));
    for (const auto& f : fs) CHECK_MESSAGE(f.severity != rules::Severity::Block, f.ruleId, ": ", f.message);

    // Every Huân chương, for each nominee kind it takes: a rule in force in 2023, no block.
    int judged = 0;
    for (const auto& v : awardCodes().values) {
        if (v.code.rfind("huan_chuong_", 0) != 0) continue;
        const auto* now = catalog().rule(v.code, "2024-06-30");
        REQUIRE(now);
        for (const auto& kind : now->nomineeKinds) {
            INFO(v.code, " ", kind);
            auto d = dossier(v.code, 2023, "2023-10-02", kind);
            REQUIRE(d.rule());
            CHECK(d.rule()->nomineeKinds == now->nomineeKinds);
            const auto all = rules::checkAll(d);
            CHECK(fires(all, "eligibility.no_criteria"));
            CHECK_FALSE(rules::hasBlock(all));
            ++judged;
        }
    }
    CHECK(judged >= 35);
}

} // namespace tdkt::test
