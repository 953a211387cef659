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
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/page_query.hpp"
#include "tdkt/store/row.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::schema {
struct TableDef;
}

namespace tdkt::store {

struct OpenOptions {
    bool create = false;                  // create the file if missing (tdkt-cli init)
    std::string siteName;                 // recorded at creation
    HybridClock::WallClock wall = systemMillis;
    bool serverRole = false;              // write conflicts rows for concurrent edits
    // 0: this build's schema. An older one: the replica as the build of that schema
    // keeps it (its tables, fields and values only): tests of old clients.
    int schema = 0;
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

/** A field as stored, with its version. */
struct FieldValue {
    Value value;
    Version version;
};

/** A row as stored, deleted or not: slot 0 is _deleted, then the table's fields in order. */
struct RowState {
    std::string id;
    std::vector<FieldValue> fields;
    /** The row as reads hand it out (non-null fields), for a rights check. */
    Row row(const schema::TableDef& t) const;
};

/** An op of the log with its position (the server_seq on the server). */
struct LoggedOp {
    std::uint64_t logSeq = 0;
    Op op;
};

/** What Store::resite() did: the replica's old and new ids, and how many ops moved. */
struct Resited {
    SiteId from = 0;
    SiteId to = 0;
    std::size_t moved = 0;
};

/** A local change the server refused (client side). */
struct RejectedChange {
    std::uint64_t seq = 0;
    std::string table, rowId, field;
    Value value;
    std::string reason;
    std::uint64_t atMs = 0;
};

class Store {
public:
    static std::unique_ptr<Store> open(const std::filesystem::path& path, OpenOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    SiteId siteId() const;
    std::string siteName() const;
    /** The schema this replica holds (its migration): what it says to the server. */
    std::uint32_t schemaVersion() const;
    /** The tables and fields of that schema (schema::registryAt). */
    const schema::Registry& registry() const;
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
    /** How many rows list() would return (without reading them). */
    std::size_t count(std::string_view table, const std::vector<Filter>& where = {}) const;
    std::vector<SearchHit> search(std::string_view text, std::size_t limit = 50) const;
    /** One page of a big list (store_page.cpp): never reads more than `limit` rows. */
    std::vector<Row> page(const PageQuery& query) const;
    /** How many rows the query matches, all pages together. */
    std::size_t pageCount(const PageQuery& query) const;
    /** The ids of every row the query matches, in its order (paging ignored): a big list's view read once. */
    std::vector<std::string> pageIds(const PageQuery& query) const;
    /** The ids of `table`'s live rows whose searchable text matches `text` (as PageQuery::text), in no order. */
    std::vector<std::string> matchingIds(std::string_view table, std::string_view text) const;
    /** A row with its key in the search index (0: nothing of it indexed). */
    struct Keyed {
        std::string id;
        std::int64_t key = 0;
    };
    /**
     * pageIds() with each row's search key, so that a text typed over the same list is
     * matched by matchingKeys() without reading a row. A row's key changes when it is
     * reindexed (an edit or a pull of it: its table's change epoch moves).
     */
    std::vector<Keyed> pageKeys(const PageQuery& query) const;
    /** The search keys (any table) whose text matches `text` (as PageQuery::text), in no order. */
    std::vector<std::int64_t> matchingKeys(std::string_view text) const;
    std::vector<HistoryEntry> history(std::string_view table, std::string_view id) const;

    // [SECTION] sync
    std::vector<Op> pendingOps(std::size_t limit) const;
    /** This replica's ops with seq > `after` (the next push while one is still unacknowledged). */
    std::vector<Op> pendingOpsAfter(std::uint64_t after, std::size_t limit) const;
    std::size_t pendingCount() const;
    /** The server acknowledged this site's ops up to `seq`. */
    void acknowledge(std::uint64_t seq);
    /** Whether received ops were already checked against the schema (row id, field, value). */
    enum class Checked : bool { No, Yes };
    /**
     * Merges ops from elsewhere. Checked::Yes skips the per-op schema checks for a
     * caller that made them already (the server checks every pushed op's shape
     * before its rights); anything else must leave the default. `packed`: the same
     * ops as protocol::encodeOps wrote them (a pulled batch as it came), which a
     * client keeps as its record of them instead of encoding them again.
     */
    ApplyResult applyRemote(std::span<const Op> ops, Checked checked = Checked::No, std::string_view packed = {});
    /**
     * After the clock was corrected (clock_offset_ms): pending ops stamped in the
     * future get fresh stamps, with their rows' versions and later ops' bases, and
     * the clock comes back to the present. A laptop set to 2031 then wins nothing.
     * Ops up to `sentThrough` (sent before; the server may hold them as they are)
     * keep their stamps, like acknowledged ones. Returns how many ops were re-stamped.
     */
    std::size_t restampFuture(std::uint64_t sentThrough = 0);
    /** The seq this replica's next edit takes: its own ops are 1 .. nextSeq() - 1. */
    std::uint64_t nextSeq() const;
    /**
     * This replica's id turned out to be used by other changes too (a restored backup,
     * a copied database): it takes a new id (resite.cpp). Its ops after acked_seq move
     * to the new id, numbered from 1 in the same order, keeping their stamps, values
     * and bases; rows' versions follow them; acked_seq and the pull cursor go back to
     * 0, so the old id's ops held by the server come back and merge like anyone's.
     */
    Resited resite();

    // [SECTION] rows out of reach (drop_rows.cpp)
    /**
     * Client: drops this replica's copy of a row its user may no longer read (moved
     * to another unit, rights shrunk). Local only: no op, nothing sent, the log kept
     * (should the row come back, its held changes are merged again). A row with
     * changes the server has not acknowledged stays; returns whether it went.
     */
    bool dropRow(std::string_view table, std::string_view id);
    /** Client, while pulling everything again after its rights changed: these rows are still readable. */
    void noteSeen(std::span<const Op> ops);
    /** Client, at the end of that pull: drops every row not noted (dropRow), forgets the notes; returns how many went. */
    std::size_t dropUnseen();
    /** Client: forgets the rows noted (a pull over from the start). */
    void forgetSeen();

    // [SECTION] replica check (row_states.cpp): what `tdkt-cli verify` compares
    /** Every row of `table`, deleted ones too, as stored, in id order. */
    void forEachRowState(std::string_view table, const std::function<void(const RowState&)>& fn) const;
    /** The stored states of those of `ids` that exist (deleted or not). */
    std::vector<RowState> rowStates(std::string_view table, std::span<const std::string> ids) const;
    /**
     * Client (verify --repair): the server's states of rows replace this replica's
     * copies, and the rows in `absent` (the server holds none the user may read) go.
     * Not an edit: no op, nothing sent, the log kept. A row with changes the server
     * has not acknowledged is left as it is. Returns how many rows were written or dropped.
     */
    std::size_t repairRows(std::string_view table, std::span<const RowState> rows, std::span<const std::string> absent);

    // [SECTION] sync bookkeeping (store_server.cpp, store_client.cpp)
    /** Ops of the log after `cursor`, in log order (pull). */
    std::vector<LoggedOp> opsAfter(std::uint64_t cursor, std::size_t limit) const;
    /** Server: the logged ops of a row before log position `before`, in log order. */
    std::vector<LoggedOp> rowOps(std::string_view table, std::string_view id, std::uint64_t before) const;
    /** The newest log position (0 when empty). */
    std::uint64_t lastLogSeq() const;
    /** A field of a row, deleted or not; nullopt when there is no such row. */
    std::optional<FieldValue> fieldValue(std::string_view table, std::string_view id, std::string_view field) const;
    /**
     * Moves whenever a unit, an inspection target's unit or plan, or a row's unit
     * field may have changed (written here, a rollback, or any commit through another
     * connection): what was learnt of the unit tree and rows' units at one epoch
     * holds while it stays the same. Call it outside a read snapshot.
     */
    std::uint64_t unitEpoch() const;
    /** Server: the last seq of `site` settled (applied or refused). */
    std::uint64_t siteHighWater(SiteId site) const;
    void setSiteHighWater(SiteId site, std::uint64_t seq);
    /** Server: records a refused op in the audit log (it is never applied). */
    void logRefused(const Op& op, std::string_view reason);
    /** Server: refused ops, newest first (for admins and tests). */
    std::vector<std::pair<Op, std::string>> refusedOps(std::size_t limit) const;
    /** Server: the reasons of `site`'s refused ops with seq in [first, last] (a push resent after a lost ack). */
    std::map<std::uint64_t, std::string> refusedReasons(SiteId site, std::uint64_t first, std::uint64_t last) const;
    /**
     * Server: `site`'s settled ops with seq in [first, last], by seq (refused ones
     * without their base), to compare a re-sent push with what this seq was before.
     */
    std::map<std::uint64_t, Op> settledOps(SiteId site, std::uint64_t first, std::uint64_t last) const;
    /**
     * Client: the server refused our op `seq`. The field goes back to the server's
     * value (unless a later local edit replaced it) or the row goes away when the
     * server holds none; the change is listed by rejectedChanges().
     */
    void revertRefused(std::uint64_t seq, std::string_view reason, bool rowExists, const Value& serverValue,
                       Version serverVersion);
    std::vector<RejectedChange> rejectedChanges() const;
    /**
     * Server: creates or updates a row of a server-written table (sync_marks) as the
     * server's own edit; unchanged fields write no op (server_rows.cpp).
     */
    void writeServerRow(std::string_view table, std::string_view id, const Fields& fields);
    /** An edit whose op is written even when the value is unchanged (resolving a conflict). */
    void forceEdit(std::string_view table, std::string_view id, std::string_view field, const Value& value);

    /** A consistent read snapshot (BEGIN ... COMMIT) for a dump while others write. */
    class ReadSnapshot {
    public:
        explicit ReadSnapshot(const Store& store);
        ~ReadSnapshot();
        ReadSnapshot(const ReadSnapshot&) = delete;
        ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    private:
        const Store& m_store;
    };

    /** Local settings (cursor, server, token...), never replicated. */
    std::optional<std::string> setting(std::string_view key) const;
    void setSetting(std::string_view key, std::string_view value);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tdkt::store
