// Rows that leave or enter a user's reach. A pull sends a row to whoever may read
// its unit as it is now, so: a row moved to another unit must reach that unit's
// replicas whole (they never had its earlier ops) and leave the old unit's (they may
// no longer read it); and a user whose rights shrink (an inspection target removed,
// a commune moved under another district) must not keep what it may no longer read.
// In every case each replica ends equal to `tdkt-server dump --as` its user.
#include "fault_proxy.hpp"
#include "sync_fixture.hpp"

#include "tdkt/store/store.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace tdkt;
using namespace tdkt::test;

namespace {

bool holds(SyncWorld& w, const std::string& replica, const std::string& table, const std::string& id) {
    return w.rows(replica, table).contains(id);
}

void checkEqual(SyncWorld& w, std::initializer_list<std::pair<const char*, const char*>> replicas) {
    for (auto [r, u] : replicas) {
        w.sync(r);
        CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs from what " << u << " may read");
    }
}

// An inspection plan of the province and its target `unit`, entered on "ri".
struct Inspection {
    std::string plan, target;
};

Inspection inspect(SyncWorld& w, const std::string& unit) {
    Inspection i;
    i.plan = w.put("ri", "inspection_plans",
                   json{{"unit_id", "tinh-p"}, {"title", "Kiểm tra công tác khen thưởng 2025"}, {"year", 2025}});
    i.target = w.put("ri", "inspection_targets",
                     json{{"plan_id", i.plan}, {"unit_id", unit}, {"mode", "truc_tiep"}, {"scheduled_on", "2025-10-15"},
                          {"notice_by", "2025-09-23"}});
    return i;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: a row moved to another commune reaches it whole and leaves the old one") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.addUser("insp", "inspector", "tinh-p");
    w.start();
    w.replica("ri", "insp");
    w.replica("ra", "a1");
    w.replica("rb", "b1");
    const auto [plan, target] = inspect(w, "xa-a");
    w.sync("ri");
    w.sync("ra");
    w.sync("rb");
    CHECK(holds(w, "ra", "inspection_targets", target));
    CHECK_FALSE(holds(w, "rb", "inspection_targets", target));

    // The team inspects xa-b instead: xa-b's replica gets the whole row (plan, mode,
    // dates: ops it was never sent), xa-a's drops its copy.
    w.put("ri", "inspection_targets", json{{"id", target}, {"unit_id", "xa-b"}});
    CHECK(w.sync("ri")["rejected"] == 0);
    w.sync("ra");
    w.sync("rb");
    CHECK_FALSE(holds(w, "ra", "inspection_targets", target));
    const auto row = json::parse(w.ok("rb", {"dump"}))["inspection_targets"][target];
    CHECK(row["notice_by"] == "2025-09-23");
    CHECK(row["plan_id"] == plan);
    checkEqual(w, {{"ri", "insp"}, {"ra", "a1"}, {"rb", "b1"}});

    // And back: xa-a's replica gets it again whole (it still has the ops in its log),
    // with an edit made while it was away.
    w.put("ri", "inspection_targets", json{{"id", target}, {"scheduled_on", "2025-11-20"}});
    w.put("ri", "inspection_targets", json{{"id", target}, {"unit_id", "xa-a"}});
    CHECK(w.sync("ri")["rejected"] == 0);
    w.sync("ra");
    w.sync("rb");
    CHECK(holds(w, "ra", "inspection_targets", target));
    CHECK(json::parse(w.ok("ra", {"dump"}))["inspection_targets"][target]["scheduled_on"] == "2025-11-20");
    CHECK_FALSE(holds(w, "rb", "inspection_targets", target));
    checkEqual(w, {{"ri", "insp"}, {"ra", "a1"}, {"rb", "b1"}});
}

TEST_CASE("sync: a row edited while it leaves the user's reach is let go once its edit is refused") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("insp", "inspector", "tinh-p");
    w.start();
    w.replica("ri", "insp");
    w.replica("ra", "a1");
    const auto target = inspect(w, "xa-a").target;
    w.sync("ri");
    w.sync("ra");
    REQUIRE(holds(w, "ra", "inspection_targets", target));
    // The team inspects xa-b instead, and sets a date xa-a may no longer read.
    w.put("ri", "inspection_targets", json{{"id", target}, {"unit_id", "xa-b"}});
    w.put("ri", "inspection_targets", json{{"id", target}, {"scheduled_on", "2025-12-01"}});
    w.sync("ri");
    {
        // xa-a's officer saves the form between its sync's push and its pull (a
        // background sync): the pull says the row is gone, the replica keeps it for
        // the edit it has not pushed.
        auto store = store::Store::open(w.dir() / "ra.db", {});
        sync::SyncClient(*store).push();
        store->update("inspection_targets", target, {{"scheduled_on", std::string("2025-10-20")}});
        sync::SyncClient(*store).pull();
        CHECK(store->get("inspection_targets", target));
    }
    // The next sync pushes the edit, which is refused (the row is xa-b's now), and the
    // replica lets go of the row, learning nothing of xa-b's visit.
    const auto counts = w.sync("ra");
    CHECK(counts["rejected"] == 1);
    CHECK_FALSE(holds(w, "ra", "inspection_targets", target));
    const auto rejected = json::parse(w.ok("ra", {"rejected"}));
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["value"] == "2025-10-20");
    CHECK(w.ok("ra", {"dump"}).find("2025-12-01") == std::string::npos);
    checkEqual(w, {{"ri", "insp"}, {"ra", "a1"}});
}

TEST_CASE("sync: an inspector whose target is removed no longer holds the commune's rows") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("insp", "inspector", "xa-a"); // a cross-inspection: xa-a's team inspects xa-b
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("ri", "insp");
    w.replica("rb", "b1");
    const auto person = w.put("rb", "people", json{{"unit_id", "xa-b"}, {"full_name", "Phạm Văn Bình"}});
    w.sync("rb");
    const auto plan = w.put("ri", "inspection_plans", json{{"unit_id", "xa-a"}, {"title", "Kiểm tra chéo 2025"}, {"year", 2025}});
    const auto target = w.put("ri", "inspection_targets", json{{"plan_id", plan}, {"unit_id", "xa-b"}, {"mode", "truc_tiep"}});
    w.sync("ri");
    w.sync("ri");
    CHECK(holds(w, "ri", "people", person));

    // The cross-inspection is called off: the target goes, and with it xa-b's rows.
    w.ok("ri", {"delete", "inspection_targets", target});
    CHECK(w.sync("ri")["rejected"] == 0);
    w.sync("ri");
    CHECK_FALSE(holds(w, "ri", "people", person));
    CHECK(holds(w, "ri", "inspection_plans", plan)); // its own unit's rows stay
    checkEqual(w, {{"ri", "insp"}, {"rb", "b1"}});
    // Nothing changed since: the next sync pulls only what is new.
    CHECK(w.sync("ri")["pulled"] == 0);
}

TEST_CASE("sync: a sweep cut off after every batch resumes where it stopped and ends exact") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("insp", "inspector", "xa-a");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    FaultProxy proxy(w.port(), 11);
    w.ok("ri", {"init", "--site-name", "ri"});
    w.ok("ri", {"login", "--server", "127.0.0.1:" + std::to_string(proxy.port()), "--user", "insp", "--plain"},
         {{"TDKT_PASSWORD", Password}});
    w.replica("ri2", "insp"); // the same inspector on another laptop, straight to the server
    w.replica("ra", "a1");
    w.replica("rb", "b1");
    // The inspector's own commune holds much (a sweep re-reads it all), the inspected one a little.
    std::mt19937_64 rng(7); // notes that do not compress: the sweep takes several batches of bytes
    auto noise = [&](int) { return std::to_string(rng()) + std::to_string(rng()); };
    w.importPeople("ra", "xa-a", 4000, noise);
    w.importPeople("rb", "xa-b", 50, noise);
    w.sync("ra");
    w.sync("rb");
    const auto plan = w.put("ri2", "inspection_plans", json{{"unit_id", "xa-a"}, {"title", "Kiểm tra chéo"}, {"year", 2025}});
    const auto target = w.put("ri2", "inspection_targets", json{{"plan_id", plan}, {"unit_id", "xa-b"}, {"mode", "truc_tiep"}});
    w.sync("ri2");
    w.sync("ri");
    w.sync("ri");
    CHECK(w.rows("ri", "people").size() == 4050);

    // The target goes (from the other laptop); this one sweeps through a link that is
    // cut once about one batch has come down, on every connection.
    w.ok("ri2", {"delete", "inspection_targets", target});
    w.sync("ri2");
    proxy.setOptions({.cutAfterServerBytes = 150000});
    bool done = false, resumed = false;
    for (int attempt = 0; attempt < 30 && !done; ++attempt) {
        const auto r = w.cli("ri", {"sync"});
        done = r.exitCode == 0;
        if (!done && store::Store::open(w.dir() / "ri.db")->setting("pull_sweep") == "1") resumed = true;
    }
    REQUIRE(done);
    CHECK(resumed); // at least one sync stopped in the middle of the sweep
    CHECK(w.rows("ri", "people").size() == 4000);
    CHECK(w.ok("ri", {"dump"}) == w.serverDump("insp"));
    MESSAGE("sweep: " << proxy.stats().cuts << " cuts in " << proxy.stats().connections << " connections");
}

TEST_CASE("sync: a commune moved under another district leaves one reviewer's replica for the other's") {
    SyncWorld w(false);
    w.addUnit("tinh-p", "tinh");
    w.addUnit("huyen-1", "huyen", "tinh-p");
    w.addUnit("huyen-2", "huyen", "tinh-p");
    w.addUnit("xa-a", "xa", "huyen-1");
    w.addUser("rev1", "reviewer", "huyen-1");
    w.addUser("rev2", "reviewer", "huyen-2");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("adm", "admin", "tinh-p");
    w.start();
    for (auto [r, u] : {std::pair{"r1", "rev1"}, {"r2", "rev2"}, {"ra", "a1"}, {"rm", "adm"}}) w.replica(r, u);
    const auto dossier = w.newDossier("ra", "xa-a", "Nguyễn Thị Hoa");
    w.sync("ra");
    w.sync("r1");
    w.sync("r2");
    w.sync("rm");
    CHECK(holds(w, "r1", "dossiers", dossier));
    CHECK_FALSE(holds(w, "r2", "dossiers", dossier));

    // A reorganisation: xa-a now belongs to huyen-2.
    w.put("rm", "units", json{{"id", "xa-a"}, {"parent_id", "huyen-2"}});
    CHECK(w.sync("rm")["rejected"] == 0);
    w.sync("r1");
    w.sync("r2");
    CHECK_FALSE(holds(w, "r1", "dossiers", dossier));
    CHECK(holds(w, "r2", "dossiers", dossier));
    checkEqual(w, {{"r1", "rev1"}, {"r2", "rev2"}, {"ra", "a1"}, {"rm", "adm"}});
}
}
