// Users who lose their unit's records through the real tdkt-server and tdkt-cli: a
// disabled account's replica and a user moved to another unit drop the rows they
// may no longer read at their next sync; their pending changes to those rows are
// refused with reasons and kept (values typed) as refused changes; nothing the
// server accepted is lost. A revoked device (a stolen laptop) is different: it keeps
// its rows and its pending changes, unsynced, for a password sign-in to send them.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tdkt::test;

namespace {

RunResult login(SyncWorld& w, const std::string& replica, const std::string& user) {
    return w.cli(replica, {"login", "--server", "127.0.0.1:" + std::to_string(w.port()), "--user", user, "--ca-file",
                           (w.dir() / "cert.pem").string()},
                 {{"TDKT_PASSWORD", Password}});
}

// Table → the ids of its rows, of a dump (a replica's, or the server's as a user).
std::map<std::string, std::set<std::string>> idsOf(const json& dump) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& [table, rows] : dump.items())
        if (rows.is_object())
            for (const auto& [id, row] : rows.items()) out[table].insert(id);
    return out;
}

std::size_t rowCount(const json& dump) {
    std::size_t n = 0;
    for (const auto& [table, ids] : idsOf(dump)) n += ids.size();
    return n;
}

// The replica's refused changes of `row`: field → (reason kind, value kept).
std::map<std::string, std::pair<std::string, json>> refusedOf(SyncWorld& w, const std::string& replica,
                                                              const std::string& row) {
    std::map<std::string, std::pair<std::string, json>> out;
    for (const auto& r : json::parse(w.ok(replica, {"rejected"})))
        if (r["row_id"] == row) {
            CHECK_FALSE(r["reason"].get<std::string>().empty());
            out[r["field"]] = {r["reason_kind"], r["value"]};
        }
    return out;
}

} // namespace

TEST_SUITE("sync") {
// This replaced "a disabled user is refused, its session too, until enabled", which
// had the replica keep every row and its pending changes until the account came
// back: issue 23 asks that a disabled officer (one who left the office) stop holding
// the unit's records at the next sync, with nothing typed lost.
TEST_CASE("accounts: a disabled user's replica drops its rows at its next sync, its pending changes refused and kept") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    w.replica("colleague", "a2");
    const auto accepted = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    w.sync("r1");
    const auto ofA2 = w.newDossier("colleague", "xa-a", "Lê Văn Ba");
    w.sync("colleague");
    w.sync("r1");
    REQUIRE(w.rows("r1", "dossiers").contains(ofA2));
    // Typed offline, not yet sent, when the administrator disables the account.
    const auto unsent = w.newDossier("r1", "xa-a", "Trần Thị Hai");
    w.put("r1", "dossiers", {{"id", accepted}, {"summary", "sửa sau khi nghỉ việc"}});
    const auto serverBefore = json::parse(w.serverDump("a2"));
    REQUIRE(w.server({"user", "disable", "a1"}).exitCode == 0);
    auto r = w.cli("r1", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK_MESSAGE(r.err.find("tài khoản đã bị vô hiệu hóa") != std::string::npos, r.err);
    // The replica holds no row any more: a disabled user may read none.
    const auto left = json::parse(w.ok("r1", {"dump"}));
    CHECK_MESSAGE(rowCount(left) == 0, left.dump());
    // Each pending change is a refused change with its reason and the value typed.
    const auto edit = refusedOf(w, "r1", accepted);
    REQUIRE(edit.contains("summary"));
    CHECK(edit.at("summary").first == "account.disabled");
    CHECK(edit.at("summary").second == "sửa sau khi nghỉ việc");
    const auto created = refusedOf(w, "r1", unsent);
    REQUIRE(created.contains("nominee_name"));
    CHECK(created.at("nominee_name").first == "account.disabled");
    CHECK(created.at("nominee_name").second == "Trần Thị Hai");
    for (const auto& [field, refusal] : created) CHECK_MESSAGE(refusal.first == "account.disabled", field);
    // The server lost nothing it had accepted and took nothing of the disabled account.
    CHECK(json::parse(w.serverDump("a2")) == serverBefore);
    CHECK(w.serverLog().find("of disabled 'a1'") != std::string::npos);
    // The replica's session is gone: it needs a password sign-in, which is refused.
    CHECK(w.cli("r1", {"sync"}).exitCode != 0);
    r = login(w, "r1", "a1");
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("vô hiệu hóa") != std::string::npos);
    // Another officer of the unit goes on unaffected.
    w.put("colleague", "dossiers", {{"id", ofA2}, {"summary", "vẫn làm việc"}});
    CHECK(w.sync("colleague")["rejected"] == 0);
    CHECK(w.rows("colleague", "dossiers").contains(accepted));

    // Enabled again and signed in, the replica pulls all the user reads, its own rows too.
    REQUIRE(w.server({"user", "enable", "a1"}).exitCode == 0);
    REQUIRE(login(w, "r1", "a1").exitCode == 0);
    const auto back = w.sync("r1");
    CHECK(back["pushed"] == 0); // the refused changes stay refused, listed
    const auto here = json::parse(w.ok("r1", {"dump"}));
    CHECK(idsOf(here) == idsOf(json::parse(w.serverDump("a1"))));
    REQUIRE(here["dossiers"].contains(accepted));
    CHECK(here["dossiers"][accepted]["summary"] != "sửa sau khi nghỉ việc");
    CHECK(here["dossiers"][ofA2]["summary"] == "vẫn làm việc");
    CHECK_FALSE(here["dossiers"].contains(unsent));
    CHECK(refusedOf(w, "r1", unsent).size() == created.size());
}

TEST_CASE("accounts: a revoked device keeps its rows and pending changes, a disabled account's replica does not") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("stolen", "a1");
    w.replica("left", "a2");
    const auto ofA1 = w.newDossier("stolen", "xa-a", "Nguyễn Văn Một");
    const auto ofA2 = w.newDossier("left", "xa-a", "Lê Văn Ba");
    w.sync("stolen");
    w.sync("left");
    w.sync("stolen");
    const auto pendingStolen = w.newDossier("stolen", "xa-a", "Trần Thị Hai");
    const auto pendingLeft = w.newDossier("left", "xa-a", "Phạm Thị Bốn");
    const auto devices = json::parse(w.server({"device", "list", "--user", "a1"}).out);
    REQUIRE(devices.size() == 1);
    REQUIRE(w.server({"device", "revoke", devices[0]["id"]}).exitCode == 0);
    REQUIRE(w.server({"user", "disable", "a2"}).exitCode == 0);

    auto r = w.cli("stolen", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("thu hồi") != std::string::npos);
    const auto stolen = w.rows("stolen", "dossiers");
    CHECK(stolen.contains(ofA1));
    CHECK(stolen.contains(ofA2));
    CHECK(stolen.contains(pendingStolen)); // still pending, not refused
    CHECK(json::parse(w.ok("stolen", {"rejected"})).empty());
    r = w.cli("left", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("vô hiệu hóa") != std::string::npos);
    CHECK(rowCount(json::parse(w.ok("left", {"dump"}))) == 0);
    CHECK_FALSE(refusedOf(w, "left", pendingLeft).empty());
    // A password sign-in on the revoked laptop sends what it kept.
    REQUIRE(login(w, "stolen", "a1").exitCode == 0);
    CHECK(w.sync("stolen")["pushed"].get<int>() > 0);
    const auto onServer = json::parse(w.serverDump("a1"))["dossiers"];
    CHECK(onServer.contains(pendingStolen));
    CHECK(onServer.contains(ofA2)); // the disabled officer's accepted work stays
    CHECK_FALSE(onServer.contains(pendingLeft));
}

TEST_CASE("accounts: a user moved to another unit loses exactly the old unit's rows at its next sync") {
    SyncWorld w;
    w.addUnit("huyen-h", "huyen");
    w.addUnit("xa-a", "xa", "huyen-h");
    w.addUnit("xa-b", "xa", "huyen-h");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.addUser("b1", "officer", "xa-b");
    w.start();
    w.replica("ra", "a1");
    w.replica("ra2", "a2");
    w.replica("rb", "b1");
    const auto ofA = w.newDossier("ra", "xa-a", "Nguyễn Văn Một");
    const auto personA = w.put("ra", "people", json{{"unit_id", "xa-a"}, {"full_name", "Đỗ Văn Năm"}});
    const auto ofB = w.newDossier("rb", "xa-b", "Trần Thị Hai");
    w.sync("ra");
    w.sync("rb");
    w.sync("ra2");
    CHECK(w.rows("ra", "dossiers").contains(ofA));
    CHECK_FALSE(w.rows("ra", "dossiers").contains(ofB));
    const auto rbBefore = idsOf(json::parse(w.ok("rb", {"dump"})));

    const auto moved = json::parse(w.server({"user", "set", "a1", "--unit", "xa-b"}).out);
    CHECK(moved["unit"] == "xa-b");
    CHECK(w.server({"user", "set", "a1", "--unit", "no-such-unit"}).exitCode == 1);
    CHECK(w.server({"user", "set", "a1", "--role", "king"}).exitCode == 2);
    // Edits made offline to the old unit's rows, before the replica heard of the move.
    w.put("ra", "dossiers", {{"id", ofA}, {"summary", "sửa sau khi chuyển"}});
    w.put("ra", "people", {{"id", personA}, {"position", "Chủ tịch"}});
    const auto c = w.sync("ra"); // the same session token: no new login needed
    CHECK(c["rejected"].get<int>() == 2);
    // The refused edits are kept with their reasons and the values typed.
    const auto edit = refusedOf(w, "ra", ofA);
    REQUIRE(edit.contains("summary"));
    CHECK(edit.at("summary").first == "rights.foreign_unit");
    CHECK(edit.at("summary").second == "sửa sau khi chuyển");
    const auto person = refusedOf(w, "ra", personA);
    REQUIRE(person.contains("position"));
    CHECK(person.at("position").second == "Chủ tịch");
    // Exactly what the user reads now: the new unit's rows, none of the old one's.
    const auto here = json::parse(w.ok("ra", {"dump"}));
    CHECK(idsOf(here) == idsOf(json::parse(w.serverDump("a1"))));
    CHECK_FALSE(here["dossiers"].contains(ofA));
    CHECK_FALSE(here["people"].contains(personA));
    CHECK(here["dossiers"].contains(ofB));
    // Its old unit's officers still have the rows, without the refused edits; the new
    // unit's officer sees no change; both go on syncing.
    CHECK(w.sync("ra2")["rejected"] == 0);
    const auto kept = json::parse(w.ok("ra2", {"dump"}));
    REQUIRE(kept["dossiers"].contains(ofA));
    CHECK(kept["dossiers"][ofA]["summary"] != "sửa sau khi chuyển");
    CHECK(kept["people"][personA]["position"] != "Chủ tịch");
    CHECK(w.sync("rb")["rejected"] == 0);
    CHECK(idsOf(json::parse(w.ok("rb", {"dump"}))) == rbBefore);
}

TEST_CASE("accounts: a disabled account's session stays open for a protocol-5 replica only") {
    using namespace tdkt::protocol;
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    std::string token;
    {
        Raw raw(w.port());
        raw.logIn("a1", Password, 4242);
        auto answer = raw.loginAnswer();
        REQUIRE(answer);
        REQUIRE(std::holds_alternative<LoginOk>(*answer));
        token = std::get<LoginOk>(*answer).token;
    }
    REQUIRE(w.server({"user", "disable", "a1"}).exitCode == 0);
    {
        // A protocol-4 replica hears it as before, and the session ends.
        Raw raw(w.port());
        raw.write(encodeFrame(Hello{4, schemaVersion(), "tdkt-cli 4"}));
        raw.write(encodeFrame(Auth{token, 4242}));
        auto got = raw.readAll();
        REQUIRE(got.size() == 2);
        REQUIRE(std::holds_alternative<ErrorMsg>(got[1]));
        CHECK(std::get<ErrorMsg>(got[1]).code == ErrorCode::AccountDisabled);
    }
    // A protocol-5 one is told its high-water mark and may push, but reads nothing.
    Raw raw(w.port());
    raw.write(encodeFrame(Hello{5, schemaVersion(), "tdkt-cli 5"}));
    raw.write(encodeFrame(Auth{token, 4242}));
    auto answer = raw.loginAnswer();
    REQUIRE(answer);
    REQUIRE(std::holds_alternative<ErrorMsg>(*answer));
    CHECK(std::get<ErrorMsg>(*answer).code == ErrorCode::AccountDisabled);
    CHECK(std::get<ErrorMsg>(*answer).message == "0");
    raw.write(encodeFrame(Pull{0, 100, true}));
    auto pulled = raw.readOne();
    REQUIRE(pulled);
    REQUIRE(std::holds_alternative<ErrorMsg>(*pulled));
    CHECK(std::get<ErrorMsg>(*pulled).code == ErrorCode::AccountDisabled);
    // A password login is settled so only on a replica of the user's own.
    for (tdkt::SiteId site : {tdkt::SiteId{4242}, tdkt::SiteId{9999}}) {
        Raw again(w.port());
        again.logIn("a1", Password, site);
        auto got = again.readAll();
        REQUIRE(got.size() == 2);
        REQUIRE(std::holds_alternative<ErrorMsg>(got[1]));
        CHECK(std::get<ErrorMsg>(got[1]).code == ErrorCode::AccountDisabled);
        CHECK(std::get<ErrorMsg>(got[1]).message == (site == 4242 ? "0" : ""));
    }
}

TEST_CASE("accounts: a disabled user's replica whose session expired lets go of its rows at the password sign-in") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    w.replica("other", "a2");
    const auto accepted = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    w.sync("r1");
    const auto pending = w.newDossier("r1", "xa-a", "Trần Thị Hai");
    w.advanceClock(91LL * 24 * 3600 * 1000); // offline longer than the idle time
    REQUIRE(w.server({"user", "disable", "a1"}).exitCode == 0);
    auto r = w.cli("r1", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("log in again") != std::string::npos);
    CHECK(w.rows("r1", "dossiers").contains(pending)); // nothing decided yet
    // Someone on another machine who knows the password changes nothing there.
    w.ok("fresh", {"init"});
    CHECK(login(w, "fresh", "a1").exitCode == 6);
    // The password on this replica: it is the disabled user's own.
    r = login(w, "r1", "a1");
    CHECK(r.exitCode == 6);
    CHECK_MESSAGE(r.err.find("vô hiệu hóa") != std::string::npos, r.err);
    CHECK(rowCount(json::parse(w.ok("r1", {"dump"}))) == 0);
    const auto refused = refusedOf(w, "r1", pending);
    REQUIRE(refused.contains("nominee_name"));
    CHECK(refused.at("nominee_name").first == "account.disabled");
    CHECK(json::parse(w.serverDump("a2"))["dossiers"].contains(accepted));
}
}
