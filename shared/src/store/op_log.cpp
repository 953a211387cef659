// The op log: appending ops (grouped into changes), and reading them back by
// position, by row and by this replica's seq.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>

namespace tdkt::store {

Store::Impl::StoredChange Store::Impl::StoredChange::read(const Stmt& st) {
    StoredChange c;
    c.logSeq = static_cast<std::uint64_t>(st.integer(0));
    c.site = static_cast<SiteId>(st.integer(1));
    c.seq = static_cast<std::uint64_t>(st.integer(2));
    c.table = st.text(3);
    c.rowId = st.text(4);
    c.author = st.isNull(5) ? "" : st.text(5);
    c.seen = static_cast<std::uint64_t>(st.integer(6));
    c.ops = decodeBody(st.text(7));
    return c;
}

Op Store::Impl::StoredChange::op(std::size_t i) const {
    const auto& l = ops[i];
    Op out;
    out.site = site;
    out.seq = seq + i;
    out.table = table;
    out.rowId = rowId;
    out.field = l.field;
    out.value = l.value;
    out.hlc = l.hlc;
    out.base = l.base;
    out.seen = seen;
    out.author = author;
    return out;
}

void Store::Impl::appendOp(const Op& op, bool applied) {
    auto& c = openChange;
    const bool joins = c.active && c.site == op.site && op.seq == c.seq + c.n && c.rowId == op.rowId &&
                       c.table == op.table && c.author == op.author && c.seen == op.seen;
    if (!joins) {
        flushLog();
        c.active = true;
        c.logSeq = nextLogSeq;
        c.seq = op.seq;
        c.n = 0;
        c.seen = op.seen;
        c.site = op.site;
        c.table = op.table;
        c.rowId = op.rowId;
        c.author = op.author;
        c.hlcMax = 0;
        c.body.assign(1, '[');
    }
    appendLogOp(c.body, op.field, op.value, op.hlc, op.base, applied);
    c.hlcMax = std::max(c.hlcMax, op.hlc);
    ++c.n;
    ++nextLogSeq;
    if (auto h = siteHigh.find(op.site); h != siteHigh.end()) h->second = std::max(h->second, op.seq);
}

void Store::Impl::flushLog() {
    auto& c = openChange;
    if (!c.active) return;
    c.active = false;
    auto& st = stmt("INSERT INTO changes(log_seq, n, site, seq, tbl, row_id, author, seen, hlc_max, body) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, static_cast<std::int64_t>(c.logSeq)).bind(2, static_cast<std::int64_t>(c.n));
    st.bind(3, static_cast<std::int64_t>(c.site)).bind(4, static_cast<std::int64_t>(c.seq));
    st.bind(5, c.table).bind(6, c.rowId);
    if (c.author.empty()) st.bindNull(7);
    else st.bind(7, c.author);
    st.bind(8, static_cast<std::int64_t>(c.seen)).bind(9, static_cast<std::int64_t>(c.hlcMax));
    c.body += ']';
    st.bind(10, c.body).run();
}

bool Store::Impl::loggedChange(const Op& op) {
    auto high = siteHigh.find(op.site);
    if (high == siteHigh.end()) {
        flushLog();
        auto& st = stmt("SELECT seq + n - 1 FROM changes WHERE site = ? ORDER BY seq DESC LIMIT 1");
        st.bind(1, static_cast<std::int64_t>(op.site));
        const std::uint64_t h = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
        st.reset();
        high = siteHigh.emplace(op.site, h).first;
    }
    // A site's ops reach every replica in seq order, so only an op at or below the
    // newest one held needs the exact question.
    if (op.seq > high->second) return false;
    flushLog();
    auto& st = stmt("SELECT seq + n FROM changes WHERE site = ? AND seq <= ? ORDER BY seq DESC LIMIT 1");
    st.bind(1, static_cast<std::int64_t>(op.site)).bind(2, static_cast<std::int64_t>(op.seq));
    const bool held = st.step() && static_cast<std::uint64_t>(st.integer(0)) > op.seq;
    st.reset();
    return held;
}

bool Store::Impl::appendRemoteOp(const Op& op, bool applied) {
    // A client keeps what it pulls as received batches; its own ops (a copy that
    // took a new id pulls its old ones back) and every op on the server go to `changes`.
    if (!options.serverRole && op.site != site) return appendReceived(op, applied);
    if (loggedChange(op)) return false;
    appendOp(op, applied);
    return true;
}

std::uint64_t Store::Impl::readNextLogSeq() {
    auto& st = stmt("SELECT log_seq + n FROM changes ORDER BY log_seq DESC LIMIT 1");
    std::uint64_t next = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 1;
    st.reset();
    return std::max(next, readNextReceivedSeq());
}

std::vector<Store::Impl::LogEntry> Store::Impl::rowLog(std::string_view rowId) {
    flushLog();
    auto& st = stmt(std::string("SELECT ") + ChangeColumns + " FROM changes WHERE row_id = ? ORDER BY log_seq");
    st.bind(1, rowId);
    std::vector<LogEntry> out;
    try {
        while (st.step()) {
            auto c = StoredChange::read(st);
            for (std::size_t i = 0; i < c.ops.size(); ++i) out.push_back({c.logSeq + i, c.op(i), c.ops[i].applied});
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    if (!options.serverRole) {
        forEachReceived(0, rowId, [&](std::uint64_t pos, Op&& op, bool applied) {
            if (op.rowId == rowId) out.push_back({pos, std::move(op), applied});
        });
        std::ranges::sort(out, {}, &LogEntry::pos);
    }
    return out;
}

std::vector<Store::Impl::StoredChange> Store::Impl::ownChangesAfter(std::uint64_t after, std::size_t maxOps) {
    flushLog();
    // From the change holding seq `after` + 1 (it may also hold older, acknowledged ops).
    auto& st = stmt(std::string("SELECT ") + ChangeColumns +
                    " FROM changes WHERE site = ?1 AND seq >= (SELECT coalesce(max(seq), 0) FROM changes "
                    "WHERE site = ?1 AND seq <= ?2 + 1) ORDER BY seq");
    st.bind(1, static_cast<std::int64_t>(site)).bind(2, static_cast<std::int64_t>(after));
    std::vector<StoredChange> out;
    std::size_t ops = 0;
    try {
        while (ops < maxOps && st.step()) {
            auto c = StoredChange::read(st);
            const std::uint64_t last = c.seq + c.ops.size() - 1;
            if (last <= after) continue;
            ops += static_cast<std::size_t>(last - std::max(after, c.seq - 1));
            out.push_back(std::move(c));
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    return out;
}

void Store::Impl::rewriteChange(const StoredChange& c) {
    flushLog();
    HlcStamp hlcMax = 0;
    for (const auto& op : c.ops) hlcMax = std::max(hlcMax, op.hlc);
    const std::string body = encodeBody(c.ops);
    auto& st = stmt("UPDATE changes SET body = ?, hlc_max = ? WHERE log_seq = ?");
    st.bind(1, body).bind(2, static_cast<std::int64_t>(hlcMax));
    st.bind(3, static_cast<std::int64_t>(c.logSeq)).run();
}

} // namespace tdkt::store
