// The issuer outside the unit tree (issue 22): a Bằng khen or Cờ thi đua of a bộ,
// ngành, đoàn thể trung ương or tỉnh names its issuer unless a unit of the tree
// decides it; the issuer's level is the deciding level the authority check reads.
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

const rules::Finding* find(const rules::Findings& fs, std::string_view id) {
    auto it = std::find_if(fs.begin(), fs.end(), [&](const rules::Finding& f) { return f.ruleId == id; });
    return it == fs.end() ? nullptr : &*it;
}

// A dossier no unit of the tree decides (the fixture gives it a deciding level).
rules::DossierContext outside(const std::string& award, const std::string& issuer, const std::string& name,
                              const std::string& kind = "ca_nhan") {
    auto c = dossier(award, 2024, "2024-10-02", kind);
    c.decidingLevel.clear();
    c.dossier.issuerKind = issuer;
    c.dossier.issuerName = name;
    return c;
}

} // namespace

TEST_CASE("rules: a Bằng khen of a bộ, ngành or đoàn thể names its issuer") {
    SUBCASE("none: blocked, with the issuer kinds to choose from") {
        const auto fs = rules::checkAll(outside("bang_khen_bo_nganh", "", ""));
        const auto* f = find(fs, "issuer.missing");
        REQUIRE(f);
        CHECK(f->severity == rules::Severity::Block);
        CHECK(f->source.article == "Điều 74");
        CHECK(f->params["award_code"] == "bang_khen_bo_nganh");
        CHECK(f->params["issuer_kinds"] == nlohmann::json::array({"bo_nganh", "doan_the_tw"}));
        CHECK(find(fs, "authority.missing")); // nor does anyone decide it
    }
    for (const auto& [kind, name] : {std::pair{"bo_nganh", "Bộ Công an"},
                                     std::pair{"doan_the_tw", "Trung ương Đoàn TNCS Hồ Chí Minh"}}) {
        SUBCASE((std::string("issued by ") + name).c_str()) {
            const auto fs = rules::checkAll(outside("bang_khen_bo_nganh", kind, name));
            for (const char* id : {"issuer.missing", "issuer.kind", "issuer.name", "authority.missing", "authority.level"})
                CHECK_MESSAGE(find(fs, id) == nullptr, id);
            CHECK(find(fs, "authority.decider"));
        }
    }
    SUBCASE("a kind without its name: warned") {
        const auto fs = rules::checkAll(outside("bang_khen_bo_nganh", "bo_nganh", " "));
        const auto* f = find(fs, "issuer.name");
        REQUIRE(f);
        CHECK(f->severity == rules::Severity::Warning);
        CHECK(f->params["issuer_kind"] == "bo_nganh");
    }
    SUBCASE("a province's issuer on a bộ's form: the kind is warned and the authority blocks") {
        const auto fs = rules::checkAll(outside("bang_khen_bo_nganh", "tinh", "UBND tỉnh Ninh Bình"));
        REQUIRE(find(fs, "issuer.kind"));
        CHECK(find(fs, "issuer.kind")->severity == rules::Severity::Warning);
        REQUIRE(find(fs, "authority.level"));
        CHECK(find(fs, "authority.level")->severity == rules::Severity::Block);
    }
    SUBCASE("a unit of the tree decides it: no issuer asked for") {
        auto c = dossier("bang_khen_bo_nganh", 2024, "2024-10-02");
        REQUIRE_FALSE(c.decidingLevel.empty());
        CHECK(rules::checkIssuer(c).empty());
        c = dossier("bang_khen_tinh", 2024, "2024-10-02");
        CHECK(rules::checkIssuer(c).empty());
        // A proposal to the province the tree holds, not decided yet: that province decides.
        auto p = outside("bang_khen_tinh", "", "");
        p.unitChain = {"xa", "huyen", "tinh"};
        p.unitLevels = {"xa", "huyen", "tinh"};
        CHECK(rules::checkIssuer(p).empty());
        // The same on a replica whose tree stops at the district: the issuer is asked for.
        p.unitChain = {"xa", "huyen"};
        p.unitLevels = {"xa", "huyen"};
        REQUIRE(rules::checkIssuer(p).size() == 1);
        CHECK(rules::checkIssuer(p).front().ruleId == "issuer.missing");
        // An issuer written all the same is still read: a bộ does not give the province's form.
        c.dossier.issuerKind = "bo_nganh";
        c.dossier.issuerName = "Bộ Công an";
        REQUIRE(rules::checkIssuer(c).size() == 1);
        CHECK(rules::checkIssuer(c).front().ruleId == "issuer.kind");
    }
    SUBCASE("the Cờ thi đua of a bộ: asked for, warned only (its article is unverified)") {
        const auto fs = rules::checkIssuer(outside("co_thi_dua_bo_nganh", "", "", "tap_the"));
        REQUIRE(fs.size() == 1);
        CHECK(fs.front().ruleId == "issuer.missing");
        CHECK(fs.front().severity == rules::Severity::Warning);
        CHECK_FALSE(fs.front().source.verified);
    }
    SUBCASE("forms no outside body issues, or whose issuer is implied, ask for none") {
        for (const char* award : {"huan_chuong_lao_dong_hang_ba", "bang_khen_thu_tuong", "giay_khen", "lao_dong_tien_tien"})
            CHECK_MESSAGE(rules::checkIssuer(outside(award, "", "")).empty(), award);
    }
}

TEST_CASE("rules: the issuer's level is the deciding level when no unit of the tree decides") {
    CHECK(rules::decidingLevelOf(outside("huan_chuong_lao_dong_hang_ba", "chu_tich_nuoc", "")) == "trung_uong");
    CHECK(rules::decidingLevelOf(outside("bang_khen_thu_tuong", "thu_tuong", "")) == "trung_uong");
    CHECK(rules::decidingLevelOf(outside("bang_khen_bo_nganh", "doan_the_tw", "TW Đoàn")) == "bo_nganh");
    CHECK(rules::decidingLevelOf(outside("giay_khen", "co_quan_don_vi", "Công an tỉnh")) == "co_quan");
    CHECK(rules::decidingLevelOf(outside("giay_khen", "", "")).empty());
    // A deciding unit of the tree wins over an issuer.
    auto c = dossier("bang_khen_tinh", 2024, "2024-10-02");
    c.dossier.issuerKind = "thu_tuong";
    CHECK(rules::decidingLevelOf(c) == c.decidingLevel);
    // The Thủ tướng's Bằng khen by its issuer: no authority finding but the decider's name.
    const auto fs = rules::checkAuthority(outside("bang_khen_thu_tuong", "thu_tuong", "", "tap_the"));
    REQUIRE(fs.size() == 1);
    CHECK(fs.front().ruleId == "authority.decider");
    // The Chủ tịch nước does not give a Giấy khen.
    const auto g = rules::checkAuthority(outside("giay_khen", "chu_tich_nuoc", ""));
    CHECK(find(g, "authority.level"));
}

} // namespace tdkt::test
