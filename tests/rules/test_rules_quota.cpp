// Quotas as configuration (domain-verified row 2, §6.1): 15% of LĐTT for
// achievement years ≤ 2023 (NĐ 91 Đ9.3), none nationally since 2024, a province's own.
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <optional>

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
        {"2024: no national cap since 01/01/2024, and it says so", 2024, 9, 10, "quota.none"},
        {"2023 (last year of the 15% cap): 20 LĐTT, 4 proposed exceed", 2023, 4, 20, "quota.exceeded"},
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
    CHECK(only(quota(cat, 2025, 3, 25, {"other"})) == "quota.none");
}

} // namespace tdkt::test

namespace tdkt::test {
namespace {

// CSTĐ cơ sở 2023 in a unit with 20 LĐTT (15% → a cap of 3) and four proposals:
// this one ranked `mine`, the others ranked `others`.
rules::DossierContext ranked(std::optional<std::int64_t> mine, std::vector<std::optional<std::int64_t>> others) {
    auto c = dossier("chien_si_thi_dua_co_so", 2023, "2023-12-10");
    c.quotaBaseCount = 20;
    c.dossier.proposalRank = mine;
    for (std::size_t i = 0; i < others.size(); ++i) c.quotaPeers.push_back({"d" + std::to_string(i + 2), others[i]});
    return c;
}

std::optional<rules::Severity> severityOf(const rules::Findings& fs, const std::string& id) {
    for (const auto& f : fs)
        if (f.ruleId == id) return f.severity;
    return std::nullopt;
}

} // namespace

TEST_CASE("rules: quota per dossier by thứ tự đề nghị (table)") {
    using rules::Severity;
    struct Row {
        const char* name;
        std::optional<std::int64_t> mine;
        std::vector<std::optional<std::int64_t>> others;
        const char* rule;
        std::optional<Severity> expected;
    };
    const std::vector<Row> rows{
        {"rank 3 = cap 3: proposed", 3, {1, 2, 4}, "quota.beyond_cap", std::nullopt},
        {"rank 4 = cap + 1: blocked", 4, {1, 2, 3}, "quota.beyond_cap", Severity::Block},
        {"ranks with gaps: 7th written but 3rd in the list", 7, {1, 2, 9}, "quota.beyond_cap", std::nullopt},
        {"unranked others come after a ranked one", 4, {1, 2, std::nullopt}, "quota.beyond_cap", std::nullopt},
        {"no rank written while the cap binds", std::nullopt, {1, 2, 3}, "quota.rank_missing", Severity::Warning},
        {"rank 2 written twice", 2, {1, 2, 4}, "quota.rank_tied", Severity::Warning},
        {"three proposals within a cap of 3 need no rank", std::nullopt, {std::nullopt, 1}, "quota.rank_missing",
         std::nullopt},
    };
    for (const auto& r : rows) {
        SUBCASE(r.name) {
            const auto fs = rules::checkAll(ranked(r.mine, r.others));
            CHECK(severityOf(fs, r.rule) == r.expected);
            for (const auto& f : fs)
                if (f.ruleId.starts_with("quota.")) CHECK(f.source.document == "Nghị định 91/2017/NĐ-CP");
        }
    }
}

} // namespace tdkt::test
