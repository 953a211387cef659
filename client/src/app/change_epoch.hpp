#pragma once
// "What changed since epoch E": a screen keeps the epoch its view was built at and
// rebuilds only when the table's epoch moved. Local edits name their table; a
// commit through another connection (the sync worker's pulls) moves every table,
// seen through SQLite's data_version (Store::unitEpoch) once a frame.
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace tdkt::app {

class ChangeEpochs {
public:
    /** An edit through this thread's store touched `table`. */
    void noteLocal(std::string_view table);

    /** Another connection may have committed: every table moves when it did. Cheap (one PRAGMA). */
    void poll(const store::Store& store);

    /** The epoch of `table`: it only grows, and grows whenever the table may have changed. */
    std::uint64_t of(std::string_view table) const;

private:
    std::uint64_t m_clock = 1;
    std::uint64_t m_all = 1; // the epoch every table moved to last
    std::uint64_t m_seenStore = 0;
    std::map<std::string, std::uint64_t, std::less<>> m_tables;
};

} // namespace tdkt::app
