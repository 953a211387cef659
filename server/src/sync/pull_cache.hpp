#pragma once
/**
 * @brief Stretches of the log recently read for a pull, decoded once and shared
 *        by every session that pulls the same stretch (many replicas catching up
 *        walk the log through the same cursors).
 *
 * Only a full stretch is kept: the log is append-only with gap-free positions,
 * so a stretch that was full when read never changes. Bounded by a number of
 * ops, oldest use dropped first. Not thread-safe (the server's one thread).
 */
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <list>
#include <memory>
#include <vector>

namespace tdkt::server {

class PullCache {
public:
    using Stretch = std::shared_ptr<const std::vector<store::LoggedOp>>;

    explicit PullCache(std::size_t maxOps) : m_maxOps(maxOps) {}

    /** The stretch read from `cursor` with `scan`, if kept. */
    Stretch find(std::uint64_t cursor, std::uint32_t scan);
    /** Keeps a full stretch (the caller knows it is full). */
    void keep(std::uint64_t cursor, std::uint32_t scan, Stretch ops);

private:
    struct Entry {
        std::uint64_t cursor;
        std::uint32_t scan;
        Stretch ops;
    };
    std::list<Entry> m_entries; // most recently used first
    std::size_t m_maxOps;
    std::size_t m_heldOps = 0;
};

} // namespace tdkt::server
