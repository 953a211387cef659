// The dossier editor's pickers and components checklist (issue 17, gui3): headless
// over a real replica (people found by name without diacritics, the unit subtree,
// award forms by nominee kind, ticking components clears the completeness
// findings), then in the real window under xvfb-run against a real tdkt-server: the
// officer picks the nominee, award form and unit, ticks the components, an idle
// second commits what is typed, and a forbidden change comes back refused with its
// Vietnamese sentence in the refused list.
#include "app_world.hpp"
#include "sync/sync_fixture.hpp"
#include "gui_run.hpp"

#include "app/components.hpp"
#include "app/labels.hpp"
#include "app/pickers.hpp"
#include "app/refusals.hpp"
#include "app/session.hpp"

#include "tdkt/rules/engine.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

namespace tdkt::test {
namespace {

bool hasFinding(const rules::Findings& fs, const std::string& prefix) {
    return std::any_of(fs.begin(), fs.end(), [&](const auto& f) { return f.ruleId.starts_with(prefix); });
}

std::vector<std::string> ids(const std::vector<app::Choice>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.id);
    return out;
}

RunResult gui(SyncWorld& w, const std::string& replica, const std::string& script, const std::string& shots,
              const std::string& scale) {
    return runGui({.db = w.dir() / (replica + ".db"), .dir = w.dir().path(), .name = shots, .script = script, .scale = scale});
}

} // namespace

TEST_CASE("app-pickers: people by name without diacritics, the unit subtree, award forms by nominee kind") {
    AppWorld w;
    auto& s = *w.store;
    const auto thon = s.create("units", {{"name", std::string("Thôn Đông")}, {"level", std::string("thon")},
                                         {"parent_id", w.communeA}});
    const auto dinh = s.create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Nguyễn Văn Đình")},
                                          {"position", std::string("Chủ tịch UBND xã")}});
    const auto dung = s.create("people", {{"unit_id", thon}, {"full_name", std::string("Nguyễn Văn Dũng")}});
    s.create("people", {{"unit_id", w.communeB}, {"full_name", std::string("Nguyễn Văn Định")}}); // another commune

    auto found = app::findPeople(s, w.communeA, "nguyen van dinh");
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == dinh);
    CHECK(found[0].name == "Nguyễn Văn Đình");
    CHECK(found[0].label == "Nguyễn Văn Đình — Chủ tịch UBND xã (Xã Khánh Hòa)");
    CHECK(ids(app::findPeople(s, w.communeA, "nguyen van")) == std::vector<std::string>{dung, dinh}); // by name
    CHECK(app::findPeople(s, w.province, "nguyen van d").size() == 3);

    const auto units = app::unitSubtree(s, w.communeA);
    CHECK(ids(units) == std::vector<std::string>{w.communeA, thon});
    CHECK(units[1].depth == 1);
    CHECK(app::unitSubtree(s, "").size() == 4); // never signed in: every unit, from the roots

    const auto catalog = w.catalog();
    const auto personal = ids(app::awardForms(catalog, "ca_nhan"));
    const auto collective = ids(app::awardForms(catalog, "tap_the"));
    CHECK(std::count(personal.begin(), personal.end(), "lao_dong_tien_tien") == 1);
    CHECK(std::count(personal.begin(), personal.end(), "tap_the_lao_dong_tien_tien") == 0);
    CHECK(std::count(collective.begin(), collective.end(), "tap_the_lao_dong_tien_tien") == 1);
    CHECK(std::count(collective.begin(), collective.end(), "lao_dong_tien_tien") == 0);
    for (const auto& a : app::awardForms(catalog, "ca_nhan")) CHECK(a.label != a.id); // Vietnamese names
}

TEST_CASE("app-components: ticking the award form's components clears the completeness findings") {
    AppWorld w;
    auto& s = *w.store;
    const auto catalog = w.catalog();
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026);
    auto lines = app::dossierComponents(s, catalog, id);
    REQUIRE(lines.size() == 3); // LĐTT, usual procedure: tờ trình, báo cáo thành tích, biên bản họp
    CHECK(lines[0].code == "to_trinh");
    CHECK(lines[0].label == "Tờ trình");
    for (const auto& l : lines) CHECK((l.required && !l.present && l.itemId.empty()));
    CHECK(hasFinding(rules::checkDossier(s, id, catalog), "completeness."));

    CHECK(app::setComponent(s, id, "to_trinh", true, ""));
    CHECK(app::setComponent(s, id, "bao_cao_thanh_tich", false, "12/BC-UBND")); // a reference ticks it
    CHECK_FALSE(app::setComponent(s, id, "bao_cao_thanh_tich", true, "12/BC-UBND")); // unchanged
    CHECK(app::setComponent(s, id, "bien_ban_hop", true, "BB-03"));
    CHECK_FALSE(hasFinding(rules::checkDossier(s, id, catalog), "completeness."));
    lines = app::dossierComponents(s, catalog, id);
    CHECK(lines[1].present);
    CHECK(lines[1].reference == "12/BC-UBND");
    CHECK(s.list("dossier_items", {{"dossier_id", id}}).size() == 3);

    CHECK(app::setComponent(s, id, "bien_ban_hop", false, "")); // unticked: the finding is back
    const auto fs = rules::checkDossier(s, id, catalog);
    CHECK(std::count_if(fs.begin(), fs.end(), [](const auto& f) { return f.ruleId.starts_with("completeness."); }) == 1);
    CHECK(hasFinding(fs, "completeness.bien_ban_hop"));
}

TEST_CASE("app-pickers: the session writes a picked collective, award form and unit, and ticks through the editor") {
    AppWorld w;
    const auto id = w.dossier(w.communeA, "Nguyễn Văn Đình", 2026);
    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    s.open(id);
    REQUIRE(s.editor());
    CHECK(s.pick("nominee_kind", "tap_the").empty());
    const auto units = s.unitChoices(); // never signed in: the whole tree
    const auto a = std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.id == w.communeA; });
    REQUIRE(a != units.end());
    CHECK(s.pickNominee("tap_the", *a).empty());
    const auto forms = s.awardChoices("tap_the");
    REQUIRE_FALSE(forms.empty());
    CHECK(s.pick("award_code", "tap_the_lao_dong_tien_tien").empty());
    CHECK(s.pick("unit_id", w.province).empty());
    auto row = w.store->get("dossiers", id);
    REQUIRE(row);
    CHECK(app::valueText(row->fields.at("nominee_kind")) == "tap_the");
    CHECK(app::valueText(row->fields.at("collective_unit_id")) == w.communeA);
    CHECK(app::valueText(row->fields.at("nominee_name")) == "Xã Khánh Hòa");
    CHECK((!row->fields.contains("person_id") || isNull(row->fields.at("person_id"))));
    CHECK(app::valueText(row->fields.at("unit_id")) == w.province);
    CHECK(s.editor()->text("award_code") == "tap_the_lao_dong_tien_tien");

    const auto lines = s.components(); // the collective form's own list
    REQUIRE_FALSE(lines.empty());
    CHECK(hasFinding(s.editor()->findings(), "completeness."));
    for (const auto& l : lines) CHECK(s.setComponent(l.code, true, "").empty());
    CHECK_FALSE(hasFinding(s.editor()->findings(), "completeness.")); // rechecked as ticked
    for (const auto& l : s.components()) CHECK(l.present);
}

TEST_CASE("app-gui-editor: an officer picks nominee, award and unit, ticks components, a refusal is in Vietnamese") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("thon-1", "thon", "xa-a"); // in a1's subtree, not a1's to write
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("r2", "a2");
    const auto dinh = w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Văn Đình"},
                                             {"position", "Chủ tịch UBND xã"}});
    w.put("r2", "people", {{"unit_id", "xa-a"}, {"full_name", "Nguyễn Thị Lan"}});
    w.sync("r2");
    w.ok("r1", {"init", "--site-name", "r1"});

    const std::string script = signInScript(w.port(), w.dir() / "cert.pem", "a1", Password) +
                               "key ctrl+n\n"
                               "type Tên người được đề nghị = nguyen van dinh\n"
                               "wait 3\n"
                               "shot 01-chon-nguoi\n"
                               "click Nguyễn Văn Đình — Chủ tịch UBND xã (Đơn vị xa-a)\n"
                               "pick Danh hiệu = Lao động tiên tiến\n"
                               "pick Đơn vị = Đơn vị xa-a\n"
                               "type Năm thành tích = 2026\n"
                               "click Tạo hồ sơ\n"
                               "wait 3\n"
                               "shot 02-ho-so-thieu-thanh-phan\n"
                               "click Tờ trình\n"
                               "type Số, ký hiệu Báo cáo thành tích = 12/BC-UBND\n"
                               "click Biên bản họp Hội đồng TĐKT\n"
                               "typing Tóm tắt thành tích = Hoàn thành xuất sắc nhiệm vụ năm 2026\n"
                               "wait 150\n" // more than the idle second: committed without leaving the field
                               "shot 03-thanh-phan-du\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               // A unit below, once the dossier is on the server (a row created and moved
                               // in one push is judged by its last unit: the whole row would be refused).
                               "pick Đơn vị đề nghị = Đơn vị thon-1\n"
                               "click Đồng bộ\n"
                               "waitsync\n"
                               "key esc\n"
                               "screen tu-choi\n"
                               "wait 3\n"
                               "shot 04-tu-choi\n";
    auto r = gui(w, "r1", script, "editor", "");
    keepShots(w.dir() / "editor");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    // The shipped font first (assets/fonts, with its licence); Xvfb's content scale is 1.
    CHECK(r.err.find("assets/fonts/NotoSans-Regular.ttf, scale 1\n") != std::string::npos);
    CHECK(std::filesystem::exists(std::filesystem::path(TDKT_REFERENCE_DIR).parent_path() / "fonts" / "NotoSans-LICENSE.txt"));
    requireShots(w.dir() / "editor", 4);

    app::Session s({.db = w.dir() / "r1.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    auto rows = s.store().list("dossiers");
    REQUIRE(rows.size() == 1);
    const auto& d = rows[0];
    CHECK(app::valueText(d.fields.at("person_id")) == dinh);
    CHECK(app::valueText(d.fields.at("nominee_name")) == "Nguyễn Văn Đình");
    CHECK(app::valueText(d.fields.at("nominee_kind")) == "ca_nhan");
    CHECK(app::valueText(d.fields.at("award_code")) == "lao_dong_tien_tien");
    CHECK(app::valueText(d.fields.at("unit_id")) == "xa-a");
    CHECK(app::valueText(d.fields.at("summary")) == "Hoàn thành xuất sắc nhiệm vụ năm 2026"); // the idle commit
    // An officer is offered no review field (the status steps are the reviewer's): none was written.
    CHECK_FALSE(d.fields.contains("council_members"));
    for (const auto& l : app::dossierComponents(s.store(), s.catalog(), d.id)) CHECK(l.present);
    CHECK_FALSE(hasFinding(rules::checkDossier(s.store(), d.id, s.catalog()), "completeness."));
    CHECK(s.store().pendingCount() == 0);

    const auto refused = s.refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].field == "unit_id");
    CHECK(s.shownValue("dossiers", "unit_id", refused[0].value) == "Đơn vị thon-1"); // what was typed, by name
    CHECK(app::refusalCodeOf(refused[0].reason) == "rights.foreign_unit");
    CHECK(s.refusedReason(refused[0]) == "Đơn vị Đơn vị thon-1 không thuộc phạm vi của bạn: cán bộ của Đơn vị xa-a "
                                         "không được sửa Hồ sơ đề nghị khen thưởng của đơn vị này.");
    s.lang = app::Lang::En;
    CHECK(s.refusedReason(refused[0]) == "Unit Đơn vị thon-1 (thon-1) is not yours: an officer of unit Đơn vị xa-a (xa-a) "
                                         "may not change its dossiers.");

    // The same screens at 1.5×: the editor with its pickers and checklist, the refused list.
    const std::string again = "screen ho-so\n"
                              "wait 2\n"
                              "key ctrl+f\n"
                              "type Tìm kiếm = nguyen van dinh\n"
                              "wait 3\n"
                              "shot 05-danh-sach\n"
                              "click Nguyễn Văn Đình\n"
                              "wait 3\n"
                              "shot 06-ho-so-du\n"
                              "key esc\n"
                              "screen tu-choi\n"
                              "wait 2\n"
                              "shot 07-tu-choi\n";
    r = gui(w, "r1", again, "editor15", "1.5");
    keepShots(w.dir() / "editor15");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(r.err.find(", scale 1.5\n") != std::string::npos); // --scale wins over the monitor's
    requireShots(w.dir() / "editor15", 3);
}

} // namespace tdkt::test
