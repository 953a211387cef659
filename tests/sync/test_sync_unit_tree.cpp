// The server reads the tree of units once and keeps it for every request until a
// unit (or an inspection target) changes. A unit added while it serves (by the
// admin command beside it, or pushed by an administrator's replica) must be in the
// tree at once: the reviewer above it reads its rows, its officers write them. So
// must a unit an inspector starts inspecting, with what was logged there before.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;

namespace {

std::string newPerson(SyncWorld& w, const std::string& replica, const std::string& unit, const std::string& name) {
    return w.put(replica, "people", json{{"unit_id", unit}, {"full_name", name}});
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: units added while the server runs are in its rights at once") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("rev", "reviewer", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("adm", "admin", "tinh-p");
    w.start();
    w.replica("rr", "rev");
    w.replica("ra", "a1");
    w.replica("rm", "adm");
    const auto pa = newPerson(w, "ra", "xa-a", "Nguyễn Văn An");
    w.sync("ra");
    w.sync("rr"); // the server has read its tree and used it
    CHECK(json::parse(w.ok("rr", {"dump"}))["people"].contains(pa));

    // Through the admin command beside the running server (another connection).
    w.addUnit("xa-n", "xa", "tinh-p");
    w.addUser("n1", "officer", "xa-n");
    w.replica("rn", "n1");
    const auto pn = newPerson(w, "rn", "xa-n", "Trần Thị Năm");
    CHECK(w.sync("rn")["rejected"] == 0);
    w.sync("rr");
    CHECK(json::parse(w.ok("rr", {"dump"}))["people"].contains(pn));

    // Pushed by an administrator's replica (the server's own connection).
    const auto xm = w.put("rm", "units", json{{"name", "Xã Mới"}, {"level", "xa"}, {"parent_id", "tinh-p"}});
    CHECK(w.sync("rm")["rejected"] == 0);
    w.addUser("m1", "officer", xm);
    w.replica("rx", "m1");
    const auto pm = newPerson(w, "rx", xm, "Lê Văn Mới");
    CHECK(w.sync("rx")["rejected"] == 0);
    w.sync("rr");
    CHECK(json::parse(w.ok("rr", {"dump"}))["people"].contains(pm));
    for (auto [r, u] : {std::pair{"rr", "rev"}, {"ra", "a1"}, {"rn", "n1"}, {"rx", "m1"}}) {
        w.sync(r);
        CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
    }
}

TEST_CASE("sync: an inspector reads a unit from the moment it is one of its plan's targets") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("insp", "inspector", "xa-a"); // a cross-inspection: xa-a's team inspects xa-b
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("ri", "insp");
    w.replica("rb", "b1");
    const auto before = newPerson(w, "rb", "xa-b", "Phạm Văn Trước");
    w.sync("rb");
    const auto plan = w.put("ri", "inspection_plans", json{{"unit_id", "xa-a"}, {"title", "Kiểm tra chéo 2025"}, {"year", 2025}});
    w.sync("ri"); // the server has read its tree and the inspector's targets (none)
    CHECK_FALSE(json::parse(w.ok("ri", {"dump"}))["people"].contains(before));

    w.put("ri", "inspection_targets", json{{"plan_id", plan}, {"unit_id", "xa-b"}, {"mode", "truc_tiep"}});
    CHECK(w.sync("ri")["rejected"] == 0);
    const auto after = newPerson(w, "rb", "xa-b", "Phạm Thị Sau");
    w.sync("rb");
    w.sync("ri");
    CHECK(json::parse(w.ok("ri", {"dump"}))["people"].contains(after));
    // Rows of the inspected commune logged before the target (behind the inspector's
    // cursor) reach it too: its scope changed, so its replica pulled from the start.
    CHECK(json::parse(w.ok("ri", {"dump"}))["people"].contains(before));
    CHECK(w.ok("ri", {"dump"}) == w.serverDump("insp"));
    // With nothing changed, the next sync pulls only what is new.
    CHECK(w.sync("ri")["pulled"] == 0);
}
}
