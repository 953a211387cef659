// DossierEditor over a real replica: each field checked against the schema as it
// is committed (a refused value stays typed, worded in Vietnamese), the rules
// engine's findings following the edits, and submit gated by the same engine.
#include "app_world.hpp"

#include "app/dossier_editor.hpp"
#include "app/labels.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/rules/engine.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {
namespace {

bool has(const rules::Findings& fs, const std::string& id) {
    return std::any_of(fs.begin(), fs.end(), [&](const auto& f) { return f.ruleId == id; });
}

std::string field(const store::Store& s, const std::string& id, const std::string& name) {
    auto row = s.get("dossiers", id);
    REQUIRE(row);
    auto it = row->fields.find(name);
    return it == row->fields.end() ? std::string() : app::valueText(it->second);
}

// A person with LĐTT 2026 and an excellent evaluation, proposed for CSTĐ cơ sở 2026.
struct CstdWorld : AppWorld {
    std::string person;
};

std::string cstdDossier(CstdWorld& w) {
    auto& s = *w.store;
    const auto person = s.create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Nguyễn Văn Đình")}});
    s.create("evaluations", {{"unit_id", w.communeA}, {"person_id", person}, {"year", std::int64_t{2026}},
                             {"rank", std::string("htxsnv")}});
    s.create("award_history", {{"unit_id", w.communeA}, {"person_id", person}, {"year", std::int64_t{2026}},
                                {"award_code", std::string("lao_dong_tien_tien")}});
    w.person = person;
    return app::createDossier(s, {.unitId = w.communeA, .nomineeName = "Nguyễn Văn Đình",
                                  .awardCode = "chien_si_thi_dua_co_so", .year = 2026});
}

} // namespace

TEST_CASE("app-editor: a new dossier needs its required fields") {
    AppWorld w;
    app::NewDossier d{.unitId = w.communeA, .nomineeName = "", .awardCode = "lao_dong_tien_tien", .year = 2025};
    CHECK_THROWS_AS(app::createDossier(*w.store, d), Error);
    d.nomineeName = "Trần Thị Hương";
    d.year = 0;
    CHECK_THROWS_AS(app::createDossier(*w.store, d), Error);
    CHECK(w.store->list("dossiers").empty());
    d.year = 2025;
    const auto id = app::createDossier(*w.store, d);
    CHECK(field(*w.store, id, "status") == "draft");

    app::DossierEditor e;
    CHECK_THROWS_AS(e.load(*w.store, "no-such-dossier"), Error);
}

TEST_CASE("app-editor: a refused value stays typed with a Vietnamese sentence, a good one is written") {
    AppWorld w;
    const auto id = w.dossier(w.communeA, "Trần Thị Hương", 2025);
    app::DossierEditor e;
    e.load(*w.store, id);
    CHECK(e.text("nominee_name") == "Trần Thị Hương");
    CHECK(e.text("year") == "2025");

    CHECK_FALSE(e.commit(*w.store, "year", app::Lang::Vi)); // unchanged: nothing written
    e.text("year") = "hai nghìn";
    CHECK_FALSE(e.commit(*w.store, "year", app::Lang::Vi));
    REQUIRE(e.error("year"));
    CHECK(*e.error("year") == "Giá trị của trường “Năm thành tích” không hợp lệ; hãy sửa lại.");
    CHECK(e.text("year") == "hai nghìn"); // nothing typed is lost
    CHECK(field(*w.store, id, "year") == "2025");

    e.text("status") = "not_a_status";
    CHECK_FALSE(e.commit(*w.store, "status", app::Lang::En));
    REQUIRE(e.error("status"));
    CHECK(*e.error("status") == "The value of “Status” is not valid; please correct it.");

    e.text("year") = "2024";
    CHECK(e.commit(*w.store, "year", app::Lang::Vi));
    CHECK_FALSE(e.error("year"));
    CHECK(field(*w.store, id, "year") == "2024");

    e.text("summary") = "Hoàn thành xuất sắc nhiệm vụ năm 2024";
    CHECK(e.commit(*w.store, "summary", app::Lang::Vi));
    CHECK(field(*w.store, id, "summary") == "Hoàn thành xuất sắc nhiệm vụ năm 2024");
    CHECK_THROWS_AS(e.commit(*w.store, "no_such_field", app::Lang::Vi), Error);
}

TEST_CASE("app-editor: findings follow the edits, submit is refused while a rule blocks") {
    CstdWorld w;
    const auto catalog = w.catalog();
    const auto id = cstdDossier(w);
    app::DossierEditor e;
    e.load(*w.store, id);
    e.recheck(*w.store, catalog);
    CHECK(rules::hasBlock(e.findings()));
    CHECK(has(e.findings(), "completeness.to_trinh"));
    for (const auto& f : e.findings()) {
        CHECK_FALSE(f.message.empty());
        CHECK_FALSE(f.source.document.empty());
    }

    auto refused = e.submit(*w.store, catalog);
    REQUIRE(refused);
    CHECK(refused->severity == rules::Severity::Block);
    CHECK(field(*w.store, id, "status") == "draft");

    // The officer attaches the components and fills the council: the findings move as they do.
    for (const char* c : {"to_trinh", "bien_ban_hop", "bao_cao_thanh_tich", "tai_lieu_kiem_chung"}) {
        w.store->create("dossier_items", {{"dossier_id", id}, {"unit_id", w.communeA}, {"component", std::string(c)},
                                          {"present", std::int64_t{1}}});
        e.recheck(*w.store, catalog);
        CHECK_FALSE(has(e.findings(), std::string("completeness.") + c));
    }
    e.recheck(*w.store, catalog);
    CHECK(has(e.findings(), "eligibility.award_consecutive")); // no person picked yet: no LĐTT on record
    for (auto [f, v] : {std::pair{"person_id", w.person}, std::pair{"deciding_unit_id", w.communeA}, std::pair{"received_on", rules::todayIso()},
                        std::pair{"council_members", std::string("9")}, std::pair{"council_votes_for", std::string("9")}}) {
        e.text(f) = v;
        CHECK(e.commit(*w.store, f, app::Lang::Vi));
    }
    e.recheck(*w.store, catalog);
    for (const auto& f : e.findings())
        if (f.severity == rules::Severity::Block) MESSAGE("still blocking: " << f.ruleId << " " << f.message);
    CHECK_FALSE(rules::hasBlock(e.findings()));

    CHECK_FALSE(e.submit(*w.store, catalog));
    CHECK(field(*w.store, id, "status") == "submitted");
    CHECK(field(*w.store, id, "submitted_on") == rules::todayIso());
    CHECK(e.text("status") == "submitted");
}

} // namespace tdkt::test
