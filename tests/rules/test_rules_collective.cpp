// Collective titles (Law Đ27, Đ28; domain-verified rows 7–8 and §6.2–6.3).
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {
using rules::DossierContext;
constexpr auto Pass = Expect::Pass;
constexpr auto Fires = Expect::Fires;

// TTLĐTT of `year` (received in January after it), the collective ranked HTTNV.
DossierContext tttt(int year, int n, int ldtt) {
    auto c = dossier("tap_the_lao_dong_tien_tien", year, std::to_string(year + 1) + "-01-10", "tap_the");
    evals(c, year, year, "httnv");
    members(c, n, ldtt);
    return c;
}

DossierContext withMemberDiscipline(DossierContext c, const std::string& kind, const std::string& from,
                                    const std::string& to) {
    c.members.front().disciplines.push_back({kind, from, to, ""});
    return c;
}

// TTLĐXS 2025: HTXSNV, 10 members all HTTNV, 8 LĐTT, one of them CSTĐ cơ sở.
DossierContext ttxs() {
    auto c = dossier("tap_the_lao_dong_xuat_sac", 2025, "2026-01-10", "tap_the");
    evals(c, 2025, 2025, "htxsnv");
    members(c, 10, 8);
    c.members.front().awards.push_back("chien_si_thi_dua_co_so");
    return c;
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        {"TTLĐTT 2025: 70/100 LĐTT meets ≥70%", "collective.members_share", "Luật TĐKT 2022 Đ28; Bắc Ninh Đ4.2",
         Pass, [] { return tttt(2025, 100, 70); }},
        {"TTLĐTT 2025: 69/100 LĐTT fails ≥70%", "collective.members_share", "Luật TĐKT 2022 Đ28", Fires,
         [] { return tttt(2025, 100, 69); }},
        {"TTLĐTT 2024: 60% fails under the 2022 Law", "collective.members_share", "verified §6.2", Fires,
         [] { return tttt(2024, 10, 6); }},
        {"TTLĐTT 2023: 51% passes the old >50%", "collective.members_share", "Luật TĐKT 2003 Đ28 (old)", Pass,
         [] { return tttt(2023, 100, 51); }},
        {"TTLĐTT 2023: exactly 50% fails the old >50%", "collective.members_share", "Luật TĐKT 2003 Đ28 (old)",
         Fires, [] { return tttt(2023, 100, 50); }},
        {"TTLĐTT: a member with khiển trách does not block", "collective.members_no_discipline",
         "Luật TĐKT 2022 Đ28; verified row 8", Pass,
         [] { return withMemberDiscipline(tttt(2025, 10, 8), "khien_trach", "2025-03-01", "2026-02-28"); }},
        {"TTLĐTT: a member with cảnh cáo blocks", "collective.members_no_discipline", "Luật TĐKT 2022 Đ28", Fires,
         [] { return withMemberDiscipline(tttt(2025, 10, 8), "canh_cao", "2025-03-01", "2026-02-28"); }},
        {"TTLĐTT: cách chức is above cảnh cáo", "collective.members_no_discipline", "Luật TĐKT 2022 Đ28", Fires,
         [] { return withMemberDiscipline(tttt(2025, 10, 8), "cach_chuc", "2025-05-01", ""); }},
        {"TTLĐTT: cảnh cáo that ended in 2023 does not touch 2025", "collective.members_no_discipline",
         "Luật TĐKT 2022 Đ28", Pass,
         [] { return withMemberDiscipline(tttt(2025, 10, 8), "canh_cao", "2023-01-01", "2023-12-31"); }},
        {"TTLĐTT: collective only HTNV", "eligibility.eval_min", "Luật TĐKT 2022 Đ28", Fires, [] {
             auto c = tttt(2025, 10, 8);
             evals(c, 2025, 2025, "htnv");
             return c;
         }},
        {"TTLĐTT: no member list", "collective.members_share", "Luật TĐKT 2022 Đ28", Fires,
         [] { auto c = tttt(2025, 10, 8); c.members.clear(); return c; }},
        {"TTLĐXS: all criteria met", "collective.members_award_count", "Luật TĐKT 2022 Đ27", Pass,
         [] { return ttxs(); }},
        {"TTLĐXS: one member KHTNV breaks 100% ≥HTNV", "collective.members_eval_min", "Luật TĐKT 2022 Đ27", Fires,
         [] { auto c = ttxs(); c.members.back().rank = "khtnv"; return c; }},
        {"TTLĐXS: no member CSTĐ cơ sở", "collective.members_award_count", "Luật TĐKT 2022 Đ27", Fires,
         [] { auto c = ttxs(); c.members.front().awards = {"lao_dong_tien_tien"}; return c; }},
        {"TTLĐXS: 6/10 LĐTT fails ≥70%", "collective.members_share", "Luật TĐKT 2022 Đ27", Fires, [] {
             auto c = ttxs();
             c.members[6].awards.clear();
             c.members[7].awards.clear();
             return c;
         }},
        {"TTLĐXS: collective HTTNV only", "eligibility.eval_min", "Luật TĐKT 2022 Đ27", Fires,
         [] { auto c = ttxs(); evals(c, 2025, 2025, "httnv"); return c; }},
        {"TTLĐXS: 2022 text has no discipline clause (cảnh cáo passes)", "collective.members_no_discipline",
         "verified §6.3", Pass, [] { return withMemberDiscipline(ttxs(), "canh_cao", "2025-03-01", "2026-02-28"); }},
    };
    return all;
}

} // namespace

TEST_CASE("rules: collective titles (table)") {
    for (const auto& c : cases()) {
        SUBCASE(c.name.c_str()) { runCase(c); }
    }
}

} // namespace tdkt::test
