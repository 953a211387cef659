// The app layer's sign-in after an administrator's reset, against a real
// tdkt-server (TLS on loopback): the session says a new password is needed, a
// refused or mistyped one is worded, a good one signs in and sends what was pending.
#include "sync/sync_fixture.hpp"

#include "app/messages.hpp"
#include "app/session.hpp"

#include <doctest/doctest.h>

#include <thread>

namespace tdkt::test {
namespace {
using namespace std::chrono_literals;

// Frames until the worker finished one more attempt (30 s at most).
void waitAttempt(app::Session& s) {
    const auto before = s.bar().syncsDone;
    const auto end = std::chrono::steady_clock::now() + 30s;
    while (s.bar().syncsDone == before && std::chrono::steady_clock::now() < end) {
        s.frame();
        std::this_thread::sleep_for(5ms);
    }
    REQUIRE(s.bar().syncsDone > before);
}

} // namespace

TEST_CASE("app-session: a reset password is replaced at sign-in, nothing pending is lost") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    const auto pending = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    const std::string reset = "Dat-lai-boi-quan-tri-2026";
    REQUIRE(w.server({"user", "passwd", "a1"}, {{"TDKT_PASSWORD", reset}}).exitCode == 0);

    app::Session s({.db = w.dir() / "r1.db", .referenceDir = {}, .period = 0ms, .autoSync = false});
    CHECK_FALSE(s.bar().mustChangePassword);
    s.syncNow();
    waitAttempt(s);
    CHECK(s.bar().mustChangePassword);
    CHECK(s.bar().lastError == app::syncErrorSentence(sync::SyncErrorKind::PasswordChangeRequired, app::Lang::Vi));
    CHECK(s.bar().pending > 0);

    const std::string server = "127.0.0.1:" + std::to_string(w.port());
    const std::string ca = (w.dir() / "cert.pem").string();
    s.changePassword(server, "a1", reset, "Rung-tre-ben-song-26", "Rung-tre-ben-song-62", ca); // mistyped: not sent
    CHECK(s.bar().lastError == app::passwordsDifferSentence(app::Lang::Vi));
    s.changePassword(server, "a1", reset, "ngan", "ngan", ca);
    waitAttempt(s);
    CHECK(s.bar().lastError == "Mật khẩu mới quá ngắn; cần ít nhất 10 ký tự.");
    CHECK(s.bar().mustChangePassword); // still asked for

    s.changePassword(server, "a1", reset, "Rung-tre-ben-song-26", "Rung-tre-ben-song-26", ca);
    waitAttempt(s);
    CHECK(s.bar().lastError.empty());
    CHECK_FALSE(s.bar().mustChangePassword);
    CHECK(s.bar().signedIn);
    CHECK(s.bar().pending == 0);
    CHECK(json::parse(w.serverDump("a1"))["dossiers"].contains(pending));
}

} // namespace tdkt::test
