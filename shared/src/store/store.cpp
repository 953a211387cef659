// Store lifecycle: open and check the file, meta settings, transactions.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/migrations.hpp"

#include <cstdlib>

namespace tdkt::store {

std::optional<std::string> readMeta(Db& db, std::string_view key) {
    Stmt st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void writeMeta(Store::Impl& im, std::string_view key, std::string_view value) {
    im.stmt("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

namespace {

// A file is ours when it carries our application_id; an empty file may become ours.
void checkOwnership(Db& db, bool create) {
    const auto appId = db.scalar("PRAGMA application_id");
    const auto objects = db.scalar("SELECT count(*) FROM sqlite_master");
    if (appId == ApplicationId) return;
    if (objects == 0) {
        if (create) return;
        throw Error(ErrorKind::NotFound, "no TĐKT database here yet: run 'tdkt-cli --db PATH init' first");
    }
    throw Error(ErrorKind::Storage, "the file is a SQLite database, but not a TĐKT one: refusing to touch it");
}

} // namespace

Stmt& Store::Impl::stmt(const std::string& sql) {
    auto it = stmts.find(sql);
    if (it == stmts.end()) it = stmts.emplace(sql, db.prepare(sql)).first;
    return it->second;
}

void Store::Impl::begin() {
    if (batchDepth == 0) {
        poisoned = false;
        db.exec("BEGIN IMMEDIATE");
        try {
            // Another connection may have written since our last transaction (the CLI
            // beside the desktop client, an admin command beside serve): the counters
            // are read again under the write lock, so seqs and log positions stay unique.
            auto& meta = stmt("SELECT key, value FROM meta WHERE key IN ('next_seq', 'hlc_last')");
            while (meta.step()) {
                const std::uint64_t v = std::stoull(meta.text(1));
                if (meta.text(0) == "next_seq") nextSeq = v;
                else clock.observe(v);
            }
            meta.reset();
            nextLogSeq = readNextLogSeq();
            siteHigh.clear();
            receivedRanges.clear();
        } catch (...) {
            sqlite3_exec(db.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    ++batchDepth;
}

void Store::Impl::commit() {
    if (batchDepth == 1) {
        if (poisoned) throw Error(ErrorKind::Storage, "an earlier step of this change failed: nothing was saved");
        reindexDirty(); // reads the rows from the cache, before it is written out
        flushRows();
        flushLog();
        writeMeta(*this, "next_seq", std::to_string(nextSeq));
        writeMeta(*this, "hlc_last", std::to_string(clock.last()));
        db.exec("COMMIT");
    }
    --batchDepth;
}

void Store::Impl::rollback() noexcept {
    if (batchDepth == 1) {
        sqlite3_exec(db.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
        ++unitMoves; // what was learnt inside the transaction is gone with it
        dirtySearch.clear();
        rowCache.clear();
        openChange.active = false;
        siteHigh.clear();
        receivedRanges.clear();
        received = {};
        cachedRows = 0;
        // The counter may have moved past ops that were rolled back; reread it so
        // the seq stays gap-free for the server's high-water mark.
        try {
            if (auto v = readMeta(db, "next_seq")) nextSeq = std::stoull(*v);
            nextLogSeq = readNextLogSeq();
        } catch (...) {
        }
    } else {
        poisoned = true;
    }
    --batchDepth;
}

Store::Batch::Batch(Store& store) : m_store(store) { m_store.m_impl->begin(); }

Store::Batch::~Batch() {
    if (!m_done) m_store.m_impl->rollback();
}

void Store::Batch::commit() {
    try {
        m_store.m_impl->commit();
        m_done = true;
    } catch (...) {
        m_store.m_impl->rollback();
        m_done = true;
        throw;
    }
}

std::unique_ptr<Store> Store::open(const std::filesystem::path& path, OpenOptions options) {
    if (!options.create && !std::filesystem::exists(path))
        throw Error(ErrorKind::NotFound, "no database at " + path.string() + ": run 'tdkt-cli --db PATH init' first");
    Db db = Db::open(path, options.create);
    // A new file gets bigger pages than SQLite's 4 KiB: rows of 20-odd columns fit
    // more to a page (apply_bench 21.7 → 16.1 µs a row with 16 KiB). The server, which
    // mostly appends, keeps 16 KiB; a replica takes 8 KiB: an edit pulled into a row
    // rewrites its page in the WAL, and at 16 KiB that cost sync_bench's edit round
    // ~20% (1.65 vs 2.03 s) while a first pull ran no faster. No effect on an existing file.
    if (options.create) db.exec(options.serverRole ? "PRAGMA page_size = 16384" : "PRAGMA page_size = 8192");
    checkOwnership(db, options.create);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA cache_size = -32768"); // 32 MiB: big batches must not spill to the WAL mid-transaction
    migrate(db, schema::registryAt(options.schema), options.schema, options.serverRole);

    auto impl = std::make_unique<Impl>(std::move(db), std::move(options));
    auto& im = *impl;
    if (auto s = readMeta(im.db, "site_id")) {
        im.site = std::stoull(*s);
        im.siteName = readMeta(im.db, "site_name").value_or("");
        im.nextSeq = std::stoull(readMeta(im.db, "next_seq").value_or("1"));
        im.clock = HybridClock(im.options.wall, std::stoull(readMeta(im.db, "hlc_last").value_or("0")));
        im.seenCursor = std::stoull(readMeta(im.db, "pull_cursor").value_or("0"));
    } else {
        Transaction tx{im.db};
        im.site = newSiteId();
        im.siteName = im.options.siteName;
        writeMeta(im, "site_id", std::to_string(im.site));
        writeMeta(im, "site_name", im.siteName);
        writeMeta(im, "next_seq", "1");
        tx.commit();
    }
    im.nextLogSeq = im.readNextLogSeq();
    if (auto off = readMeta(im.db, "clock_offset_ms")) im.clock.setOffset(std::stoll(*off));
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Store::~Store() = default;

SiteId Store::siteId() const { return m_impl->site; }

std::string Store::siteName() const { return m_impl->siteName; }

std::uint32_t Store::schemaVersion() const { return static_cast<std::uint32_t>(m_impl->db.userVersion()); }

const schema::Registry& Store::registry() const { return m_impl->reg; }

HybridClock& Store::clock() { return m_impl->clock; }

std::optional<std::string> Store::setting(std::string_view key) const { return readMeta(m_impl->db, key); }

void Store::setSetting(std::string_view key, std::string_view value) {
    Batch b{*this};
    writeMeta(*m_impl, key, value);
    if (key == "pull_cursor") m_impl->seenCursor = std::stoull(std::string(value));
    if (key == "clock_offset_ms") m_impl->clock.setOffset(std::stoll(std::string(value)));
    b.commit();
}

} // namespace tdkt::store
