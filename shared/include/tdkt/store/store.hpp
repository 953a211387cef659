#pragma once
/**
 * @brief The local replica: every edit goes through here (DESIGN.md §4, §6).
 *
 * One call = one SQLite transaction that updates the row, records each field's
 * version (hlc, site) and appends ops to the log; a Batch groups many calls into
 * one transaction. Remote ops are merged with the merge rule; in the server role
 * concurrent edits also write `conflicts` rows keeping every competing value.
 * Thread safety: one Store per thread (each owns its SQLite connection).
 */
#include "tdkt/core/hlc.hpp"
#include "tdkt/core/op.hpp"
#include "tdkt/store/row.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::store {

struct OpenOptions {
    bool create = false;                  // create the file if missing (tdkt-cli init)
    std::string siteName;                 // recorded at creation
    HybridClock::WallClock wall = systemMillis;
    bool serverRole = false;              // write conflicts rows for concurrent edits
};

struct HistoryEntry {
    std::string field;
    Value oldValue; // what the author saw (null for a new field)
    Value newValue;
    HlcStamp hlc = 0;
    SiteId site = 0;
    std::string author;
    bool applied = true; // false: lost to a concurrent edit (kept in a conflict)
};

struct SearchHit {
    std::string table;
    std::string id;
    std::string title;
};

struct Filter {
    std::string field;
    Value value;
};

struct ApplyResult {
    std::size_t applied = 0;    // ops that changed a field
    std::size_t duplicates = 0; // ops already held
    std::size_t conflicts = 0;  // concurrent edits recorded (server role)
};

class Store {
public:
    static std::unique_ptr<Store> open(const std::filesystem::path& path, OpenOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    SiteId siteId() const;
    std::string siteName() const;
    HybridClock& clock();

    // [SECTION] local edits: validated in full before anything is written
    std::string create(std::string_view table, const Fields& fields, std::string_view id = {});
    void update(std::string_view table, std::string_view id, const Fields& fields);
    void remove(std::string_view table, std::string_view id);

    /** Groups edits into one transaction; rolls back unless committed. Nestable. */
    class Batch {
    public:
        explicit Batch(Store& store);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void commit();

    private:
        Store& m_store;
        bool m_done = false;
    };

    // [SECTION] reads
    std::optional<Row> get(std::string_view table, std::string_view id) const;
    bool exists(std::string_view table, std::string_view id) const;
    std::vector<Row> list(std::string_view table, const std::vector<Filter>& where = {},
                          std::size_t limit = 0) const;
    std::vector<SearchHit> search(std::string_view text, std::size_t limit = 50) const;
    std::vector<HistoryEntry> history(std::string_view table, std::string_view id) const;

    // [SECTION] sync
    std::vector<Op> pendingOps(std::size_t limit) const;
    std::size_t pendingCount() const;
    /** The server acknowledged this site's ops up to `seq`. */
    void acknowledge(std::uint64_t seq);
    ApplyResult applyRemote(std::span<const Op> ops);

    /** Local settings (cursor, server, token...), never replicated. */
    std::optional<std::string> setting(std::string_view key) const;
    void setSetting(std::string_view key, std::string_view value);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tdkt::store
