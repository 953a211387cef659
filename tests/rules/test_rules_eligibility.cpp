// Eligibility from the record: individual ladders (DOMAIN.md "Eligibility from
// history"; domain-verified §1 rows 1–4, 9, 10, 12; GEN-2, GEN-4, GEN-9).
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <optional>

namespace tdkt::test {
namespace {
using rules::DossierContext;
constexpr auto Pass = Expect::Pass;
constexpr auto Fires = Expect::Fires;

// A Lao động tiên tiến dossier for `year` (HTTNV that year) of someone recruited on `recruited`.
DossierContext ldtt(int year, const std::string& received, const std::string& recruited) {
    auto c = dossier("lao_dong_tien_tien", year, received);
    evals(c, year, year, "httnv");
    c.recruitedOn = recruited;
    return c;
}

DossierContext cstdCoSo(const std::string& rank, bool ldtt = true) {
    auto c = dossier("chien_si_thi_dua_co_so", 2025);
    evals(c, 2025, 2025, rank);
    if (ldtt) award(c, "lao_dong_tien_tien", 2025);
    return c;
}

// CSTĐ tỉnh 2025: 3 consecutive CSTĐ cơ sở 2023–2025 and a province-wide initiative.
DossierContext cstdTinh(int from = 2023, const std::string& scope = "tinh") {
    auto c = dossier("chien_si_thi_dua_tinh", 2025);
    awards(c, "chien_si_thi_dua_co_so", from, 2025);
    initiative(c, "i1", 2024, scope);
    return c;
}

DossierContext bkTinh() { return dossier("bang_khen_tinh", 2025); }

// Bằng khen Thủ tướng 2025: Bằng khen tỉnh 2020, 5 years ≥HTTNV 2021–2025, 3 CSTĐ cơ sở.
DossierContext bkThuTuong(int cstd = 3, const std::string& bkMethod = "thuong_xuyen") {
    auto c = dossier("bang_khen_thu_tuong", 2025);
    award(c, "bang_khen_tinh", 2020, bkMethod);
    evals(c, 2021, 2025, "httnv");
    for (int y = 2025; y > 2025 - cstd; --y) award(c, "chien_si_thi_dua_co_so", y);
    return c;
}

DossierContext hcldBa(bool htxsnv = true, const std::string& method = "thuong_xuyen") {
    auto c = dossier("huan_chuong_lao_dong_hang_ba", 2025);
    award(c, "bang_khen_thu_tuong", 2020, method);
    evals(c, 2021, 2025, "httnv");
    if (htxsnv) evals(c, 2024, 2024, "htxsnv");
    awards(c, "chien_si_thi_dua_co_so", 2023, 2025);
    return c;
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        // [SECTION] Lao động tiên tiến (Law Đ24)
        {"LĐTT: HTTNV qualifies", "eligibility.eval_min", "Luật TĐKT 2022 Đ24; verified row 1", Pass,
         [] { auto c = dossier("lao_dong_tien_tien", 2025); evals(c, 2025, 2025, "httnv"); return c; }},
        {"LĐTT: HTNV does not", "eligibility.eval_min", "Luật TĐKT 2022 Đ24; verified row 1", Fires,
         [] { auto c = dossier("lao_dong_tien_tien", 2025); evals(c, 2025, 2025, "htnv"); return c; }},
        {"LĐTT: no evaluation recorded", "eligibility.eval_min", "Luật TĐKT 2022 Đ24", Fires,
         [] { return dossier("lao_dong_tien_tien", 2025); }},
        // Time in the job, to the end of the achievement year (domain-verified §1 row 1, §4.4)
        {"LĐTT 2025: recruited 01/07/2025, six whole months", "eligibility.recruited_months", "TT 01/2024", Pass,
         [] { return ldtt(2025, "2025-08-15", "2025-07-01"); }},
        {"LĐTT 2025: recruited 02/07/2025, under six months", "eligibility.recruited_months", "TT 01/2024", Fires,
         [] { return ldtt(2025, "2025-08-15", "2025-07-02"); }},
        {"LĐTT 2025: recruited years before", "eligibility.recruited_months", "TT 01/2024", Pass,
         [] { return ldtt(2025, "2025-08-15", "2015-03-09"); }},
        {"LĐTT 2025: no recruitment date recorded is not judged", "eligibility.recruited_months", "TT 01/2024", Pass,
         [] { return ldtt(2025, "2025-08-15", ""); }},
        {"LĐTT 2023 (old law): recruited 01/03/2023, ten whole months", "eligibility.recruited_months",
         "NĐ 91/2017 Đ10", Pass, [] { return ldtt(2023, "2023-12-10", "2023-03-01"); }},
        {"LĐTT 2023 (old law): recruited 15/04/2023, under ten months", "eligibility.recruited_months",
         "NĐ 91/2017 Đ10", Fires, [] { return ldtt(2023, "2023-12-10", "2023-04-15"); }},
        {"LĐTT 2024: recruited 15/04/2024 passes the six-month rule the ten-month one failed",
         "eligibility.recruited_months", "TT 01/2024", Pass, [] { return ldtt(2024, "2025-01-10", "2024-04-15"); }},
        // [SECTION] CSTĐ cơ sở (Law Đ23): LĐTT + (HTXSNV or initiative); none required since 2024
        {"CSTĐ cơ sở: LĐTT + HTXSNV, no initiative needed since 2024", "eligibility.any_of",
         "Luật TĐKT 2022 Đ23; DOMAIN.md", Pass, [] { return cstdCoSo("htxsnv"); }},
        {"CSTĐ cơ sở: LĐTT + HTTNV without initiative fails", "eligibility.any_of", "Luật TĐKT 2022 Đ23", Fires,
         [] { return cstdCoSo("httnv"); }},
        {"CSTĐ cơ sở: LĐTT + HTTNV + recognised initiative", "eligibility.any_of", "Luật TĐKT 2022 Đ23", Pass,
         [] { auto c = cstdCoSo("httnv"); initiative(c, "i1", 2025, "co_so"); return c; }},
        {"CSTĐ cơ sở: HTXSNV without LĐTT fails", "eligibility.award_consecutive", "Luật TĐKT 2022 Đ23", Fires,
         [] { return cstdCoSo("htxsnv", false); }},
        {"CSTĐ cơ sở: received 10/12/2023, old law needs an initiative", "eligibility.initiative",
         "Luật TĐKT 2003 Đ23; GEN-9; verified §6.1", Fires, [] {
             auto c = dossier("chien_si_thi_dua_co_so", 2023, "2023-12-10");
             evals(c, 2023, 2023, "htxsnv");
             award(c, "lao_dong_tien_tien", 2023);
             return c;
         }},
        {"CSTĐ cơ sở: same record received 15/01/2024, judged by the 2022 Law", "eligibility.initiative",
         "GEN-9 (rules in force on received_on)", Pass, [] {
             auto c = dossier("chien_si_thi_dua_co_so", 2023, "2024-01-15");
             evals(c, 2023, 2023, "htxsnv");
             award(c, "lao_dong_tien_tien", 2023);
             return c;
         }},
        // [SECTION] CSTĐ tỉnh (Law Đ22): 3 consecutive CSTĐ cơ sở + province-scope initiative
        {"CSTĐ tỉnh: 3 consecutive CSTĐ cơ sở", "eligibility.award_consecutive", "Luật TĐKT 2022 Đ22", Pass,
         [] { return cstdTinh(); }},
        {"CSTĐ tỉnh: only 2 consecutive years", "eligibility.award_consecutive", "Luật TĐKT 2022 Đ22", Fires,
         [] { return cstdTinh(2024); }},
        {"CSTĐ tỉnh: a gap year (2023, 2025)", "eligibility.award_consecutive", "Luật TĐKT 2022 Đ22", Fires, [] {
             auto c = dossier("chien_si_thi_dua_tinh", 2025);
             award(c, "chien_si_thi_dua_co_so", 2023);
             award(c, "chien_si_thi_dua_co_so", 2025);
             initiative(c, "i1", 2024, "tinh");
             return c;
         }},
        {"CSTĐ tỉnh: initiative of unit (cơ sở) scope fails", "eligibility.initiative",
         "Luật TĐKT 2022 Đ22; DOMAIN.md", Fires, [] { return cstdTinh(2023, "co_so"); }},
        {"CSTĐ tỉnh: initiative of province scope", "eligibility.initiative", "Luật TĐKT 2022 Đ22", Pass,
         [] { return cstdTinh(2023, "tinh"); }},
        {"CSTĐ tỉnh: nationwide initiative also covers province scope", "eligibility.initiative",
         "Luật TĐKT 2022 Đ22", Pass, [] { return cstdTinh(2023, "toan_quoc"); }},
        {"CSTĐ tỉnh: khiển trách ending 30/06/2023, 2023 no longer counts", "eligibility.award_consecutive",
         "NĐ 152 Đ4.4; GEN-4", Fires, [] {
             auto c = cstdTinh();
             discipline(c, "khien_trach", "2022-07-01", "2023-06-30");
             return c;
         }},
        {"CSTĐ tỉnh: discipline ended 31/12/2022, 2023–2025 all count", "eligibility.award_consecutive",
         "NĐ 152 Đ4.4; GEN-4", Pass, [] {
             auto c = cstdTinh();
             discipline(c, "canh_cao", "2022-01-10", "2022-12-31");
             return c;
         }},
        {"CSTĐ tỉnh: CSTĐ cơ sở given for chuyên đề does not count", "eligibility.award_consecutive",
         "NĐ 152 Đ4.3; GEN-2", Fires, [] {
             auto c = dossier("chien_si_thi_dua_tinh", 2025);
             awards(c, "chien_si_thi_dua_co_so", 2024, 2025);
             award(c, "chien_si_thi_dua_co_so", 2023, "chuyen_de");
             initiative(c, "i1", 2024, "tinh");
             return c;
         }},
        // [SECTION] CSTĐ toàn quốc (Law Đ21): 2 consecutive CSTĐ tỉnh + nationwide initiative
        {"CSTĐ toàn quốc: CSTĐ tỉnh 2022 and 2025, nationwide initiative", "eligibility.award_consecutive",
         "Luật TĐKT 2022 Đ21", Pass, [] {
             auto c = dossier("chien_si_thi_dua_toan_quoc", 2025);
             award(c, "chien_si_thi_dua_tinh", 2022);
             award(c, "chien_si_thi_dua_tinh", 2025);
             initiative(c, "i1", 2024, "toan_quoc");
             return c;
         }},
        {"CSTĐ toàn quốc: one CSTĐ tỉnh only", "eligibility.award_consecutive", "Luật TĐKT 2022 Đ21", Fires, [] {
             auto c = dossier("chien_si_thi_dua_toan_quoc", 2025);
             award(c, "chien_si_thi_dua_tinh", 2025);
             initiative(c, "i1", 2024, "toan_quoc");
             return c;
         }},
        {"CSTĐ toàn quốc: province-scope initiative is not enough", "eligibility.initiative",
         "Luật TĐKT 2022 Đ21", Fires, [] {
             auto c = dossier("chien_si_thi_dua_toan_quoc", 2025);
             award(c, "chien_si_thi_dua_tinh", 2022);
             award(c, "chien_si_thi_dua_tinh", 2025);
             initiative(c, "i1", 2024, "tinh");
             return c;
         }},
        // [SECTION] Bằng khen tỉnh (Law Đ74.1.d)
        {"Bằng khen tỉnh: 2 consecutive CSTĐ cơ sở", "eligibility.any_of", "Luật TĐKT 2022 Đ74.1.d", Pass,
         [] { auto c = bkTinh(); awards(c, "chien_si_thi_dua_co_so", 2024, 2025); return c; }},
        {"Bằng khen tỉnh: CSTĐ cơ sở 2023 and 2025 (gap)", "eligibility.any_of", "Luật TĐKT 2022 Đ74.1.d", Fires,
         [] {
             auto c = bkTinh();
             award(c, "chien_si_thi_dua_co_so", 2023);
             award(c, "chien_si_thi_dua_co_so", 2025);
             return c;
         }},
        {"Bằng khen tỉnh: 2 HTXSNV years with 2 initiatives in them", "eligibility.any_of",
         "Luật TĐKT 2022 Đ74.1.d; chinhsachonline BNV reply", Pass, [] {
             auto c = bkTinh();
             evals(c, 2024, 2025, "htxsnv");
             initiative(c, "i1", 2024, "co_so");
             initiative(c, "i2", 2025, "co_so");
             return c;
         }},
        {"Bằng khen tỉnh: 2 HTXSNV years with 1 initiative", "eligibility.any_of", "Luật TĐKT 2022 Đ74.1.d", Fires,
         [] {
             auto c = bkTinh();
             evals(c, 2024, 2025, "htxsnv");
             initiative(c, "i1", 2024, "co_so");
             return c;
         }},
        {"Bằng khen tỉnh: second initiative outside the 2 years", "eligibility.any_of",
         "Luật TĐKT 2022 Đ74.1.d (within those years)", Fires, [] {
             auto c = bkTinh();
             evals(c, 2024, 2025, "htxsnv");
             initiative(c, "i1", 2023, "co_so");
             initiative(c, "i2", 2025, "co_so");
             return c;
         }},
        {"Bằng khen tỉnh (tập thể): 2 consecutive HTXSNV years", "eligibility.any_of", "Bắc Ninh QĐ 86/2025", Pass,
         [] { auto c = dossier("bang_khen_tinh", 2025, "2025-08-15", "tap_the"); evals(c, 2024, 2025, "htxsnv"); return c; }},
        {"Bằng khen tỉnh: đột xuất is judged by hand, not by the ladder", "eligibility.any_of",
         "NĐ 152 Đ4.3; Luật Đ74.1", Pass, [] { auto c = bkTinh(); c.dossier.method = "dot_xuat"; return c; }},
        // [SECTION] Bằng khen Thủ tướng (Law Đ73.1.b)
        {"Bằng khen TTg: Bằng khen tỉnh + 5 years HTTNV + 3 CSTĐ cơ sở", "eligibility.prior_award",
         "Luật TĐKT 2022 Đ73.1.b", Pass, [] { return bkThuTuong(); }},
        {"Bằng khen TTg: no prior Bằng khen tỉnh", "eligibility.prior_award", "Luật TĐKT 2022 Đ73.1.b", Fires, [] {
             auto c = bkThuTuong();
             std::erase_if(c.awards, [](const rules::AwardRecord& a) { return a.awardCode == "bang_khen_tinh"; });
             return c;
         }},
        {"Bằng khen TTg: prior Bằng khen tỉnh was đột xuất", "eligibility.prior_award",
         "NĐ 152 Đ4.3; verified row 10", Fires, [] { return bkThuTuong(3, "dot_xuat"); }},
        {"Bằng khen TTg: only 2 CSTĐ cơ sở in 5 years", "eligibility.award_count", "Luật TĐKT 2022 Đ73.1.b", Fires,
         [] { return bkThuTuong(2); }},
        {"Bằng khen TTg: HTNV in 2023 breaks the 5 years", "eligibility.eval_min", "Luật TĐKT 2022 Đ73.1.b", Fires,
         [] { auto c = bkThuTuong(); evals(c, 2023, 2023, "htnv"); return c; }},
        // [SECTION] Huân chương Lao động hạng Ba (Law Đ44.1.e)
        {"HCLĐ hạng Ba: Bằng khen TTg + 5 years with 1 HTXSNV + 3 CSTĐ", "eligibility.eval_count",
         "Luật TĐKT 2022 Đ44.1.e (BNV reply)", Pass, [] { return hcldBa(); }},
        {"HCLĐ hạng Ba: no HTXSNV year", "eligibility.eval_count", "Luật TĐKT 2022 Đ44.1.e", Fires,
         [] { return hcldBa(false); }},
        {"HCLĐ hạng Ba: Bằng khen TTg for chuyên đề does not count", "eligibility.prior_award", "NĐ 152 Đ4.3",
         Fires, [] { return hcldBa(true, "chuyen_de"); }},
        {"HCLĐ hạng Ba: discipline ended mid-2022 leaves 2021–2022 out", "eligibility.eval_min", "NĐ 152 Đ4.4",
         Fires, [] { auto c = hcldBa(); discipline(c, "khien_trach", "2021-09-01", "2022-08-31"); return c; }},
    };
    return all;
}

} // namespace

// The confidence mark of the source decides block vs warning (issue 20 point 2): the
// recruitment rule of the achievement year's text, at both sides of each boundary.
TEST_CASE("rules: recruitment time bites as hard as its source is sure (table)") {
    struct Row {
        const char* name;
        int year;
        const char* received;
        const char* recruited;
        std::optional<rules::Severity> expected; // none: the rule is met
        bool verified;
    };
    using rules::Severity;
    const Row rows[] = {
        {"2023 received 2023: 15/04/2023 is under NĐ 91's 10 months, a block", 2023, "2023-12-10", "2023-04-15",
         Severity::Block, true},
        {"2023 received 2023: 01/03/2023 makes the 10 months", 2023, "2023-12-10", "2023-03-01", std::nullopt, true},
        {"2023 received 15/01/2024: still NĐ 91 Đ10 for a 2023 year, a block", 2023, "2024-01-15", "2023-04-15",
         Severity::Block, true},
        {"2023 received 15/01/2024: 01/03/2023 makes the 10 months", 2023, "2024-01-15", "2023-03-01", std::nullopt,
         true},
        {"2024: 02/07/2024 is under TT 01/2024's 6 months, a block", 2024, "2025-01-10", "2024-07-02",
         Severity::Block, true},
        {"2024: 01/07/2024 makes the 6 months", 2024, "2025-01-10", "2024-07-01", std::nullopt, true},
        {"2025 (after 04/8/2025, TT 15/2025 unverified): 02/07/2025 only warns", 2025, "2025-08-15", "2025-07-02",
         Severity::Warning, false},
        {"2025: 01/07/2025 makes the 6 months", 2025, "2025-08-15", "2025-07-01", std::nullopt, false},
    };
    for (const auto& r : rows) {
        SUBCASE(r.name) {
            const auto fs = rules::checkAll(ldtt(r.year, r.received, r.recruited));
            const rules::Finding* hit = nullptr;
            for (const auto& f : fs)
                if (f.ruleId == "eligibility.recruited_months") hit = &f;
            REQUIRE((hit != nullptr) == r.expected.has_value());
            if (!hit) continue;
            CHECK(hit->severity == *r.expected);
            CHECK(hit->source.verified == r.verified);
            CHECK((hit->message.find("chưa xác minh") != std::string::npos) == !r.verified);
        }
    }
}

TEST_CASE("rules: eligibility from history (table)") {
    for (const auto& c : cases()) {
        SUBCASE(c.name.c_str()) { runCase(c); }
    }
}

} // namespace tdkt::test
