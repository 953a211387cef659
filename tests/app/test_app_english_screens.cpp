// The movements, people, units, reference and history screens in English (issue 17,
// english): their view models give the English labels the screens draw (column
// headers, enum values, field names, a refused value's sentence) and the Vietnamese
// ones unchanged by default; a language switch re-reads what a view keeps. Real
// replica files with the shipped reference data.
#include "app_world.hpp"

#include "app/finding_text.hpp"
#include "app/history_view.hpp"
#include "app/labels.hpp"
#include "app/movement_list.hpp"
#include "app/people_list.hpp"
#include "app/person_page.hpp"
#include "app/reference_view.hpp"
#include "app/session.hpp"
#include "app/units_view.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {

using app::Lang;

namespace {

// Every header differs from its Vietnamese one (none left untranslated).
void allDiffer(const std::vector<std::string>& vi, const std::vector<std::string>& en) {
    REQUIRE(vi.size() == en.size());
    for (std::size_t i = 0; i < vi.size(); ++i) {
        CAPTURE(vi[i]);
        CHECK(vi[i] != en[i]);
    }
}

} // namespace

TEST_CASE("app-english: list headers of movements people and history are English in English") {
    allDiffer(app::movementColumns(Lang::Vi), app::movementColumns(Lang::En));
    allDiffer(app::peopleColumns(Lang::Vi), app::peopleColumns(Lang::En));
    allDiffer(app::historyColumns(Lang::Vi), app::historyColumns(Lang::En));
    CHECK(app::movementColumns(Lang::Vi).front() == "Tên phong trào"); // Vietnamese stays as it was
    CHECK(app::movementColumns(Lang::En).front() == "Movement");
    CHECK(app::peopleColumns(Lang::En).front() == "Full name");
    CHECK(app::historyColumns(Lang::En)[3] == "Field");
}

TEST_CASE("app-english: a movement row shows its level method and status in the list's language") {
    AppWorld w;
    w.store->create("movements", {{"unit_id", w.communeA}, {"title", std::string("Thi đua chuyển đổi số")},
                                  {"launch_level", std::string("tinh")}, {"method", std::string("thuong_xuyen")},
                                  {"status", std::string("dang_trien_khai")}, {"period_from", std::string("2025-01-01")},
                                  {"period_to", std::string("2025-12-31")}});
    app::MovementList list;
    list.refresh(*w.store, {}, 1, Lang::En);
    REQUIRE(list.count() == 1);
    auto row = list.row(*w.store, 0);
    CHECK(row.status == "Under way");
    CHECK(row.method == "Regular");
    CHECK(row.level == app::enumLabel("movements", "launch_level", "tinh", Lang::En));
    CHECK(row.level != app::enumLabel("movements", "launch_level", "tinh", Lang::Vi));
    list.refresh(*w.store, {}, 1, Lang::Vi); // the same epoch: the language alone reads it again
    row = list.row(*w.store, 0);
    CHECK(row.status == "Đang triển khai");
    CHECK(row.method == "Thường xuyên");
}

TEST_CASE("app-english: a person's awards evaluations and dossiers and the unit tree in English") {
    AppWorld w;
    const auto dinh = w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Nguyễn Văn Đình")}});
    w.store->create("award_history", {{"unit_id", w.communeA}, {"person_id", dinh},
                                      {"award_code", std::string("lao_dong_tien_tien")}, {"year", std::int64_t{2024}}});
    w.store->create("evaluations", {{"unit_id", w.communeA}, {"person_id", dinh}, {"year", std::int64_t{2024}},
                                    {"rank", std::string("httnv")}});
    const auto d = w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    w.store->update("dossiers", d, {{"person_id", dinh}});

    app::PersonPage page;
    page.load(*w.store, dinh, Lang::En);
    REQUIRE(page.awards().size() == 1);
    CHECK(page.awards()[0].award == "Advanced Worker");
    REQUIRE(page.evaluations().size() == 1);
    CHECK(page.evaluations()[0].rank == "Well completed duties");
    REQUIRE(page.dossiers().size() == 1);
    CHECK(page.dossiers()[0].award == "Advanced Worker");
    CHECK(page.dossiers()[0].status == app::enumLabel("dossiers", "status", "draft", Lang::En));
    CHECK(page.dossiers()[0].status != app::enumLabel("dossiers", "status", "draft", Lang::Vi));
    page.refresh(*w.store, 1, Lang::Vi); // switched back: the same epoch is read again
    CHECK(page.awards()[0].award == "Lao động tiên tiến");
    CHECK(page.evaluations()[0].rank == "Hoàn thành tốt nhiệm vụ");

    app::UnitsView units;
    const auto& en = units.lines(*w.store, 1, Lang::En);
    const auto province = std::find_if(en.begin(), en.end(), [&](const auto& l) { return l.id == w.province; });
    REQUIRE(province != en.end());
    CHECK(province->level == app::enumLabel("units", "level", "tinh", Lang::En));
    CHECK(province->level != app::enumLabel("units", "level", "tinh", Lang::Vi));
    CHECK(units.lines(*w.store, 1, Lang::Vi).front().level == app::enumLabel("units", "level", "tinh", Lang::Vi));
}

TEST_CASE("app-english: the award catalog in English keeps the legal sources as titled") {
    AppWorld w;
    const auto catalog = w.catalog();
    const auto en = app::awardRuleLines(catalog, *w.store, Lang::En);
    const auto vi = app::awardRuleLines(catalog, *w.store, Lang::Vi);
    REQUIRE(en.size() == vi.size());
    const auto worker = std::find_if(en.begin(), en.end(), [](const auto& l) { return l.code == "lao_dong_tien_tien"; });
    REQUIRE(worker != en.end());
    CHECK(worker->award == "Advanced Worker");
    CHECK(worker->category != app::enumLabel("award_rules", "category", "danh_hieu", Lang::Vi));
    REQUIRE_FALSE(worker->components.empty());
    CHECK(worker->components.front().starts_with("Regular procedure: "));
    CHECK(worker->components.front().find("Submission letter") != std::string::npos);
    const auto same = std::find_if(vi.begin(), vi.end(), [&](const auto& l) { return l.id == worker->id; });
    REQUIRE(same != vi.end());
    CHECK(same->award == "Lao động tiên tiến");
    CHECK(same->components.front().starts_with("Thủ tục thông thường: "));
    CHECK(worker->source.text == same->source.text); // a document's title is not translated
}

TEST_CASE("app-english: a record's history names its table and fields in English") {
    AppWorld w;
    const auto id = w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Đỗ Thị Hương")},
                                               {"gender", std::string("nu")}});
    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    s.lang = Lang::En;
    REQUIRE(s.records.openHistory(s, "people", id).empty());
    const auto& h = s.records.history;
    CHECK(h.tableLabel == "Person");
    std::map<std::string, app::HistoryLine> byField;
    for (const auto& l : h.lines) byField[l.field] = l;
    REQUIRE(byField.contains("full_name"));
    CHECK(byField["full_name"].fieldLabel == "Full name");
    REQUIRE(byField.contains("gender"));
    CHECK(byField["gender"].after == app::enumLabel("people", "gender", "nu", Lang::En));
    CHECK(byField["gender"].after != app::enumLabel("people", "gender", "nu", Lang::Vi));
    s.lang = Lang::Vi;
    REQUIRE(s.records.openHistory(s, "people", id).empty());
    CHECK(s.records.history.tableLabel == "Cá nhân");
    for (const auto& l : s.records.history.lines)
        if (l.field == "full_name") CHECK(l.fieldLabel == "Họ và tên");
}

TEST_CASE("app-english: a refused movement title and an unsaved unit are worded in English") {
    AppWorld w;
    app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    s.lang = Lang::En;
    const auto en = s.movements.create(s, app::NewMovement{"", w.communeA});
    CHECK_FALSE(en.empty());
    CHECK(en.find(app::fieldLabel("movements", "title", Lang::En)) != std::string::npos);
    CHECK(en.find(app::fieldLabel("movements", "title", Lang::Vi)) == std::string::npos);
    s.lang = Lang::Vi;
    const auto vi = s.movements.create(s, app::NewMovement{"", w.communeA});
    CHECK(vi.find(app::fieldLabel("movements", "title", Lang::Vi)) != std::string::npos);
}

TEST_CASE("app-english: a missing component's finding is worded in English and named by its kind") {
    rules::Finding f;
    f.ruleId = "completeness.to_trinh";
    f.severity = rules::Severity::Block;
    f.message = "Thiếu «Tờ trình» trong hồ sơ «Lao động tiên tiến»: bổ sung trước khi trình.";
    const auto en = app::findingText(f, "lao_dong_tien_tien", Lang::En);
    CHECK(en.kind == "Dossier components");
    CHECK(en.sentence == "“Submission letter” is missing from the dossier for “Advanced Worker”: add it before submitting.");
    const auto vi = app::findingText(f, "lao_dong_tien_tien", Lang::Vi);
    CHECK(vi.kind.empty());
    CHECK(vi.sentence == f.message); // Vietnamese unchanged
    f.ruleId = "quota.exceeded"; // a finding the edge cannot word: its kind in English, the engine's sentence
    const auto quota = app::findingText(f, "lao_dong_tien_tien", Lang::En);
    CHECK(quota.kind == "Quota");
    CHECK(quota.sentence == f.message);
}

} // namespace tdkt::test
