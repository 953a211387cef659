// Server role: concurrent edits open a `conflicts` row that keeps every competing
// value (DESIGN.md §4). The row is written with the server's own ops, so it
// replicates like any other row. A field has at most one open conflict.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/json_text.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/merge/merge_rule.hpp"

#include <algorithm>
#include <map>

namespace tdkt::store {
using json::Json;

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

// A candidate's version, as candidate() wrote it.
Version versionOf(const Json& c) {
    return {c.at("hlc").get<HlcStamp>(), static_cast<SiteId>(std::stoull(c.at("site").get<std::string>(), nullptr, 16))};
}

// Values equal to a newer candidate's are one line: the newest stands for them.
// On a deletion (`deletion`), a "keep" (0) stands for its author's edits of the
// row, so keeps of two replicas are two lines: a delete that saw one of them
// must not settle the other.
Json distinctValues(const Json& candidates, bool deletion) {
    const auto same = [deletion](const Json& a, const Json& b) {
        if (a.at("value") != b.at("value")) return false;
        return !deletion || a.at("value") != Json(0) || a.at("site") == b.at("site");
    };
    Json out = Json::array();
    for (const auto& c : candidates) {
        bool replaced = false;
        for (auto& kept : out)
            if (same(kept, c)) {
                if (versionOf(c) > versionOf(kept)) kept = c;
                replaced = true;
            }
        if (!replaced) out.push_back(c);
    }
    return out;
}

} // namespace

void Store::Impl::noteShown(const std::string& conflictId, const Json& candidates) {
    const auto shown = static_cast<std::int64_t>(nextLogSeq - 1); // the conflict's last write, as markSeen
    auto& st = stmt("INSERT OR IGNORE INTO conflict_lines(conflict_id, hlc, site, shown_at) VALUES(?, ?, ?, ?)");
    for (const auto& c : candidates) {
        const Version v = versionOf(c);
        st.bind(1, conflictId).bind(2, static_cast<std::int64_t>(v.hlc)).bind(3, static_cast<std::int64_t>(v.site));
        st.bind(4, shown).run();
    }
}

void Store::Impl::mergeIntoConflict(const std::string& id, const Op& op, const std::vector<std::string>& incoming,
                                    const std::string& winner) {
    const auto& ct = reg.require("conflicts");
    const auto candidates = Json::parse(std::get<std::string>(fieldState(ct, id, "candidates").value));
    if (!candidates.is_array()) throw Error(ErrorKind::Storage, "conflict " + id + ": its candidates are not a JSON array");
    // Since when each value was shown; a conflict opened before lines were recorded
    // counts every value as shown with its last write (what closed it before).
    std::map<Version, std::uint64_t> shownAt;
    auto& lines = stmt("SELECT hlc, site, shown_at FROM conflict_lines WHERE conflict_id = ?");
    lines.bind(1, id);
    while (lines.step())
        shownAt[{static_cast<HlcStamp>(lines.integer(0)), static_cast<SiteId>(lines.integer(1))}] =
            static_cast<std::uint64_t>(lines.integer(2));
    lines.reset();
    auto& mark = stmt("SELECT seen_needed FROM conflict_marks WHERE conflict_id = ?");
    mark.bind(1, id);
    const std::uint64_t legacy = mark.step() ? static_cast<std::uint64_t>(mark.integer(0)) : 0;
    mark.reset();

    Json kept = Json::array();
    for (const auto& c : candidates) {
        const Version v = versionOf(c);
        const auto it = shownAt.find(v);
        if (!merge::supersedes(op, v, it == shownAt.end() ? legacy : it->second)) kept.push_back(c);
    }
    for (const auto& c : incoming) kept.push_back(Json::parse(c));
    const bool deletion = fieldState(ct, id, "field").value == Value{std::string(schema::DeletedField)};
    kept = distinctValues(kept, deletion);
    const bool settled = std::all_of(kept.begin(), kept.end(), [&](const Json& c) { return c.at("value") == kept[0].at("value"); });
    if (settled) { // every other line was seen and replaced (or agrees): settled
        writeServerField(*this, ct, id, "resolved_value", winner);
        writeServerField(*this, ct, id, "resolved_by", op.author);
        writeServerField(*this, ct, id, "winner", winner);
        writeServerField(*this, ct, id, "status", std::string("resolved"));
        return;
    }
    writeServerField(*this, ct, id, "candidates", kept.dump());
    writeServerField(*this, ct, id, "winner", winner);
    markSeen(*this, id);
    noteShown(id, kept);
}

void Store::Impl::openOrJoinConflict(const schema::TableDef& t, const Op& op, const std::string& field,
                                     const std::string& opening, const std::vector<std::string>& joining,
                                     const std::string& winner) {
    const auto& ct = reg.require("conflicts");
    Op key = op;
    key.field = field;
    if (auto id = openConflict(*this, key)) {
        mergeIntoConflict(*id, op, joining, winner);
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
    noteShown(id, Json::parse(opening));
}

void Store::Impl::recordConflict(const schema::TableDef& t, const Op& op, const merge::FieldState& current,
                                 bool opWins) {
    const auto* fd = t.field(op.field);
    const std::string incoming = candidate(fd, op.value, op.version(), op.author);
    const std::string winner = valueText(fd, opWins ? op.value : current.value);
    const std::string opening =
        "[" + candidate(fd, current.value, current.version, authorOf(*this, op, current.version)) + "," + incoming + "]";
    openOrJoinConflict(t, op, op.field, opening, {incoming}, winner);
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
    // Joining a _deleted conflict already open, the delete brings the edit it had not
    // seen along: without that line, a delete that settles the conflict's old lines
    // would close it over an edit nobody chose to drop.
    openOrJoinConflict(t, op, std::string(schema::DeletedField), opening,
                       deleting ? std::vector<std::string>{keep, remove} : std::vector<std::string>{keep}, "1");
    return true;
}

void Store::Impl::maybeCloseConflict(const Op& op) {
    auto id = openConflict(*this, op);
    if (!id) return;
    const auto& t = reg.require(op.table);
    const std::string value = valueText(t.field(op.field), op.value);
    mergeIntoConflict(*id, op, {candidate(t.field(op.field), op.value, op.version(), op.author)}, value);
}

} // namespace tdkt::store
