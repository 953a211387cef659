// The sequences of issues 16 and 21, through the real server and tdkt-cli: a
// conflict keeps each concurrent line of edits by its newest value, and a partly
// refused new row stays on its author's replica with only the refused field undone.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tdkt::test;

namespace {

void summary(SyncWorld& w, const std::string& replica, const std::string& id, const std::string& value) {
    w.put(replica, "dossiers", json{{"id", id}, {"summary", value}});
}

// Every replica's dump equals the server's dump as its user.
void requireConverged(SyncWorld& w, const std::vector<std::pair<std::string, std::string>>& replicas) {
    for (int round = 0; round < 2; ++round)
        for (const auto& [r, u] : replicas) w.sync(r);
    for (const auto& [r, u] : replicas) CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
}

std::set<std::string> candidateValues(const json& conflict) {
    std::set<std::string> out;
    for (const auto& c : conflict["candidates"]) out.insert(c["value"].get<std::string>());
    return out;
}

// One commune, `users` officers each on a replica named after them, a dossier they all hold.
std::string oneDossierWorld(SyncWorld& w, const std::vector<std::string>& users) {
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    for (const auto& u : users) w.addUser(u, "officer", "xa-a");
    w.start();
    for (const auto& u : users) w.replica(u, u);
    const auto d = w.newDossier(users.front(), "xa-a", "Nguyễn Văn Đình");
    summary(w, users.front(), d, "X0");
    for (const auto& u : users) w.sync(u);
    return d;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: two officers, four edits of one field: the conflict holds each one's newest value") {
    SyncWorld w;
    const auto d = oneDossierWorld(w, {"a", "b"});
    summary(w, "b", d, "B1");
    summary(w, "a", d, "A1");
    w.sync("a");
    CHECK(w.sync("b")["conflicts"] == 1); // {A1, B1}
    summary(w, "a", d, "A2");             // on top of A1, the conflict not pulled yet
    w.sync("a");
    summary(w, "b", d, "B2"); // on top of A1, the winner b was shown
    w.sync("b");
    requireConverged(w, {{"a", "a"}, {"b", "b"}});

    auto conflicts = json::parse(w.ok("a", {"conflicts"}));
    REQUIRE(conflicts.size() == 1);
    CHECK(candidateValues(conflicts[0]) == std::set<std::string>{"A2", "B2"});
    const auto value = json::parse(w.ok("a", {"get", "dossiers", d}))["summary"].get<std::string>();
    CHECK(conflicts[0]["winner"] == value); // the winner is the field's value
    CHECK(json::parse(w.ok("b", {"conflicts"})) == conflicts);

    // A, shown the conflict, keeps its own line: closed on every replica.
    w.ok("a", {"resolve", conflicts[0]["id"].get<std::string>(), "--value", "\"A2\""});
    requireConverged(w, {{"a", "a"}, {"b", "b"}});
    CHECK(json::parse(w.ok("b", {"conflicts"})).empty());
    CHECK(json::parse(w.ok("b", {"get", "dossiers", d}))["summary"] == "A2");
    w.stop();
}

TEST_CASE("sync: three officers: an edit on top of one's own candidate replaces it in the open conflict") {
    SyncWorld w;
    const auto d = oneDossierWorld(w, {"a", "b", "c"});
    summary(w, "b", d, "b1");
    w.sync("b");
    summary(w, "c", d, "c1"); // offline
    summary(w, "c", d, "c2"); // on top of c1
    w.sync("c");              // conflict {b1, c1} then c2 replaces c1
    summary(w, "a", d, "a1"); // offline, base X0, a later clock
    w.sync("a");
    auto conflicts = json::parse(w.ok("a", {"conflicts"}));
    REQUIRE(conflicts.size() == 1);
    CHECK(candidateValues(conflicts[0]) == std::set<std::string>{"b1", "c2", "a1"});
    CHECK(conflicts[0]["winner"] == json::parse(w.ok("a", {"get", "dossiers", d}))["summary"]);

    // An edit on top of the winner by someone who had not pulled the conflict as it
    // stands replaces only what it was shown: c pulled {b1, c2}, not a1's joining.
    summary(w, "c", d, "c3");
    w.sync("c");
    requireConverged(w, {{"a", "a"}, {"b", "b"}, {"c", "c"}});
    conflicts = json::parse(w.ok("c", {"conflicts"}));
    REQUIRE(conflicts.size() == 1);
    CHECK(candidateValues(conflicts[0]) == std::set<std::string>{"c3", "a1"});
    CHECK(json::parse(w.ok("b", {"conflicts"})) == conflicts);
    w.sync("b");
    summary(w, "b", d, "final"); // b has pulled the conflict as it stands: this closes it
    w.sync("b");
    requireConverged(w, {{"a", "a"}, {"b", "b"}, {"c", "c"}});
    CHECK(json::parse(w.ok("a", {"conflicts"})).empty());
    CHECK(json::parse(w.ok("c", {"get", "dossiers", d}))["summary"] == "final");
    w.stop();
}

TEST_CASE("sync: a new row with one refused field stays on its author's replica, that field undone") {
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("o", "officer", "xa-a");
    w.start();
    w.replica("o", "o");
    const auto id = w.put("o", "dossiers",
                          json{{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"},
                               {"nominee_name", "Phạm Thị Thu Hường"}, {"award_code", "lao_dong_tien_tien"},
                               {"year", 2025}, {"status", "draft"}, {"status_reason", "x"}});
    auto s = w.sync("o");
    CHECK(s["rejected"] == 1);
    auto row = json::parse(w.ok("o", {"get", "dossiers", id}));
    CHECK(row["nominee_name"] == "Phạm Thị Thu Hường");
    CHECK(row["status_reason"].is_null());
    auto rejected = json::parse(w.ok("o", {"rejected"}));
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0]["field"] == "status_reason");
    CHECK(rejected[0]["value"] == "x"); // what the officer typed is kept
    requireConverged(w, {{"o", "o"}});
    CHECK(json::parse(w.ok("o", {"get", "dossiers", id}))["nominee_name"] == "Phạm Thị Thu Hường");
    w.stop();
}
}
