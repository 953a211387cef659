// Money (NĐ 152 Đ49–54; domain-verified §3): coefficient × base salary on the
// decision date, rounded up to 10,000 đ; same period pays only the highest title.
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

struct MoneyCase {
    std::string name;
    std::string source;
    std::string award;
    std::string kind;
    std::string decisionDate;
    std::int64_t expected;
};

const std::vector<MoneyCase>& moneyCases() {
    static const std::vector<MoneyCase> all{
        {"LĐTT 0.3 × 2,340,000 = 702,000 → 710,000", "NĐ 152 Đ49–50; verified §3", "lao_dong_tien_tien", "ca_nhan",
         "2025-12-20", 710000},
        {"TTLĐTT 0.8 × 2,340,000 = 1,872,000 → 1,880,000", "NĐ 152 Đ50", "tap_the_lao_dong_tien_tien", "tap_the",
         "2025-12-20", 1880000},
        {"Giấy khen cá nhân 0.3 → 710,000", "NĐ 152 Đ54", "giay_khen", "ca_nhan", "2025-12-20", 710000},
        {"Giấy khen tập thể 0.6 = 1,404,000 → 1,410,000", "NĐ 152 Đ54", "giay_khen", "tap_the", "2025-12-20",
         1410000},
        {"CSTĐ cơ sở 1.0 → 2,340,000 (already round)", "NĐ 152 Đ50", "chien_si_thi_dua_co_so", "ca_nhan",
         "2025-12-20", 2340000},
        {"Bằng khen tỉnh tập thể 3.0 (collective double) → 7,020,000", "NĐ 152 Đ54", "bang_khen_tinh", "tap_the",
         "2025-12-20", 7020000},
        {"Bằng khen tỉnh hộ gia đình 2.25 = 5,265,000 → 5,270,000", "NĐ 152 Đ54 (1.5 × individual)",
         "bang_khen_tinh", "ho_gia_dinh", "2025-12-20", 5270000},
        {"HCLĐ hạng Ba tập thể 9.0 → 21,060,000", "NĐ 152 Đ51", "huan_chuong_lao_dong_hang_ba", "tap_the",
         "2025-12-20", 21060000},
        {"Cờ thi đua tỉnh 8.0 → 18,720,000", "NĐ 152 Đ50", "co_thi_dua_tinh", "tap_the", "2025-12-20", 18720000},
        {"LĐTT decided 01/8/2026 at 2,530,000: 759,000 → 760,000", "NĐ 161/2026 (⚠️)", "lao_dong_tien_tien",
         "ca_nhan", "2026-08-01", 760000},
        {"LĐTT decided 15/5/2024 at 1,800,000: 540,000", "NĐ 24/2023 (⚠️)", "lao_dong_tien_tien", "ca_nhan",
         "2024-05-15", 540000},
        {"LĐTT decided 30/6/2026, still 2,340,000", "NĐ 73/2024 Đ3.2", "lao_dong_tien_tien", "ca_nhan", "2026-06-30",
         710000},
    };
    return all;
}

} // namespace

TEST_CASE("rules: money amounts (table)") {
    for (const auto& m : moneyCases()) {
        SUBCASE(m.name.c_str()) {
            INFO(m.source);
            auto c = dossier(m.award, 2025, "2025-12-01", m.kind);
            c.dossier.decisionDate = m.decisionDate;
            auto amount = rules::computeAmount(c);
            REQUIRE(amount.has_value());
            CHECK(*amount == m.expected);
        }
    }
}

TEST_CASE("rules: money, same period pays only the highest title (NĐ 152 Đ49)") {
    auto lower = dossier("lao_dong_tien_tien", 2025, "2025-12-01");
    award(lower, "chien_si_thi_dua_co_so", 2025);
    CHECK(rules::computeAmount(lower) == 0);
    auto fs = rules::checkMoney(lower);
    CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) { return f.ruleId == "money.same_period"; }));

    auto higher = dossier("chien_si_thi_dua_co_so", 2025, "2025-12-01");
    award(higher, "lao_dong_tien_tien", 2025);
    CHECK(rules::computeAmount(higher) == 2340000);

    // A title and a form for the same year both pay (Đ49).
    auto form = dossier("giay_khen", 2025, "2025-12-01");
    award(form, "chien_si_thi_dua_co_so", 2025);
    CHECK(rules::computeAmount(form) == 710000);
}

TEST_CASE("rules: money, a recorded amount that ignores the round-up is flagged") {
    auto c = dossier("lao_dong_tien_tien", 2025, "2025-12-01");
    c.dossier.amount = 702000;
    auto fs = rules::checkMoney(c);
    auto it = std::find_if(fs.begin(), fs.end(), [](const auto& f) { return f.ruleId == "money.mismatch"; });
    REQUIRE(it != fs.end());
    CHECK(it->severity == rules::Severity::Warning);
    CHECK(it->message.find("710.000 đ") != std::string::npos);
}


TEST_CASE("rules: money, a form with no verified coefficient says so and computes nothing (issue 22)") {
    for (const std::string code : {"huan_chuong_dung_cam", "anh_hung_lao_dong", "ky_niem_chuong"}) {
        INFO(code);
        auto c = dossier(code, 2025, "2025-08-15", "ca_nhan");
        c.dossier.decisionDate = "2025-12-20";
        CHECK_FALSE(rules::computeAmount(c));
        const auto fs = rules::checkMoney(c);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].ruleId == "money.no_coefficient");
        CHECK(fs[0].severity == rules::Severity::Info);
        CHECK_FALSE(fs[0].source.verified);
        CHECK(fs[0].params.at("award_code") == code);
    }
    auto known = dossier("huan_chuong_lao_dong_hang_ba", 2025, "2025-08-15", "ca_nhan");
    known.dossier.decisionDate = "2025-12-20";
    for (const auto& f : rules::checkMoney(known)) CHECK(f.ruleId != "money.no_coefficient");
}

} // namespace tdkt::test
