// The app layer when an administrator disables the account, against a real
// tdkt-server (TLS on loopback): the sync bar says so in Vietnamese, the replica
// is signed out with no rows left, and what was pending is a refused change.
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

TEST_CASE("app-session: a disabled account is told in Vietnamese, signed out, its pending change kept as refused") {
    SyncWorld w;
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    w.replica("r1", "a1");
    const auto pending = w.newDossier("r1", "xa-a", "Nguyễn Văn Một");
    REQUIRE(w.server({"user", "disable", "a1"}).exitCode == 0);

    app::Session s({.db = w.dir() / "r1.db", .referenceDir = {}, .period = 0ms, .autoSync = false});
    REQUIRE(s.bar().signedIn);
    CHECK(s.bar().pending > 0);
    s.syncNow();
    waitAttempt(s);
    CHECK(s.bar().lastError == app::syncErrorSentence(sync::SyncErrorKind::AccountDisabled, app::Lang::Vi));
    CHECK(s.bar().lastError.find("vô hiệu hóa") != std::string::npos);
    CHECK_FALSE(s.bar().signedIn);
    CHECK(s.bar().pending == 0);
    CHECK(w.rows("r1", "dossiers").empty());
    bool kept = false;
    for (const auto& r : json::parse(w.ok("r1", {"rejected"})))
        kept |= r["row_id"] == pending && r["field"] == "nominee_name" && r["value"] == "Nguyễn Văn Một" &&
                r["reason_kind"] == "account.disabled";
    CHECK(kept);
}

} // namespace tdkt::test
