#pragma once
// Helpers of the fault tests (test_sync_faults*.cpp): tdkt-server as a child to
// kill -9 and restart, in-process replicas, read-only looks at SQLite files, and
// the checks every fault test ends with (converged, no duplicate, no lost op).
#include "sync_fixture.hpp"

#include "tdkt/json/dump.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <set>

namespace tdkt::test::faults {

using namespace std::chrono_literals;
using Rows = std::vector<std::vector<std::int64_t>>;

// Integer rows of a query on a SQLite file that another connection may be writing.
inline Rows query(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    Rows out;
    REQUIRE_MESSAGE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK, file);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW) {
        auto& row = out.emplace_back();
        for (int i = 0; i < sqlite3_column_count(st); ++i) row.push_back(sqlite3_column_int64(st, i));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

inline std::set<std::int64_t> seqs(const std::filesystem::path& file, const std::string& sql) {
    std::set<std::int64_t> out;
    for (const auto& r : query(file, sql)) out.insert(r.at(0));
    return out;
}

// tdkt-server on the fixture's data dir, as a child we may kill -9 and restart.
struct ServerProc {
    SyncWorld& w;
    std::unique_ptr<Child> child;
    int port = 0;

    void start() {
        child = std::make_unique<Child>(
            std::vector<std::string>{TDKT_SERVER, "--data", (w.dir() / "srv").string(), "serve", "--listen",
                                     "127.0.0.1:0", "--cert", (w.dir() / "cert.pem").string(), "--key",
                                     (w.dir() / "key.pem").string()},
            std::map<std::string, std::string>{}, (w.dir() / "server.log").string());
        const std::string line = child->readLine(20s);
        REQUIRE_MESSAGE(line.rfind("listening 127.0.0.1:", 0) == 0, "server said: " << line << w.serverLog());
        port = std::stoi(line.substr(line.rfind(':') + 1));
    }
    void kill9() {
        child->kill(SIGKILL);
        child->wait(10s);
        child.reset();
    }
    void stop() {
        child->kill(SIGTERM);
        CHECK(child->wait(20s) == 0);
        child.reset();
    }
    std::filesystem::path db() const { return w.dir() / "srv" / "server.tdkt"; }
};

// An in-process replica (the client library on its own SQLite file).
struct Replica {
    std::string name, user, unit, role;
    std::filesystem::path path;
    std::unique_ptr<store::Store> store;
};

inline Replica openReplica(SyncWorld& w, std::string name, std::string user, std::string unit, std::string role) {
    Replica r{std::move(name), std::move(user), std::move(unit), std::move(role), {}, {}};
    r.path = w.dir() / (r.name + ".db");
    r.store = store::Store::open(r.path, {.create = true, .siteName = r.name});
    return r;
}

inline sync::Endpoint endpoint(const SyncWorld& w, int port, std::chrono::milliseconds timeout) {
    sync::Endpoint ep;
    ep.host = "127.0.0.1";
    ep.port = static_cast<std::uint16_t>(port);
    ep.caFile = (w.dir() / "cert.pem").string();
    ep.timeout = timeout;
    return ep;
}

// Retries a login or sync that the network broke; any other failure is a bug. When
// `grow` is given, each time-out of this step doubles its time-out (to 30 s at most),
// and the step's end puts it back: on a loaded machine a login's password hash alone
// can outlast a short stall time-out, and then every attempt would time out alike.
template <class F>
auto retry(const std::string& what, F&& step, sync::Endpoint* grow = nullptr) {
    struct Restore {
        sync::Endpoint* ep;
        std::chrono::milliseconds was;
        ~Restore() { if (ep) ep->timeout = was; }
    } restore{grow, grow ? grow->timeout : std::chrono::milliseconds(0)};
    std::string last;
    for (int attempt = 0; attempt < 60; ++attempt) {
        try {
            return step();
        } catch (const sync::SyncError& e) {
            last = e.what();
            using K = sync::SyncErrorKind;
            REQUIRE_MESSAGE((e.kind() == K::Unreachable || e.kind() == K::Timeout || e.kind() == K::Tls),
                            what << ": " << e.what());
            if (grow && e.kind() == K::Timeout)
                grow->timeout = std::min(grow->timeout * 2, std::chrono::milliseconds(30000));
        }
    }
    FAIL(what << ": still failing after 60 attempts: " << last);
    return step();
}

// Each (site, seq) once in the server log, server_seq gap-free; every op each
// replica made is in the log, or refused there and listed in its `rejected`.
inline void requireNoDuplicateNoLoss(const std::filesystem::path& serverDb, std::vector<Replica>& replicas,
                              const std::string& ctx) {
    CHECK_MESSAGE(query(serverDb, "SELECT site, seq FROM ops GROUP BY site, seq HAVING count(*) > 1").empty(), ctx);
    auto gap = query(serverDb, "SELECT count(*), coalesce(max(local_seq), 0) FROM ops").at(0);
    CHECK_MESSAGE(gap[0] == gap[1], ctx << ": the server log has gaps");
    for (auto& r : replicas) {
        const auto site = std::to_string(static_cast<std::int64_t>(r.store->siteId()));
        const auto mine = seqs(r.path, "SELECT seq FROM ops WHERE site = " + site);
        const auto logged = seqs(serverDb, "SELECT seq FROM ops WHERE site = " + site);
        const auto refused = seqs(serverDb, "SELECT seq FROM refused_ops WHERE site = " + site);
        const auto listed = seqs(r.path, "SELECT seq FROM rejected");
        std::size_t lost = 0, unlisted = 0;
        for (auto seq : mine) {
            if (!logged.count(seq) && !refused.count(seq)) ++lost;
            if (refused.count(seq) && !listed.count(seq)) ++unlisted;
        }
        CHECK_MESSAGE(lost == 0, ctx << ": " << lost << " ops of " << r.name << " are not on the server");
        CHECK_MESSAGE(unlisted == 0, ctx << ": " << unlisted << " refused ops of " << r.name << " not in `rejected`");
        CHECK_MESSAGE(r.store->pendingCount() == 0, ctx << ": " << r.name << " still has pending ops");
    }
}

inline void requireConverged(SyncWorld& w, std::vector<Replica>& replicas, const sync::Endpoint& ep, const std::string& ctx) {
    for (int round = 0; round < 2; ++round)
        for (auto& r : replicas) sync::SyncClient(*r.store, ep).sync();
    for (auto& r : replicas) {
        const auto mine = tdkt::json::dumpText(*r.store) + "\n", theirs = w.serverDump(r.user); // as tdkt-cli dump
        if (mine == theirs) continue;
        std::string diff; // the first rows that differ, not two whole dumps
        const auto a = nlohmann::json::parse(mine), b = nlohmann::json::parse(theirs);
        for (const auto& [table, rows] : b.items())
            for (const auto& id : (a[table].is_object() ? a[table] : rows).items())
                if (diff.size() < 1500 && a[table].value(id.key(), nlohmann::json()) != rows.value(id.key(), nlohmann::json()))
                    diff += "\n" + table + "/" + id.key() + ": here " + a[table].value(id.key(), nlohmann::json()).dump() +
                            "\n  server " + rows.value(id.key(), nlohmann::json()).dump();
        FAIL_CHECK(ctx << ": " << r.name << " (" << r.user << ") differs from the server:" << diff);
    }
}


} // namespace tdkt::test::faults
