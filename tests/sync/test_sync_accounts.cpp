// Accounts and security through the real tdkt-server (TLS on loopback) and
// tdkt-cli: the password policy, throttled and locked logins and idle sessions
// (the server's clock moved by the test: no sleeps), revoked devices.
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <ctime>

using namespace tdkt::test;

namespace {

RunResult login(SyncWorld& w, const std::string& replica, const std::string& user, const std::string& password) {
    return w.cli(replica, {"login", "--server", "127.0.0.1:" + std::to_string(w.port()), "--user", user, "--ca-file",
                           (w.dir() / "cert.pem").string()},
                 {{"TDKT_PASSWORD", password}});
}

json serverJson(SyncWorld& w, const std::vector<std::string>& args) {
    auto r = w.server(args);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return json::parse(r.out);
}

int countEvents(const json& audit, const std::string& event, const std::string& user) {
    int n = 0;
    for (const auto& e : audit) n += e["event"] == event && e["user"] == user;
    return n;
}

// "HH:MM" on this machine's clock, as tdkt-cli words a lock's end.
std::string localClock(std::int64_t ms) {
    const auto t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M", &tm);
    return buf;
}

bool refusedAsLocked(const RunResult& r) {
    return r.exitCode == 6 && r.err.find("tài khoản tạm khóa đến") != std::string::npos;
}
bool refusedAsWrong(const RunResult& r) {
    return r.exitCode == 6 && r.err.find("wrong user name or password") != std::string::npos;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("accounts: the password policy refuses short, common and name passwords, --generate makes one") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    const auto add = [&](const std::string& name, const std::string& pw) {
        return w.server({"user", "add", name, "--role", "officer", "--unit", "xa-a"}, {{"TDKT_PASSWORD", pw}});
    };
    auto r = add("a1", "1");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("at least 10 characters") != std::string::npos);
    for (std::string common : {"123456", "matkhau", "MatKhau2026", "1234567890", "thi-dua-khen-thuong"}) {
        r = add("a1", common);
        CHECK_MESSAGE(r.exitCode == 2, common);
        CHECK_MESSAGE(r.err.find("common passwords") != std::string::npos, common << ": " << r.err);
    }
    r = add("nguyenvana", "NguyenVanA-2026");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("user name") != std::string::npos);
    CHECK(serverJson(w, {"user", "list"}).empty()); // nothing refused was saved

    // A generated password is printed once, passes the policy and logs in.
    r = w.server({"user", "add", "a1", "--role", "officer", "--unit", "xa-a", "--generate"}, {{"TDKT_PASSWORD", ""}});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const auto at = r.out.find("password: ");
    REQUIRE(at != std::string::npos);
    const std::string generated = r.out.substr(at + 10, r.out.find('\n', at) - at - 10);
    CHECK(generated.size() >= 10);
    w.start();
    w.ok("r1", {"init"});
    CHECK(login(w, "r1", "a1", generated).exitCode == 0);

    // A reset obeys the same policy, and the old password stops working.
    r = w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", "matkhau123"}});
    CHECK(r.exitCode == 2);
    r = w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", Password}});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(refusedAsWrong(login(w, "r1", "a1", generated)));
    // Right, but reset: the user must choose its own first (test_sync_password_change.cpp).
    r = login(w, "r1", "a1", Password);
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("phải đổi mật khẩu") != std::string::npos);
    const auto users = serverJson(w, {"user", "list"});
    REQUIRE(users.size() == 1);
    CHECK(users[0]["name"] == "a1");
    CHECK(users[0]["must_change_password"] == true);
    CHECK(w.server({"user", "passwd", "nobody"}).exitCode == 1);
}

TEST_CASE("accounts: wrong passwords are delayed, then lock the account, across a restart") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    // Delays after 2 failures (1 min, then 2), a lock of 15 min after 4. The server's
    // clock is moved forward (advanceClock), never waited for: a loaded machine
    // cannot slip past a window.
    constexpr std::int64_t Minute = 60'000, LockMs = 15 * Minute;
    w.serveArgs = {"--delay-after", "2", "--delay-ms", std::to_string(Minute), "--lock-after", "4", "--lock-ms",
                   std::to_string(LockMs)};
    w.start();
    w.replica("synced", "a1"); // a session from before the attack

    w.ok("r", {"init"});
    CHECK(refusedAsWrong(login(w, "r", "a1", "guess-0001")));
    CHECK(refusedAsWrong(login(w, "r", "a1", "guess-0002")));
    // The third try comes inside the delay: refused without a password check, even the right one.
    CHECK(refusedAsLocked(login(w, "r", "a1", Password)));
    w.advanceClock(Minute + 1000); // the delay is bounded: after it, tries are checked again
    CHECK(refusedAsWrong(login(w, "r", "a1", "guess-0003")));
    w.advanceClock(Minute); // the next delay is twice as long: still barred
    CHECK(refusedAsLocked(login(w, "r", "a1", Password)));
    w.advanceClock(Minute + 1000);
    CHECK(refusedAsWrong(login(w, "r", "a1", "guess-0004"))); // the fourth failure locks
    auto r = login(w, "r", "a1", Password);
    CHECK(refusedAsLocked(r));
    // The lock's end comes as data and is worded at the edge: "đến HH:MM" of the lock's end.
    const auto locks = serverJson(w, {"audit"});
    std::int64_t lockedAt = 0;
    for (const auto& e : locks)
        if (e["event"] == "locked" && e["user"] == "a1") lockedAt = e["at"];
    REQUIRE(lockedAt > 0);
    CHECK_MESSAGE(r.err.find("tài khoản tạm khóa đến " + localClock(lockedAt + LockMs)) != std::string::npos,
                  r.err);
    // Another account is not held up; the locked one's existing session keeps syncing.
    w.ok("r2", {"init"});
    CHECK(login(w, "r2", "a2", Password).exitCode == 0);
    CHECK(w.sync("synced")["pushed"] == 0);

    // The lock is kept in DIR/accounts.sqlite: a restart does not lift it, nor does a
    // quarter of an hour less a minute.
    w.stop();
    w.start();
    w.advanceClock(LockMs - 2 * Minute);
    CHECK(refusedAsLocked(login(w, "r", "a1", Password)));
    w.advanceClock(2 * Minute);
    CHECK(login(w, "r", "a1", Password).exitCode == 0);

    const auto audit = serverJson(w, {"audit"});
    CHECK(countEvents(audit, "login_failed", "a1") == 4);
    CHECK(countEvents(audit, "locked", "a1") == 1);
    CHECK(countEvents(audit, "refused_locked", "a1") == 4);
    CHECK(countEvents(audit, "unlocked", "a1") == 1);
    CHECK(countEvents(audit, "login", "a1") == 2);
    for (const auto& e : audit)
        if (e["user"] == "a1" && e["event"] == "login_failed") CHECK(e["address"] == "127.0.0.1");
    CHECK(w.serverLog().find("barred until") != std::string::npos);
    CHECK(w.serverLog().find("account 'a1' unlocked") != std::string::npos);
}

TEST_CASE("accounts: one address guessing many names is throttled too") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    // Per address: five times the account's numbers (delays after 5 failures).
    w.serveArgs = {"--delay-after", "1", "--delay-ms", "60000", "--lock-after", "100"};
    w.start();
    w.ok("r", {"init"});
    for (int i = 0; i < 5; ++i) CHECK(refusedAsWrong(login(w, "r", "user" + std::to_string(i), "guess-guess")));
    CHECK(refusedAsLocked(login(w, "r", "a1", Password))); // a1 never failed, but this address did
}

// A disabled user's replica: test_sync_disabled.cpp.

TEST_CASE("accounts: a revoked device is refused at its next sync, the others go on, nothing is lost") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("laptop", "a1");
    w.replica("office", "a1");
    const auto pushed = w.newDossier("laptop", "xa-a", "Nguyễn Văn Một");
    w.sync("laptop");
    const auto pending = w.newDossier("laptop", "xa-a", "Trần Thị Hai");

    auto devices = serverJson(w, {"device", "list", "--user", "a1"});
    REQUIRE(devices.size() == 2);
    const std::string stolen = devices[0]["id"]; // the laptop logged in first
    CHECK(devices[0]["address"] == "127.0.0.1");
    CHECK(devices[0]["revoked"] == false);
    CHECK(devices[0]["last_seen"].get<std::int64_t>() >= devices[0]["first_seen"].get<std::int64_t>());
    REQUIRE(w.server({"device", "revoke", stolen}).exitCode == 0);
    CHECK(w.server({"device", "revoke", "ffff"}).exitCode == 1);
    CHECK(serverJson(w, {"device", "list"})[0]["revoked"] == true);

    auto r = w.cli("laptop", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("thu hồi") != std::string::npos);
    CHECK(w.sync("office")["pulled"].get<int>() > 0); // the other device is unaffected
    // What the laptop had pushed stays on the server; its pending change stays on the laptop.
    const auto onServer = json::parse(w.serverDump("a1"))["dossiers"];
    CHECK(onServer.contains(pushed));
    CHECK_FALSE(onServer.contains(pending));
    CHECK(w.rows("laptop", "dossiers").contains(pending));

    // Someone who knows the password signs in there again: the pending change goes up.
    REQUIRE(login(w, "laptop", "a1", Password).exitCode == 0);
    CHECK(w.sync("laptop")["pushed"].get<int>() > 0);
    CHECK(json::parse(w.serverDump("a1"))["dossiers"].contains(pending));
    CHECK(countEvents(serverJson(w, {"audit"}), "revoked", "a1") == 1);
}

TEST_CASE("accounts: a session idle for 90 days expires, logging in again keeps what was pending") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start(); // the default idle time: 90 days
    constexpr std::int64_t Day = 24LL * 3600 * 1000;
    w.replica("r1", "a1");
    // Each sync within the idle time starts it again: 89 days, twice, is 178 days signed in.
    w.advanceClock(89 * Day);
    CHECK(w.sync("r1")["pushed"] == 0);
    w.advanceClock(89 * Day);
    CHECK(w.sync("r1")["pushed"] == 0);
    const auto d = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    w.advanceClock(91 * Day);
    auto r = w.cli("r1", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("log in again") != std::string::npos);
    CHECK(w.rows("r1", "dossiers").contains(d)); // kept, and still pending
    REQUIRE(login(w, "r1", "a1", Password).exitCode == 0);
    CHECK(w.sync("r1")["pushed"].get<int>() > 0);
    CHECK(json::parse(w.serverDump("a1"))["dossiers"].contains(d));
}
// A user moved to another unit: test_sync_disabled.cpp.
}
