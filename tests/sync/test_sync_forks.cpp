// A replica id used by two timelines: a laptop restored from a backup, a database
// copied to a second laptop. The server refuses a re-sent seq that differs from
// what it holds; the client takes a new id and nothing anyone typed is lost.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include "tdkt/protocol/codec.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace tdkt;
using namespace tdkt::test;

namespace {

namespace fs = std::filesystem;

void edit(SyncWorld& w, const std::string& replica, const std::string& id, json fields) {
    fields["id"] = id;
    w.ok(replica, {"put", "dossiers", fields.dump()});
}

// The replica's files (closed: every tdkt-cli run has ended) copied to `to`.
void copyReplica(SyncWorld& w, const std::string& from, const std::string& to) {
    for (const std::string suffix : {"-wal", "-shm"}) fs::remove(w.dir() / (to + ".db" + suffix));
    for (const std::string suffix : {"", "-wal", "-shm"})
        if (fs::exists(w.dir() / (from + ".db" + suffix)))
            fs::copy_file(w.dir() / (from + ".db" + suffix), w.dir() / (to + ".db" + suffix),
                          fs::copy_options::overwrite_existing);
}

// A sync through the CLI: exit 0, the documented JSON on stdout; returns stderr.
std::string syncNoting(SyncWorld& w, const std::string& replica) {
    auto r = w.cli(replica, {"sync"});
    REQUIRE_MESSAGE(r.exitCode == 0, replica << " sync: " << r.err);
    auto j = json::parse(r.out);
    CHECK(j.size() == 4);
    for (const char* key : {"pushed", "pulled", "conflicts", "rejected"}) CHECK(j.contains(key));
    return r.err;
}

bool resited(const std::string& err) { return err.find("already been used by other changes") != std::string::npos; }

std::string siteOf(SyncWorld& w, const std::string& replica) {
    return json::parse(w.ok(replica, {"init"}))["site_id"].get<std::string>();
}

// Each replica syncs twice, then its dump equals the server's dump as its user.
void requireConverged(SyncWorld& w, const std::vector<std::pair<std::string, std::string>>& replicas) {
    for (int round = 0; round < 2; ++round)
        for (const auto& [r, u] : replicas) CHECK_FALSE(resited(syncNoting(w, r)));
    for (const auto& [r, u] : replicas) CHECK_MESSAGE(w.ok(r, {"dump"}) == w.serverDump(u), r << " differs");
}

// The open conflict on dossiers.<field> of `id`, with its competing values.
std::set<std::string> conflictValues(const json& dump, const std::string& id, const std::string& field) {
    std::set<std::string> values;
    for (const auto& [cid, c] : dump["conflicts"].items())
        if (c["row_id"] == id && c["field"] == field && c["status"] == "open")
            for (const auto& cand : c["candidates"]) values.insert(cand["value"].get<std::string>());
    return values;
}

SyncWorld& world(SyncWorld& w) {
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    return w;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: a laptop restored from a backup takes a new id and loses neither timeline") {
    SyncWorld w;
    world(w);
    w.replica("r1", "a1");
    w.replica("r2", "a2");
    const auto d1 = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    w.sync("r1");
    const std::string oldSite = siteOf(w, "r1");
    copyReplica(w, "r1", "backup");

    // The timeline the restore loses on the laptop: it reached the server.
    edit(w, "r1", d1, {{"summary", "bản trước khi khôi phục"}});
    const auto lost = w.newDossier("r1", "xa-a", "Trần Thị Hai");
    edit(w, "r1", lost, {{"summary", "hồ sơ chỉ có trên máy chủ"}});
    CHECK(w.sync("r1")["pushed"] == 8);

    // Restored: fewer edits than the server holds of this id, so the login tells.
    copyReplica(w, "backup", "r1");
    edit(w, "r1", d1, {{"summary", "bản sau khi khôi phục"}, {"period_from_year", 2022}});
    CHECK(siteOf(w, "r1") == oldSite);
    auto err = syncNoting(w, "r1");
    CHECK_MESSAGE(resited(err), err);
    CHECK(siteOf(w, "r1") != oldSite);
    w.ok("r1", {"put", "dossiers", json{{"id", d1}, {"nominee_name", "Nguyễn Văn Một (sau)"}}.dump()});
    CHECK_FALSE(resited(syncNoting(w, "r1")));

    // The same backup restored elsewhere and logged in again: the login tells too.
    copyReplica(w, "backup", "r1c");
    auto login = w.cli("r1c", {"login", "--server", "127.0.0.1:" + std::to_string(w.port()), "--user", "a1",
                               "--ca-file", (w.dir() / "cert.pem").string()},
                       {{"TDKT_PASSWORD", Password}});
    REQUIRE_MESSAGE(login.exitCode == 0, login.err);
    CHECK_MESSAGE(resited(login.err), login.err);
    CHECK(siteOf(w, "r1c") != oldSite);

    requireConverged(w, {{"r1", "a1"}, {"r2", "a2"}, {"r1c", "a1"}});
    auto server = json::parse(w.serverDump("a1"));
    auto laptop = json::parse(w.ok("r1", {"dump"}));
    for (const auto* dump : {&server, &laptop}) {
        const auto& ds = (*dump)["dossiers"];
        REQUIRE(ds.contains(lost));
        CHECK(ds[lost]["summary"] == "hồ sơ chỉ có trên máy chủ");
        CHECK(ds[d1]["period_from_year"] == 2022);
        CHECK(ds[d1]["nominee_name"] == "Nguyễn Văn Một (sau)");
        // Both timelines wrote the summary: one wins, the conflict keeps both.
        CHECK(conflictValues(*dump, d1, "summary") ==
              std::set<std::string>{"bản trước khi khôi phục", "bản sau khi khôi phục"});
    }
    // The restored laptop's edits are its new id's, the lost timeline's the old id's.
    std::set<std::string> sites;
    for (const auto& h : json::parse(w.ok("r1", {"history", "dossiers", d1}))) sites.insert(h["site"]);
    CHECK(sites.contains(oldSite));
    CHECK(sites.contains(siteOf(w, "r1")));
    CHECK(w.serverLog().find("goes on as " + siteOf(w, "r1")) != std::string::npos);
    w.stop();
}

TEST_CASE("sync: a database copied to a second laptop: both edit, both sync, nothing is lost") {
    SyncWorld w;
    world(w);
    w.replica("r1", "a1");
    const auto d1 = w.newDossier("r1", "xa-a", "Lê Văn Ba");
    w.sync("r1");
    // An edit made before the copy and not yet sent is on both laptops.
    edit(w, "r1", d1, {{"year", 2024}});
    copyReplica(w, "r1", "r1b");

    edit(w, "r1", d1, {{"summary", "máy thứ nhất"}});
    const auto fromA = w.newDossier("r1", "xa-a", "Hồ sơ máy A");
    edit(w, "r1b", d1, {{"summary", "máy thứ hai"}, {"nominee_name", "Lê Văn Ba (B)"}});
    const auto fromB = w.newDossier("r1b", "xa-a", "Hồ sơ máy B");
    edit(w, "r1b", fromB, {{"summary", "chỉ máy B"}});
    w.sync("r1");
    // More edits than the server holds of the shared id: the re-sent ones are
    // compared, found different, and refused whole; the laptop takes a new id.
    auto err = syncNoting(w, "r1b");
    CHECK_MESSAGE(resited(err), err);
    CHECK(siteOf(w, "r1b") != siteOf(w, "r1"));
    CHECK(w.serverLog().find("push refused") != std::string::npos);
    // The first laptop goes on as before (the token both copies held stays valid).
    edit(w, "r1", fromA, {{"summary", "máy A sửa tiếp"}});
    CHECK_FALSE(resited(syncNoting(w, "r1")));

    w.replica("r2", "a2");
    requireConverged(w, {{"r1", "a1"}, {"r1b", "a1"}, {"r2", "a2"}});
    auto server = json::parse(w.serverDump("a1"));
    const auto& ds = server["dossiers"];
    REQUIRE(ds.contains(fromA));
    REQUIRE(ds.contains(fromB));
    CHECK(ds[fromA]["summary"] == "máy A sửa tiếp");
    CHECK(ds[fromB]["summary"] == "chỉ máy B");
    CHECK(ds[d1]["year"] == 2024);
    CHECK(ds[d1]["nominee_name"] == "Lê Văn Ba (B)"); // different fields both survive
    CHECK(conflictValues(server, d1, "summary") == std::set<std::string>{"máy thứ nhất", "máy thứ hai"});
    CHECK(conflictValues(server, d1, "year").empty()); // the same edit twice is no conflict
    w.stop();
}

TEST_CASE("sync: a re-sent seq with other content is refused whole, the same re-sent is settled") {
    using namespace tdkt::protocol;
    SyncWorld w(false);
    world(w);
    w.replica("r1", "a1");
    const SiteId site = 4242;
    auto op = [&](std::uint64_t seq, const std::string& row, const std::string& name) {
        Op o;
        o.site = site;
        o.seq = seq;
        o.table = "people";
        o.rowId = row;
        o.field = seq % 2 ? "unit_id" : "full_name";
        o.value = seq % 2 ? std::string("xa-a") : name;
        o.hlc = makeHlc(1'764'000'000'000 + seq, 0);
        return o;
    };
    // One session: log in as `site`, push, and return the answer (and the token).
    std::string token;
    auto push = [&](std::vector<Op> ops) {
        Raw raw(w.port());
        raw.write(encodeFrame(Hello{ProtocolVersion, schemaVersion(), "test"}));
        raw.write(encodeFrame(Login{"a1", Password, site, "test"}));
        raw.write(encodeFrame(Push{std::move(ops)}));
        auto got = raw.readAll();
        REQUIRE(got.size() == 3);
        token = std::get<LoginOk>(got[1]).token;
        return got[2];
    };
    auto first = push({op(1, "p-1", ""), op(2, "p-1", "Đinh Văn Bảy")});
    REQUIRE(std::holds_alternative<PushAck>(first));
    CHECK(std::get<PushAck>(first).accepted == 2);
    const std::string before = w.serverDump("a1");

    // The same ops again (an ack lost on the way): settled before, nothing applied.
    auto again = push({op(1, "p-1", ""), op(2, "p-1", "Đinh Văn Bảy")});
    REQUIRE(std::holds_alternative<PushAck>(again));
    CHECK(std::get<PushAck>(again).accepted == 0);
    CHECK(std::get<PushAck>(again).highWater == 2);

    // Seq 2 with other content, then a new seq 3: refused whole, nothing applied.
    auto forked = push({op(2, "p-1", "Đinh Văn Tám"), op(3, "p-2", "")});
    REQUIRE(std::holds_alternative<ErrorMsg>(forked));
    CHECK(std::get<ErrorMsg>(forked).code == ErrorCode::ReplicaForked);
    CHECK(std::get<ErrorMsg>(forked).message.find("already used by other changes") != std::string::npos);
    auto otherStamp = op(2, "p-1", "Đinh Văn Bảy");
    otherStamp.hlc += 1;
    CHECK(std::get<ErrorMsg>(push({otherStamp})).code == ErrorCode::ReplicaForked);
    CHECK(w.serverDump("a1") == before);
    CHECK(w.serverLog().find("push refused") != std::string::npos);

    // The replica goes on under a new id: its old token proves the user once.
    Raw raw(w.port());
    raw.write(encodeFrame(Hello{ProtocolVersion, schemaVersion(), "test"}));
    raw.write(encodeFrame(Resite{token, site, 4343}));
    auto op3 = op(1, "p-2", "");
    op3.site = 4343;
    raw.write(encodeFrame(Push{{op3}}));
    auto got = raw.readAll();
    REQUIRE(got.size() == 3);
    REQUIRE(std::holds_alternative<LoginOk>(got[1]));
    CHECK(std::get<LoginOk>(got[1]).highWater == 0);
    REQUIRE(std::holds_alternative<PushAck>(got[2]));
    CHECK(std::get<PushAck>(got[2]).accepted == 1);
    // An id in use already is not taken over.
    Raw taken(w.port());
    taken.write(encodeFrame(Hello{ProtocolVersion, schemaVersion(), "test"}));
    taken.write(encodeFrame(Resite{token, site, 4343}));
    auto refused = taken.readAll();
    REQUIRE(refused.size() == 2);
    REQUIRE(std::holds_alternative<ErrorMsg>(refused[1]));
    CHECK(std::get<ErrorMsg>(refused[1]).message.find("in use") != std::string::npos);
    w.stop();
}
}
