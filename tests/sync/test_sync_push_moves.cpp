// One push that creates a row and moves it (rights.hpp Rights::keepsPushedUnit): an
// officer of a commune creates a dossier and a person, then moves them to a village
// under the commune before syncing. An officer writes its own unit's rows only, so the
// move is refused, as the same move of a synced row is; the creation in the commune
// is not: the rows stay there, on the server and the replica, nothing typed is lost.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

using namespace tdkt;
using namespace tdkt::test;

namespace {

void village(SyncWorld& w) {
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-k", "xa", "tinh-p");
    w.addUnit("thon-k", "thon", "xa-k");
    w.addUser("ox", "officer", "xa-k");
    w.addUser("rvx", "reviewer", "xa-k");
    w.start();
    w.replica("rox", "ox");
    w.replica("rx", "rvx");
}

json rejected(SyncWorld& w, const std::string& replica) { return json::parse(w.ok(replica, {"rejected"})); }

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: a row created and moved below the officer's unit in one push keeps its creation") {
    SyncWorld w(false);
    village(w);
    const auto person = w.put("rox", "people", {{"unit_id", "xa-k"}, {"full_name", "Lò Văn Pọm"}});
    const auto dossier = w.put("rox", "dossiers",
                               {{"unit_id", "xa-k"}, {"nominee_kind", "ca_nhan"}, {"person_id", person},
                                {"nominee_name", "Lò Văn Pọm"}, {"award_code", "giay_khen"}, {"year", 2025},
                                {"summary", "Vận động bà con làm đường liên bản"}, {"status", "draft"}});
    w.put("rox", "people", {{"id", person}, {"unit_id", "thon-k"}});
    w.put("rox", "dossiers", {{"id", dossier}, {"unit_id", "thon-k"}});

    const auto s = w.sync("rox");
    CHECK(s["rejected"] == 2); // the two moves, nothing else
    const auto refusals = rejected(w, "rox");
    REQUIRE(refusals.size() == 2);
    for (const auto& r : refusals) {
        CHECK(r["field"] == "unit_id");
        CHECK(r["value"] == "thon-k");
        CHECK(r["reason"].get<std::string>().find("is not yours") != std::string::npos);
    }
    // The server holds both rows in the commune, whole.
    auto server = json::parse(w.serverDump("ox"));
    REQUIRE(server["dossiers"].contains(dossier));
    CHECK(server["dossiers"][dossier]["unit_id"] == "xa-k");
    CHECK(server["dossiers"][dossier]["summary"] == "Vận động bà con làm đường liên bản");
    CHECK(server["dossiers"][dossier]["person_id"] == person);
    REQUIRE(server["people"].contains(person));
    CHECK(server["people"][person]["full_name"] == "Lò Văn Pọm");
    // The replica keeps them too, moved back to the commune.
    const auto local = json::parse(w.ok("rox", {"get", "dossiers", dossier}));
    CHECK(local["unit_id"] == "xa-k");
    CHECK(local["nominee_name"] == "Lò Văn Pọm");
    CHECK(json::parse(w.ok("rox", {"get", "people", person}))["unit_id"] == "xa-k");
    // The commune's reviewer sees the dossier as its office's.
    w.sync("rx");
    CHECK(json::parse(w.ok("rx", {"get", "dossiers", dossier}))["unit_id"] == "xa-k");
    w.sync("rox");
    CHECK(w.ok("rox", {"dump"}) == w.serverDump("ox"));
    w.stop();
}

TEST_CASE("sync: a row created in a village and moved to the officer's commune in one push is kept whole") {
    SyncWorld w(false);
    village(w);
    const auto person = w.put("rox", "people", {{"unit_id", "thon-k"}, {"full_name", "Tẩn Thị Mẩy"}});
    w.put("rox", "people", {{"id", person}, {"unit_id", "xa-k"}, {"position", "Trưởng bản"}});
    // A village's own row created by the commune's officer stays refused whole.
    const auto foreign = w.put("rox", "people", {{"unit_id", "thon-k"}, {"full_name", "Chảo Văn Phin"}});

    w.sync("rox");
    auto server = json::parse(w.serverDump("ox"));
    REQUIRE(server["people"].contains(person));
    CHECK(server["people"][person]["unit_id"] == "xa-k");
    CHECK(server["people"][person]["full_name"] == "Tẩn Thị Mẩy");
    CHECK(server["people"][person]["position"] == "Trưởng bản");
    CHECK_FALSE(server["people"].contains(foreign));
    CHECK(json::parse(w.ok("rox", {"get", "people", person}))["full_name"] == "Tẩn Thị Mẩy");
    for (const auto& r : rejected(w, "rox")) {
        CHECK(r["value"] != "xa-k"); // only the village's values are refused
        CHECK(r["reason"].get<std::string>().find("is not yours") != std::string::npos);
    }
    w.sync("rox");
    CHECK(w.ok("rox", {"dump"}) == w.serverDump("ox"));
    w.stop();
}
}
