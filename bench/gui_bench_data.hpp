#pragma once
// The replica gui_bench measures the window on (gui_bench_data.cpp).
#include <cstddef>
#include <filesystem>
#include <string>

namespace tdkt::bench {

struct ReplicaCounts {
    std::size_t units = 0, people = 0, dossiers = 0;
};

/** A Vietnamese full name, the same for the same `i`. */
std::string personName(std::size_t i);

/** Writes a new replica at `file` (one transaction). */
ReplicaCounts makeReplica(const std::filesystem::path& file, std::size_t people, std::size_t dossiers);

} // namespace tdkt::bench
