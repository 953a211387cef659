// A password reset by an administrator is changed by its user at the next login
// (tdkt-cli passwd, the policy applied), devices named, and a protocol-3 client
// still served: through the real tdkt-server (TLS on loopback) and tdkt-cli.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

using namespace tdkt::test;
using namespace tdkt::protocol;

namespace {

constexpr const char* ResetPassword = "Dat-lai-boi-quan-tri-2026";
constexpr const char* NewPassword = "Tu-chon-mat-khau-moi-2026";

std::string caFile(SyncWorld& w) { return (w.dir() / "cert.pem").string(); }

RunResult login(SyncWorld& w, const std::string& replica, const std::string& user, const std::string& password,
                std::vector<std::string> more = {}) {
    std::vector<std::string> args{"login", "--server", "127.0.0.1:" + std::to_string(w.port()), "--user", user,
                                  "--ca-file", caFile(w)};
    args.insert(args.end(), more.begin(), more.end());
    return w.cli(replica, args, {{"TDKT_PASSWORD", password}});
}

RunResult passwd(SyncWorld& w, const std::string& replica, const std::string& current, const std::string& next,
                 std::vector<std::string> more = {}) {
    std::vector<std::string> args{"passwd"};
    args.insert(args.end(), more.begin(), more.end());
    return w.cli(replica, args, {{"TDKT_PASSWORD", current}, {"TDKT_NEW_PASSWORD", next}});
}

json serverJson(SyncWorld& w, const std::vector<std::string>& args) {
    auto r = w.server(args);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return json::parse(r.out);
}

bool mustChange(const RunResult& r) {
    return r.exitCode == 6 && r.err.find("phải đổi mật khẩu") != std::string::npos &&
           r.err.find("password_change_required") != std::string::npos;
}

int countEvents(const json& audit, const std::string& event, const std::string& user) {
    int n = 0;
    for (const auto& e : audit) n += e["event"] == event && e["user"] == user;
    return n;
}

// A Login as a protocol-3 client sends it: no device name at its end.
std::vector<std::uint8_t> loginV3(const std::string& user, const std::string& password, tdkt::SiteId site) {
    auto frame = encodeFrame(Login{user, password, site, ""});
    frame.resize(frame.size() - 4); // the empty name's length
    const auto length = static_cast<std::uint32_t>(frame.size() - 4);
    for (int i = 0; i < 4; ++i) frame[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (24 - 8 * i));
    return frame;
}

} // namespace

TEST_SUITE("sync") {
TEST_CASE("accounts: a reset password must be changed at the next login, pending changes kept") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("laptop", "a1");
    w.replica("office", "a1");
    const auto pending = w.newDossier("laptop", "xa-a", "Nguyễn Văn Một");

    auto r = w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", ResetPassword}});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    // The laptop's session is refused with the kind, and so is a login with the reset password.
    CHECK(mustChange(w.cli("laptop", {"sync"})));
    CHECK(mustChange(login(w, "laptop", "a1", ResetPassword)));
    r = login(w, "laptop", "a1", "not-the-password-1");
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("wrong user name or password") != std::string::npos);

    // A new password goes through the server's policy.
    r = passwd(w, "laptop", ResetPassword, "ngan-qua");
    CHECK(r.exitCode == 6);
    CHECK_MESSAGE(r.err.find("password_refused: too_short, at least 10 characters") != std::string::npos, r.err);
    r = passwd(w, "laptop", ResetPassword, "matkhau2026");
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("password_refused: common") != std::string::npos);
    r = passwd(w, "laptop", "not-the-password-1", NewPassword); // the current one must be right
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("wrong user name or password") != std::string::npos);
    CHECK(serverJson(w, {"user", "list"})[0]["must_change_password"] == true);

    r = passwd(w, "laptop", ResetPassword, NewPassword);
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(json::parse(r.out)["user"] == "a1");
    CHECK(serverJson(w, {"user", "list"})[0]["must_change_password"] == false);
    // What was pending on the laptop goes up with its next sync.
    CHECK(w.sync("laptop")["pushed"].get<int>() > 0);
    CHECK(json::parse(w.serverDump("a1"))["dossiers"].contains(pending));

    // The change ended the user's other sessions: the office signs in with the new password.
    r = w.cli("office", {"sync"});
    CHECK(r.exitCode == 6);
    CHECK(r.err.find("log in again") != std::string::npos);
    CHECK(login(w, "office", "a1", ResetPassword).exitCode == 6);
    REQUIRE(login(w, "office", "a1", NewPassword).exitCode == 0);
    w.sync("office");
    CHECK(w.rows("office", "dossiers").contains(pending));

    // A new replica, never signed in, after another reset: passwd names the server.
    REQUIRE(w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", ResetPassword}}).exitCode == 0);
    w.ok("fresh", {"init"});
    CHECK(mustChange(login(w, "fresh", "a1", ResetPassword)));
    r = passwd(w, "fresh", ResetPassword, "Lan-thu-hai-doi-2026",
               {"--server", "127.0.0.1:" + std::to_string(w.port()), "--user", "a1", "--ca-file", caFile(w)});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(w.sync("fresh")["pulled"].get<int>() > 0);

    const auto audit = serverJson(w, {"audit"});
    CHECK(countEvents(audit, "password_reset", "a1") == 2);
    CHECK(countEvents(audit, "refused_must_change", "a1") == 3); // the laptop's sync and login, fresh's login
    CHECK(countEvents(audit, "password_changed", "a1") == 2);
    CHECK(w.serverLog().find("waits for a new password") != std::string::npos);
}

TEST_CASE("accounts: each device has a name, in the device list and the audit") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.ok("laptop", {"init"});
    REQUIRE(login(w, "laptop", "a1", Password, {"--device-name", "may-ke-toan"}).exitCode == 0);
    w.ok("office", {"init"});
    REQUIRE(login(w, "office", "a1", Password).exitCode == 0); // named by its host name
    w.ok("guess", {"init"});
    CHECK(login(w, "guess", "a1", "wrong-password-1", {"--device-name", "may-la"}).exitCode == 6);

    char host[256] = {};
    REQUIRE(gethostname(host, sizeof host - 1) == 0);
    const auto devices = serverJson(w, {"device", "list", "--user", "a1"});
    REQUIRE(devices.size() == 2); // a failed login makes no device
    CHECK(devices[0]["name"] == "may-ke-toan");
    CHECK(devices[1]["name"] == std::string(host));
    // Signing in again under another name renames it; a sync keeps the name.
    REQUIRE(login(w, "laptop", "a1", Password, {"--device-name", "may-ke-toan-2"}).exitCode == 0);
    w.sync("laptop");
    CHECK(serverJson(w, {"device", "list"})[0]["name"] == "may-ke-toan-2");

    REQUIRE(w.server({"device", "revoke", devices[0]["id"]}).exitCode == 0);
    CHECK(w.cli("laptop", {"sync"}).exitCode == 6);
    std::map<std::string, std::vector<std::string>> names; // event -> device names
    for (const auto& e : serverJson(w, {"audit"})) names[e["event"]].push_back(e["device_name"]);
    CHECK(names["login"] == std::vector<std::string>{"may-ke-toan", host, "may-ke-toan-2"});
    CHECK(names["login_failed"] == std::vector<std::string>{"may-la"});
    CHECK(names["revoked"] == std::vector<std::string>{"may-ke-toan-2"});
    CHECK(names["refused_revoked"] == std::vector<std::string>{"may-ke-toan-2"});
}

TEST_CASE("accounts: a protocol-3 client still syncs, and is told to update when its password must change") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    REQUIRE(w.server({"user", "passwd", "a2"}, {{"TDKT_PASSWORD", ResetPassword}}).exitCode == 0);
    w.start();
    {
        Raw raw(w.port());
        raw.write(encodeFrame(Hello{3, schemaVersion(), "tdkt-cli 3"}));
        raw.write(loginV3("a1", Password, 4242));
        auto answer = raw.loginAnswer();
        REQUIRE(answer);
        REQUIRE(std::holds_alternative<LoginOk>(*answer));
        raw.write(encodeFrame(Pull{0, 100, false}));
        auto batch = raw.readOne();
        REQUIRE(batch);
        CHECK(std::holds_alternative<PullBatch>(*batch));
    }
    {
        Raw raw(w.port());
        raw.write(encodeFrame(Hello{3, schemaVersion(), "tdkt-cli 3"}));
        raw.write(loginV3("a2", ResetPassword, 4243));
        auto answer = raw.loginAnswer();
        REQUIRE(answer);
        REQUIRE(std::holds_alternative<ErrorMsg>(*answer));
        CHECK(std::get<ErrorMsg>(*answer).code == ErrorCode::UpdateRequired);
    }
    {
        Raw raw(w.port());
        raw.logIn("a2", ResetPassword, 4244);
        auto answer = raw.loginAnswer();
        REQUIRE(answer);
        REQUIRE(std::holds_alternative<ErrorMsg>(*answer));
        CHECK(std::get<ErrorMsg>(*answer).code == ErrorCode::PasswordChangeRequired);
        // The same session may go on to change it.
        raw.write(encodeFrame(ChangePassword{"a2", ResetPassword, NewPassword, 4244, "raw"}));
        answer = raw.readOne();
        REQUIRE(answer);
        CHECK(std::holds_alternative<LoginOk>(*answer));
    }
    Raw old(w.port());
    old.write(encodeFrame(Hello{2, schemaVersion(), "tdkt-cli 2"}));
    auto got = old.readAll();
    REQUIRE(got.size() == 1);
    REQUIRE(std::holds_alternative<ErrorMsg>(got[0]));
    CHECK(std::get<ErrorMsg>(got[0]).code == ErrorCode::UpdateRequired);
}
}
