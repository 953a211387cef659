// Re-siting: this replica's id turned out to be used by other changes too (a
// laptop restored from a backup, a database copied to a second laptop), so the
// server holds ops under (id, seq) that this copy never made, or made otherwise.
// The copy takes a new id and its own ops the server never confirmed to it move
// there, renumbered; what the server holds of the old id then comes back by pull
// and merges like any other replica's edits (DESIGN.md §4). Nothing is dropped.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <set>

namespace tdkt::store {
namespace {

void insertChange(Store::Impl& im, const Store::Impl::StoredChange& c) {
    HlcStamp hlcMax = 0;
    for (const auto& op : c.ops) hlcMax = std::max(hlcMax, op.hlc);
    auto& st = im.stmt("INSERT INTO changes(log_seq, n, site, seq, tbl, row_id, author, seen, hlc_max, body) "
                       "VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, static_cast<std::int64_t>(c.logSeq)).bind(2, static_cast<std::int64_t>(c.ops.size()));
    st.bind(3, static_cast<std::int64_t>(c.site)).bind(4, static_cast<std::int64_t>(c.seq));
    st.bind(5, c.table).bind(6, c.rowId);
    if (c.author.empty()) st.bindNull(7);
    else st.bind(7, c.author);
    st.bind(8, static_cast<std::int64_t>(c.seen)).bind(9, static_cast<std::int64_t>(hlcMax));
    st.bind(10, encodeBody(c.ops)).run();
}

// The list of refused changes is keyed by our seq: the old id's entries move below
// every key in use and below 1, so the new id's refusals (from seq 1) replace none.
void shiftRejected(Store::Impl& im) {
    auto& range = im.stmt("SELECT min(seq), max(seq) FROM rejected");
    std::int64_t lo = 0, hi = 0;
    const bool any = range.step() && !range.isNull(0);
    if (any) lo = range.integer(0), hi = range.integer(1);
    range.reset();
    if (!any) return;
    const std::int64_t shift = hi + 1 - std::min<std::int64_t>(lo, 1);
    im.stmt("UPDATE rejected SET seq = seq - ?").bind(1, shift).run();
}

} // namespace

std::uint64_t Store::nextSeq() const {
    auto& im = *m_impl;
    if (im.batchDepth > 0) return im.nextSeq;
    return std::stoull(readMeta(im.db, "next_seq").value_or("1"));
}

Resited Store::resite() {
    auto& im = *m_impl;
    Batch b{*this};
    Resited out;
    out.from = im.site;
    do out.to = newSiteId();
    while (out.to == out.from);
    // acked_seq is the last seq the server confirmed to this copy; it can never be
    // past the ops this copy made.
    const std::uint64_t acked = std::min(im.ackedSeq(), im.nextSeq - 1);
    auto changes = im.ownChangesAfter(acked, std::size_t(1) << 40);

    // The versions that move: (hlc, old id) → (hlc, new id). A replica's stamps only
    // grow, so an hlc names one of its ops.
    std::set<HlcStamp> moving;
    for (const auto& c : changes)
        for (std::size_t i = 0; i < c.ops.size(); ++i)
            if (c.seq + i > acked) moving.insert(c.ops[i].hlc);
    auto moved = [&](Version v) { return v.site == out.from && moving.contains(v.hlc) ? Version{v.hlc, out.to} : v; };

    for (auto& c : changes) {
        // A change may begin with ops the server confirmed: those stay, the rest is split off.
        const std::size_t keep = c.seq <= acked ? static_cast<std::size_t>(acked - c.seq + 1) : 0;
        Impl::StoredChange tail = c;
        tail.ops.erase(tail.ops.begin(), tail.ops.begin() + static_cast<std::ptrdiff_t>(keep));
        tail.logSeq = c.logSeq + keep;
        tail.site = out.to;
        tail.seq = c.seq + keep - acked;
        const auto& t = im.reg.require(c.table);
        for (auto& op : tail.ops) {
            op.base = moved(op.base);
            const auto state = im.fieldState(t, c.rowId, op.field);
            if (state.version == Version{op.hlc, out.from})
                im.writeField(t, c.rowId, op.field, state.value, {op.hlc, out.to});
        }
        out.moved += tail.ops.size();
        if (keep == 0) {
            im.stmt("DELETE FROM changes WHERE log_seq = ?").bind(1, static_cast<std::int64_t>(c.logSeq)).run();
        } else {
            c.ops.resize(keep);
            im.rewriteChange(c);
            im.stmt("UPDATE changes SET n = ? WHERE log_seq = ?")
                .bind(1, static_cast<std::int64_t>(keep))
                .bind(2, static_cast<std::int64_t>(c.logSeq))
                .run();
        }
        insertChange(im, tail); // same positions in the log, so the log stays gap-free
    }
    shiftRejected(im);
    im.siteHigh.clear();
    im.site = out.to;
    im.nextSeq = im.nextSeq - acked;
    writeMeta(im, "site_id", std::to_string(out.to));
    writeMeta(im, "acked_seq", "0");
    // The old id's ops the server holds are no longer ours: pull them from the start
    // (what is here already is recognised by (site, seq) and skipped).
    writeMeta(im, "pull_cursor", "0");
    b.commit();
    return out;
}

} // namespace tdkt::store
