// A login's password check (argon2id, tens of ms and 64 MiB) runs off the store's
// strand: replicas syncing are not held up while others log in, however many do.
#include "raw_session.hpp"
#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::protocol;

TEST_CASE("a pull is served while other sessions' passwords are being checked") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.serveArgs = {"--delay-after", "100", "--lock-after", "100"}; // every wrong login is checked here
    w.start();

    Raw syncing(w.port());
    syncing.logIn("a1", Password, 0x1001);
    auto ok = syncing.loginAnswer();
    REQUIRE(ok);
    REQUIRE(std::holds_alternative<LoginOk>(*ok));

    // Six logins with a wrong password: each is a full argon2id check, one after
    // another (the server runs one at a time), so the last answer is ~6 hashes away.
    constexpr int Logins = 6;
    std::vector<std::unique_ptr<Raw>> logins;
    for (int i = 0; i < Logins; ++i) {
        logins.push_back(std::make_unique<Raw>(w.port()));
        logins.back()->logIn("a1", "wrong", static_cast<SiteId>(0x2000 + i));
    }
    for (auto& l : logins) REQUIRE(l->readOne()); // Welcome: their Login frames come next
    std::this_thread::sleep_for(std::chrono::milliseconds(30)); // the checks are under way or queued

    const auto start = std::chrono::steady_clock::now();
    syncing.write(encodeFrame(Pull{0, 1000}));
    auto batch = syncing.readOne();
    const auto pulled = std::chrono::steady_clock::now() - start;
    REQUIRE(batch);
    CHECK(std::holds_alternative<PullBatch>(*batch));

    // Every login is answered, and refused.
    for (auto& l : logins) {
        auto refused = l->readOne();
        REQUIRE(refused);
        REQUIRE(std::holds_alternative<ErrorMsg>(*refused));
        CHECK(std::get<ErrorMsg>(*refused).code == ErrorCode::BadCredentials);
    }
    const auto checked = std::chrono::steady_clock::now() - start;
    // Had the checks run on the store's strand, the pull would have waited behind all
    // six (pulled ≈ checked); here it waits for none.
    const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    CHECK_MESSAGE(pulled * 3 < checked, "pull answered after ", ms(pulled), " ms, the logins after ", ms(checked),
                  " ms");
}

TEST_CASE("replicas logging in at once all get sessions, an unknown user is refused like a wrong password") {
    SyncWorld w(false);
    w.addUnit("xa-a", "xa");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    // Several replicas logging in at once all get their sessions.
    std::vector<std::unique_ptr<Raw>> sessions;
    for (int i = 0; i < 4; ++i) {
        sessions.push_back(std::make_unique<Raw>(w.port()));
        sessions.back()->logIn("a1", Password, static_cast<SiteId>(0x3000 + i));
    }
    for (auto& s : sessions) {
        auto ok = s->loginAnswer();
        REQUIRE(ok);
        CHECK(std::holds_alternative<LoginOk>(*ok));
    }
    // An unknown user costs a check too and gets the same answer as a wrong password.
    Raw unknown(w.port());
    unknown.logIn("nobody", Password, 0x4000);
    auto refused = unknown.loginAnswer();
    REQUIRE(refused);
    REQUIRE(std::holds_alternative<ErrorMsg>(*refused));
    CHECK(std::get<ErrorMsg>(*refused).code == ErrorCode::BadCredentials);
    CHECK(std::get<ErrorMsg>(*refused).message == "wrong user name or password");
}
