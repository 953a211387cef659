#pragma once
// gui_bench's client process (gui_bench_client.cpp).
#include <filesystem>

namespace tdkt::bench {

/** Runs the window's code on `db` and prints the figures; `spawnedNs`: when the parent started it (steady clock). */
int runClient(const std::filesystem::path& db, long long spawnedNs);

} // namespace tdkt::bench
