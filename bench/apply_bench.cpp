// How fast one replica applies pulled changes: the client side of sync_bench's
// pull phase, alone on one thread, with no network and no server. A source
// replica enters N bench records (3 inspection_plans rows of 6 fields each);
// their ops are applied to a fresh replica in pull-sized batches, one
// transaction each, as SyncClient does.
//
//   build-bench/bench/apply_bench [--records N] [--batch OPS] [--fragments K]
//
// --fragments K: before the timed part the replica takes every other op of the
// source's first 2K (one transaction, untimed), so it holds that site's changes as
// K separate ranges, as a replica that may read only some of a site's rows does
// after many pulls; the timed part then applies the ops after them.
//
// Under callgrind, count the target's work alone (applying and committing):
//   valgrind --tool=callgrind --collect-atstart=no '--toggle-collect=*applyAll*' build-bench/bench/apply_bench --records 5000
#include "sync_bench_data.hpp"

#include "tdkt/protocol/op_batch.hpp"
#include "tdkt/store/store.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace tdkt;

namespace {

// Out of line, so that callgrind can count it alone (--toggle-collect=*applyAll*).
// `packed`: each batch encoded as the server sends it (SyncClient hands it to the store).
[[gnu::noinline]] void applyAll(store::Store& target, std::span<const Op> ops, std::size_t batch,
                                const std::vector<std::string>& packed) {
    for (std::size_t at = 0; at < ops.size(); at += batch) {
        store::Store::Batch b{target};
        target.applyRemote(ops.subspan(at, std::min(batch, ops.size() - at)), store::Store::Checked::No,
                           packed[at / batch]);
        target.setSetting("pull_cursor", std::to_string(at));
        b.commit();
    }
}

} // namespace

int main(int argc, char** argv) {
    std::size_t records = 20000, batch = 5000, fragments = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--records")) records = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batch")) batch = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--fragments")) fragments = std::stoul(argv[i + 1]);
    }
    const auto dir = std::filesystem::temp_directory_path() / ("apply_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    store::OpenOptions oo;
    oo.create = true;
    const std::string unit = "bench-unit";
    std::vector<Op> ops;
    {
        auto source = store::Store::open(dir / "source.db", oo);
        source->create("units", {{"name", std::string("Phòng Nội vụ (bench)")}, {"level", std::string("huyen")}}, unit);
        const auto w = bench::generate(1, records, 42);
        store::Store::Batch b{*source};
        for (const auto& rec : w.records[0])
            for (const auto& [id, fields] : bench::recordRows(rec, unit)) source->create("inspection_plans", fields, id);
        b.commit();
        ops = source->pendingOps(SIZE_MAX);
    }
    auto target = store::Store::open(dir / "target.db", oo);
    if (fragments > 0) {
        fragments = std::min(fragments, ops.size() / 2);
        std::vector<Op> every2nd;
        for (std::size_t i = 1; i < 2 * fragments; i += 2) every2nd.push_back(ops[i]);
        target->applyRemote(every2nd);
        ops.erase(ops.begin(), ops.begin() + static_cast<std::ptrdiff_t>(2 * fragments));
    }
    std::vector<std::string> packed;
    for (std::size_t at = 0; at < ops.size(); at += batch)
        packed.push_back(protocol::encodeOps(std::span<const Op>(ops).subspan(at, std::min(batch, ops.size() - at))));
    const auto start = std::chrono::steady_clock::now();
    applyAll(*target, ops, batch, packed);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t rows = records * 3 - (2 * fragments) / 6; // 6 ops a row
    std::printf("applied %zu ops (%zu rows) in %.3f s: %.0f ops/s, %.1f us/row, batches of %zu ops\n", ops.size(), rows,
                s, static_cast<double>(ops.size()) / s, s * 1e6 / static_cast<double>(rows), batch);
    // A row's history reads the kept batches back (the GUI's history panel, `tdkt-cli history`).
    const auto h0 = std::chrono::steady_clock::now();
    const auto h = target->history("inspection_plans", ops.back().rowId);
    std::printf("history of one row: %zu changes in %.1f ms\n", h.size(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - h0).count());
    std::filesystem::remove_all(dir);
    return 0;
}
