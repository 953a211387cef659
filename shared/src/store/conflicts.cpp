// Server role: concurrent edits open a `conflicts` row that keeps every competing
// value (DESIGN.md §4). The row is written with the server's own ops, so it
// replicates like any other row. A field has at most one open conflict.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/json_text.hpp"
#include "tdkt/json/row_json.hpp"

namespace tdkt::store {
namespace {

// The JSON text of a value, as nlohmann's dump() of json::valueToJson writes it;
// a string (the common case) without building a document.
std::string valueText(const schema::FieldDef* f, const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s || (f && f->type == schema::FieldType::Json)) return json::valueToJson(f, v).dump();
    std::string out;
    json::appendQuoted(out, *s);
    return out;
}

// One competing value as a JSON object, its keys in the order nlohmann writes them.
std::string candidate(const schema::FieldDef* f, const Value& v, Version version, const std::string& author) {
    std::string out = "{\"at\":\"" + json::isoTime(version.hlc) + "\",\"author\":";
    json::appendQuoted(out, author);
    out += ",\"hlc\":" + std::to_string(version.hlc) + ",\"site\":\"" + siteToHex(version.site) + "\",\"value\":";
    out += valueText(f, v);
    out += '}';
    return out;
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
                                     const std::string& opening, const std::string& joining,
                                     const std::string& winner) {
    const auto& ct = reg.require("conflicts");
    Op key = op;
    key.field = field;
    if (auto id = openConflict(*this, key)) {
        // The candidates are a JSON array of objects: the newcomer goes before its closing bracket.
        auto candidates = std::get<std::string>(fieldState(ct, *id, "candidates").value);
        const auto close = candidates.find_last_of(']');
        if (close == std::string::npos) throw Error(ErrorKind::Storage, "conflict " + *id + ": its candidates are not a JSON array");
        candidates.insert(close, "," + joining);
        writeServerField(*this, ct, *id, "candidates", candidates);
        writeServerField(*this, ct, *id, "winner", winner);
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
    writeServerField(*this, ct, id, "candidates", opening);
    writeServerField(*this, ct, id, "winner", winner);
    writeServerField(*this, ct, id, "status", std::string("open"));
    markSeen(*this, id);
}

void Store::Impl::recordConflict(const schema::TableDef& t, const Op& op, const merge::FieldState& current,
                                 bool opWins) {
    const auto* fd = t.field(op.field);
    const std::string incoming = candidate(fd, op.value, op.version(), op.author);
    const std::string winner = valueText(fd, opWins ? op.value : current.value);
    const std::string opening =
        "[" + candidate(fd, current.value, current.version, authorOf(*this, op, current.version)) + "," + incoming + "]";
    openOrJoinConflict(t, op, op.field, opening, incoming, winner);
}

bool Store::Impl::recordDeleteVsEdit(const schema::TableDef& t, const Op& op) {
    // A delete is one field (_deleted), so the field rule alone never sees it meet an
    // edit of another field. Row-wide: a delete whose author had not pulled an edit
    // of the row, or an edit whose author had not pulled the delete, conflict on
    // _deleted; the row stays deleted until someone keeps it (an undelete).
    // (Both queries read the op log, which is written at once, never cached.)
    const bool deleting = op.field == schema::DeletedField && op.value == Value{std::int64_t{1}};
    std::string keep, remove;
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
    const std::string opening = deleting ? "[" + keep + "," + remove + "]" : "[" + remove + "," + keep + "]";
    openOrJoinConflict(t, op, std::string(schema::DeletedField), opening, deleting ? remove : keep, "1");
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
    const std::string value = valueText(t.field(op.field), op.value);
    writeServerField(*this, ct, *id, "resolved_value", value);
    writeServerField(*this, ct, *id, "resolved_by", op.author);
    writeServerField(*this, ct, *id, "winner", value);
    writeServerField(*this, ct, *id, "status", std::string("resolved"));
}

} // namespace tdkt::store
