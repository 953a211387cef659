// The sync side of the store: the pending log, acknowledgements, and merging
// ops that came from other replicas.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::store {
std::uint64_t Store::Impl::ackedSeq() {
    auto& st = stmt("SELECT value FROM meta WHERE key = 'acked_seq'");
    std::uint64_t acked = st.step() ? std::stoull(st.text(0)) : 0;
    st.reset();
    return acked;
}

std::vector<Op> Store::pendingOps(std::size_t limit) const { return pendingOpsAfter(m_impl->ackedSeq(), limit); }

std::vector<Op> Store::pendingOpsAfter(std::uint64_t acked, std::size_t limit) const {
    auto& im = *m_impl;
    std::vector<Op> ops;
    for (const auto& c : im.ownChangesAfter(acked, limit)) {
        for (std::size_t i = 0; i < c.ops.size() && ops.size() < limit; ++i)
            if (c.seq + i > acked) ops.push_back(c.op(i));
        if (ops.size() >= limit) break;
    }
    return ops;
}

std::size_t Store::pendingCount() const {
    auto& im = *m_impl;
    im.flushLog();
    const std::uint64_t acked = im.ackedSeq();
    auto& whole = im.stmt("SELECT coalesce(sum(n), 0) FROM changes WHERE site = ? AND seq > ?");
    whole.bind(1, static_cast<std::int64_t>(im.site)).bind(2, static_cast<std::int64_t>(acked));
    std::size_t n = whole.step() ? static_cast<std::size_t>(whole.integer(0)) : 0;
    whole.reset();
    // The change holding the acknowledged op may also hold later ones.
    auto& part = im.stmt("SELECT seq + n - 1 FROM changes WHERE site = ? AND seq <= ? ORDER BY seq DESC LIMIT 1");
    part.bind(1, static_cast<std::int64_t>(im.site)).bind(2, static_cast<std::int64_t>(acked));
    if (part.step() && static_cast<std::uint64_t>(part.integer(0)) > acked)
        n += static_cast<std::size_t>(static_cast<std::uint64_t>(part.integer(0)) - acked);
    part.reset();
    return n;
}

void Store::acknowledge(std::uint64_t seq) {
    auto& im = *m_impl;
    if (seq <= im.ackedSeq()) return;
    setSetting("acked_seq", std::to_string(seq));
}

ApplyResult Store::applyRemote(std::span<const Op> ops, Checked checked, std::string_view packed) {
    auto& im = *m_impl;
    ApplyResult result;
    Batch b{*this};
    // The received batch points into `ops`: it must not outlive this call.
    struct Forget {
        Impl& im;
        ~Forget() { im.received = {}; }
    } forget{im};
    // A row's ops come one after another: its table is found and its id checked
    // once for them all.
    const schema::TableDef* table = nullptr;
    std::string_view checkedId;
    for (const Op& op : ops) {
        if (!table || table->name != op.table) table = &im.reg.require(op.table);
        const auto& t = *table;
        std::size_t slot = 0; // _deleted
        if (op.field != schema::DeletedField) {
            const auto* fd = t.field(op.field);
            if (!fd) throw Error(ErrorKind::Invalid, "unknown field '" + op.field + "' in table " + t.name);
            // Required-ness is a property of whole rows, checked where they are made.
            if (checked == Checked::No && !isNull(op.value)) schema::check(t, *fd, op.value);
            slot = static_cast<std::size_t>(fd - t.fields.data()) + 1; // as Impl::slotOf
        }
        if (checked == Checked::No && op.rowId != checkedId) {
            if (!isValidRowId(op.rowId))
                throw Error(ErrorKind::Invalid, "invalid row id in a received change");
            checkedId = op.rowId;
        }
        // One lookup of the row for the whole op (nothing below touches the row cache
        // before the row is written).
        auto* row = &im.cachedRow(t, op.rowId);
        const auto current = row->fields[slot].state;
        const auto d = merge::decide(current, op);
        // The log's (site, seq) key tells a change already held: it is not logged again.
        // A client merges its value anyway: that changes nothing, unless the row was
        // dropped (moved out of the user's reach, Store::dropRow) and is coming back.
        if (!im.appendRemoteOp(op, d.apply)) {
            ++result.duplicates;
            if (im.options.serverRole || !d.apply) continue;
            row->create();
            row->set(slot, op.value, op.version());
            im.dirtySearch.emplace(t.name, op.rowId); // no new change tells the search index
            continue;
        }
        im.clock.observe(op.hlc);
        if (d.apply) im.noteUnitWrite(t, op.field, *row, op.value);
        row->create();
        if (d.apply) {
            row->set(slot, op.value, op.version()); // indexed for search later
            ++result.applied;
        }
        if (im.options.serverRole) {
            // An edit of a field is judged twice: against the field's values, and
            // (row-wide) against a delete its author had not pulled; one need not
            // hide the other (an edit of a deleted row still replaces its own line
            // of the field's conflict).
            const bool deleteOp = op.field == schema::DeletedField;
            if (d.concurrent) {
                im.recordConflict(t, op, current, d.apply);
                ++result.conflicts;
            }
            const bool rowWide = (!d.concurrent || !deleteOp) && im.recordDeleteVsEdit(t, op);
            if (rowWide) ++result.conflicts;
            // A field first set (no base) has had no competing value, so no open conflict.
            if (!d.concurrent && d.apply && op.base.hlc != 0 && !(rowWide && deleteOp)) im.maybeCloseConflict(op);
        }
    }
    im.flushReceived(packed, ops.size());
    b.commit();
    return result;
}

} // namespace tdkt::store
