// Hiệp y (issue 22): a unit's concurrence on a proposal another authority decides
// is not judged as a proposal. No criteria, quota, council vote, components,
// authority or money findings; the form must exist for the nominee and the
// nominee must not be under discipline, investigation or a complaint (GEN-3).
#include "rules_fixture.hpp"

#include "tdkt/rules/engine.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

bool fires(const rules::Findings& fs, std::string_view id) {
    for (const auto& f : fs)
        if (f.ruleId == id) return true;
    return false;
}

bool startsWithAny(const std::string& id, std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes)
        if (id.rfind(p, 0) == 0) return true;
    return false;
}

rules::DossierContext concurrence(const std::string& award, const std::string& nomineeKind) {
    auto c = dossier(award, 2024, "2024-10-02", nomineeKind);
    c.dossier.kind = "hiep_y";
    // The requesting body's file: none of a proposal's components, no council here.
    c.presentComponents.clear();
    c.dossier.councilMembers.reset();
    c.dossier.councilVotesFor.reset();
    return c;
}

} // namespace

TEST_CASE("rules: a hiệp y is not judged as a proposal, and says what it answers for") {
    // Yên Khánh 2023 § 3.5 d): concurrences on proposals to ministries and the province.
    for (const auto& [award, kind] : std::initializer_list<std::pair<std::string, std::string>>{
             {"huan_chuong_doc_lap_hang_ba", "tap_the"},
             {"bang_khen_thu_tuong", "ca_nhan"},
             {"chien_si_thi_dua_co_so", "ca_nhan"},
             {"bang_khen_tinh", "tap_the"}}) {
        INFO(award << " " << kind);
        const auto asProposal = [&] {
            auto c = concurrence(award, kind);
            c.dossier.kind = "de_nghi";
            return rules::checkAll(c);
        }();
        const auto fs = rules::checkAll(concurrence(award, kind));
        // The same file as a proposal is found wanting (no components, no votes, …).
        CHECK(rules::hasBlock(asProposal));
        CHECK_FALSE(fires(asProposal, "concurrence.scope"));
        CHECK_FALSE(rules::hasBlock(fs));
        for (const auto& f : fs) {
            INFO(f.ruleId << ": " << f.message);
            CHECK(startsWithAny(f.ruleId, {"rules.", "blocks.", "concurrence."}));
        }
        REQUIRE(fires(fs, "concurrence.scope"));
        for (const auto& f : fs)
            if (f.ruleId == "concurrence.scope") {
                CHECK(f.severity == rules::Severity::Info);
                CHECK(f.message.find("Hồ sơ hiệp y") != std::string::npos);
                CHECK(f.params.at("award_code") == award);
                CHECK(f.params.at("kind") == "hiep_y");
            }
    }
}

TEST_CASE("rules: a hiệp y for a nominee under investigation or of a kind the form has not is refused") {
    auto c = concurrence("huan_chuong_lao_dong_hang_ba", "ca_nhan");
    discipline(c, "dang_dieu_tra_thanh_tra", "2024-06-01", "");
    const auto fs = rules::checkAll(c);
    CHECK(fires(fs, "blocks.dang_dieu_tra_thanh_tra"));
    CHECK(rules::hasBlock(fs));

    // Lao động tiên tiến is for individuals: a collective cannot be concurred on for it either.
    const auto wrongKind = rules::checkAll(concurrence("lao_dong_tien_tien", "tap_the"));
    CHECK(rules::hasBlock(wrongKind));
    CHECK(fires(wrongKind, "rules.nominee_kind"));
}

} // namespace tdkt::test
