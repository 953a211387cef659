// How fast the server takes pushes: the server side of sync_bench's push phase,
// alone on one thread, with no sockets and no TLS. C replicas enter N bench
// records each (3 inspection_plans rows of 6 fields, 5% of ids shared with a
// neighbour, as sync_bench); their ops are cut into push frames of 5,000 ops as
// SyncClient sends them, and the server decodes the frames and applies them
// through Service::applyPushes, one group commit holding one frame of each
// replica (the shape of C concurrent pushes).
//
//   build-bench/bench/push_bench [--clients C] [--records N]
//
// Under callgrind, count the server's work alone (decoding, checking, merging, committing):
//   valgrind --tool=callgrind --collect-atstart=no '--toggle-collect=*serveAll*' build-bench/bench/push_bench --records 1000
#include "sync_bench_data.hpp"

#include "../server/src/sync/service.hpp"

#include "tdkt/protocol/codec.hpp"
#include "tdkt/store/store.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace tdkt;

namespace {

constexpr std::size_t PushOps = 5000;

struct Replica {
    server::SessionState session;
    std::vector<protocol::Bytes> frames;
};

// A frame ends at a row boundary, as SyncClient's (sync_steps.cpp trimToRow).
std::vector<protocol::Bytes> framesOf(const std::vector<Op>& ops) {
    std::vector<protocol::Bytes> frames;
    for (std::size_t at = 0; at < ops.size();) {
        std::size_t end = std::min(at + PushOps, ops.size());
        if (end < ops.size())
            while (end > at + 1 && ops[end - 1].rowId == ops[end].rowId) --end;
        frames.push_back(protocol::encodeFrame(protocol::Push{{ops.begin() + static_cast<std::ptrdiff_t>(at),
                                                               ops.begin() + static_cast<std::ptrdiff_t>(end)}}));
        at = end;
    }
    return frames;
}

// Out of line, so that callgrind can count it alone (--toggle-collect=*serveAll*).
[[gnu::noinline]] std::size_t serveAll(server::Service& service, std::vector<Replica>& replicas) {
    std::size_t refused = 0;
    for (std::size_t round = 0;; ++round) {
        std::vector<server::PushJob> jobs;
        jobs.reserve(replicas.size());
        for (auto& r : replicas) {
            if (round >= r.frames.size()) continue;
            auto d = protocol::decodeFrame(r.frames[round]);
            if (!d.message) throw std::runtime_error("bad frame: " + d.error);
            jobs.push_back({&r.session, std::get<protocol::Push>(std::move(*d.message)), {}, {}});
            jobs.back().checkOps(); // as a session does, before the store's writer
        }
        if (jobs.empty()) return refused;
        std::vector<server::PushJob*> group;
        for (auto& j : jobs) group.push_back(&j);
        service.applyPushes(group);
        for (const auto& j : jobs) {
            const auto* ack = std::get_if<protocol::PushAck>(&j.reply.message);
            if (!ack) throw std::runtime_error("a push failed: " + std::get<protocol::ErrorMsg>(j.reply.message).message);
            refused += ack->rejected.size();
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    std::size_t clients = 8, records = 5000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--clients")) clients = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--records")) records = std::stoul(argv[i + 1]);
    }
    const auto dir = std::filesystem::temp_directory_path() / ("push_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string unit = "bench-unit";
    store::OpenOptions so;
    so.create = true;
    so.serverRole = true;
    so.siteName = "server";
    auto srv = store::Store::open(dir / "server.db", so);
    srv->create("units", {{"name", std::string("Phòng Nội vụ (bench)")}, {"level", std::string("huyen")}}, unit);
    std::vector<Op> unitOps;
    for (auto& l : srv->opsAfter(0, SIZE_MAX)) unitOps.push_back(std::move(l.op));
    server::Accounts accounts(dir / "accounts.sqlite");
    server::Service service(*srv, accounts, [](const std::string&) {});

    const auto w = bench::generate(clients, records, 42);
    std::vector<Replica> replicas(clients);
    std::size_t ops = 0;
    for (std::size_t c = 0; c < clients; ++c) {
        store::OpenOptions oo;
        oo.create = true;
        oo.siteName = "bench-" + std::to_string(c);
        auto source = store::Store::open(dir / ("c" + std::to_string(c) + ".db"), oo);
        source->applyRemote(unitOps); // the unit, as pulled
        store::Store::Batch b{*source};
        for (const auto& rec : w.records[c])
            for (const auto& [id, fields] : bench::recordRows(rec, unit)) source->create("inspection_plans", fields, id);
        b.commit();
        const auto pending = source->pendingOps(SIZE_MAX);
        ops += pending.size();
        replicas[c].frames = framesOf(pending);
        replicas[c].session.welcomed = true;
        replicas[c].session.user = server::User{"u" + std::to_string(c), "officer", unit};
        replicas[c].session.site = source->siteId();
        replicas[c].session.peer = "bench";
    }
    const auto start = std::chrono::steady_clock::now();
    const std::size_t refused = serveAll(service, replicas);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t rows = w.totalRecords() * 3;
    const std::size_t conflicts = srv->count("conflicts", {});
    std::printf("server took %zu ops (%zu rows) from %zu replicas in %.3f s: %.0f ops/s, %.1f us/row, "
                "%zu conflicts, %zu refused\n",
                ops, rows, clients, s, static_cast<double>(ops) / s, s * 1e6 / static_cast<double>(rows), conflicts,
                refused);
    srv.reset();
    std::filesystem::remove_all(dir);
    return refused == 0 ? 0 : 1;
}
