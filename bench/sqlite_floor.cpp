// The floor under sync_bench: SQLite alone writing the rows of its pull and push
// phases into the product's own schema, with the store's settings (16 KiB pages,
// WAL, synchronous=NORMAL, 32 MiB cache) and no merge, no log of our own, no
// checks, no network: one prepared INSERT a row, one transaction a batch.
//
//   build-bench/bench/sqlite_floor [--clients C] [--records N] [--cores K]
//
// pull: a replica holding its own records takes every other client's rows (the
//       records it does not hold), in batches of one 5,000-op pull (833 rows),
//       interleaved by push frame as the server's log orders them. sync_bench's
//       pull does this in C replicas at once: its floor is C × that time / K cores.
// push: the server takes every client's rows, each row with one `changes` log row
//       (its two indexes too), a group commit holding one 833-row frame of each
//       client. sync_bench's push has one writer: its floor is that time.
#include "sync_bench_data.hpp"

#include "tdkt/store/store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include <unistd.h>

using namespace tdkt;

namespace {

constexpr std::size_t FrameRows = 833; // a 5,000-op push frame or pull batch: 833 rows of 6 ops

struct Row {
    std::string id;
    std::vector<std::pair<std::string, Value>> fields;
};

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) { check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

// The product's schema, made by the store itself; then SQLite alone, with the store's settings.
sqlite3* openFresh(const std::filesystem::path& file) {
    store::OpenOptions oo;
    oo.create = true;
    store::Store::open(file, oo); // migrations; closed again at once
    sqlite3* db = nullptr;
    check(db, sqlite3_open(file.c_str(), &db), "open");
    exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768");
    return db;
}

class RowInsert {
public:
    RowInsert(sqlite3* db, const Row& shape) : m_db(db) {
        std::string cols = "id", marks = "?";
        for (const auto& [f, v] : shape.fields) {
            cols += ", " + f + ", _h_" + f + ", _s_" + f;
            marks += ",?,?,?";
        }
        const std::string sql = "INSERT INTO inspection_plans(" + cols + ") VALUES(" + marks + ")";
        check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &m_st, nullptr), "prepare row insert");
    }
    ~RowInsert() { sqlite3_finalize(m_st); }
    void operator()(const Row& r, std::int64_t hlc, std::int64_t site) {
        int i = 1;
        sqlite3_bind_text(m_st, i++, r.id.data(), static_cast<int>(r.id.size()), SQLITE_STATIC);
        for (const auto& [f, v] : r.fields) {
            if (const auto* s = std::get_if<std::string>(&v))
                sqlite3_bind_text(m_st, i++, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
            else sqlite3_bind_int64(m_st, i++, std::get<std::int64_t>(v));
            sqlite3_bind_int64(m_st, i++, hlc);
            sqlite3_bind_int64(m_st, i++, site);
        }
        check(m_db, sqlite3_step(m_st), "insert row");
        sqlite3_reset(m_st);
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
};

// Each client's rows, in the order it enters them.
std::vector<std::vector<Row>> clientRows(const bench::Workload& w) {
    std::vector<std::vector<Row>> out(w.clients);
    for (std::size_t c = 0; c < w.clients; ++c)
        for (const auto& rec : w.records[c])
            for (auto& [id, fields] : bench::recordRows(rec, "bench-unit")) {
                Row r{id, {}};
                for (auto& [f, v] : fields) r.fields.emplace_back(f, v);
                out[c].push_back(std::move(r));
            }
    return out;
}

// Frames of every client in turn, as the server's group commits order them.
std::vector<std::vector<const Row*>> framesInLogOrder(const std::vector<std::vector<Row>>& rows,
                                                      const std::set<std::size_t>& clients) {
    std::vector<std::vector<const Row*>> frames;
    for (std::size_t at = 0;; at += FrameRows) {
        bool any = false;
        for (std::size_t c : clients) {
            if (at >= rows[c].size()) continue;
            any = true;
            std::vector<const Row*> f;
            for (std::size_t k = at; k < std::min(at + FrameRows, rows[c].size()); ++k) f.push_back(&rows[c][k]);
            frames.push_back(std::move(f));
        }
        if (!any) return frames;
    }
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The client side of the pull: replica 0 takes the rows it does not hold.
std::pair<std::size_t, double> pullFloor(const std::filesystem::path& dir, const std::vector<std::vector<Row>>& rows) {
    sqlite3* db = openFresh(dir / "replica.db");
    RowInsert insert(db, rows[0].front());
    std::set<std::string> held;
    exec(db, "BEGIN");
    for (const Row& r : rows[0]) {
        insert(r, 1, 1);
        held.insert(r.id);
    }
    exec(db, "COMMIT");
    std::set<std::size_t> others;
    for (std::size_t c = 1; c < rows.size(); ++c) others.insert(c);
    std::size_t n = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& frame : framesInLogOrder(rows, others)) {
        exec(db, "BEGIN");
        for (const Row* r : frame)
            if (held.insert(r->id).second) {
                insert(*r, 2, 2);
                ++n;
            }
        exec(db, "COMMIT");
    }
    const double s = seconds(start);
    sqlite3_close(db);
    return {n, s};
}

// The server side of the push: every client's rows, each with a log row.
std::pair<std::size_t, double> pushFloor(const std::filesystem::path& dir, const std::vector<std::vector<Row>>& rows) {
    sqlite3* db = openFresh(dir / "server.db");
    RowInsert insert(db, rows[0].front());
    sqlite3_stmt* log = nullptr;
    check(db,
          sqlite3_prepare_v2(db,
                             "INSERT INTO changes(log_seq, n, site, seq, tbl, row_id, author, seen, hlc_max, body) "
                             "VALUES(?,?,?,?,'inspection_plans',?,?,0,?,?)",
                             -1, &log, nullptr),
          "prepare log insert");
    std::set<std::size_t> all;
    for (std::size_t c = 0; c < rows.size(); ++c) all.insert(c);
    const auto frames = framesInLogOrder(rows, all);
    std::map<std::string, std::int64_t> seqOf; // per client name, its next seq
    std::set<std::string> held;
    std::int64_t logSeq = 1, hlc = 1'700'000'000'000LL << 16;
    std::size_t n = 0;
    std::string body;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t at = 0; at < frames.size(); at += rows.size()) {
        exec(db, "BEGIN");
        for (std::size_t f = at; f < std::min(at + rows.size(), frames.size()); ++f) {
            const std::string author = "u" + std::to_string(f % rows.size());
            auto& seq = seqOf[author];
            for (const Row* r : frames[f]) {
                ++hlc;
                if (held.insert(r->id).second) insert(*r, hlc, static_cast<std::int64_t>(f % rows.size()) + 1);
                body = "[";
                for (const auto& [name, v] : r->fields) {
                    const auto* s = std::get_if<std::string>(&v);
                    body += (body.size() > 1 ? ",[\"" : "[\"") + name + "\",\"" + (s ? *s : "2025") + "\"," +
                            std::to_string(hlc) + ",0,0,1]";
                }
                body += "]";
                const auto k = static_cast<std::int64_t>(r->fields.size());
                sqlite3_bind_int64(log, 1, logSeq);
                sqlite3_bind_int64(log, 2, k);
                sqlite3_bind_int64(log, 3, static_cast<std::int64_t>(f % rows.size()) + 1);
                sqlite3_bind_int64(log, 4, seq + 1);
                sqlite3_bind_text(log, 5, r->id.data(), static_cast<int>(r->id.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 6, author.data(), static_cast<int>(author.size()), SQLITE_STATIC);
                sqlite3_bind_int64(log, 7, hlc);
                sqlite3_bind_text(log, 8, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
                check(db, sqlite3_step(log), "insert log row");
                sqlite3_reset(log);
                logSeq += k;
                seq += k;
                ++n;
            }
        }
        exec(db, "COMMIT");
    }
    const double s = seconds(start);
    sqlite3_finalize(log);
    sqlite3_close(db);
    return {n, s};
}

} // namespace

int main(int argc, char** argv) {
    std::size_t clients = 8, records = 5000, cores = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--clients")) clients = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--records")) records = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--cores")) cores = std::stoul(argv[i + 1]);
    }
    if (clients < 2 || records == 0 || cores == 0) {
        std::fprintf(stderr, "usage: sqlite_floor [--clients C>=2] [--records N] [--cores K]\n");
        return 2;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("sqlite_floor_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    try {
        const auto rows = clientRows(bench::generate(clients, records, 42));
        const auto [pulled, pullS] = pullFloor(dir, rows);
        const auto [pushed, pushS] = pushFloor(dir, rows);
        const double pullUs = pullS * 1e6 / static_cast<double>(pulled), pushUs = pushS * 1e6 / static_cast<double>(pushed);
        std::printf("pull: one replica inserts %zu rows in %.3f s: %.1f us/row\n", pulled, pullS, pullUs);
        std::printf("push: the server inserts %zu rows with their log rows in %.3f s: %.1f us/row\n", pushed, pushS,
                    pushUs);
        std::printf("FLOOR clients=%zu records=%zu cores=%zu pull_s=%.2f push_s=%.2f\n", clients, records, cores,
                    pullS * static_cast<double>(clients) / static_cast<double>(cores), pushS);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sqlite_floor: %s\n", e.what());
        std::filesystem::remove_all(dir);
        return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
