// A disk that fills up in the middle of a sync, on either side (RLIMIT_FSIZE: writes
// past the limit fail as on a full disk). The side that cannot write says so and
// keeps what it had; nothing acknowledged is lost, nothing pending is dropped; once
// there is room, the next sync converges.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace tdkt;
using namespace tdkt::test;

namespace {

long largestFile(const std::filesystem::path& dir) {
    long most = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file()) most = std::max(most, static_cast<long>(e.file_size()));
    return most;
}

long fileSize(const std::filesystem::path& p) {
    return std::filesystem::exists(p) ? static_cast<long>(std::filesystem::file_size(p)) : 0L;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("sync: a replica's disk fills up during a pull: clear error, nothing lost, the next sync completes") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("ra", "a1");
    w.replica("rb", "a2");
    w.importPeople("ra", "xa-a", 3000, [](int) { return std::string(300, 'x'); });
    w.sync("ra");
    const auto mine = w.put("rb", "people", json{{"unit_id", "xa-a"}, {"full_name", "Trần Văn Chờ"}});
    const auto before = w.ok("rb", {"dump"});

    RunOptions full;
    const auto db = w.dir() / "rb.db";
    full.fileSizeLimit = fileSize(db) + fileSize(db.string() + "-wal") + 65536;
    const auto r = w.cliWith("rb", {"sync"}, full);
    INFO(r.out << r.err);
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("disk") != std::string::npos);
    MESSAGE("replica: " << r.err);
    // What it held is intact and opens; its own row was pushed (or is still pending).
    const auto after = json::parse(w.ok("rb", {"dump"}));
    CHECK(after["people"].contains(mine));
    CHECK(after["people"].size() < 3001);

    w.sync("rb");
    CHECK(w.rows("rb", "people").size() == 3001);
    CHECK(w.ok("rb", {"dump"}) == w.serverDump("a2"));
    w.sync("ra");
    CHECK(w.ok("ra", {"dump"}) == w.serverDump("a1"));
    CHECK(json::parse(w.ok("ra", {"dump"}))["people"].contains(mine));
    CHECK(before.size() > 0);
}

TEST_CASE("sync: the server's disk fills up during a push: refused whole, kept by the replica, saved later") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    w.start();
    w.replica("ra", "a1");
    w.replica("rb", "a2");
    const auto early = w.put("ra", "people", json{{"unit_id", "xa-a"}, {"full_name", "Lê Thị Sớm"}});
    w.sync("ra");
    w.stop();

    // Room for a few hundred KB more in any file of the server's.
    w.start(largestFile(w.dir() / "srv") + 256 * 1024);
    w.importPeople("ra", "xa-a", 5000, [](int) { return std::string(300, 'x'); });
    const auto held = w.ok("ra", {"dump"});
    const auto r = w.cli("ra", {"sync"});
    INFO(r.out << r.err << w.serverLog());
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("could not save") != std::string::npos);
    MESSAGE("server: " << r.err);
    CHECK(w.ok("ra", {"dump"}) == held); // nothing reverted, nothing dropped
    // The server goes on serving what it holds.
    w.sync("rb");
    CHECK(json::parse(w.ok("rb", {"dump"}))["people"].contains(early));
    CHECK(w.rows("rb", "people").size() == 1);
    w.stop();

    w.start();
    CHECK(w.sync("ra")["pushed"] == 5000 * 3); // still pending: every op, sent once more
    w.sync("rb");
    CHECK(w.rows("rb", "people").size() == 5001);
    CHECK(w.ok("ra", {"dump"}) == w.serverDump("a1"));
    CHECK(w.ok("rb", {"dump"}) == w.serverDump("a2"));
}
}
