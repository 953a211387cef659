// store_bench: 100,000 field edits through the store API against the same number
// of plain prepared INSERTs into a bare SQLite table in one transaction (the
// ceiling on this machine). Prints both rates and, last, ratio=R.
//
//   build/bench/store_bench [--edits N] [--repeat R] [--dir DIR]
//
// Each side runs R times (alternating, on fresh files) and the best time counts,
// so a busy machine disturbs the ratio less.
#include "tdkt/store/sqlite.hpp"
#include "tdkt/store/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// The store: 1,000 people, then N single-field edits spread over them and over
// four fields (two searchable texts, an integer, a boolean), in one batch.
[[gnu::noinline]] double storeRun(const std::filesystem::path& path, int edits, int rows) {
    tdkt::store::OpenOptions o;
    o.create = true;
    auto s = tdkt::store::Store::open(path, o);
    s->create("units", {{"name", std::string("Xã Bình Lư")}, {"level", std::string("xa")}}, "u1");
    std::vector<std::string> ids;
    {
        tdkt::store::Store::Batch b{*s};
        for (int i = 0; i < rows; ++i)
            ids.push_back(s->create("people", {{"unit_id", std::string("u1")}, {"full_name", "Người số " + std::to_string(i)}}));
        b.commit();
    }
    const auto start = Clock::now();
    tdkt::store::Store::Batch b{*s};
    for (int i = 0; i < edits; ++i) {
        const auto& id = ids[static_cast<std::size_t>(i % rows)];
        switch (i % 4) {
        case 0: s->update("people", id, {{"position", "Cán bộ văn hóa " + std::to_string(i)}}); break;
        case 1: s->update("people", id, {{"birth_year", std::int64_t{1950 + i % 50}}}); break;
        case 2: s->update("people", id, {{"phone", "0912" + std::to_string(100000 + i)}}); break;
        default: s->update("people", id, {{"is_leader", std::int64_t{i % 8 == 3 ? 1 : 0}}}); break;
        }
    }
    b.commit();
    return seconds(start);
}

// The ceiling: the same payload as plain INSERTs into a bare table.
[[gnu::noinline]] double ceilingRun(const std::filesystem::path& path, int edits, int rows) {
    auto db = tdkt::store::Db::open(path, true);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    db.exec("CREATE TABLE edits(row_id TEXT, field TEXT, value)");
    auto st = db.prepare("INSERT INTO edits(row_id, field, value) VALUES(?, ?, ?)");
    const auto start = Clock::now();
    tdkt::store::Transaction tx{db};
    for (int i = 0; i < edits; ++i) {
        std::string row = "0190a6f2-7c1e-7000-8000-" + std::to_string(100000000000 + i % rows);
        std::string value = "Cán bộ văn hóa " + std::to_string(i);
        st.bind(1, row).bind(2, "position").bind(3, value).run();
    }
    tx.commit();
    return seconds(start);
}

} // namespace

int main(int argc, char** argv) {
    int edits = 100000;
    int repeat = 3;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "tdkt-store-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--edits") edits = std::atoi(argv[i + 1]);
        if (a == "--dir") dir = argv[i + 1];
        if (a == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    }
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const int rows = 1000;
    double ceiling = 1e9, store = 1e9;
    for (int r = 0; r < repeat; ++r) {
        const auto suffix = std::to_string(r) + ".db";
        ceiling = std::min(ceiling, ceilingRun(dir / ("ceiling" + suffix), edits, rows));
        store = std::min(store, storeRun(dir / ("store" + suffix), edits, rows));
    }
    const double ceilingRate = edits / ceiling, storeRate = edits / store;
    std::printf("edits=%d rows=%d best of %d runs\n", edits, rows, repeat);
    std::printf("ceiling: %d plain INSERTs in %.3f s = %.0f/s\n", edits, ceiling, ceilingRate);
    std::printf("store:   %d field edits in %.3f s = %.0f/s (row + version + op log + search index)\n", edits, store,
                storeRate);
    std::printf("ratio=%.2f\n", storeRate / ceilingRate);
    std::filesystem::remove_all(dir);
    return 0;
}
