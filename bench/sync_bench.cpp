// sync_bench (issue 4): C in-process clients, each its own SQLite replica,
// SyncClient and thread, against a real tdkt-server process over loopback TLS.
//   sync_bench --clients C --records N [--input FILE.jsonl] [--units U] [--keep]
// Phases: push all, pull all, an edit round (push + pull); then every replica's
// dump is compared with the server's dump --as its user. See bench/README.md.
#include "bench_process.hpp"
#include "sync_bench_data.hpp"

#include "tdkt/json/dump.hpp"
#include "tdkt/store/store.hpp"
#include "tdkt/sync/sync_client.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <latch>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;
using namespace tdkt;
using namespace tdkt::bench;

namespace {

constexpr const char* Unit = "bench-unit";
constexpr const char* Password = "bench-pw-2026-xanh"; // the server refuses passwords under 10 characters

struct Options {
    std::size_t clients = 8, records = 5000;
    fs::path input;
    std::size_t units = 0; // other units of the province around the bench unit (a big tree for rights)
    bool keep = false;
};

struct Client {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<sync::SyncClient> sync;
};

struct PhaseResult {
    double seconds = 0;
    std::uint64_t bytes = 0;
    std::size_t conflicts = 0, pushed = 0, pulled = 0;
};

// Runs fn(i) for every client, each on its own thread, all released at once; the wall time.
template <class Fn>
PhaseResult parallel(std::size_t n, Fn fn) {
    std::latch ready(static_cast<std::ptrdiff_t>(n) + 1);
    std::mutex mu;
    PhaseResult r;
    std::exception_ptr failure;
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back([&, i] {
            ready.arrive_and_wait();
            try {
                sync::SyncCounts c = fn(i);
                std::lock_guard lock(mu);
                r.bytes += c.bytesSent + c.bytesReceived;
                r.conflicts = std::max(r.conflicts, c.conflicts);
                r.pushed += c.pushed, r.pulled += c.pulled;
            } catch (...) {
                std::lock_guard lock(mu);
                if (!failure) failure = std::current_exception();
            }
        });
    ready.arrive_and_wait();
    const auto start = std::chrono::steady_clock::now();
    for (auto& t : threads) t.join();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (failure) std::rethrow_exception(failure);
    return r;
}

class World {
public:
    explicit World(const Options& o) {
        char tmpl[] = "/tmp/tdkt-sync-bench-XXXXXX";
        if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        m_dir = tmpl;
        m_keep = o.keep;
        const char* env = std::getenv("TDKT_SERVER");
        m_server = env && *env ? env : TDKT_SERVER;
        mustRun({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("key.pem"),
                 "-out", path("cert.pem"), "-days", "2", "-subj", "/CN=localhost", "-addext",
                 "subjectAltName=DNS:localhost,IP:127.0.0.1",});
    }
    ~World() {
        m_child.reset();
        if (!m_keep) fs::remove_all(m_dir);
        else std::cerr << "kept " << m_dir << "\n";
    }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    std::string admin(std::vector<std::string> args) {
        args.insert(args.begin(), {m_server, "--data", path("srv")});
        return mustRun(args, {{"TDKT_PASSWORD", Password}});
    }

    void start() {
        m_child = std::make_unique<ChildProcess>(
            std::vector<std::string>{m_server, "--data", path("srv"), "serve", "--listen", "127.0.0.1:0", "--cert",
                                     path("cert.pem"), "--key", path("key.pem")},
            path("server.log"));
        const std::string line = m_child->readLine();
        if (line.rfind("listening 127.0.0.1:", 0) != 0) throw std::runtime_error("the server said: " + line);
        m_port = static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
    }

    double rssMib() const { return m_child ? static_cast<double>(peakRssKib(m_child->pid())) / 1024.0 : 0; }
    sync::Endpoint endpoint() const { return {"127.0.0.1", m_port, false, path("cert.pem"), std::chrono::seconds(120)}; }

private:
    fs::path m_dir;
    bool m_keep = false;
    std::string m_server;
    std::unique_ptr<ChildProcess> m_child;
    std::uint16_t m_port = 0;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--clients") o.clients = std::stoul(next());
        else if (a == "--records") o.records = std::stoul(next());
        else if (a == "--input") o.input = next();
        else if (a == "--units") o.units = std::stoul(next());
        else if (a == "--keep") o.keep = true;
        else throw std::runtime_error("usage: sync_bench --clients C --records N [--input FILE.jsonl] [--units U] [--keep]");
    }
    if (o.clients == 0 || (o.input.empty() && o.records == 0)) throw std::runtime_error("C and N must be positive");
    return o;
}

void report(const char* phase, const PhaseResult& r, std::size_t changed, std::size_t clients, double rss) {
    std::printf("%-5s wall_s=%.3f records_per_s=%.0f bytes=%llu bytes_per_change=%.1f bytes_per_change_per_replica=%.1f "
                "conflicts=%zu server_rss_mib=%.1f\n",
                phase, r.seconds, double(changed) / r.seconds, static_cast<unsigned long long>(r.bytes),
                changed ? double(r.bytes) / double(changed) : 0.0,
                changed ? double(r.bytes) / double(changed) / double(clients) : 0.0, r.conflicts, rss);
    std::fflush(stdout);
}

// Every replica's canonical dump against the server's dump --as its user. All
// bench users are officers of one unit, so they read the same rows: the server is
// asked as the first and the last user, and both answers must match.
bool converged(World& world, std::vector<Client>& clients) {
    const std::string ref = world.admin({"dump", "--as", "u0"});
    if (world.admin({"dump", "--as", "u" + std::to_string(clients.size() - 1)}) != ref) return false;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> same{true};
    auto work = [&] {
        for (std::size_t i; (i = next++) < clients.size();)
            if (json::dumpText(*clients[i].store) + "\n" != ref) {
                std::fprintf(stderr, "replica %zu differs from the server\n", i);
                same = false;
            }
    };
    std::thread a(work), b(work);
    a.join(), b.join();
    return same;
}

int run(const Options& o) {
    Workload w = o.input.empty() ? generate(o.clients, o.records, 42) : loadJsonl(o.input);
    const std::size_t C = w.clients;
    const std::size_t N = w.totalRecords() / C;
    std::fprintf(stderr, "setup: %zu clients, %zu records, %zu distinct ids\n", C, w.totalRecords(), w.distinct);
    World world(o);
    if (o.units > 0) {
        // A province of U communes with the bench unit among them: every request's
        // rights walk a tree of that size.
        std::ofstream csv(world.path("units.csv"), std::ios::binary);
        csv << "id,name,level,parent_id\nbench-tinh,Tỉnh (bench),tinh,\n";
        csv << Unit << ",Phòng Nội vụ (bench),huyen,bench-tinh\n";
        for (std::size_t i = 0; i < o.units; ++i) csv << "bench-xa-" << i << ",Xã " << i << ",xa,bench-tinh\n";
        csv.close();
        world.admin({"unit", "import", world.path("units.csv")});
    } else {
        world.admin({"unit", "add", std::string(R"j({"id":")j") + Unit + R"j(","name":"Phòng Nội vụ (bench)","level":"huyen"})j"});
    }
    for (std::size_t i = 0; i < C; ++i) world.admin({"user", "add", "u" + std::to_string(i), "--role", "officer", "--unit", Unit});
    world.start();
    std::vector<Client> clients(C);
    // Untimed: replicas created, logged in, holding the unit; records entered offline.
    parallel(C, [&](std::size_t i) {
        store::OpenOptions oo;
        oo.create = true;
        oo.siteName = "bench-" + std::to_string(i);
        clients[i].store = store::Store::open(world.path("c" + std::to_string(i) + ".db"), oo);
        clients[i].sync = std::make_unique<sync::SyncClient>(*clients[i].store, world.endpoint());
        clients[i].sync->login("u" + std::to_string(i), Password);
        auto c = clients[i].sync->pull();
        store::Store::Batch b{*clients[i].store};
        for (const auto& rec : w.records[i])
            for (const auto& [id, fields] : recordRows(rec, Unit)) clients[i].store->create("inspection_plans", fields, id);
        b.commit();
        return c;
    });

    auto phase = [](const char* name) { std::fprintf(stderr, "phase %s starts\n", name); };
    phase("push");
    auto push = parallel(C, [&](std::size_t i) { return clients[i].sync->push(); });
    report("push", push, w.totalRecords(), C, world.rssMib());
    phase("pull");
    auto pull = parallel(C, [&](std::size_t i) { return clients[i].sync->pull(); });
    std::size_t delivered = 0;
    for (std::size_t i = 0; i < C; ++i) delivered += w.distinct - w.records[i].size();
    report("pull", pull, delivered, C, world.rssMib());

    const auto edits = editRound(w, 7);
    parallel(C, [&](std::size_t i) {
        store::Store::Batch b{*clients[i].store};
        for (const auto& e : edits) {
            if (e.client != i) continue;
            auto [row, field] = fieldLocation(e.id, e.field);
            clients[i].store->update("inspection_plans", row, {{field, e.value}});
        }
        b.commit();
        return sync::SyncCounts{};
    });
    phase("edit");
    auto editPush = parallel(C, [&](std::size_t i) { return clients[i].sync->push(); });
    auto editPull = parallel(C, [&](std::size_t i) { return clients[i].sync->pull(); });
    PhaseResult edit{editPush.seconds + editPull.seconds, editPush.bytes + editPull.bytes,
                     editPull.conflicts - std::min(editPull.conflicts, pull.conflicts), editPush.pushed, editPull.pulled};
    report("edit", edit, edits.size(), C, world.rssMib());
    std::fprintf(stderr, "edit round: push %.3f s, pull %.3f s\n", editPush.seconds, editPull.seconds);

    const bool ok = converged(world, clients);
    const double rss = world.rssMib();
    std::printf("RESULT clients=%zu records=%zu push_s=%.2f pull_s=%.2f edit_s=%.2f bytes_per_change=%.1f "
                "conflicts=%zu server_rss_mib=%.1f converged=%s\n",
                C, N, push.seconds, pull.seconds, edit.seconds,
                double(edit.bytes) / double(edits.size()) / double(C), pull.conflicts + edit.conflicts, rss,
                ok ? "yes" : "no");
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(parse(argc, argv));
    } catch (const std::exception& e) {
        std::cerr << "sync_bench: " << e.what() << "\n";
        return 2;
    }
}
