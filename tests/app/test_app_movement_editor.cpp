// The movement editor through the Session over a real replica (issue 17): a new
// movement, the plan typed as officers write it, targets per unit and results
// against them, model examples; a bad value is refused with a Vietnamese sentence
// and stays typed, nothing stored changes; a pulled change keeps what is typed;
// another unit's movement is read-only while the user's own targets are not.
#include "app_world.hpp"

#include "app/labels.hpp"
#include "app/session.hpp"

#include "tdkt/store/row_values.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {
namespace {

std::string stored(const store::Store& s, const std::string& table, const std::string& id, const std::string& field) {
    auto row = s.get(table, id);
    REQUIRE(row);
    auto it = row->fields.find(field);
    return it == row->fields.end() ? std::string() : app::valueText(it->second);
}

struct EditorWorld : AppWorld {
    app::Session s{{.db = dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false}};
};

} // namespace

TEST_CASE("app-movement-editor: an officer creates a movement and types its plan, level, period and method") {
    EditorWorld w;
    auto& mv = w.s.movements;
    CHECK(mv.create(w.s, {.title = "  "}) == "“Tên phong trào” không được để trống.");
    CHECK(w.store->list("movements").empty());
    REQUIRE(mv.create(w.s, {.title = "Xã Khánh Hòa chung sức xây dựng nông thôn mới nâng cao", .unitId = w.communeA})
                .empty());
    auto* e = mv.editor(w.s);
    REQUIRE(e);
    auto& m = e->movement;
    const auto id = m.id();
    CHECK(stored(*w.store, "movements", id, "status") == "du_thao");
    CHECK(stored(*w.store, "movements", id, "launch_level") == "xa"); // the unit's own level
    m.text("plan_number") = "12/KH-UBND";
    CHECK(mv.commit(w.s, m, "plan_number").empty());
    m.text("plan_date") = "5/8/2025";
    CHECK(mv.commit(w.s, m, "plan_date").empty());
    CHECK(stored(*w.store, "movements", id, "plan_date") == "2025-08-05");
    CHECK(m.text("plan_date") == "05/08/2025"); // shown as officers write it
    m.text("period_from") = "05/08/2025";
    m.text("period_to") = "31/12/2025";
    CHECK(mv.commit(w.s, m, "period_from").empty());
    CHECK(mv.commit(w.s, m, "period_to").empty());
    CHECK(mv.pick(w.s, m, "method", "chuyen_de").empty());
    CHECK(mv.pick(w.s, m, "status", "dang_trien_khai").empty());
    CHECK(stored(*w.store, "movements", id, "method") == "chuyen_de");

    mv.refreshList(w.s);
    REQUIRE(mv.list.count() == 1);
    const auto& row = mv.list.row(w.store.operator*(), 0);
    CHECK(row.plan == "12/KH-UBND ngày 05/08/2025");
    CHECK(row.status == "Đang triển khai");
    CHECK(row.method == "Theo chuyên đề");
}

TEST_CASE("app-movement-editor: a malformed date, an end before the start, a negative target are refused and kept") {
    EditorWorld w;
    auto& mv = w.s.movements;
    REQUIRE(mv.create(w.s, {.title = "Thi đua văn hóa công sở", .unitId = w.communeA}).empty());
    auto& m = mv.editor(w.s)->movement;
    const auto id = m.id();
    m.text("plan_date") = "31/02/2025";
    CHECK(mv.commit(w.s, m, "plan_date") ==
          "“Ngày kế hoạch” phải là một ngày có thật, viết ngày/tháng/năm (ví dụ 04/06/2021).");
    CHECK(m.text("plan_date") == "31/02/2025"); // what was typed stays
    REQUIRE(m.error("plan_date"));
    CHECK(stored(*w.store, "movements", id, "plan_date").empty());
    m.text("plan_date") = "28/02/2025";
    CHECK(mv.commit(w.s, m, "plan_date").empty());
    CHECK_FALSE(m.error("plan_date"));

    m.text("period_from") = "01/03/2025";
    CHECK(mv.commit(w.s, m, "period_from").empty());
    m.text("period_to") = "31/12/2024";
    CHECK(mv.commit(w.s, m, "period_to") == "“Đến ngày” không được trước “Từ ngày”.");
    CHECK(stored(*w.store, "movements", id, "period_to").empty());
    m.text("title") = "";
    CHECK(mv.commit(w.s, m, "title") == "“Tên phong trào” không được để trống.");
    CHECK(stored(*w.store, "movements", id, "title") == "Thi đua văn hóa công sở");

    app::NewTarget t{.unitId = w.communeA, .indicator = "Giảm tỷ lệ hộ nghèo", .value = "-4", .measure = "%"};
    CHECK(mv.addTarget(w.s, t) == "“Mức chỉ tiêu” không được là số âm.");
    t.value = "4";
    t.due = "32/12/2025";
    CHECK(mv.addTarget(w.s, t) == "“Hạn hoàn thành” phải là một ngày có thật, viết ngày/tháng/năm (ví dụ 04/06/2021).");
    CHECK(w.store->list("movement_targets").empty());
    t.due = "";
    t.indicator = "";
    CHECK(mv.addTarget(w.s, t) == "“Chỉ tiêu” không được để trống.");
    CHECK(w.store->list("movement_targets").empty());

    w.s.lang = app::Lang::En;
    m.text("plan_date") = "tomorrow";
    CHECK(mv.commit(w.s, m, "plan_date") ==
          "“Plan date” must be a real date, written day/month/year (e.g. 04/06/2021).");
    CHECK(stored(*w.store, "movements", id, "plan_date") == "2025-02-28");
}

TEST_CASE("app-movement-editor: targets per unit, results against them, model examples, edits and removal") {
    EditorWorld w;
    auto& mv = w.s.movements;
    REQUIRE(mv.create(w.s, {.title = "Chung tay vì người nghèo", .unitId = w.province}).empty());
    REQUIRE(mv.addTarget(w.s, {.unitId = w.communeA, .indicator = "Giảm tỷ lệ hộ nghèo", .value = "4", .measure = "%",
                               .due = "31/12/2025"}).empty());
    REQUIRE(mv.addTarget(w.s, {.unitId = w.communeB, .indicator = "Giảm tỷ lệ hộ nghèo", .value = "3,5", .measure = "%"})
                .empty());
    auto* e = mv.editor(w.s); // reloaded: the two targets, in the order they were made
    REQUIRE(e->targets.size() == 2);
    CHECK(e->targets[0].stored("unit_id") == w.communeA);
    CHECK(e->targets[1].text("target_value") == "3,5");
    CHECK(e->targets[0].text("due_date") == "31/12/2025");

    auto& second = e->targets[1];
    second.text("target_value") = "-1";
    CHECK(mv.commit(w.s, second, "target_value") == "“Mức chỉ tiêu” không được là số âm.");
    CHECK(stored(*w.store, "movement_targets", second.id(), "target_value") == "3.5");
    second.text("target_value") = "5";
    CHECK(mv.commit(w.s, second, "target_value").empty());

    const auto targetA = e->targets[0].id();
    CHECK(mv.addResult(w.s, {.targetId = targetA, .year = "2025", .achieved = "-2"}) ==
          "“Kết quả đạt được” không được là số âm.");
    CHECK(mv.addResult(w.s, {.targetId = targetA, .year = "25", .achieved = "4,6"}) ==
          "“Năm” phải là một năm có bốn chữ số (ví dụ 2025).");
    CHECK(mv.addResult(w.s, {.targetId = "", .year = "2025"}) == "“Chỉ tiêu” không được để trống.");
    CHECK(w.store->list("movement_results").empty());
    REQUIRE(mv.addResult(w.s, {.targetId = targetA, .year = "2025", .achieved = "4,6", .reportedOn = "30/11/2025"})
                .empty());
    e = mv.editor(w.s);
    REQUIRE(e->results.size() == 1);
    auto& r = e->results[0];
    CHECK(r.stored("unit_id") == w.communeA); // the target's unit and indicator
    CHECK(r.stored("indicator") == "Giảm tỷ lệ hộ nghèo");
    CHECK(r.stored("target_id") == targetA);
    CHECK(r.text("achieved_value") == "4,6");
    r.text("achieved_value") = "4,8";
    CHECK(mv.commit(w.s, r, "achieved_value").empty());
    CHECK(stored(*w.store, "movement_results", r.id(), "achieved_value") == "4.8");

    REQUIRE(app::MovementView::hasExamples(w.s));
    CHECK(mv.addExample(w.s, {.name = "", .year = "2025"}) == "“Tên tập thể, cá nhân điển hình” không được để trống.");
    REQUIRE(mv.addExample(w.s, {.name = "Thôn Đông", .year = "2025", .achievement = "Mô hình nuôi bò sinh sản"}).empty());
    e = mv.editor(w.s);
    REQUIRE(e->examples.size() == 1);
    CHECK(e->examples[0].stored("movement_id") == e->movement.id());
    CHECK(e->examples[0].stored("nominee_kind") == "tap_the");

    CHECK(mv.remove(w.s, "movement_targets", e->targets[1].id()).empty());
    CHECK(mv.editor(w.s)->targets.size() == 1);
    CHECK(w.store->list("movement_targets").size() == 1);
}

TEST_CASE("app-movement-editor: another unit's movement is read-only, and a pulled change keeps what is typed") {
    EditorWorld w;
    auto& mv = w.s.movements;
    const auto id = w.store->create("movements", {{"unit_id", w.province},
                                                  {"title", std::string("Lai Châu chung sức xây dựng nông thôn mới")}});
    w.store->setSetting("unit", w.communeA); // signed in as an officer of the commune
    mv.open(w.s, id);
    auto* e = mv.editor(w.s);
    REQUIRE(e);
    CHECK_FALSE(mv.canEdit(w.s, e->movement.stored("unit_id")));
    CHECK(mv.canEdit(w.s, w.communeA));
    CHECK(mv.ownUnit(w.s) == w.communeA);
    REQUIRE(mv.addTarget(w.s, {.indicator = "Số tiêu chí nông thôn mới đạt chuẩn", .value = "19",
                               .measure = "tiêu chí"}).empty());
    e = mv.editor(w.s);
    REQUIRE(e->targets.size() == 1);
    CHECK(e->targets[0].stored("unit_id") == w.communeA); // the user's own unit

    // Typing the target, not committed yet, while a pull changes the movement and the target's measure.
    e->targets[0].text("target_value") = "17";
    {
        auto other = store::Store::open(w.dir / "replica.db"); // the sync worker's connection
        other->update("movements", id, {{"plan_number", std::string("1663/KH-UBND")}});
        other->update("movement_targets", e->targets[0].id(), {{"measure", std::string("tiêu chí NTM")}});
    }
    w.s.frame(); // sees the other connection's commit
    e = mv.editor(w.s);
    CHECK(e->movement.text("plan_number") == "1663/KH-UBND");
    CHECK(e->targets[0].text("measure") == "tiêu chí NTM");
    CHECK(e->targets[0].text("target_value") == "17"); // still as typed
    CHECK(mv.commit(w.s, e->targets[0], "target_value").empty());
    CHECK(stored(*w.store, "movement_targets", e->targets[0].id(), "target_value") == "17");
}

} // namespace tdkt::test
