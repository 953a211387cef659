#pragma once
// Test fixtures: a fresh replica in a temp dir, a controllable wall clock, and a
// small unit tree to hang rows on.
#include "temp_dir.hpp"

#include "tdkt/store/store.hpp"

#include <atomic>
#include <memory>
#include <string>

namespace tdkt::test {

/** A wall clock tests move by hand (shared by copies). */
struct ManualClock {
    std::shared_ptr<std::atomic<std::uint64_t>> ms = std::make_shared<std::atomic<std::uint64_t>>(1'764'000'000'000);
    HybridClock::WallClock fn() const {
        auto p = ms;
        return [p] { return p->load(); };
    }
    void advance(std::uint64_t by) { *ms += by; }
};

inline std::unique_ptr<store::Store> openStore(const std::filesystem::path& path, bool server = false,
                                               HybridClock::WallClock wall = systemMillis) {
    store::OpenOptions o;
    o.create = true;
    o.serverRole = server;
    o.siteName = path.stem().string();
    o.wall = std::move(wall);
    return store::Store::open(path, o);
}

/** A unit usable as the owner of test rows; with a given id so replicas share it. */
inline std::string addUnit(store::Store& s, const std::string& id = "unit-xa-a", const std::string& name = "Xã A") {
    if (!s.exists("units", id)) s.create("units", {{"name", name}, {"level", std::string("xa")}}, id);
    return id;
}

} // namespace tdkt::test
