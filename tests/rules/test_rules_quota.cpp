// Quotas as configuration (domain-verified row 2, §6.1): 15% of LĐTT for
// achievement years ≤ 2023 (NĐ 91 Đ9.3), none nationally since 2024, a province's own.
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

rules::Findings quota(const rules::Catalog& cat, int year, std::size_t proposed, std::size_t ldtt,
                      std::vector<std::string> scopes = {"u1"}) {
    rules::When when;
    when.achievementYear = year;
    when.receivedOn = std::to_string(year + 1) + "-01-10";
    rules::QuotaInput in{"Xã A", "chien_si_thi_dua_co_so", year, proposed, ldtt, nullptr};
    in.quota = cat.param({.key = "quota.max_share", .awardCode = "chien_si_thi_dua_co_so"}, when, scopes);
    return rules::checkQuota(in);
}

std::string only(const rules::Findings& fs) { return fs.size() == 1 ? fs.front().ruleId : "(" + std::to_string(fs.size()) + ")"; }

} // namespace

TEST_CASE("rules: quota table (NĐ 91 Đ9.3, read as floor)") {
    struct Row {
        const char* name;
        int year;
        std::size_t proposed, ldtt;
        const char* expected;
    };
    const Row rows[] = {
        {"2023: 13 LĐTT × 15% = 1.95 → 1, 2 proposed exceed", 2023, 2, 13, "quota.exceeded"},
        {"2023: 13 LĐTT → 1, 1 proposed fits", 2023, 1, 13, "quota.within"},
        {"2023: 20 LĐTT × 15% = 3, 3 proposed fit", 2023, 3, 20, "quota.within"},
        {"2023: 6 LĐTT × 15% = 0.9 → 0, 1 proposed exceeds", 2023, 1, 6, "quota.exceeded"},
        {"2024: no national cap since 01/01/2024", 2024, 9, 10, "(0)"},
    };
    for (const auto& r : rows) {
        SUBCASE(r.name) { CHECK(only(quota(catalog(), r.year, r.proposed, r.ldtt)) == r.expected); }
    }
}

TEST_CASE("rules: a province's own quota applies to its units only") {
    auto params = catalog().params();
    rules::Parameter p;
    p.id = "quota.province";
    p.key = "quota.max_share";
    p.awardCode = "chien_si_thi_dua_co_so";
    p.value = 0.10;
    p.text = "lao_dong_tien_tien";
    p.basis = rules::DateBasis::AchievementYear;
    p.validity = {"province", "2024-01-01", ""};
    p.source = {"Quyết định của UBND tỉnh (cấu hình)", "", true};
    params.push_back(p);
    const rules::Catalog cat(catalog().rules(), params);
    // 25 LĐTT × 10% = 2.5 → 2.
    CHECK(only(quota(cat, 2025, 3, 25, {"commune", "province"})) == "quota.exceeded");
    CHECK(only(quota(cat, 2025, 2, 25, {"commune", "province"})) == "quota.within");
    CHECK(only(quota(cat, 2025, 3, 25, {"other"})) == "(0)");
}

} // namespace tdkt::test
