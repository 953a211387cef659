// Server role: concurrent edits open a `conflicts` row that keeps every competing
// value (DESIGN.md §4). The row is written with the server's own ops, so it
// replicates like any other row. A field has at most one open conflict.
#include "store_impl.hpp"

#include "tdkt/json/row_json.hpp"

namespace tdkt::store {
namespace {

using tdkt::json::Json;

Json candidate(const schema::FieldDef* f, const Value& v, Version version, const std::string& author) {
    return Json{{"value", json::valueToJson(f, v)},
                {"site", siteToHex(version.site)},
                {"hlc", version.hlc},
                {"at", json::isoTime(version.hlc)},
                {"author", author}};
}

// Who wrote the value `version` of the field: only that site's changes of the row
// that reach that stamp are read (not the row's whole log).
std::string authorOf(Store::Impl& im, const Op& like, Version version) {
    im.flushLog();
    auto& st = im.stmt("SELECT author, body FROM changes WHERE row_id = ? AND site = ? AND hlc_max >= ? "
                       "ORDER BY log_seq");
    st.bind(1, like.rowId).bind(2, static_cast<std::int64_t>(version.site));
    st.bind(3, static_cast<std::int64_t>(version.hlc));
    std::string author;
    try {
        while (author.empty() && st.step()) {
            for (const auto& op : decodeBody(st.text(1)))
                if (op.field == like.field && op.hlc == version.hlc) {
                    author = st.isNull(0) ? "" : st.text(0);
                    break;
                }
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
    return author;
}

std::optional<std::string> openConflict(Store::Impl& im, const Op& op) {
    im.flushTable(im.reg.require("conflicts")); // the query reads conflicts rows this batch may have written
    auto& st = im.stmt("SELECT id FROM conflicts WHERE table_name = ? AND row_id = ? AND field = ? "
                       "AND status = 'open' AND _deleted = 0");
    st.bind(1, op.table).bind(2, op.rowId).bind(3, op.field);
    std::optional<std::string> id;
    if (st.step()) id = st.text(0);
    st.reset();
    return id;
}

// Writes one field of a conflicts row as the server's own edit.
void writeServerField(Store::Impl& im, const schema::TableDef& ct, const std::string& id, std::string_view field,
                      Value v) {
    auto current = im.fieldState(ct, id, field);
    if (current.value == v) return;
    Op op = im.localOp(ct, id, field, std::move(v), current.version);
    im.writeField(ct, id, op.field, op.value, op.version());
    im.appendOp(op, true);
}

void markSeen(Store::Impl& im, const std::string& conflictId) {
    // A later edit closes the conflict only if its author had pulled this far.
    const auto last = im.nextLogSeq - 1; // the position of the op just logged
    im.stmt("INSERT INTO conflict_marks(conflict_id, seen_needed) VALUES(?, ?) ON CONFLICT(conflict_id) "
            "DO UPDATE SET seen_needed = excluded.seen_needed")
        .bind(1, conflictId)
        .bind(2, static_cast<std::int64_t>(last))
        .run();
}

} // namespace

void Store::Impl::openOrJoinConflict(const schema::TableDef& t, const Op& op, const std::string& field,
                                     const Json& opening, const Json& joining, const Json& winner) {
    const auto& ct = reg.require("conflicts");
    Op key = op;
    key.field = field;
    if (auto id = openConflict(*this, key)) {
        auto candidates = Json::parse(std::get<std::string>(fieldState(ct, *id, "candidates").value));
        for (const auto& c : joining) candidates.push_back(c);
        writeServerField(*this, ct, *id, "candidates", candidates.dump());
        writeServerField(*this, ct, *id, "winner", winner.dump());
        markSeen(*this, *id);
        return;
    }
    Value unit = t.unitField == "id" ? Value{op.rowId} : fieldState(t, op.rowId, t.unitField).value;
    const std::string id = newRowId(clock.wallMillis());
    ensureRow(ct, id);
    writeServerField(*this, ct, id, "unit_id", unit);
    writeServerField(*this, ct, id, "table_name", op.table);
    writeServerField(*this, ct, id, "row_id", op.rowId);
    writeServerField(*this, ct, id, "field", field);
    writeServerField(*this, ct, id, "candidates", opening.dump());
    writeServerField(*this, ct, id, "winner", winner.dump());
    writeServerField(*this, ct, id, "status", std::string("open"));
    markSeen(*this, id);
}

void Store::Impl::recordConflict(const schema::TableDef& t, const Op& op, const merge::FieldState& current,
                                 bool opWins) {
    const auto* fd = t.field(op.field);
    Json incoming = candidate(fd, op.value, op.version(), op.author);
    Json winner = opWins ? incoming["value"] : json::valueToJson(fd, current.value);
    Json opening = Json::array(
        {candidate(fd, current.value, current.version, authorOf(*this, op, current.version)), incoming});
    openOrJoinConflict(t, op, op.field, opening, Json::array({incoming}), winner);
}

bool Store::Impl::recordDeleteVsEdit(const schema::TableDef& t, const Op& op) {
    // A delete is one field (_deleted), so the field rule alone never sees it meet an
    // edit of another field. Row-wide: a delete whose author had not pulled an edit
    // of the row, or an edit whose author had not pulled the delete, conflict on
    // _deleted; the row stays deleted until someone keeps it (an undelete).
    // (Both queries read the op log, which is written at once, never cached.)
    const bool deleting = op.field == schema::DeletedField && op.value == Value{std::int64_t{1}};
    Json keep, remove;
    if (deleting) {
        // The newest applied edit of another field by someone else, after what the deleter had pulled.
        const LogEntry* newest = nullptr;
        const auto log = rowLog(op.rowId);
        for (const auto& e : log)
            if (e.op.table == op.table && e.op.field != schema::DeletedField && e.applied && e.op.site != op.site &&
                e.pos > op.seen)
                newest = &e;
        if (!newest) return false;
        keep = candidate(nullptr, std::int64_t{0}, newest->op.version(), newest->op.author);
        remove = candidate(nullptr, std::int64_t{1}, op.version(), op.author);
    } else {
        const auto del = fieldState(t, op.rowId, schema::DeletedField);
        if (del.value != Value{std::int64_t{1}}) return false;
        // The delete counts if the editor had not pulled it.
        const LogEntry* deletion = nullptr;
        const auto log = rowLog(op.rowId);
        for (const auto& e : log)
            if (e.op.table == op.table && e.op.field == schema::DeletedField && e.op.version() == del.version)
                deletion = &e;
        if (!deletion || deletion->pos <= op.seen || del.version.site == op.site) return false;
        remove = candidate(nullptr, std::int64_t{1}, del.version, deletion->op.author);
        keep = candidate(nullptr, std::int64_t{0}, op.version(), op.author);
    }
    const Json opening = deleting ? Json::array({keep, remove}) : Json::array({remove, keep});
    openOrJoinConflict(t, op, std::string(schema::DeletedField), opening, Json::array({deleting ? remove : keep}),
                       Json(1));
    return true;
}

void Store::Impl::maybeCloseConflict(const Op& op) {
    auto id = openConflict(*this, op);
    if (!id) return;
    auto& st = stmt("SELECT seen_needed FROM conflict_marks WHERE conflict_id = ?");
    st.bind(1, *id);
    std::uint64_t needed = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
    st.reset();
    if (op.seen < needed) return; // the author never saw the conflict: it stays open
    const auto& ct = reg.require("conflicts");
    const auto& t = reg.require(op.table);
    writeServerField(*this, ct, *id, "resolved_value", json::valueToJson(t.field(op.field), op.value).dump());
    writeServerField(*this, ct, *id, "resolved_by", op.author);
    writeServerField(*this, ct, *id, "winner", json::valueToJson(t.field(op.field), op.value).dump());
    writeServerField(*this, ct, *id, "status", std::string("resolved"));
}

} // namespace tdkt::store
