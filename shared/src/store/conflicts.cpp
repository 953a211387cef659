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

std::string authorOf(Store::Impl& im, const Op& like, Version version) {
    auto& st = im.stmt("SELECT author FROM ops WHERE row_id = ? AND field = ? AND hlc = ? AND site = ?");
    st.bind(1, like.rowId).bind(2, like.field);
    st.bind(3, static_cast<std::int64_t>(version.hlc)).bind(4, static_cast<std::int64_t>(version.site));
    std::string author = st.step() ? st.text(0) : "";
    st.reset();
    return author;
}

std::optional<std::string> openConflict(Store::Impl& im, const Op& op) {
    im.flushRows(); // the query below reads conflicts rows this batch may have written
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
    auto last = sqlite3_last_insert_rowid(im.db.raw());
    im.stmt("INSERT INTO conflict_marks(conflict_id, seen_needed) VALUES(?, ?) ON CONFLICT(conflict_id) "
            "DO UPDATE SET seen_needed = excluded.seen_needed")
        .bind(1, conflictId)
        .bind(2, static_cast<std::int64_t>(last))
        .run();
}

} // namespace

void Store::Impl::recordConflict(const schema::TableDef& t, const Op& op, const merge::FieldState& current,
                                 bool opWins) {
    const auto& ct = reg.require("conflicts");
    const auto* fd = t.field(op.field);
    Json incoming = candidate(fd, op.value, op.version(), op.author);
    const Json& winner = opWins ? incoming["value"] : Json(json::valueToJson(fd, current.value));
    if (auto id = openConflict(*this, op)) {
        auto candidates = Json::parse(std::get<std::string>(fieldState(ct, *id, "candidates").value));
        candidates.push_back(incoming);
        writeServerField(*this, ct, *id, "candidates", candidates.dump());
        writeServerField(*this, ct, *id, "winner", winner.dump());
        markSeen(*this, *id);
        return;
    }
    Value unit = t.unitField == "id" ? Value{op.rowId} : fieldState(t, op.rowId, t.unitField).value;
    Json candidates = Json::array(
        {candidate(fd, current.value, current.version, authorOf(*this, op, current.version)), incoming});
    const std::string id = newRowId(clock.wallMillis());
    stmt("INSERT INTO conflicts(id) VALUES(?)").bind(1, id).run();
    writeServerField(*this, ct, id, "unit_id", unit);
    writeServerField(*this, ct, id, "table_name", op.table);
    writeServerField(*this, ct, id, "row_id", op.rowId);
    writeServerField(*this, ct, id, "field", op.field);
    writeServerField(*this, ct, id, "candidates", candidates.dump());
    writeServerField(*this, ct, id, "winner", winner.dump());
    writeServerField(*this, ct, id, "status", std::string("open"));
    markSeen(*this, id);
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
