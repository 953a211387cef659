// End to end: a real tdkt-server (TLS on loopback) and tdkt-cli replicas editing
// the same dossiers offline, syncing in different orders, and converging.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tdkt::test;

namespace {

void edit(SyncWorld& w, const std::string& replica, const std::string& id, json fields) {
    fields["id"] = id;
    w.put(replica, "dossiers", fields);
}

// Every replica's dump equals the server's dump as its user.
void requireConverged(SyncWorld& w, const std::vector<std::pair<std::string, std::string>>& replicas) {
    for (int round = 0; round < 2; ++round)
        for (const auto& [r, u] : replicas) w.sync(r);
    for (const auto& [r, u] : replicas) CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: three replicas edit offline, converge, keep and resolve conflicts") {
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    for (std::string u : {"a1", "a2", "a3"}) w.addUser(u, "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    for (auto [r, u] : {std::pair{"r1", "a1"}, {"r2", "a2"}, {"r3", "a3"}, {"rb", "b1"}}) w.replica(r, u);

    const auto d1 = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    const auto d2 = w.newDossier("r1", "xa-a", "Trần Thị Hai");
    const auto d3 = w.newDossier("r1", "xa-a", "Lê Văn Ba");
    CHECK(w.sync("r1")["pushed"] == 18);
    CHECK(w.sync("r2")["pulled"].get<int>() >= 18);
    w.sync("r3");
    w.sync("rb");

    // Offline: the same field on two replicas, different fields, delete vs edit.
    edit(w, "r1", d1, {{"summary", "thành tích của r1"}});
    edit(w, "r2", d1, {{"summary", "thành tích của r2"}});
    edit(w, "r3", d1, {{"period_from_year", 2023}});
    w.ok("r1", {"delete", "dossiers", d2});
    edit(w, "r3", d2, {{"nominee_name", "Trần Thị Hai (sửa)"}});
    edit(w, "r2", d3, {{"nominee_name", "Lê Văn Ba (r2)"}});
    edit(w, "r3", d3, {{"nominee_name", "Lê Văn Ba (r3)"}});

    w.sync("r3");
    w.sync("r1");
    w.sync("r2");
    requireConverged(w, {{"r1", "a1"}, {"r2", "a2"}, {"r3", "a3"}, {"rb", "b1"}});
    CHECK(json::parse(w.ok("rb", {"dump"}))["dossiers"].empty()); // b1 reads none of xa-a's dossiers
    CHECK_FALSE(json::parse(w.ok("r1", {"dump"}))["dossiers"].contains(d2));
    auto row1 = json::parse(w.ok("r1", {"get", "dossiers", d1}));
    CHECK(row1["period_from_year"] == 2023); // different fields both survive

    // Each concurrent same-field edit is one conflict keeping both values; the delete
    // that met an edit its author had not seen is one on _deleted (1 delete, 0 keep).
    auto conflicts = json::parse(w.ok("r2", {"conflicts"}));
    REQUIRE(conflicts.size() == 3);
    std::string c1, c2, c3;
    for (const auto& c : conflicts) {
        REQUIRE(c["candidates"].size() == 2);
        if (c["row_id"] == d2) {
            c2 = c["id"];
            CHECK(c["field"] == "_deleted");
            CHECK(c["winner"] == 1);
            CHECK(std::set<int>{c["candidates"][0]["value"], c["candidates"][1]["value"]} == std::set<int>{0, 1});
            continue;
        }
        std::set<std::string> values{c["candidates"][0]["value"], c["candidates"][1]["value"]};
        // Each competing value names the user who wrote it.
        std::set<std::string> authors{c["candidates"][0]["author"], c["candidates"][1]["author"]};
        if (c["row_id"] == d1) {
            c1 = c["id"];
            CHECK(values == std::set<std::string>{"thành tích của r1", "thành tích của r2"});
            CHECK(authors == std::set<std::string>{"a1", "a2"});
        } else {
            CHECK(c["row_id"] == d3);
            c3 = c["id"];
            CHECK(values == std::set<std::string>{"Lê Văn Ba (r2)", "Lê Văn Ba (r3)"});
            CHECK(authors == std::set<std::string>{"a2", "a3"});
        }
    }
    CHECK(json::parse(w.ok("r3", {"conflicts"})) == conflicts);

    // Resolving is an ordinary edit on top of the winner; it converges everywhere.
    const std::string loser = json::parse(w.ok("r1", {"conflicts"}))[c1 == conflicts[0]["id"] ? 0 : 1]["winner"] ==
                                      "thành tích của r1"
                                  ? "thành tích của r2"
                                  : "thành tích của r1";
    w.ok("r1", {"resolve", c1, "--keep", "loser"});
    w.ok("r2", {"resolve", c3, "--value", "\"Lê Văn Ba\""});
    w.ok("r3", {"resolve", c2, "--keep", "loser"}); // keep the edited dossier: an undelete
    w.sync("r1");
    w.sync("r2");
    w.sync("r3");
    w.sync("r1");
    requireConverged(w, {{"r1", "a1"}, {"r2", "a2"}, {"r3", "a3"}, {"rb", "b1"}});
    for (std::string r : {"r1", "r2", "r3"}) CHECK(json::parse(w.ok(r, {"conflicts"})).empty());
    auto server = json::parse(w.serverDump("a3"));
    CHECK(server["conflicts"][c1]["status"] == "resolved");
    CHECK(server["conflicts"][c3]["status"] == "resolved");
    CHECK(server["conflicts"][c2]["status"] == "resolved");
    CHECK(server["dossiers"][d2]["nominee_name"] == "Trần Thị Hai (sửa)");
    CHECK(server["dossiers"][d1]["summary"] == loser);
    CHECK(server["dossiers"][d3]["nominee_name"] == "Lê Văn Ba");
    w.stop();
}

TEST_CASE("sync: the server refuses forbidden writes and ops from the future, with reasons") {
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.addUser("rev", "reviewer", "tinh-p");
    w.start();
    for (auto [r, u] : {std::pair{"r1", "a1"}, {"rb", "b1"}, {"rv", "rev"}}) w.replica(r, u);
    const auto d = w.newDossier("r1", "xa-a", "Phạm Văn Bốn");
    edit(w, "r1", d, {{"status", "submitted"}});
    w.sync("r1");
    w.sync("rv");

    // An officer approving its own dossier: refused, reverted, listed.
    edit(w, "r1", d, {{"status", "approved"}});
    auto s = w.sync("r1");
    CHECK(s["rejected"] == 1);
    CHECK(json::parse(w.ok("r1", {"get", "dossiers", d}))["status"] == "submitted");
    auto rejected = json::parse(w.ok("r1", {"rejected"}));
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["field"] == "status");
    CHECK(rejected[0]["value"] == "approved");
    CHECK(rejected[0]["reason"].get<std::string>().find("own dossier") != std::string::npos);

    // An officer writing another unit's data (the province is readable, not writable).
    auto foreign = w.newDossier("rb", "tinh-p", "Người ngoài");
    CHECK(w.sync("rb")["rejected"].get<int>() >= 6);
    CHECK(w.cli("rb", {"get", "dossiers", foreign}).exitCode != 0); // the refused row is gone
    CHECK(json::parse(w.ok("rb", {"rejected"}))[0]["reason"].get<std::string>().find("not yours") !=
          std::string::npos);

    // A person of another unit, entered as one form, and one of the officer's own unit,
    // in one push: the server answers a row's ordinary fields once (push.cpp), so every
    // field of the foreign row is refused with the reason and the own row is taken whole.
    const auto stray = w.put("rb", "people", json{{"unit_id", "tinh-p"}, {"full_name", "Người của tỉnh"},
                                                 {"position", "Chuyên viên"}, {"birth_year", 1980}});
    const auto own = w.put("rb", "people", json{{"unit_id", "xa-b"}, {"full_name", "Lò Văn Năm"},
                                               {"position", "Công chức văn hóa"}, {"birth_year", 1990}});
    s = w.sync("rb");
    CHECK(s["rejected"] == 4);
    CHECK(s["pushed"] == 4);
    CHECK(w.cli("rb", {"get", "people", stray}).exitCode != 0);
    CHECK(json::parse(w.ok("rb", {"get", "people", own}))["position"] == "Công chức văn hóa");
    for (const auto& r : json::parse(w.ok("rb", {"rejected"})))
        if (r["row_id"] == stray) CHECK(r["reason"].get<std::string>().find("not yours") != std::string::npos);

    // The reviewer decides; it may not rewrite the unit's own fields.
    w.sync("rv");
    edit(w, "rv", d, {{"status", "approved"}, {"decision_number", "12/QĐ-UBND"}, {"nominee_name", "X"}});
    s = w.sync("rv");
    CHECK(s["pushed"] == 2);
    CHECK(s["rejected"] == 1);

    // A laptop whose clock is two hours ahead edits offline. The handshake tells it
    // the time, it re-stamps the edit, and an edit made later in real time wins.
    w.replica("r2", "a2");
    const std::map<std::string, std::string> ahead{{"TDKT_CLOCK_OFFSET_MS", "7200000"}};
    w.ok("r2", {"put", "dossiers", json{{"id", d}, {"summary", "từ tương lai"}}.dump()}, ahead);
    CHECK(w.cli("r2", {"sync"}, ahead).exitCode == 0);
    CHECK(json::parse(w.ok("r2", {"rejected"})).empty());
    w.sync("r1");
    w.ok("r1", {"put", "dossiers", json{{"id", d}, {"summary", "sửa sau, giờ đúng"}}.dump()});
    w.sync("r1");
    CHECK(w.cli("r2", {"sync"}, ahead).exitCode == 0);
    requireConverged(w, {{"r1", "a1"}, {"rb", "b1"}, {"rv", "rev"}, {"r2", "a2"}});
    auto server = json::parse(w.serverDump("rev"));
    CHECK(server["dossiers"][d]["status"] == "approved");
    CHECK(server["dossiers"][d]["nominee_name"] == "Phạm Văn Bốn");
    CHECK(server["dossiers"][d]["summary"] == "sửa sau, giờ đúng");
    CHECK_FALSE(server["dossiers"].contains(foreign));
    w.stop();
}
}
