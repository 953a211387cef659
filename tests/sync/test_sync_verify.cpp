// The replica check (issue 16, part 3): `tdkt-cli verify` compares a replica with
// what the server holds for its user by digests, and `verify --repair` refetches
// exactly the rows that differ. The damage here is done to the replica's SQLite
// file directly, as a bug, a restored backup or a hand edit would.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <set>

using namespace tdkt::test;

namespace {

void exec(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(h);
    REQUIRE_MESSAGE(rc == SQLITE_OK, msg);
}

std::set<std::pair<std::string, std::string>> diffs(const json& report) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& d : report["differences"]) out.emplace(d["row_id"].get<std::string>(), d["kind"].get<std::string>());
    return out;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("verify: a damaged replica file is found row by row and repaired, rights hold") {
    SyncWorld w; // TLS
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUnit("xa-b", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("a", "a1");
    w.replica("b", "b1");
    w.importPeople("a", "xa-a", 40, [](int i) { return "Cán bộ " + std::to_string(i); });
    w.importPeople("b", "xa-b", 5, [](int i) { return "Công chức " + std::to_string(i); });
    const auto dossier = w.newDossier("a", "xa-a", "Nguyễn Thị Hồng");
    w.sync("a");
    w.sync("b");
    w.sync("a");

    // A healthy replica: one round trip of table digests, nothing differs.
    auto healthy = w.cli("a", {"verify"});
    REQUIRE(healthy.exitCode == 0);
    auto report = json::parse(healthy.out);
    CHECK(report["clean"] == true);
    CHECK(report["differences"].empty());
    CHECK(report["tables_differing"] == 0);
    CHECK(json::parse(w.ok("b", {"verify"}))["clean"] == true);

    // The damage, straight into the file.
    const auto people = w.rows("a", "people");
    std::vector<std::string> ids;
    for (const auto& [id, row] : people.items()) ids.push_back(id);
    REQUIRE(ids.size() >= 4);
    const auto bRow = w.rows("b", "people").begin().key(); // a row a1 may not read
    const auto db = w.dir() / "a.db";
    exec(db, "UPDATE people SET position = 'hỏng' WHERE id = '" + ids[0] + "'");             // a value
    exec(db, "DELETE FROM people WHERE id = '" + ids[1] + "'");                                // a lost row
    exec(db, "UPDATE people SET _h_position = _h_position + 1 WHERE id = '" + ids[2] + "'");   // a version only
    exec(db, "INSERT INTO people(id, unit_id, full_name) VALUES('" + bRow + "', 'xa-b', 'Người ngoài')"); // planted
    exec(db, "UPDATE dossiers SET _deleted = 1 WHERE id = '" + dossier + "'");                 // a row gone from view
    // A change of its own not yet pushed: it goes first and stays.
    w.put("a", "people", json{{"id", ids[3]}, {"position", "Phó Chủ tịch UBND xã"}});

    auto found = w.cli("a", {"verify"});
    CHECK(found.exitCode == 8); // differences found and left
    report = json::parse(found.out);
    CHECK(report["pushed"] == 1);
    CHECK(report["clean"] == false);
    CHECK(report["repaired"] == 0);
    const std::set<std::pair<std::string, std::string>> expected{{ids[0], "differs"},
                                                                  {ids[1], "missing_here"},
                                                                  {ids[2], "differs"},
                                                                  {bRow, "not_on_server"},
                                                                  {dossier, "differs"}};
    CHECK(diffs(report) == expected);

    auto repaired = w.cli("a", {"verify", "--repair"});
    REQUIRE_MESSAGE(repaired.exitCode == 0, repaired.err);
    report = json::parse(repaired.out);
    CHECK(report["repaired"] == 5);
    CHECK(report["clean"] == true);
    CHECK(diffs(report) == expected);
    CHECK(w.ok("a", {"dump"}) == w.serverDump("a1"));
    CHECK(w.rows("a", "people")[ids[3]]["position"] == "Phó Chủ tịch UBND xã");
    CHECK(w.rows("a", "dossiers").contains(dossier));
    CHECK_FALSE(w.rows("a", "people").contains(bRow));
    CHECK(w.serverLog().find("refetched 4 rows") != std::string::npos); // the planted row was not sent
    // Healed: the next check is clean, and the server's own copy never took the damage.
    CHECK(json::parse(w.ok("a", {"verify"}))["differences"].empty());
    CHECK(json::parse(w.ok("b", {"verify"}))["clean"] == true);
    CHECK(w.serverDump("a1").find("hỏng") == std::string::npos);
}

TEST_CASE("verify: refused on an unknown session, and by the network without harm") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("a", "a1");
    auto never = w.cli("n", {"init"});
    REQUIRE(never.exitCode == 0);
    auto notLoggedIn = w.cli("n", {"verify"});
    CHECK(notLoggedIn.exitCode == 7);
    CHECK(notLoggedIn.err.find("not logged in") != std::string::npos);
    w.stop();
    auto down = w.cli("a", {"verify", "--repair"});
    CHECK(down.exitCode == 7);
    CHECK(down.out.empty());
}
}
