// Sync under faults, whole processes: kill -9 of tdkt-server in the middle of a
// large push and of a large pull; tdkt-cli against a stalled connection and an
// unreachable server. Every wait is bounded.
#include "fault_proxy.hpp"
#include "faults_fixture.hpp"

#include <fstream>
#include <random>
#include <thread>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::test::faults;
using Clock = std::chrono::steady_clock;

TEST_SUITE("faults") {
TEST_CASE("faults: kill -9 of the server during pushes and pulls loses no acknowledged op, applies none twice") {
    const std::uint64_t seed = 4242;
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.addUser("a2", "officer", "xa-a");
    ServerProc server{w, {}, 0};
    server.start();
    std::vector<Replica> rs;
    rs.push_back(openReplica(w, "p", "a1", "xa-a", "officer"));
    rs.push_back(openReplica(w, "q", "a2", "xa-a", "officer"));
    for (auto& r : rs) {
        sync::SyncClient(*r.store, endpoint(w, server.port, 10s)).login(r.user, Password);
        sync::SyncClient(*r.store, endpoint(w, server.port, 10s)).sync();
    }
    // Runs one sync of `r` in a thread; kills the server once `progress` (a query on
    // the replica's file) reaches `target`, plus a random few ms.
    auto killDuring = [&](Replica& r, const std::string& progress, std::int64_t target) {
        std::atomic<bool> done{false};
        std::thread t([&] {
            try {
                sync::SyncClient(*r.store, endpoint(w, server.port, 10s)).sync();
            } catch (const sync::SyncError&) {
                // the server died under it
            }
            done = true;
        });
        const auto deadline = Clock::now() + 30s;
        auto now = [&] { auto rows = query(r.path, progress); return rows.empty() ? 0 : rows[0][0]; };
        while (!done && now() < target && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 15));
        const bool early = done;
        server.kill9();
        t.join();
        MESSAGE(r.name << ": killed at " << now() << " (target " << target << ")" << std::string(early ? ", late" : ""));
        server.start();
    };
    const std::string acked = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'acked_seq'";
    const std::string cursor = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'pull_cursor'";
    for (int round = 0; round < 2; ++round) {
        {
            store::Store::Batch b{*rs[0].store};
            for (int i = 0; i < 2000; ++i)
                rs[0].store->create("dossiers", {{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"},
                                                 {"nominee_name", "Hồ sơ " + std::to_string(round * 10000 + i)},
                                                 {"award_code", "giay_khen"}, {"year", std::int64_t{2025}},
                                                 {"status", i % 50 ? "draft" : "approved"}}); // some refused
            b.commit();
        }
        const auto total = static_cast<std::int64_t>(rs[0].store->pendingCount());
        const auto before = query(rs[0].path, acked);
        const std::int64_t base = before.empty() ? 0 : before[0][0];
        killDuring(rs[0], acked, base + 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total * 3 / 4)));
        // Every op the client saw acknowledged is in the log of the restarted server.
        const auto ack = query(rs[0].path, acked).at(0).at(0);
        const auto site = std::to_string(static_cast<std::int64_t>(rs[0].store->siteId()));
        const auto held = query(server.db(), "SELECT count(*) FROM ops WHERE site = " + site + " AND seq <= " +
                                                 std::to_string(ack)).at(0).at(0) +
                          query(server.db(), "SELECT count(*) FROM refused_ops WHERE site = " + site + " AND seq <= " +
                                                 std::to_string(ack)).at(0).at(0);
        CHECK(held == ack);
        sync::SyncClient(*rs[0].store, endpoint(w, server.port, 10s)).sync(); // resumes
        const auto from = query(rs[1].path, cursor).at(0).at(0);
        const auto last = query(server.db(), "SELECT max(local_seq) FROM ops").at(0).at(0);
        killDuring(rs[1], cursor, from + 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>((last - from) * 3 / 4)));
        requireConverged(w, rs, endpoint(w, server.port, 10s), "round " + std::to_string(round));
        requireNoDuplicateNoLoss(server.db(), rs, "round " + std::to_string(round));
    }
    server.stop();
}


TEST_CASE("faults: tdkt-cli through the proxy: broken syncs retried, a stall times out, an unreachable server") {
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    w.start();
    auto proxy = std::make_unique<FaultProxy>(w.port(), 5);
    auto login = [&](int port) {
        w.ok("c", {"login", "--server", "127.0.0.1:" + std::to_string(port), "--user", "a1", "--ca-file",
                   (w.dir() / "cert.pem").string()},
             {{"TDKT_PASSWORD", Password}});
    };
    w.ok("c", {"init", "--site-name", "c"});
    login(proxy->port());
    w.sync("c");
    auto pending = [&] { return store::Store::open(w.dir() / "c.db")->pendingCount(); };
    auto edit = [&](int first, int count) { // `count` new dossiers through tdkt-cli import
        std::ofstream out(w.dir() / "new.jsonl");
        for (int i = first; i < first + count; ++i)
            out << nlohmann::json{{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"award_code", "giay_khen"},
                                  {"nominee_name", "Vũ Thị " + std::to_string(i)}, {"year", 2025}, {"status", "draft"}}
                << "\n";
        out.close();
        w.ok("c", {"import", "dossiers", (w.dir() / "new.jsonl").string()});
    };
    // Cuts and delays: every failed sync exits 7 with a message; a retry completes.
    proxy->setOptions({.cut = 0.8, .within = 4000, .delay = 0.3, .maxDelay = 10ms});
    for (int round = 0; round < 5; ++round) {
        edit(round * 100, 10);
        bool done = false;
        for (int attempt = 0; attempt < 30 && !done; ++attempt) {
            auto r = w.cli("c", {"sync"});
            done = r.exitCode == 0;
            if (!done) CHECK_MESSAGE((r.exitCode == 7 && r.err.rfind("tdkt-cli: error: ", 0) == 0), r.exitCode << r.err);
        }
        REQUIRE(done);
        CHECK(pending() == 0);
    }
    MESSAGE("tdkt-cli: " << proxy->stats().cuts << " cuts in " << proxy->stats().connections << " connections");
    CHECK(w.ok("c", {"dump"}) == w.serverDump("a1"));

    // A stall in the middle of the push: a timeout with a message in 30 s (+ margin).
    edit(1000, 200);
    const auto before = pending();
    const auto dump = w.ok("c", {"dump"});
    proxy->setOptions({.stallAfterClientBytes = 3000});
    auto t0 = Clock::now();
    auto r = w.cli("c", {"sync"});
    const auto took = Clock::now() - t0;
    CHECK(r.exitCode == 7);
    CHECK_MESSAGE(r.err.find("stalled") != std::string::npos, r.err);
    CHECK(took >= 25s);
    CHECK(took < 45s);
    CHECK(pending() == before);
    CHECK(w.ok("c", {"dump"}) == dump);
    CHECK(proxy->stats().stalls >= 1);
    proxy->setOptions({});
    proxy->dropAll();
    CHECK(w.sync("c")["pushed"] == before);

    // The server's port closed: a quick, clear failure that changes nothing.
    edit(5000, 1);
    const auto before2 = pending();
    const auto dump2 = w.ok("c", {"dump"});
    proxy.reset();
    t0 = Clock::now();
    r = w.cli("c", {"sync"});
    CHECK(r.exitCode == 7);
    CHECK_MESSAGE(r.err.find("cannot reach the server") != std::string::npos, r.err);
    CHECK(Clock::now() - t0 < 5s);
    CHECK(pending() == before2);
    CHECK(w.ok("c", {"dump"}) == dump2);
    login(w.port());
    CHECK(w.sync("c")["pushed"] == before2);
    CHECK(w.ok("c", {"dump"}) == w.serverDump("a1"));
    w.stop();
}
}
