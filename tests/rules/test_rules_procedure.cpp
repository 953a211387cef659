// Procedure rules: blocks (GEN-3), council votes, authority before/after 1/7/2025,
// deadlines, period, procedure, rule in force, initiative reuse (GEN-8).
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

namespace tdkt::test {
namespace {
using rules::DossierContext;
constexpr auto Pass = Expect::Pass;
constexpr auto Fires = Expect::Fires;

DossierContext ldtt(const std::string& received = "2025-08-15") {
    auto c = dossier("lao_dong_tien_tien", 2025, received);
    evals(c, 2025, 2025, "httnv");
    return c;
}

DossierContext votes(const std::string& award, std::int64_t yes, std::int64_t of) {
    auto c = dossier(award, 2025);
    c.dossier.councilVotesFor = yes;
    c.dossier.councilMembers = of;
    return c;
}

DossierContext decidedBy(const std::string& award, const std::string& level, const std::string& received) {
    auto c = dossier(award, 2025, received);
    c.decidingLevel = level;
    return c;
}

// CSTĐ toàn quốc 2025 whose second CSTĐ tỉnh (2023–2025) was decided on 10/02/2026.
DossierContext toanQuoc(const std::string& received) {
    auto c = dossier("chien_si_thi_dua_toan_quoc", 2025, received);
    award(c, "chien_si_thi_dua_tinh", 2025);
    c.awards.back().decisionDate = "2026-02-10";
    award(c, "chien_si_thi_dua_tinh", 2022);
    return c;
}

bool hasSeverity(const DossierContext& c, const std::string& id, rules::Severity s) {
    for (const auto& f : rules::checkAll(c))
        if (f.ruleId == id && f.severity == s) return true;
    return false;
}

DossierContext blocked(const std::string& kind, const std::string& from, const std::string& to) {
    auto c = ldtt();
    discipline(c, kind, from, to);
    return c;
}

DossierContext cstdWithInitiative(int priorUses) {
    auto c = dossier("chien_si_thi_dua_co_so", 2025);
    evals(c, 2025, 2025, "httnv");
    award(c, "lao_dong_tien_tien", 2025);
    initiative(c, "i1", 2025, "co_so");
    if (priorUses > 0) c.initiativeUses["i1"] = priorUses;
    return c;
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        // [SECTION] blocks (NĐ 152 Đ4.4)
        {"under disciplinary review", "blocks.dang_xem_xet_ky_luat", "NĐ 152 Đ4.4; GEN-3", Fires,
         [] { return blocked("dang_xem_xet_ky_luat", "2025-06-01", ""); }},
        {"under investigation", "blocks.dang_dieu_tra_thanh_tra", "NĐ 152 Đ4.4; GEN-3", Fires,
         [] { return blocked("dang_dieu_tra_thanh_tra", "2025-05-01", "2025-12-31"); }},
        {"complaint being verified", "blocks.dang_xac_minh_khieu_nai", "NĐ 152 Đ4.4; GEN-3", Fires,
         [] { return blocked("dang_xac_minh_khieu_nai", "2025-08-01", ""); }},
        {"investigation concluded before today unblocks", "blocks.dang_dieu_tra_thanh_tra", "NĐ 152 Đ4.4", Pass,
         [] { return blocked("dang_dieu_tra_thanh_tra", "2025-01-01", "2025-03-31"); }},
        {"investigation open, concluded with no violation: unblocked", "blocks.dang_dieu_tra_thanh_tra",
         "NĐ 152 Đ4.4; GEN-3", Pass, [] {
             auto c = blocked("dang_dieu_tra_thanh_tra", "2025-05-01", "");
             c.disciplines.back().conclusion = "khong_vi_pham";
             return c;
         }},
        {"investigation open, violation found: still blocked", "blocks.dang_dieu_tra_thanh_tra",
         "NĐ 152 Đ4.4; GEN-3", Fires, [] {
             auto c = blocked("dang_dieu_tra_thanh_tra", "2025-05-01", "");
             c.disciplines.back().conclusion = "co_vi_pham";
             return c;
         }},
        // [SECTION] council votes (NĐ 98 Đ30.7)
        {"CSTĐ cơ sở: 8/10 votes meet 80%", "votes.threshold", "NĐ 98 Đ30.7", Pass,
         [] { return votes("chien_si_thi_dua_co_so", 8, 10); }},
        {"CSTĐ cơ sở: 7/10 votes fail 80%", "votes.threshold", "NĐ 98 Đ30.7", Fires,
         [] { return votes("chien_si_thi_dua_co_so", 7, 10); }},
        {"CSTĐ tỉnh: 9/10 votes meet 90%", "votes.threshold", "NĐ 98 Đ30.7", Pass,
         [] { return votes("chien_si_thi_dua_tinh", 9, 10); }},
        {"CSTĐ tỉnh: 17/20 (85%) fail 90%", "votes.threshold", "NĐ 98 Đ30.7", Fires,
         [] { return votes("chien_si_thi_dua_tinh", 17, 20); }},
        {"Cờ thi đua tỉnh: 4/5 meet 80%", "votes.threshold", "NĐ 98 Đ30.7", Pass,
         [] { return votes("co_thi_dua_tinh", 4, 5); }},
        {"votes not recorded", "votes.missing", "NĐ 98 Đ30.7", Fires, [] {
             auto c = dossier("chien_si_thi_dua_co_so", 2025);
             c.dossier.councilVotesFor.reset();
             return c;
         }},
        // [SECTION] authority (Law Đ80; NĐ 129 Đ59 from 1/7/2025)
        {"CSTĐ cơ sở by the commune before 1/7/2025", "authority.level", "Luật TĐKT 2022 Đ80.2–80.3", Fires,
         [] { return decidedBy("chien_si_thi_dua_co_so", "xa", "2025-06-15"); }},
        {"CSTĐ cơ sở by the commune from 1/7/2025", "authority.level", "NĐ 129/2025 Đ59", Pass,
         [] { return decidedBy("chien_si_thi_dua_co_so", "xa", "2025-07-01"); }},
        {"CSTĐ cơ sở by the district on 30/6/2025", "authority.level", "Luật TĐKT 2022 Đ80.2", Pass,
         [] { return decidedBy("chien_si_thi_dua_co_so", "huyen", "2025-06-30"); }},
        {"LĐTT by a district after 1/7/2025 (no districts)", "authority.level", "NĐ 129/2025 Đ59", Fires,
         [] { return decidedBy("lao_dong_tien_tien", "huyen", "2025-08-01"); }},
        {"TTLĐTT by the commune from 1/7/2025", "authority.level", "NĐ 129/2025 Đ59", Pass,
         [] { return decidedBy("tap_the_lao_dong_tien_tien", "xa", "2025-09-01"); }},
        {"Bằng khen tỉnh by a commune", "authority.level", "Luật TĐKT 2022 Đ79", Fires,
         [] { return decidedBy("bang_khen_tinh", "xa", "2025-09-01"); }},
        {"no deciding unit chosen", "authority.missing", "Luật TĐKT 2022 Đ80", Fires,
         [] { return decidedBy("giay_khen", "", "2025-09-01"); }},
        // [SECTION] deadlines (NĐ 98 Đ32; provincial configuration)
        // CSTĐ toàn quốc: from the decision on the 2nd CSTĐ tỉnh (decided 10/02/2026 → proposed in 2027)
        {"CSTĐ toàn quốc received 31/12/2026, the decision's own year: too early", "deadline.window",
         "NĐ 91 Đ48.1.a", Fires, [] { return toanQuoc("2026-12-31"); }},
        {"CSTĐ toàn quốc received 01/01/2027, the year after the decision", "deadline.window", "NĐ 91 Đ48.1.a",
         Pass, [] { return toanQuoc("2027-01-01"); }},
        {"CSTĐ toàn quốc received 31/12/2027 (the old engine warned it late)", "deadline.receive",
         "NĐ 98 Đ32.1.a", Pass, [] { return toanQuoc("2027-12-31"); }},
        {"CSTĐ toàn quốc received 01/01/2028: window closed, a block", "deadline.receive", "NĐ 98 Đ32.1.a",
         Fires, [] { return toanQuoc("2028-01-01"); }},
        {"CSTĐ toàn quốc received 01/01/2028 is blocked, not only warned", "deadline.receive", "NĐ 98 Đ32.1.a",
         Fires, [] {
             auto c = toanQuoc("2028-01-01");
             CHECK(hasSeverity(c, "deadline.receive", rules::Severity::Block));
             return c;
         }},
        {"CSTĐ toàn quốc, CSTĐ tỉnh decision date not recorded", "deadline.decision_missing", "NĐ 91 Đ48.1.a",
         Fires, [] {
             auto c = toanQuoc("2027-03-01");
             c.awards.front().decisionDate.clear();
             return c;
         }},
        // [SECTION] period, procedure, rule in force
        {"Bằng khen tỉnh with a 3-year period", "period.length", "Luật TĐKT 2022 Đ74.1.d (2 years)", Fires, [] {
             auto c = dossier("bang_khen_tinh", 2025);
             c.dossier.periodFromYear = 2023;
             return c;
         }},
        {"CSTĐ tỉnh with the 3-year period 2023–2025", "period.length", "Luật TĐKT 2022 Đ22 (3 years)", Pass,
         [] { return dossier("chien_si_thi_dua_tinh", 2025); }},
        {"CSTĐ toàn quốc period not written", "period.missing", "seeds 002 (06 năm)", Fires, [] {
             auto c = dossier("chien_si_thi_dua_toan_quoc", 2025);
             c.dossier.periodFromYear.reset();
             return c;
         }},
        {"LĐTT has no simplified procedure", "completeness.procedure", "Luật TĐKT 2022 Đ84–85", Fires,
         [] { auto c = ldtt(); c.dossier.procedure = "don_gian"; return c; }},
        {"Giấy khen, simplified procedure with its components", "completeness.procedure", "Luật TĐKT 2022 Đ85",
         Pass, [] {
             auto c = dossier("giay_khen", 2025);
             c.dossier.procedure = "don_gian";
             c.presentComponents = {"to_trinh", "bao_cao_tom_tat", "bien_ban_hop"};
             return c;
         }},
        {"Xã tiêu biểu (new in Law 2022) received in 2023: no rule for it", "rules.in_force", "GEN-9", Fires,
         [] { return dossier("xa_tieu_bieu", 2022, "2023-05-01", "tap_the"); }},
        {"Bằng khen tỉnh received in 2023: the old regime's rule", "rules.in_force", "GEN-9", Pass,
         [] { return dossier("bang_khen_tinh", 2022, "2023-05-01"); }},
        {"LĐTT proposed for a collective", "rules.nominee_kind", "Luật TĐKT 2022 Đ24", Fires,
         [] { return dossier("lao_dong_tien_tien", 2025, "2025-08-15", "tap_the"); }},
        // GEN-9: an old-regime year (≤ 2023) received from 1/1/2024 says which rules judged it
        {"CSTĐ cơ sở 2023 received 31/12/2023: old rules, nothing to confirm", "rules.regime", "GEN-9", Pass,
         [] { return dossier("chien_si_thi_dua_co_so", 2023, "2023-12-31"); }},
        {"CSTĐ cơ sở 2023 received 01/01/2024: judged under the 2022 Law, a person confirms", "rules.regime",
         "GEN-9; NĐ 152 Đ60.3", Fires, [] {
             auto c = dossier("chien_si_thi_dua_co_so", 2023, "2024-01-01");
             CHECK(hasSeverity(c, "rules.regime", rules::Severity::Warning));
             return c;
         }},
        {"CSTĐ cơ sở 2024 received 10/01/2025: one regime", "rules.regime", "GEN-9", Pass,
         [] { return dossier("chien_si_thi_dua_co_so", 2024, "2025-01-10"); }},
        // No quota is an answer too (issue 20 point 4)
        {"CSTĐ cơ sở 2025 with no province quota: told there is none", "quota.none", "verified §6.1", Fires,
         [] { return dossier("chien_si_thi_dua_co_so", 2025); }},
        {"CSTĐ cơ sở 2023 under the 15% cap: no quota.none", "quota.none", "NĐ 91 Đ9.3", Pass, [] {
             auto c = dossier("chien_si_thi_dua_co_so", 2023, "2023-12-10");
             CHECK_FALSE(hasSeverity(c, "quota.none", rules::Severity::Info));
             return c;
         }},
        {"HCLĐ hạng Ba rule is flagged chưa xác minh", "rules.unverified", "domain-verified row 12 (⚠️ᵛ)", Fires,
         [] { return dossier("huan_chuong_lao_dong_hang_ba", 2025); }},
        // [SECTION] an initiative is used once (CV 5007/BNV-TĐKT)
        {"initiative already the basis of another award", "initiative.reused", "CV 5007/BNV-TĐKT; GEN-8", Fires,
         [] { return cstdWithInitiative(1); }},
        {"initiative used for the first time", "initiative.reused", "CV 5007/BNV-TĐKT; GEN-8", Pass,
         [] { return cstdWithInitiative(0); }},
    };
    return all;
}

} // namespace

TEST_CASE("rules: procedure (table)") {
    for (const auto& c : cases()) {
        SUBCASE(c.name.c_str()) { runCase(c); }
    }
}

// Who decides, named for the unit and date (issue 20 point 7): the nearest unit of
// the chain whose level has the power, on each side of 1/7/2025.
TEST_CASE("rules: the deciding authority is named for the award, unit and date (table)") {
    struct Row {
        const char* name;
        const char* award;
        const char* received;
        std::vector<std::string> levels; // the chain's levels, proposing unit first
        const char* title;
        const char* unitName;
        bool verified;
    };
    const Row rows[] = {
        {"CSTĐ cơ sở of a commune received 30/06/2025: its district", "chien_si_thi_dua_co_so", "2025-06-30",
         {"xa", "huyen", "tinh"}, "Chủ tịch UBND huyện", "Đơn vị 2", true},
        {"CSTĐ cơ sở of a commune received 01/07/2025: the commune", "chien_si_thi_dua_co_so", "2025-07-01",
         {"xa", "tinh"}, "Chủ tịch UBND xã", "Đơn vị 1", true},
        {"LĐTT of a school under a commune since 1/7/2025: the school's head", "lao_dong_tien_tien", "2025-09-01",
         {"co_quan", "xa", "tinh"}, "Thủ trưởng cơ quan, đơn vị", "Đơn vị 1", true},
        {"Bằng khen tỉnh of a commune: the province", "bang_khen_tinh", "2025-09-01", {"xa", "tinh"},
         "Chủ tịch UBND tỉnh", "Đơn vị 2", true},
        {"CSTĐ toàn quốc: the Prime Minister, above every unit", "chien_si_thi_dua_toan_quoc", "2027-03-01",
         {"xa", "tinh"}, "Thủ tướng Chính phủ", "", true},
        {"HCLĐ hạng Ba: the President, source unverified", "huan_chuong_lao_dong_hang_ba", "2025-09-01",
         {"xa", "tinh"}, "Chủ tịch nước (theo đề nghị của Thủ tướng Chính phủ)", "", false},
    };
    for (const auto& r : rows) {
        SUBCASE(r.name) {
            auto c = dossier(r.award, 2025, r.received);
            c.unitChain.clear();
            for (std::size_t i = 0; i < r.levels.size(); ++i) {
                c.unitChain.push_back("u" + std::to_string(i + 1));
                c.unitLevels.push_back(r.levels[i]);
                c.unitNames.push_back("Đơn vị " + std::to_string(i + 1));
            }
            const auto a = rules::decidingAuthority(c);
            REQUIRE(a);
            CHECK(a->title == r.title);
            CHECK(a->unitName == r.unitName);
            CHECK(a->source.verified == r.verified);
            const auto fs = rules::checkAuthority(c);
            REQUIRE_FALSE(fs.empty());
            CHECK(fs.front().ruleId == "authority.decider");
            CHECK(fs.front().message.find(r.title) != std::string::npos);
            CHECK_FALSE(fs.front().source.document.empty());
        }
    }
}

// [SECTION] time limits as dates (issue 20 point 6)
namespace {

TEST_CASE("rules: working days skip weekends and public holidays (table)") {
    const auto& shipped = catalog();
    std::vector<std::string> holidays;
    for (const auto& p : shipped.params())
        if (p.key == "calendar.holidays")
            for (std::size_t at = 0; at <= p.text.size();) {
                const auto comma = std::min(p.text.find(',', at), p.text.size());
                holidays.push_back(p.text.substr(at, comma - at));
                at = comma + 1;
            }
    struct Row {
        const char* name;
        const char* from;
        int days;
        const char* due;
    };
    const Row rows[] = {
        {"20 WD from Tue 01/07/2025: four weeks", "2025-07-01", 20, "2025-07-29"},
        {"20 WD from Wed 20/08/2025 skip 1–2/9", "2025-08-20", 20, "2025-09-19"},
        {"5 WD from Tue 10/02/2026 skip Tết 14–22/02", "2026-02-10", 5, "2026-02-24"},
        {"1 WD from Fri 31/12/2027 skips the weekend", "2027-12-31", 1, "2028-01-03"},
        {"1 WD from Thu 31/12/2026 skips 01/01", "2026-12-31", 1, "2027-01-04"},
    };
    for (const auto& r : rows)
        SUBCASE(r.name) { CHECK(rules::addWorkingDays(r.from, r.days, holidays) == r.due); }
}

// CSTĐ cơ sở received complete on Wed 20/08/2025: 20 WD, due Fri 19/09/2025.
DossierContext appraised(const std::string& today) {
    auto c = dossier("chien_si_thi_dua_co_so", 2025, "2025-08-20");
    c.today = today;
    c.dossier.status = "under_review";
    return c;
}

const rules::Catalog& withProvinceDeadline() {
    static const rules::Catalog cat = [] {
        auto params = catalog().params();
        rules::Parameter p;
        p.id = "deadline.province";
        p.key = "deadline.receive";
        p.awardCode = "chien_si_thi_dua_co_so";
        p.year = 2025;
        p.text = "2025-12-10";
        p.validity = {"tinh-p", "", ""};
        p.source = {"Kế hoạch của UBND tỉnh (cấu hình)", "", true};
        params.push_back(p);
        return rules::Catalog(catalog().rules(), params);
    }();
    return cat;
}

DossierContext provincial(const std::string& received) {
    auto c = dossier("chien_si_thi_dua_co_so", 2025, received);
    c.catalog = &withProvinceDeadline();
    c.unitChain = {"xa-a", "tinh-p"};
    return c;
}

std::optional<rules::Finding> findingOf(const DossierContext& c, const std::string& id) {
    for (auto& f : rules::checkAll(c))
        if (f.ruleId == id) return f;
    return std::nullopt;
}

} // namespace

TEST_CASE("rules: the appraisal time limit and the provincial deadline are findings with their dates") {
    using rules::Severity;
    SUBCASE("due day itself: info with the date") {
        auto f = findingOf(appraised("2025-09-19"), "deadline.appraisal");
        REQUIRE(f);
        CHECK(f->severity == Severity::Info);
        CHECK(f->message.find("19/09/2025") != std::string::npos);
        CHECK(f->source.document == "Quyết định 638/QĐ-BNV (2025)");
    }
    SUBCASE("the day after: overdue, a warning") {
        auto f = findingOf(appraised("2025-09-20"), "deadline.appraisal");
        REQUIRE(f);
        CHECK(f->severity == Severity::Warning);
    }
    SUBCASE("counted from completed_on, not received_on") {
        auto c = appraised("2025-09-22");
        c.dossier.completedOn = "2025-08-22"; // Fri → 20 WD skipping 1–2/9: Tue 23/09/2025
        auto f = findingOf(c, "deadline.appraisal");
        REQUIRE(f);
        CHECK(f->severity == Severity::Info);
        CHECK(f->message.find("23/09/2025") != std::string::npos);
    }
    SUBCASE("incomplete and no completion date: nothing to count from") {
        auto c = appraised("2025-09-22");
        c.presentComponents.pop_back();
        CHECK_FALSE(findingOf(c, "deadline.appraisal"));
    }
    SUBCASE("before 1/7/2025 no time limit is configured") {
        auto c = dossier("chien_si_thi_dua_co_so", 2025, "2025-06-30");
        CHECK_FALSE(findingOf(c, "deadline.appraisal"));
    }
    SUBCASE("provincial deadline 10/12/2025: on the day, info with the date") {
        auto f = findingOf(provincial("2025-12-10"), "deadline.receive");
        REQUIRE(f);
        CHECK(f->severity == Severity::Info);
        CHECK(f->message.find("10/12/2025") != std::string::npos);
    }
    SUBCASE("provincial deadline: received 11/12/2025, late") {
        auto f = findingOf(provincial("2025-12-11"), "deadline.receive");
        REQUIRE(f);
        CHECK(f->severity == Severity::Warning);
    }
    SUBCASE("another province's unit has no such deadline") {
        auto c = provincial("2025-12-11");
        c.unitChain = {"xa-b", "tinh-q"};
        CHECK_FALSE(findingOf(c, "deadline.receive"));
    }
}

} // namespace tdkt::test
