// Inspections through the real server (issue 18): the plan's team writes its
// checklists, findings, conclusions and recommendations; only its leader publishes;
// the inspected unit reads nothing of it until then, and afterwards changes only
// the follow-up of what is addressed to it; a self-inspection is the unit's until it
// submits it. Two inspectors filling one checklist offline merge item by item.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;

namespace {

// Province tinh-p inspects xa-a directly; xa-b inspects itself. "lead" and "mem" are
// the team; "out" is an inspector of the province who is not on it.
struct Plan {
    std::string plan, direct, self;
};

Plan inspectionWorld(SyncWorld& w) {
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("lead", "inspector", "tinh-p");
    w.addUser("mem", "inspector", "tinh-p");
    w.addUser("out", "inspector", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("ra", "admin");
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    for (auto [r, u] : {std::pair{"rl", "lead"}, {"rm", "mem"}, {"ro", "out"}, {"rx", "a1"}, {"ry", "b1"}})
        w.replica(r, u);
    Plan p;
    p.plan = json::parse(w.ok("rl", {"inspection", "plan", "--unit", "tinh-p", "--title", "Kiểm tra công tác TĐKT 2024",
                                     "--year", "2024", "--number", "1181/KH-HĐTĐKT"}))["id"];
    w.ok("rl", {"inspection", "team", p.plan, "lead", "truong_doan"});
    w.ok("rl", {"inspection", "team", p.plan, "mem", "thanh_vien"});
    const auto direct = json::parse(w.ok("rl", {"inspection", "target", p.plan, "xa-a", "truc_tiep", "--on", "2024-05-16"}));
    CHECK(direct["notice_by"] == "2024-04-22"); // 15 working days, over 29/4–1/5
    CHECK(direct["report_due"] == "2024-05-10");
    CHECK(direct["items"] == 27);
    p.direct = direct["id"];
    p.self = json::parse(w.ok("rl", {"inspection", "target", p.plan, "xa-b", "tu_kiem_tra", "--on", "2024-05-20"}))["id"];
    REQUIRE(w.sync("rl")["rejected"] == 0);
    for (const char* r : {"rm", "ro", "rx", "ry"}) w.sync(r);
    return p;
}

json items(SyncWorld& w, const std::string& replica, const std::string& target) {
    return json::parse(w.ok(replica, {"inspection", "checklist", target}))["items"];
}

std::size_t rowsOf(SyncWorld& w, const std::string& replica, const std::string& table, const std::string& target) {
    std::size_t n = 0;
    const auto rows = w.rows(replica, table);
    for (const auto& [id, row] : rows.items()) n += row.value("target_id", "") == target;
    return n;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: an inspection is its team's, the unit reads it once the leader publishes, then follows up") {
    SyncWorld w(false);
    const auto p = inspectionWorld(w);
    const auto first = items(w, "rl", p.direct)[0]["id"].get<std::string>();

    // Not on the team: its result is refused, though it inspects for the province.
    w.ok("ro", {"inspection", "item", first, "dat"});
    CHECK(w.sync("ro")["rejected"] == 1);
    // The inspected unit holds its target (dates) but nothing of the direct checklist,
    // and may not write a finding on itself.
    CHECK(w.rows("rx", "inspection_targets")[p.direct]["notice_by"] == "2024-04-22");
    CHECK(rowsOf(w, "rx", "checklist_items", p.direct) == 0);
    w.ok("rx", {"inspection", "finding", p.direct, "Tự nhận không có hạn chế"});
    CHECK(w.sync("rx")["rejected"] == 3); // the finding's three fields

    // A member fills the checklist, finds, recommends and concludes; it cannot publish.
    w.ok("rm", {"inspection", "item", first, "chua_dat", "--notes", "Chưa ban hành kế hoạch", "--evidence", "KH 12/KH-UBND"});
    w.ok("rm", {"inspection", "finding", p.direct, "Chậm ban hành kế hoạch phát động", "--severity", "han_che", "--item", first});
    const auto rec = json::parse(w.ok("rm", {"inspection", "recommend", p.direct, "Ban hành kế hoạch trước 30/6",
                                             "--due", "2024-06-30"}))["id"].get<std::string>();
    w.ok("rm", {"inspection", "conclude", p.direct, "Cơ bản thực hiện đúng quy định", "--on", "2024-05-17"});
    CHECK(w.sync("rm")["rejected"] == 0);
    w.ok("rm", {"inspection", "publish", p.direct, "--by", "mem"});
    CHECK(w.sync("rm")["rejected"] == 3); // status, date, by

    // Unpublished: xa-a's officer sees none of it, and cannot follow up.
    w.sync("rx");
    for (const char* t : {"checklist_items", "findings", "recommendations", "inspection_conclusions"})
        CHECK_MESSAGE(rowsOf(w, "rx", t, p.direct) == 0, t);
    CHECK(w.ok("rx", {"dump"}).find("Cơ bản thực hiện") == std::string::npos);
    CHECK(w.ok("rx", {"dump"}) == w.serverDump("a1"));

    // The leader publishes: the unit's next sync brings the whole inspection.
    w.sync("rl");
    w.ok("rl", {"inspection", "publish", p.direct, "--by", "lead", "--on", "2024-05-20"});
    CHECK(w.sync("rl")["rejected"] == 0);
    w.sync("rx");
    CHECK(rowsOf(w, "rx", "checklist_items", p.direct) == 27);
    CHECK(rowsOf(w, "rx", "findings", p.direct) == 1);
    CHECK(rowsOf(w, "rx", "inspection_conclusions", p.direct) == 1);
    CHECK(w.rows("rx", "checklist_items")[first]["result"] == "chua_dat");
    CHECK(w.ok("rx", {"dump"}) == w.serverDump("a1"));

    // It follows its recommendation up, and nothing else.
    w.ok("rx", {"inspection", "follow-up", rec, "dang_thuc_hien", "--note", "Đang dự thảo kế hoạch"});
    CHECK(w.sync("rx")["rejected"] == 0);
    w.ok("rx", {"put", "recommendations", json{{"id", rec}, {"due_date", "2024-12-31"}}.dump()});
    w.ok("rx", {"inspection", "item", first, "dat"});
    CHECK(w.sync("rx")["rejected"] == 2);
    w.sync("rl");
    const auto r = w.rows("rl", "recommendations")[rec];
    CHECK(r["follow_up"] == "dang_thuc_hien");
    CHECK(r["due_date"] == "2024-06-30");
    CHECK(w.rows("rl", "checklist_items")[first]["result"] == "chua_dat");

    // The self-inspecting unit fills its own checklist, submits it, and it is read-only to it.
    const auto own = items(w, "ry", p.self);
    REQUIRE(own.size() == 27);
    w.ok("ry", {"inspection", "item", own[0]["id"], "dat"});
    w.ok("ry", {"inspection", "submit", p.self, "--on", "2024-05-14"});
    CHECK(w.sync("ry")["rejected"] == 0);
    w.ok("ry", {"inspection", "item", own[1]["id"], "chua_dat"});
    w.ok("ry", {"put", "inspection_targets", json{{"id", p.self}, {"self_status", "dang_thuc_hien"}}.dump()});
    CHECK(w.sync("ry")["rejected"] == 2);
    w.sync("rl");
    CHECK(w.rows("rl", "inspection_targets")[p.self]["self_status"] == "da_nop");
    CHECK(w.rows("rl", "checklist_items")[own[0]["id"].get<std::string>()]["result"] == "dat");
    CHECK_FALSE(w.rows("rl", "checklist_items")[own[1]["id"].get<std::string>()].contains("result"));
}

TEST_CASE("sync: two inspectors fill one checklist offline: item by item, the same item a conflict") {
    SyncWorld w(false);
    const auto p = inspectionWorld(w);
    const auto list = items(w, "rm", p.direct);
    const std::string i1 = list[0]["id"], i2 = list[1]["id"], i3 = list[2]["id"];
    w.ok("rl", {"inspection", "item", i1, "dat"});
    w.ok("rl", {"inspection", "item", i3, "dat"});
    w.ok("rm", {"inspection", "item", i2, "khong_ap_dung"});
    w.ok("rm", {"inspection", "item", i3, "chua_dat", "--notes", "Thiếu hồ sơ"});
    CHECK(w.sync("rl")["rejected"] == 0);
    CHECK(w.sync("rm")["rejected"] == 0);
    w.sync("rl");
    for (const char* r : {"rl", "rm"}) {
        const auto rows = w.rows(r, "checklist_items");
        CHECK(rows[i1]["result"] == "dat");
        CHECK(rows[i2]["result"] == "khong_ap_dung");
        CHECK(rows[i3]["notes"] == "Thiếu hồ sơ"); // only one of them wrote the notes
        const auto conflicts = json::parse(w.ok(r, {"conflicts"}));
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0]["row_id"] == i3);
        CHECK(conflicts[0]["field"] == "result");
    }
    // The inspected unit reads none of it before publication, its conflict neither
    // (a conflict shows both inspectors' values).
    w.sync("rx");
    CHECK(json::parse(w.ok("rx", {"conflicts"})).empty());
    CHECK(w.ok("rx", {"dump"}).find("Thiếu hồ sơ") == std::string::npos);
    CHECK(w.ok("rx", {"dump"}) == w.serverDump("a1"));
}

// An expert of Sở Nội vụ put on the province's team: its own unit is elsewhere and
// it is no inspector, yet it must carry the plan and its targets' work offline. It
// synced before it joined (its cursor is past the plan's rows: joining sweeps).
TEST_CASE("sync: a team member of another unit receives the plan and its targets' work and fills it") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("so-nv", "co_quan", "tinh-p");
    w.addUser("admin", "admin", "tinh-p");
    w.addUser("lead", "inspector", "tinh-p");
    w.addUser("expert", "officer", "so-nv");
    w.addUser("peer", "officer", "so-nv");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("ra", "admin");
    w.ok("ra", {"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(w.sync("ra")["rejected"] == 0);
    for (auto [r, u] : {std::pair{"rl", "lead"}, {"re", "expert"}, {"rp", "peer"}, {"rx", "a1"}}) w.replica(r, u);
    const std::string plan = json::parse(w.ok("rl", {"inspection", "plan", "--unit", "tinh-p", "--title", "Kiểm tra TĐKT 2024",
                                                     "--year", "2024"}))["id"];
    w.ok("rl", {"inspection", "team", plan, "lead", "truong_doan"});
    const std::string target =
        json::parse(w.ok("rl", {"inspection", "target", plan, "xa-a", "truc_tiep", "--on", "2024-05-16"}))["id"];
    const auto list = items(w, "rl", target);
    w.ok("rl", {"inspection", "item", list[0]["id"], "dat"});
    w.ok("rl", {"inspection", "finding", target, "Chậm ban hành kế hoạch", "--severity", "han_che"});
    w.ok("rl", {"inspection", "recommend", target, "Ban hành kế hoạch trước 30/6", "--due", "2024-06-30"});
    w.ok("rl", {"inspection", "conclude", target, "Cơ bản đúng quy định"});
    REQUIRE(w.sync("rl")["rejected"] == 0);
    w.put("re", "people", {{"unit_id", "so-nv"}, {"full_name", "Chuyên viên Sở"}});
    REQUIRE(w.sync("re")["rejected"] == 0);
    CHECK(w.rows("re", "inspection_plans").empty());

    // Put on the team: its next sync brings the plan, team, target and all the work.
    w.ok("rl", {"inspection", "team", plan, "expert", "thanh_vien"});
    REQUIRE(w.sync("rl")["rejected"] == 0);
    w.sync("re");
    CHECK(w.rows("re", "inspection_plans").contains(plan));
    CHECK(w.rows("re", "inspection_team").size() == 2);
    CHECK(w.rows("re", "inspection_targets")[target]["notice_by"] == "2024-04-22");
    CHECK(rowsOf(w, "re", "checklist_items", target) == 27);
    CHECK(rowsOf(w, "re", "findings", target) == 1);
    CHECK(rowsOf(w, "re", "recommendations", target) == 1);
    CHECK(rowsOf(w, "re", "inspection_conclusions", target) == 1);
    CHECK(w.rows("re", "units").contains("xa-a")); // the names the screens show
    CHECK(w.rows("re", "checklist_items")[list[0]["id"].get<std::string>()]["result"] == "dat");
    CHECK(w.rows("re", "people").size() == 1); // its own unit's rows stay
    CHECK(w.ok("re", {"dump"}) == w.serverDump("expert"));
    CHECK(json::parse(w.ok("re", {"verify"}))["clean"] == true); // the server's check reads as its pulls do

    // It fills an item offline; the leader receives it.
    w.ok("re", {"inspection", "item", list[1]["id"], "chua_dat", "--notes", "Thiếu quyết định khen thưởng"});
    CHECK(w.sync("re")["rejected"] == 0);
    w.sync("rl");
    CHECK(w.rows("rl", "checklist_items")[list[1]["id"].get<std::string>()]["notes"] == "Thiếu quyết định khen thưởng");

    // Its colleague off the team, and the unpublished unit, receive none of it.
    w.sync("rp");
    w.sync("rx");
    CHECK(w.rows("rp", "inspection_plans").empty());
    CHECK(rowsOf(w, "rp", "checklist_items", target) == 0);
    CHECK(rowsOf(w, "rx", "checklist_items", target) == 0);
    CHECK(w.ok("rp", {"dump"}) == w.serverDump("peer"));

    // Taken off the team, its replica drops the plan's work at the next sync.
    w.ok("rl", {"delete", "inspection_team", json::parse(w.ok("rl", {"inspection", "team", plan, "expert", "thanh_vien"}))["id"]});
    REQUIRE(w.sync("rl")["rejected"] == 0);
    w.sync("re");
    CHECK(rowsOf(w, "re", "checklist_items", target) == 0);
    CHECK(w.rows("re", "inspection_plans").empty());
    CHECK(w.rows("re", "people").size() == 1);
    CHECK(w.ok("re", {"dump"}) == w.serverDump("expert"));
    CHECK(json::parse(w.ok("re", {"verify"}))["clean"] == true);
}
}
