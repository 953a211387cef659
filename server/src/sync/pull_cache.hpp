#pragma once
/**
 * @brief Stretches of the log recently read for a pull, decoded once and shared
 *        by every session that pulls the same stretch (many replicas catching up
 *        walk the log through the same cursors).
 *
 * Only a full stretch is kept: the log is append-only with gap-free positions,
 * so a stretch that was full when read never changes. With it are kept the unit
 * of each of its rows (for rights; valid while no row changes unit, see
 * Store::unitEpoch) and its last few encodings (sessions whose rights pick the
 * same ops get the same bytes). Bounded by a number of ops, oldest use dropped
 * first. Not thread-safe (used on the store strand only).
 */
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::server {

/** A stretch of the log as pulls read it. */
struct PulledStretch {
    /** Consecutive ops of one row, with that row's unit. */
    struct Run {
        std::size_t begin = 0, end = 0; // op indexes
        std::optional<Value> unit;      // for tables read by a row's unit (Rights::readsByRowUnit)
    };

    /**
     * A row whose unit field an op of the stretch changed (its first such op here).
     * A user who could not read it before but can now gets its earlier ops too (it
     * holds none of them); one who could but no longer can is told it is gone.
     */
    struct Move {
        std::size_t run = 0;                    // the run holding that op
        std::optional<Value> from;              // the unit before it (unknown: none)
        std::size_t earlierBegin = 0, earlierEnd = 0; // its ops logged before the stretch, in `earlier`
    };

    explicit PulledStretch(std::vector<store::LoggedOp> read) : ops(std::move(read)) {}

    std::vector<store::LoggedOp> ops;
    std::vector<Run> runs;
    std::vector<Move> moves;
    std::vector<store::LoggedOp> earlier;    // picked as ops.size() + i
    std::optional<std::uint64_t> unitsEpoch; // when `runs` and `moves` were filled

    const Op& op(std::uint32_t picked) const {
        return picked < ops.size() ? ops[picked].op : earlier[picked - ops.size()].op;
    }

    /** The packed encoding of the ops at `picked`, made by `encode` unless one is kept. */
    template <class Encode> const std::string& encoded(const std::vector<std::uint32_t>& picked, Encode encode) {
        for (auto it = m_encoded.begin(); it != m_encoded.end(); ++it) {
            if (it->picked != picked) continue;
            m_encoded.splice(m_encoded.begin(), m_encoded, it);
            return m_encoded.front().packed;
        }
        m_encoded.push_front({picked, encode()});
        if (m_encoded.size() > MaxEncodings) m_encoded.pop_back();
        return m_encoded.front().packed;
    }

private:
    // A stretch written by one replica is sent one way to every other one and another
    // way to its author; mixed stretches have a few more.
    static constexpr std::size_t MaxEncodings = 3;
    struct Encoding {
        std::vector<std::uint32_t> picked;
        std::string packed;
    };
    std::list<Encoding> m_encoded; // most recently used first
};

class PullCache {
public:
    using Stretch = std::shared_ptr<PulledStretch>;

    explicit PullCache(std::size_t maxOps) : m_maxOps(maxOps) {}

    /** The stretch read from `cursor` with `scan`, if kept. */
    Stretch find(std::uint64_t cursor, std::uint32_t scan);
    /** Keeps a full stretch (the caller knows it is full). */
    void keep(std::uint64_t cursor, std::uint32_t scan, Stretch stretch);

private:
    struct Entry {
        std::uint64_t cursor;
        std::uint32_t scan;
        Stretch stretch;
    };
    std::list<Entry> m_entries; // most recently used first
    std::size_t m_maxOps;
    std::size_t m_heldOps = 0;
};

} // namespace tdkt::server
