#include "tdkt/store/migrations.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace tdkt::store {
namespace {

struct InternalMigration {
    int version;
    std::string_view sql;
    bool replicasOnly = false; // a search index step: the server answers no searches
};

// The store's own tables. Never edit a shipped step: add a new one.
constexpr std::string_view StoreTablesV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value) WITHOUT ROWID;
CREATE TABLE ops (
    local_seq INTEGER PRIMARY KEY,     -- order applied here; the server_seq on the server
    site INTEGER NOT NULL, seq INTEGER NOT NULL,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, value,
    hlc INTEGER NOT NULL, base_hlc INTEGER NOT NULL, base_site INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0, author TEXT, applied INTEGER NOT NULL DEFAULT 1);
CREATE UNIQUE INDEX ops_id ON ops(site, seq);
CREATE INDEX ops_row ON ops(row_id);
CREATE TABLE conflict_marks (conflict_id TEXT PRIMARY KEY NOT NULL, seen_needed INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_docs (docid INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, title TEXT,
                          UNIQUE (tbl, row_id));
CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
)sql";

// Sync bookkeeping. Server: each site's high-water mark (settled seqs, applied or
// refused) and the log of refused ops. Client: the changes the server refused.
constexpr std::string_view SyncTablesV2 = R"sql(
CREATE TABLE site_marks (site INTEGER PRIMARY KEY, high_seq INTEGER NOT NULL);
CREATE TABLE refused_ops (id INTEGER PRIMARY KEY, site INTEGER NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL,
    row_id TEXT NOT NULL, field TEXT NOT NULL, value, hlc INTEGER NOT NULL, author TEXT, reason TEXT NOT NULL,
    at INTEGER NOT NULL);
CREATE TABLE rejected (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
    value, reason TEXT NOT NULL, at INTEGER NOT NULL);
)sql";

// Migration 17 is the registry's alone: award_code grew to the whole catalog of Law
// 06/2022 (an open enumeration, no SQL) and dossiers.kind (hiệp y) was added.
// Migration 21 too: issuer_kind and issuer_name on dossiers and award_history.

// Server: since when an open conflict shows each of its values (its lines of
// edits), so an edit replaces exactly the values its author had pulled.
constexpr std::string_view ConflictLinesV16 = R"sql(
CREATE TABLE conflict_lines (conflict_id TEXT NOT NULL, hlc INTEGER NOT NULL, site INTEGER NOT NULL,
    shown_at INTEGER NOT NULL, PRIMARY KEY (conflict_id, hlc, site)) WITHOUT ROWID;
)sql";

// From migration 3 on, every reference field (person_id, dossier_id, ...) has an
// index: the rules engine reads a nominee's history on every keystroke.
constexpr int RefIndexesFrom = 3;
constexpr std::string_view RefIndexesV3 = "-- indexes on every reference field (built by migrationSql)\n";

// Every op the server applies asks whether its field has an open conflict: without
// this index, a scan of the whole conflicts table per op (sync_bench went quadratic).
constexpr std::string_view OpenConflictsV4 = R"sql(
CREATE INDEX conflicts_open_field ON conflicts(table_name, row_id, field) WHERE status = 'open';
)sql";

// The op log keeps one row per change (a run of consecutive ops of one replica on
// one row) instead of one per field: a pull of 100,000 rows writes 100,000 log
// rows, not 600,000. Each op keeps its position (log_seq + i), its seq (seq + i)
// and its versions; the `ops` view reads them back one op a row, for audits.
constexpr std::string_view ChangesV5 = R"sql(
CREATE TABLE changes (
    log_seq INTEGER PRIMARY KEY,   -- position of its first op; its ops hold log_seq .. log_seq + n - 1
    n INTEGER NOT NULL,
    site INTEGER NOT NULL, seq INTEGER NOT NULL,  -- its ops are seq .. seq + n - 1 of that site
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, author TEXT, seen INTEGER NOT NULL,
    hlc_max INTEGER NOT NULL,
    body TEXT NOT NULL);           -- JSON: [[field, value, hlc, base_hlc, base_site, applied], ...]
INSERT INTO changes(log_seq, n, site, seq, tbl, row_id, author, seen, hlc_max, body)
    SELECT local_seq, 1, site, seq, tbl, row_id, author, seen, hlc,
           json_array(json_array(field, value, hlc, base_hlc, base_site, applied))
    FROM ops ORDER BY local_seq;
DROP TABLE ops;
CREATE UNIQUE INDEX changes_id ON changes(site, seq);
CREATE INDEX changes_row ON changes(row_id);
CREATE VIEW ops (local_seq, site, seq, tbl, row_id, field, value, hlc, base_hlc, base_site, seen, author, applied) AS
    SELECT c.log_seq + j.key, c.site, c.seq + j.key, c.tbl, c.row_id, j.value ->> 0, j.value ->> 1, j.value ->> 2,
           j.value ->> 3, j.value ->> 4, c.seen, c.author, j.value ->> 5
    FROM changes c, json_each(c.body) j;
)sql";

// A replica whose rights shrank pulls everything it may read again and drops the
// rows it did not hear of (drop_rows.cpp); the rows heard of so far, kept across
// broken syncs so the sweep resumes.
constexpr std::string_view PullSeenV6 = R"sql(
CREATE TABLE pull_seen (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
)sql";

// Every sync ends by counting the open conflicts (the number it prints): with only
// conflicts_open_field, a walk of it plus a table lookup per open conflict (10% of
// sync_bench's edit round with 12,800 open); this index answers the count alone.
constexpr std::string_view OpenCountV7 = R"sql(
CREATE INDEX conflicts_open ON conflicts(_deleted) WHERE status = 'open';
)sql";

// A client keeps the changes it pulled from other replicas as the batches they came
// in (protocol/op_batch.hpp's encoding), one row a batch, not one indexed `changes`
// row per change: that wrote every pulled value twice and two index entries per
// row, 40% of applying a pulled row. Which (site, seq) it holds is kept as ranges.
// Its own changes, and the server's log, stay in `changes`.
constexpr std::string_view ReceivedV8 = R"sql(
CREATE TABLE received (
    log_seq INTEGER PRIMARY KEY,   -- position of its first op; its ops hold log_seq .. log_seq + n - 1
    n INTEGER NOT NULL,
    hlc_max INTEGER NOT NULL,
    unapplied TEXT,                -- offsets of the ops that lost the merge ("3,17"), or NULL
    ops BLOB NOT NULL);
CREATE TABLE received_ranges (site INTEGER NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
                              PRIMARY KEY (site, lo)) WITHOUT ROWID;
)sql";

// A row's history read every kept batch back; a Bloom filter of the rows each batch
// names (row_bloom.hpp) lets it decompress only those that may hold the row.
// Batches kept before have none: they are read as before.
constexpr std::string_view ReceivedBloomV9 = R"sql(
CREATE TABLE received_rows (log_seq INTEGER PRIMARY KEY, bloom BLOB NOT NULL);
)sql";

// A push re-sent after a lost acknowledgement asks which of its ops were refused
// (refusedReasons, settledOps): without this index a scan of every refusal ever
// logged, twice a push, on the server's one writer (16 ms at 100,000 refusals).
constexpr std::string_view RefusedBySiteV10 = R"sql(
CREATE INDEX refused_ops_site ON refused_ops(site, seq);
)sql";

// Search as one types: a one- or two-letter prefix ("n", "ng") matched every term
// beginning so and merged their lists (p99 250 ms on 100,000 dossiers); prefix
// indexes of 1, 2 and 3 letters answer it from one list. The bodies are copied as
// they were indexed (already folded: marks gone, đ → d), the tokenizer unchanged.
constexpr std::string_view SearchPrefixesV23 = R"sql(
CREATE VIRTUAL TABLE search_fts_v23 USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
INSERT INTO search_fts_v23(rowid, body) SELECT rowid, body FROM search_fts;
DROP TABLE search_fts;
ALTER TABLE search_fts_v23 RENAME TO search_fts;
)sql";

constexpr std::array<InternalMigration, 12> Internal{
    InternalMigration{1, StoreTablesV1}, InternalMigration{2, SyncTablesV2},
    InternalMigration{RefIndexesFrom, RefIndexesV3}, InternalMigration{4, OpenConflictsV4},
    InternalMigration{5, ChangesV5},     InternalMigration{6, PullSeenV6},
    InternalMigration{7, OpenCountV7},   InternalMigration{8, ReceivedV8},
    InternalMigration{9, ReceivedBloomV9},     InternalMigration{10, RefusedBySiteV10},
    InternalMigration{16, ConflictLinesV16},   InternalMigration{23, SearchPrefixesV23, true}};

std::string sqlType(schema::FieldType t) {
    switch (t) {
    case schema::FieldType::Integer:
    case schema::FieldType::Boolean: return "INTEGER";
    case schema::FieldType::Real: return "REAL";
    default: return "TEXT";
    }
}

std::string columnDefs(std::string_view name, std::string_view type) {
    std::string n(name);
    return n + " " + std::string(type) + ", " + hlcColumn(name) + " INTEGER NOT NULL DEFAULT 0, " + siteColumn(name) +
           " INTEGER NOT NULL DEFAULT 0";
}

// A field added to an existing table: its value, version and site columns, one
// ALTER TABLE each (SQLite adds one column a statement).
std::string addColumn(const std::string& table, const schema::FieldDef& f) {
    const std::string alter = "ALTER TABLE " + table + " ADD COLUMN ";
    return alter + f.name + " " + sqlType(f.type) + ";\n" + alter + hlcColumn(f.name) +
           " INTEGER NOT NULL DEFAULT 0;\n" + alter + siteColumn(f.name) + " INTEGER NOT NULL DEFAULT 0;\n";
}

// The reference-field indexes that migration `version` adds.
std::string refIndexes(const schema::TableDef& t, int version) {
    std::string sql;
    if (version < RefIndexesFrom) return sql;
    for (const auto& f : t.fields) {
        if (f.type != schema::FieldType::Ref || f.name == t.unitField) continue;
        const int added = std::max(f.since, t.since);
        const bool now = version == RefIndexesFrom ? added <= version : added == version;
        if (now) sql += "CREATE INDEX " + t.name + "_" + f.name + " ON " + t.name + "(" + f.name + ");\n";
    }
    return sql;
}

std::string createTable(const schema::TableDef& t, int version) {
    std::string sql = "CREATE TABLE " + t.name + " (id TEXT PRIMARY KEY NOT NULL, " +
                      columnDefs(schema::DeletedField, "INTEGER NOT NULL DEFAULT 0");
    for (const auto& f : t.fields)
        if (f.since <= version) sql += ", " + columnDefs(f.name, sqlType(f.type));
    sql += ") WITHOUT ROWID;\n";
    if (t.unitField != "id") sql += "CREATE INDEX " + t.name + "_unit ON " + t.name + "(" + t.unitField + ");\n";
    return sql;
}

} // namespace

std::string hlcColumn(std::string_view field) { return "_h_" + std::string(field); }

std::string siteColumn(std::string_view field) { return "_s_" + std::string(field); }

int latestMigration(const schema::Registry& reg) {
    int v = reg.latestVersion();
    for (const auto& m : Internal) v = std::max(v, m.version);
    return v;
}

std::string migrationSql(const schema::Registry& reg, int version, bool server) {
    std::string sql;
    for (const auto& m : Internal)
        if (m.version == version && !(server && m.replicasOnly)) sql += m.sql;
    for (const auto& t : reg.tables()) {
        if (t.since == version) {
            sql += createTable(t, version);
        } else if (t.since < version) {
            for (const auto& f : t.fields)
                if (f.since == version) sql += addColumn(t.name, f);
        }
        if (t.since <= version) sql += refIndexes(t, version);
    }
    return sql;
}

void migrate(Db& db, const schema::Registry& reg, int upTo, bool server) {
    const int latest = upTo > 0 ? std::min(upTo, latestMigration(reg)) : latestMigration(reg);
    const int current = db.userVersion();
    if (current > latest)
        throw Error(ErrorKind::Storage, "the database was written by a newer TĐKT (schema " + std::to_string(current) +
                                            ", this program knows " + std::to_string(latest) + "): please update");
    for (int v = current + 1; v <= latest; ++v) {
        Transaction tx{db};
        db.exec(migrationSql(reg, v, server));
        if (v == 1) db.exec("PRAGMA application_id = " + std::to_string(ApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(v));
        tx.commit();
    }
}

} // namespace tdkt::store
