// Sync under faults: a proxy that cuts, delays and stalls connections between
// replicas and a real tdkt-server (TLS on loopback). Seeded randomized runs of
// offline edits converge with no duplicate and no lost op; a push acknowledgement
// cut at any byte loses no refusal. Every run is bounded; a failure names its seed.
#include "fault_proxy.hpp"
#include "faults_fixture.hpp"

#include "tdkt/core/error.hpp"

#include <random>

using namespace tdkt;
using namespace tdkt::test;
using namespace tdkt::test::faults;

namespace {

std::string pick(std::mt19937_64& rng, const std::vector<std::string>& from) { return from[rng() % from.size()]; }

// One random offline edit, as its user would make it; some are meant to be refused.
void randomEdit(Replica& r, std::mt19937_64& rng, int n) {
    auto& s = *r.store;
    std::vector<std::string> dossiers, people;
    for (const auto& row : s.list("dossiers")) dossiers.push_back(row.id);
    for (const auto& row : s.list("people")) people.push_back(row.id);
    const auto roll = rng() % 100;
    const std::string tag = r.name + "#" + std::to_string(n);
    if (r.role == "reviewer") {
        if (dossiers.empty()) return;
        const auto d = pick(rng, dossiers);
        if (roll < 50) s.update("dossiers", d, {{"status", pick(rng, {"under_review", "returned", "approved"})}});
        else if (roll < 85) s.update("dossiers", d, {{"decision_number", std::to_string(n) + "/QĐ-UBND"}});
        else s.update("dossiers", d, {{"summary", "reviewer " + tag}}); // refused: the unit's own field
        return;
    }
    if (roll < 12 || people.empty()) {
        s.create("people", {{"unit_id", r.unit}, {"full_name", "Người " + tag}, {"birth_year", std::int64_t{1980}}});
    } else if (roll < 25 || dossiers.empty()) {
        s.create("dossiers", {{"unit_id", r.unit}, {"nominee_kind", "ca_nhan"}, {"nominee_name", "Hồ sơ " + tag},
                              {"award_code", "giay_khen"}, {"year", std::int64_t{2025}}, {"status", "draft"}});
    } else if (roll < 55) {
        const auto field = pick(rng, {"summary", "nominee_name"});
        s.update("dossiers", pick(rng, dossiers), {{field, field + " " + tag}});
    } else if (roll < 62) {
        s.update("dossiers", pick(rng, dossiers), {{"period_from_year", static_cast<std::int64_t>(2015 + rng() % 10)}});
    } else if (roll < 72) {
        s.update("people", pick(rng, people), {{pick(rng, {"position", "phone"}), "giá trị " + tag}});
    } else if (roll < 80) {
        if (roll % 2) s.remove("dossiers", pick(rng, dossiers));
        else s.remove("people", pick(rng, people));
    } else if (roll < 90) {
        s.update("dossiers", pick(rng, dossiers), {{"status", "submitted"}});
    } else if (roll < 95) {
        s.update("dossiers", pick(rng, dossiers), {{"status", "approved"}}); // refused: its own dossier
    } else {
        s.create("people", {{"unit_id", "tinh-p"}, {"full_name", "Ngoài " + tag}}); // refused: not its unit
    }
}


} // namespace

TEST_SUITE("faults") {
TEST_CASE("faults: seeded randomized runs through a cutting, delaying, stalling proxy converge, lose nothing") {
    for (std::uint64_t seed : {11u, 2024u, 777u}) {
        const std::string ctx = "seed " + std::to_string(seed);
        INFO(ctx);
        SyncWorld w;
        w.addUnit("tinh-p", "tinh");
        w.addUnit("xa-a", "xa", "tinh-p");
        w.addUnit("xa-b", "xa", "tinh-p");
        w.addUser("a1", "officer", "xa-a");
        w.addUser("a2", "officer", "xa-a");
        w.addUser("b1", "officer", "xa-b");
        w.addUser("rev", "reviewer", "tinh-p");
        ServerProc server{w, {}, 0};
        server.start();
        FaultProxy proxy(server.port, seed);
        proxy.setOptions({.cut = 0.4, .stall = 0.08, .within = 100000, .delay = 0.2, .maxDelay = 20ms});
        auto faulty = endpoint(w, proxy.port(), 1500ms);
        std::vector<Replica> rs;
        rs.push_back(openReplica(w, "r1", "a1", "xa-a", "officer"));
        rs.push_back(openReplica(w, "r2", "a2", "xa-a", "officer"));
        rs.push_back(openReplica(w, "r3", "b1", "xa-b", "officer"));
        rs.push_back(openReplica(w, "r4", "rev", "tinh-p", "reviewer"));
        for (auto& r : rs) {
            retry(ctx + " login " + r.name, [&] { return sync::SyncClient(*r.store, faulty).login(r.user, Password); }, &faulty);
            retry(ctx + " sync " + r.name, [&] { return sync::SyncClient(*r.store, faulty).sync(); }, &faulty); // units
        }
        std::mt19937_64 rng(seed);
        int edits = 0;
        for (int round = 0; round < 4; ++round) {
            for (auto& r : rs)
                for (int i = 0; i < 12; ++i) {
                    try {
                        randomEdit(r, rng, edits++);
                    } catch (const Error&) {
                        // an edit the local store refuses (a row deleted meanwhile): not sent
                    }
                }
            std::vector<std::size_t> order{0, 1, 2, 3};
            std::shuffle(order.begin(), order.end(), rng);
            for (auto i : order)
                retry(ctx + " sync " + rs[i].name, [&] { return sync::SyncClient(*rs[i].store, faulty).sync(); }, &faulty);
        }
        const auto stats = proxy.stats();
        MESSAGE(ctx << ": " << stats.connections << " connections, " << stats.cuts << " cut, " << stats.stalls
                    << " stalled, " << stats.delays << " chunks delayed");
        CHECK(stats.cuts > 0);
        requireConverged(w, rs, endpoint(w, server.port, 10s), ctx);
        requireNoDuplicateNoLoss(server.db(), rs, ctx);
        server.stop();
    }
}

TEST_CASE("faults: a push whose acknowledgement is lost still reports its refused ops") {
    SyncWorld w;
    w.addUnit("tinh-p", "tinh");
    w.addUnit("xa-a", "xa", "tinh-p");
    w.addUser("a1", "officer", "xa-a");
    ServerProc server{w, {}, 0};
    server.start();
    FaultProxy proxy(server.port, 1);
    std::vector<Replica> rs;
    rs.push_back(openReplica(w, "p", "a1", "xa-a", "officer"));
    auto& s = *rs[0].store;
    const auto direct = endpoint(w, server.port, 10s), proxied = endpoint(w, proxy.port(), 2s);
    sync::SyncClient(s, direct).login("a1", Password);
    sync::SyncClient(s, direct).sync();
    const auto d = s.create("dossiers", {{"unit_id", "xa-a"}, {"nominee_kind", "ca_nhan"}, {"nominee_name", "Đinh Văn Năm"},
                                         {"award_code", "giay_khen"}, {"year", std::int64_t{2025}}, {"status", "draft"}});
    int n = 0;
    auto editPair = [&] { // one accepted edit, one refused (approving its own dossier)
        s.update("dossiers", d, {{"summary", "lần " + std::to_string(++n)}, {"status", "approved"}});
    };
    editPair();
    sync::SyncClient(s, direct).sync();
    // A whole session's bytes server → client; the PushAck is in its last few hundred.
    editPair();
    const auto before = proxy.stats().down;
    sync::SyncClient(s, proxied).sync();
    const auto total = proxy.stats().down - before;
    // Cut the server's answer at every few bytes of that tail, then sync directly.
    for (std::uint64_t at = total - std::min<std::uint64_t>(total, 400); at < total; at += 4) {
        editPair();
        proxy.setOptions({.cutAfterServerBytes = at});
        try {
            sync::SyncClient(s, proxied).sync();
        } catch (const sync::SyncError&) {
            // the answer was cut
        }
        proxy.setOptions({});
        sync::SyncClient(s, direct).sync();
        REQUIRE_MESSAGE(s.rejectedChanges().size() == static_cast<std::size_t>(n), "cut at byte " << at << " of " << total);
    }
    requireConverged(w, rs, direct, "lost ack");
    requireNoDuplicateNoLoss(server.db(), rs, "lost ack");
    server.stop();
}
}

