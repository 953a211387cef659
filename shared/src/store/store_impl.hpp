#pragma once
// Internal state of Store, shared by store_*.cpp. Not installed, not included elsewhere.
#include "change_body.hpp"
#include "tdkt/merge/merge_rule.hpp"
#include <nlohmann/json.hpp>
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/sqlite.hpp"
#include "tdkt/store/store.hpp"

#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace tdkt::store {

struct Store::Impl {
    Db db;
    const schema::Registry& reg;
    OpenOptions options;
    SiteId site = 0;
    std::string siteName;
    HybridClock clock;
    std::uint64_t nextSeq = 1;     // this site's next op seq
    std::uint64_t seenCursor = 0;  // last server_seq pulled (stamped on new ops)
    int batchDepth = 0;
    bool poisoned = false;         // an inner batch failed: the outer must not commit
    std::set<std::pair<std::string, std::string>> dirtySearch; // (table, row id)
    std::unordered_map<std::string, Stmt> stmts;

    // Write-behind cache of rows inside a transaction: a batch that edits one row
    // many times (imports, pulls) reads it once, in one SELECT, and writes it once
    // at commit (or before any query that reads rows back): one INSERT with all its
    // fields for a row made in this batch, one UPDATE of its changed fields otherwise.
    struct CachedField {
        merge::FieldState state;
        bool dirty = false;
    };
    struct CachedRow {
        enum class Kind : std::uint8_t { Absent, Stored, Created };
        Kind kind = Kind::Absent;
        bool dirty = false;
        std::vector<CachedField> fields; // slot 0 is _deleted, then the table's fields in order
        void create();                                          // an absent row is made (at flush)
        void set(std::size_t slot, const Value& v, Version version); // ignored for an absent row
    };
    /** A field's slot in a cached row: 0 for _deleted, then the table's fields in order. */
    static std::size_t slotOf(const schema::TableDef& t, std::string_view field);
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using RowsById = std::unordered_map<std::string, CachedRow, IdHash, std::equal_to<>>;
    std::unordered_map<const schema::TableDef*, RowsById> rowCache;
    std::size_t cachedRows = 0;
    std::unordered_map<const schema::TableDef*, Stmt*> rowSelect;
    std::map<std::pair<const schema::TableDef*, std::string>, Stmt*> rowWrite; // by kind and changed slots

    explicit Impl(Db d, OpenOptions o)
        : db(std::move(d)), reg(schema::registryAt(o.schema)), options(std::move(o)), clock(options.wall) {}

    /** A statement prepared once and cached by its SQL text. */
    Stmt& stmt(const std::string& sql);

    // The hot statements, found without building their SQL text on every edit.
    struct FieldSql {
        std::string_view name; // the field, pointing into the registry
        Stmt* select = nullptr;
        Stmt* update = nullptr;
    };
    std::map<std::pair<const schema::TableDef*, std::string_view>, FieldSql> fieldSql;

    // The op log (op_log.cpp). One `changes` row holds a run of consecutive ops of
    // one replica on one row (a form saved, a row pulled); each op keeps its own
    // position (the server_seq on the server), gap-free, and its own (site, seq).
    struct OpenChange {
        bool active = false;
        std::uint64_t logSeq = 0, seq = 0, n = 0, seen = 0;
        SiteId site = 0;
        std::string table, rowId, author;
        HlcStamp hlcMax = 0;
        std::string body; // without its closing bracket
    };
    OpenChange openChange;
    std::uint64_t nextLogSeq = 1;                        // the next op's position
    std::unordered_map<SiteId, std::uint64_t> siteHigh;  // newest seq of a site in the log, once asked
    // Store::unitEpoch: moves when a unit, an inspection target or a row's unit field
    // changes (here, by a rollback, or, seen by data_version, through another connection).
    std::uint64_t unitMoves = 0;
    std::int64_t dataVersion = -1;
    /** Units, inspection targets and teams shape what every user may read (the server's unit tree). */
    static bool shapesRights(const schema::TableDef& t, std::string_view field) {
        if (t.name == "units") return true;
        if (t.name == "inspection_team") // a member reads its plan's work (issue 18)
            return field == "plan_id" || field == "user_name" || field == schema::DeletedField;
        if (t.name == "inspection_targets")
            return field == "unit_id" || field == "plan_id" || field == "conclusion_status" ||
                   field == schema::DeletedField; // a conclusion published opens it to the unit
        return t.name == "inspection_plans" && field == schema::DeletedField; // its targets go with it
    }
    void noteUnitWrite(const schema::TableDef& t, std::string_view field, const CachedRow& row, const Value& after) {
        // A row being made gets its unit with its first fields (nothing was learnt of
        // it before); a unit or target made does change the tree.
        if (shapesRights(t, field) || (field == t.unitField && row.kind == CachedRow::Kind::Stored &&
                                       row.fields[slotOf(t, field)].state.value != after))
            ++unitMoves;
    }
    // What a client pulled from other replicas (received_log.cpp): one `received`
    // row a batch, in the batch's own encoding, and which (site, seq) it holds as
    // ranges. The batch being applied points into the caller's ops.
    struct ReceivedBatch {
        std::uint64_t first = 0; // its first op's position
        std::vector<const Op*> ops;
        std::vector<std::size_t> unapplied;
        bool cut = false; // part of it was written already: the packed form is not its own
    };
    ReceivedBatch received;
    // A site's ranges are read as far down as the seqs asked about: every range with
    // hi >= `from` is held (and every one with lo >= `lowestLo`), so a pull, whose seqs
    // come after those held, reads one range, not the thousands a replica that may read
    // only some of a site's rows gathers over the years.
    struct SiteRanges {
        std::map<std::uint64_t, std::uint64_t> now, stored; // lo -> hi
        std::uint64_t from = UINT64_MAX, lowestLo = UINT64_MAX;
        bool dirty = false;
    };
    std::unordered_map<SiteId, SiteRanges> receivedRanges; // once asked, in this transaction
    /** Whether the log holds this op already (its own `changes`, for any site). */
    bool loggedChange(const Op& op);
    /** Appends an op pulled from elsewhere to the batch being received; false for one held already. */
    bool appendReceived(const Op& op, bool applied);
    /** Writes the batch being received (`packed` when it is the whole of `total` ops) and its ranges. */
    void flushReceived(std::string_view packed, std::size_t total);
    /** Writes the ops gathered so far: `packed` if it is them, else encoded here. */
    void writeReceived(std::string_view packed);
    std::uint64_t readNextReceivedSeq();
    /** Every kept op from elsewhere at positions after `after`, with its position and whether it was applied. */
    void forEachReceived(std::uint64_t after, std::string_view rowId,
                         const std::function<void(std::uint64_t pos, Op&& op, bool applied)>& fn);

    struct LogEntry {
        std::uint64_t pos = 0;
        Op op;
        bool applied = true;
    };
    struct StoredChange {
        std::uint64_t logSeq = 0, seq = 0, seen = 0;
        SiteId site = 0;
        std::string table, rowId, author;
        std::vector<LogOp> ops;
        Op op(std::size_t i) const; // the i-th op, whole
        /** A row of a SELECT of ChangeColumns. */
        static StoredChange read(const Stmt& st);
    };
    static constexpr const char* ChangeColumns = "log_seq, site, seq, tbl, row_id, author, seen, body";
    /** Appends an op, joining the change being built when it continues it. */
    void appendOp(const Op& op, bool applied);
    /** Appends an op from elsewhere unless the log holds it already; false for a duplicate. */
    bool appendRemoteOp(const Op& op, bool applied);
    /** This replica's ops up to here were acknowledged by the server. */
    std::uint64_t ackedSeq();
    /** Whether this replica holds changes of the row the server has not acknowledged (drop_rows.cpp). */
    bool hasUnacked(const schema::TableDef& t, std::string_view id);
    /** Writes the change being built; before every read of the log and at commit. */
    void flushLog();
    std::uint64_t readNextLogSeq();
    /** Every op of a row, in log order. */
    std::vector<LogEntry> rowLog(std::string_view rowId);
    /** This replica's changes holding ops with seq > `after`, in seq order, until they hold `maxOps` such ops. */
    std::vector<StoredChange> ownChangesAfter(std::uint64_t after, std::size_t maxOps);
    void rewriteChange(const StoredChange& c);
    FieldSql& sqlFor(const schema::TableDef& t, std::string_view field);

    // transactions (store.cpp)
    void begin();
    void commit();
    void rollback() noexcept;

    // field state and writes (store_fields.cpp)
    merge::FieldState fieldState(const schema::TableDef& t, std::string_view id, std::string_view field);
    bool rowExists(const schema::TableDef& t, std::string_view id, bool includeDeleted);
    void writeField(const schema::TableDef& t, std::string_view id, std::string_view field, const Value& v,
                    Version version);
    /** Writes every cached change to SQLite and empties the cache. */
    void flushRows();
    /** The same for one table only (before a query that reads that table). */
    void flushTable(const schema::TableDef& t);
    /** The cached row (read from SQLite on first use); only inside a transaction. */
    CachedRow& cachedRow(const schema::TableDef& t, std::string_view id);
    /** Makes the row if it does not exist (inserted at flush inside a transaction). */
    void ensureRow(const schema::TableDef& t, std::string_view id);
    /** Forgets a row's cached state (after deleting the row by SQL). */
    void evictRow(const schema::TableDef& t, std::string_view id);
    Op localOp(const schema::TableDef& t, std::string_view id, std::string_view field, Value v, Version base);
    Value checkField(const schema::TableDef& t, std::string_view field, const Value& v);
    void checkRef(const schema::FieldDef& f, const Value& v);
    void markSearch(const schema::TableDef& t, std::string_view id, std::string_view field);

    // search (search_index.cpp)
    void reindexDirty();
    /**
     * Rows changed by ops from elsewhere are indexed for search here, before a
     * search, not while a pull holds the sync: every change after the position
     * kept in meta `search_done_to`.
     */
    void catchUpSearch();
    /** Brings the search index up to date before a query reads it. */
    void refreshSearch();

    // server role (conflicts.cpp)
    void recordConflict(const schema::TableDef& t, const Op& op, const merge::FieldState& current, bool opWins);
    /** Delete against an edit its author had not seen (either order): a conflict on _deleted. */
    bool recordDeleteVsEdit(const schema::TableDef& t, const Op& op);
    void openOrJoinConflict(const schema::TableDef& t, const Op& op, const std::string& field,
                            const std::string& opening, const std::vector<std::string>& joining,
                            const std::string& winner);
    /** An edit of a field with an open conflict: closes it or updates its lines (conflicts.cpp). */
    void maybeCloseConflict(const Op& op);
    /** `op` meets open conflict `id`: the values it replaces leave, its own (`incoming`,
     *  with any line it brings to the conflict, e.g. the edit a delete had not seen) join. */
    void mergeIntoConflict(const std::string& id, const Op& op, const std::vector<std::string>& incoming,
                           const std::string& winner);
    /** Records when each of `candidates` was first shown by the conflict. */
    void noteShown(const std::string& conflictId, const nlohmann::json& candidates);
};

/** User text as an FTS5 query: each folded word a quoted prefix term ("" for no words). */
std::string ftsQuery(std::string_view text);

/** The store's own settings and counters (meta table). */
std::optional<std::string> readMeta(Db& db, std::string_view key);
void writeMeta(Store::Impl& im, std::string_view key, std::string_view value);

} // namespace tdkt::store
