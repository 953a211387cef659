// The sync worker against a real tdkt-server (TLS on loopback): a sync on demand
// reports phases, records and bytes through the run queue; a login on the worker;
// cancel between batches; backoff while the server is away, then periodic syncs.
// SyncClient's progress hook is checked on its own too (it can stop a sync).
#include "sync/sync_fixture.hpp"

#include "app/messages.hpp"
#include "app/sync_worker.hpp"

#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <thread>
#include <vector>

namespace tdkt::test {
namespace {
using namespace std::chrono_literals;
using app::SyncResult;

struct Inbox {
    app::RunQueue queue;
    std::vector<sync::SyncProgress> progress;
    std::vector<SyncResult> results;

    app::SyncWorker::Listener listener() {
        return {[this](const sync::SyncProgress& p) { progress.push_back(p); },
                [this](const SyncResult& r) { results.push_back(r); }};
    }
    /** Drains the queue as a frame loop would, until `n` results came (or 30 s). */
    void waitResults(std::size_t n) {
        const auto end = std::chrono::steady_clock::now() + 30s;
        while (results.size() < n && std::chrono::steady_clock::now() < end) {
            queue.run();
            std::this_thread::sleep_for(5ms);
        }
        REQUIRE(results.size() >= n);
    }
};

std::size_t pending(const std::filesystem::path& db) { return store::Store::open(db)->pendingCount(); }

struct World {
    SyncWorld w;
    World() {
        w.addUnit("tinh-p", "tinh");
        w.addUnit("xa-a", "xa", "tinh-p");
        w.addUser("a1", "officer", "xa-a");
        w.addUser("a2", "officer", "xa-a");
        w.start();
    }
    std::filesystem::path db(const std::string& r) const { return w.dir() / (r + ".db"); }
};

} // namespace

TEST_SUITE("app-sync") {
TEST_CASE("app-sync: a sync on demand reports phases, records and bytes, and pushes the edits") {
    World x;
    x.w.replica("r1", "a1");
    x.w.newDossier("r1", "xa-a", "Nguyễn Văn Đình");
    x.w.newDossier("r1", "xa-a", "Trần Thị Hương");
    REQUIRE(pending(x.db("r1")) > 0);

    Inbox in;
    app::SyncWorker worker({.db = x.db("r1"), .period = 0ms, .autoStart = false}, in.queue, in.listener());
    CHECK_FALSE(worker.busy());
    worker.syncNow();
    CHECK(worker.busy());
    in.waitResults(1);
    const auto& r = in.results[0];
    REQUIRE_MESSAGE(r.outcome == SyncResult::Outcome::Done,
                    (r.error ? app::describeError(r.error, app::Lang::En).detail : ""));
    CHECK(r.counts.pushed > 0);
    CHECK(r.counts.bytesSent > 0);
    CHECK_FALSE(r.retryIn); // no period: only on demand
    CHECK(pending(x.db("r1")) == 0);
    in.queue.run();
    CHECK_FALSE(worker.busy());

    bool pushing = false, pulling = false;
    std::uint64_t lastBytes = 0;
    for (const auto& p : in.progress) {
        pushing |= p.phase == sync::SyncPhase::Pushing;
        pulling |= p.phase == sync::SyncPhase::Pulling;
        CHECK(p.bytes >= lastBytes);
        lastBytes = p.bytes;
    }
    CHECK(pushing);
    CHECK(pulling);
    CHECK(in.progress.back().records >= r.counts.pushed);
    CHECK(in.progress.back().bytes > 0);
    CHECK(x.w.serverDump("a1").find("Nguyễn Văn Đình") != std::string::npos);
}

TEST_CASE("app-sync: signing in on the worker saves the session and pulls, a wrong password is worded") {
    World x;
    x.w.replica("r1", "a1");
    x.w.newDossier("r1", "xa-a", "Lê Văn Đông");
    x.w.sync("r1");
    x.w.ok("r2", {"init", "--site-name", "r2"});

    Inbox in;
    app::SyncWorker worker({.db = x.db("r2"), .period = 0ms}, in.queue, in.listener());
    in.waitResults(1); // autoStart on a replica never signed in: offline, worded
    CHECK(in.results[0].outcome == SyncResult::Outcome::Failed);
    CHECK(app::describeError(in.results[0].error, app::Lang::Vi).sentence ==
          app::syncErrorSentence(sync::SyncErrorKind::NotLoggedIn, app::Lang::Vi));

    sync::Endpoint ep{.host = "127.0.0.1", .port = static_cast<std::uint16_t>(x.w.port()),
                      .caFile = (x.w.dir() / "cert.pem").string()};
    worker.login(ep, "a2", "not-the-password-at-all");
    in.waitResults(2);
    REQUIRE(in.results[1].outcome == SyncResult::Outcome::Failed);
    CHECK(app::describeError(in.results[1].error, app::Lang::Vi).sentence == "Tên đăng nhập hoặc mật khẩu không đúng.");
    CHECK_FALSE(in.results[1].retryIn); // a wrong password is not retried

    worker.login(ep, "a2", Password);
    in.waitResults(3);
    const auto& ok = in.results[2];
    REQUIRE(ok.outcome == SyncResult::Outcome::Done);
    REQUIRE(ok.login);
    CHECK(ok.login->user == "a2");
    CHECK(ok.login->role == "officer");
    CHECK(ok.counts.pulled > 0);
    auto s = store::Store::open(x.db("r2"));
    CHECK(s->setting("user") == "a2");
    CHECK(s->count("dossiers") == 1);
}

TEST_CASE("app-sync: the server away is retried with a growing backoff, then synced periodically") {
    World x;
    x.w.replica("r1", "a1");
    x.w.stop();
    x.w.newDossier("r1", "xa-a", "Phạm Thị Lan");

    Inbox in;
    app::SyncWorker worker({.db = x.db("r1"), .period = 300ms, .backoffFirst = 200ms, .backoffMax = 400ms},
                           in.queue, in.listener());
    in.waitResults(3);
    for (int i = 0; i < 3; ++i) {
        REQUIRE(in.results[i].outcome == SyncResult::Outcome::Failed);
        CHECK(app::describeError(in.results[i].error, app::Lang::Vi).sentence ==
              app::syncErrorSentence(sync::SyncErrorKind::Unreachable, app::Lang::Vi));
        REQUIRE(in.results[i].retryIn);
    }
    CHECK(*in.results[0].retryIn <= 200ms);
    CHECK(*in.results[0].retryIn > 100ms);
    CHECK(*in.results[1].retryIn > 300ms); // doubled
    CHECK(*in.results[2].retryIn <= 400ms); // capped
    CHECK(*in.results[2].retryIn > 300ms);
    CHECK(pending(x.db("r1")) > 0); // nothing lost, nothing sent

    x.w.start(); // the same port
    const std::size_t before = in.results.size();
    in.waitResults(before + 1);
    std::size_t done = before;
    while (done < in.results.size() && in.results[done].outcome != SyncResult::Outcome::Done) ++done;
    in.waitResults(done + 1);
    REQUIRE(in.results[done].outcome == SyncResult::Outcome::Done);
    CHECK(in.results[done].counts.pushed > 0);
    CHECK(pending(x.db("r1")) == 0);
    // No demand from here on: the period brings more syncs while the server answers.
    in.waitResults(done + 3);
    CHECK(in.results[done + 1].outcome == SyncResult::Outcome::Done);
    CHECK(in.results[done + 2].outcome == SyncResult::Outcome::Done);
    CHECK(*in.results[done + 2].retryIn <= 300ms);
}

TEST_CASE("app-sync: a progress hook returning false stops the sync between batches, committed") {
    World x;
    x.w.replica("r1", "a1");
    x.w.replica("r2", "a2");
    x.w.newDossier("r1", "xa-a", "Đỗ Văn Hải");
    x.w.newDossier("r2", "xa-a", "Vũ Thị Ngọc");
    x.w.sync("r2");
    auto s = store::Store::open(x.db("r1"));
    const auto cursor = s->setting("pull_cursor");
    {
        sync::SyncClient client(*s);
        client.setProgress([](const sync::SyncProgress& p) { return p.phase != sync::SyncPhase::Pulling; });
        CHECK_THROWS_AS(client.sync(), sync::SyncCancelled);
    }
    CHECK(s->pendingCount() == 0);                 // the push was done and acknowledged
    CHECK(s->setting("pull_cursor") == cursor);    // the pull never started
    {
        sync::SyncClient client(*s);
        int calls = 0;
        client.setProgress([&](const sync::SyncProgress&) { return ++calls > 0; });
        auto counts = client.sync();
        CHECK(counts.pulled > 0); // r2's dossier
        CHECK(calls >= 3);        // connecting, pushing, pulling and each batch
    }
    CHECK(s->setting("pull_cursor") != cursor);

    // The worker's cancel drops a sync asked for and not started yet.
    Inbox in;
    app::SyncWorker worker({.db = x.db("r1"), .period = 0ms, .autoStart = false}, in.queue, in.listener());
    worker.cancel();
    std::this_thread::sleep_for(200ms);
    in.queue.run();
    CHECK(in.results.empty());
}
TEST_CASE("app-sync: now and then a sync is a replica check that mends a damaged row") {
    World x;
    x.w.replica("r1", "a1");
    const auto id = x.w.newDossier("r1", "xa-a", "Lê Văn Tám");
    x.w.sync("r1");
    // The damage, in the file, as a bug or a restored copy would leave it.
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(x.db("r1").c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, ("UPDATE dossiers SET nominee_name = 'hỏng' WHERE id = '" + id + "'").c_str(), nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);

    Inbox in;
    app::SyncWorker worker({.db = x.db("r1"), .period = 0ms, .autoStart = false, .checkEvery = 1h}, in.queue,
                           in.listener());
    worker.syncNow();
    in.waitResults(1);
    REQUIRE(in.results[0].outcome == SyncResult::Outcome::Done);
    REQUIRE(in.results[0].check);
    CHECK(in.results[0].check->differences.size() == 1);
    CHECK(in.results[0].check->repaired == 1);
    CHECK(in.results[0].check->clean);
    CHECK(x.w.rows("r1", "dossiers")[id]["nominee_name"] == "Lê Văn Tám");
    // Checked: the next sync within the hour is a plain one.
    worker.syncNow();
    in.waitResults(2);
    CHECK(in.results[1].outcome == SyncResult::Outcome::Done);
    CHECK_FALSE(in.results[1].check);
}
}

} // namespace tdkt::test
