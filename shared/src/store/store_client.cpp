// Sync bookkeeping used by clients: undoing an op the server refused, the list of
// refused changes, and forced edits that resolve conflicts.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::store {

void Store::revertRefused(std::uint64_t seq, std::string_view reason, bool rowExists, const Value& serverValue,
                          Version serverVersion) {
    auto& im = *m_impl;
    Batch b{*this};
    auto changes = im.ownChangesAfter(seq - 1, 1);
    if (changes.empty() || changes.front().seq > seq) {
        b.commit();
        return; // not ours (or already gone): nothing to undo
    }
    auto& change = changes.front();
    auto& logged = change.ops.at(seq - change.seq);
    const std::string table = change.table, rowId = change.rowId, field = logged.field;
    const Value value = logged.value;
    const Version mine{logged.hlc, im.site};
    const auto* t = im.reg.table(table);
    if (t && (field == schema::DeletedField || t->field(field))) {
        if (!rowExists) {
            im.stmt("DELETE FROM " + t->name + " WHERE id = ?").bind(1, rowId).run();
            im.evictRow(*t, rowId);
            im.dirtySearch.emplace(t->name, rowId);
        } else if (im.fieldState(*t, rowId, field).version == mine) {
            // Only our refused value is undone; a later local edit stands on its own.
            im.writeField(*t, rowId, field, serverValue, serverVersion);
            im.markSearch(*t, rowId, field);
        }
    }
    logged.applied = false;
    im.rewriteChange(change);
    auto& st = im.stmt("INSERT OR REPLACE INTO rejected(seq, tbl, row_id, field, value, reason, at) "
                       "VALUES(?,?,?,?,?,?,?)");
    st.bind(1, static_cast<std::int64_t>(seq)).bind(2, table).bind(3, rowId).bind(4, field).bind(5, value);
    st.bind(6, reason).bind(7, static_cast<std::int64_t>(im.clock.wallMillis())).run();
    b.commit();
}

std::vector<RejectedChange> Store::rejectedChanges() const {
    auto& st = m_impl->stmt("SELECT seq, tbl, row_id, field, value, reason, at FROM rejected ORDER BY seq");
    std::vector<RejectedChange> out;
    while (st.step()) {
        RejectedChange r;
        r.seq = static_cast<std::uint64_t>(st.integer(0));
        r.table = st.text(1);
        r.rowId = st.text(2);
        r.field = st.text(3);
        r.value = st.value(4);
        r.reason = st.text(5);
        r.atMs = static_cast<std::uint64_t>(st.integer(6));
        out.push_back(std::move(r));
    }
    st.reset();
    return out;
}

void Store::forceEdit(std::string_view table, std::string_view id, std::string_view field, const Value& value) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (t.serverWritten) throw Error(ErrorKind::Invalid, t.name + " rows are written by the server only");
    Value v = field == schema::DeletedField ? value : im.checkField(t, field, value);
    Batch b{*this};
    // A deleted row takes only its undelete: a value typed into it would be kept
    // where no one sees it (the row's deletion is resolved first).
    if (!im.rowExists(t, id, field == schema::DeletedField))
        throw Error(ErrorKind::NotFound, "no " + t.name + " row with id " + std::string(id));
    auto current = im.fieldState(t, id, field);
    Op op = im.localOp(t, id, field, std::move(v), current.version);
    im.writeField(t, id, op.field, op.value, op.version());
    im.appendOp(op, true);
    im.markSearch(t, id, op.field);
    b.commit();
}

} // namespace tdkt::store
