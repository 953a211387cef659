// Sync bookkeeping used by the server: reading the log by position, fields with
// their versions, per-site high-water marks, the refused-op audit log, and a
// read snapshot for dumps taken while the server writes.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::store {
namespace {

Op readOpAt(const Stmt& st, int c) {
    Op op;
    op.site = static_cast<SiteId>(st.integer(c));
    op.seq = static_cast<std::uint64_t>(st.integer(c + 1));
    op.table = st.text(c + 2);
    op.rowId = st.text(c + 3);
    op.field = st.text(c + 4);
    op.value = st.value(c + 5);
    op.hlc = static_cast<HlcStamp>(st.integer(c + 6));
    op.base = {static_cast<HlcStamp>(st.integer(c + 7)), static_cast<SiteId>(st.integer(c + 8))};
    op.seen = static_cast<std::uint64_t>(st.integer(c + 9));
    op.author = st.isNull(c + 10) ? "" : st.text(c + 10);
    return op;
}

} // namespace

std::vector<LoggedOp> Store::opsAfter(std::uint64_t cursor, std::size_t limit) const {
    auto& im = *m_impl;
    im.flushLog();
    // Whole changes from the one holding position cursor + 1, until `limit` ops.
    auto& st = im.stmt(std::string("SELECT ") + Impl::ChangeColumns +
                       " FROM changes WHERE log_seq >= (SELECT coalesce(max(log_seq), 0) FROM changes "
                       "WHERE log_seq <= ?1 + 1) ORDER BY log_seq");
    st.bind(1, static_cast<std::int64_t>(cursor));
    std::vector<LoggedOp> out;
    try {
        while (out.size() < limit && st.step()) {
            const auto c = Impl::StoredChange::read(st);
            for (std::size_t i = 0; i < c.ops.size(); ++i)
                if (c.logSeq + i > cursor) out.push_back({c.logSeq + i, c.op(i)});
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    return out;
}

std::vector<LoggedOp> Store::rowOps(std::string_view table, std::string_view id, std::uint64_t before) const {
    std::vector<LoggedOp> out;
    for (auto& e : m_impl->rowLog(id))
        if (e.pos < before && e.op.table == table) out.push_back({e.pos, std::move(e.op)});
    return out;
}

std::uint64_t Store::lastLogSeq() const {
    // Outside a transaction another connection may have written since: ask the file.
    auto& im = *m_impl;
    return (im.batchDepth > 0 ? im.nextLogSeq : im.readNextLogSeq()) - 1;
}

std::optional<FieldValue> Store::fieldValue(std::string_view table, std::string_view id,
                                            std::string_view field) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (field != schema::DeletedField && !t.field(field))
        throw Error(ErrorKind::Invalid, "unknown field '" + std::string(field) + "' in table " + t.name);
    if (im.batchDepth > 0) {
        if (!im.rowExists(t, id, true)) return std::nullopt;
        auto s = im.fieldState(t, id, field);
        return FieldValue{std::move(s.value), s.version};
    }
    // Outside a transaction (the server's pulls): one lookup, not two.
    auto& st = *im.sqlFor(t, field).select;
    st.bind(1, id);
    std::optional<FieldValue> out;
    if (st.step())
        out = FieldValue{st.value(0), {static_cast<HlcStamp>(st.integer(1)), static_cast<SiteId>(st.integer(2))}};
    st.reset();
    return out;
}

std::uint64_t Store::unitEpoch() const {
    auto& im = *m_impl;
    auto& st = im.stmt("PRAGMA data_version");
    const std::int64_t v = st.step() ? st.integer(0) : -1;
    st.reset();
    if (v != im.dataVersion) { // another connection committed: any row may have moved
        im.dataVersion = v;
        ++im.unitMoves;
    }
    return im.unitMoves;
}

std::uint64_t Store::siteHighWater(SiteId site) const {
    auto& st = m_impl->stmt("SELECT high_seq FROM site_marks WHERE site = ?");
    st.bind(1, static_cast<std::int64_t>(site));
    std::uint64_t v = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
    st.reset();
    return v;
}

void Store::setSiteHighWater(SiteId site, std::uint64_t seq) {
    Batch b{*this};
    m_impl->stmt("INSERT INTO site_marks(site, high_seq) VALUES(?, ?) ON CONFLICT(site) DO UPDATE SET "
                 "high_seq = max(high_seq, excluded.high_seq)")
        .bind(1, static_cast<std::int64_t>(site))
        .bind(2, static_cast<std::int64_t>(seq))
        .run();
    b.commit();
}

void Store::logRefused(const Op& op, std::string_view reason) {
    Batch b{*this};
    auto& st = m_impl->stmt("INSERT INTO refused_ops(site, seq, tbl, row_id, field, value, hlc, author, reason, at) "
                            "VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, static_cast<std::int64_t>(op.site)).bind(2, static_cast<std::int64_t>(op.seq));
    st.bind(3, op.table).bind(4, op.rowId).bind(5, op.field).bind(6, op.value);
    st.bind(7, static_cast<std::int64_t>(op.hlc)).bind(8, op.author).bind(9, reason);
    st.bind(10, static_cast<std::int64_t>(m_impl->clock.wallMillis())).run();
    b.commit();
}

std::vector<std::pair<Op, std::string>> Store::refusedOps(std::size_t limit) const {
    auto& st = m_impl->stmt("SELECT id, site, seq, tbl, row_id, field, value, hlc, 0, 0, 0, author, reason "
                            "FROM refused_ops ORDER BY id DESC LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<std::pair<Op, std::string>> out;
    while (st.step()) out.emplace_back(readOpAt(st, 1), st.text(12));
    st.reset();
    return out;
}

std::map<std::uint64_t, std::string> Store::refusedReasons(SiteId site, std::uint64_t first, std::uint64_t last) const {
    auto& st = m_impl->stmt("SELECT seq, reason FROM refused_ops WHERE site = ? AND seq BETWEEN ? AND ?");
    st.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(first));
    st.bind(3, static_cast<std::int64_t>(last));
    std::map<std::uint64_t, std::string> out;
    while (st.step()) out.emplace(static_cast<std::uint64_t>(st.integer(0)), st.text(1));
    st.reset();
    return out;
}

std::map<std::uint64_t, Op> Store::settledOps(SiteId site, std::uint64_t first, std::uint64_t last) const {
    auto& im = *m_impl;
    im.flushLog();
    std::map<std::uint64_t, Op> out;
    // Applied ops: whole changes from the one holding `first` (changes_id index).
    auto& st = im.stmt(std::string("SELECT ") + Impl::ChangeColumns +
                       " FROM changes WHERE site = ?1 AND seq >= (SELECT coalesce(max(seq), 0) FROM changes "
                       "WHERE site = ?1 AND seq <= ?2) AND seq <= ?3 ORDER BY seq");
    st.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(first));
    st.bind(3, static_cast<std::int64_t>(last));
    try {
        while (st.step()) {
            const auto c = Impl::StoredChange::read(st);
            for (std::size_t i = 0; i < c.ops.size(); ++i)
                if (c.seq + i >= first && c.seq + i <= last) out.emplace(c.seq + i, c.op(i));
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    // Refused ops are never in the log; the audit table keeps what they were.
    auto& r = im.stmt("SELECT site, seq, tbl, row_id, field, value, hlc, 0, 0, 0, author FROM refused_ops "
                      "WHERE site = ? AND seq BETWEEN ? AND ?");
    r.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(first));
    r.bind(3, static_cast<std::int64_t>(last));
    while (r.step()) {
        Op op = readOpAt(r, 0);
        out.emplace(op.seq, std::move(op));
    }
    r.reset();
    return out;
}

Store::ReadSnapshot::ReadSnapshot(const Store& store) : m_store(store) {
    auto& db = m_store.m_impl->db;
    db.exec("BEGIN");
    (void)db.scalar("SELECT count(*) FROM meta"); // the snapshot starts with the first read
}

Store::ReadSnapshot::~ReadSnapshot() { sqlite3_exec(m_store.m_impl->db.raw(), "COMMIT", nullptr, nullptr, nullptr); }

} // namespace tdkt::store
