// Diacritics-insensitive full-text search over the searchable fields (FTS5).
// Text is folded (marks removed, đ → d) both when indexed and when queried,
// because unicode61 does not fold đ/Đ.
#include "store_impl.hpp"

#include "tdkt/core/text.hpp"

namespace tdkt::store {
namespace {

std::string searchBody(const schema::TableDef& t, const Row& row) {
    std::string body;
    for (const auto& f : t.fields) {
        if (!f.searchable) continue;
        auto it = row.fields.find(f.name);
        if (it == row.fields.end()) continue;
        if (const auto* s = std::get_if<std::string>(&it->second)) body += foldForSearch(*s) + " ";
    }
    return body;
}

} // namespace

// Each word becomes a quoted FTS5 prefix term, so user text can never be read as query syntax.
std::string ftsQuery(std::string_view text) {
    std::string folded = foldForSearch(text), query, word;
    auto flush = [&] {
        if (word.empty()) return;
        query += (query.empty() ? "\"" : " \"") + word + "\"*";
        word.clear();
    };
    for (char c : folded) {
        auto u = static_cast<unsigned char>(c);
        bool separator = u < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        if (separator) flush();
        else word += c;
    }
    flush();
    return query;
}

void Store::Impl::reindexDirty() {
    // The server answers no searches (people search their replicas): it keeps no
    // index, which also keeps its writes small (prefix indexes, migration 23, made
    // every indexed row four entries: a full disk came sooner, and every push paid).
    if (options.serverRole) dirtySearch.clear();
    if (dirtySearch.empty()) return;
    auto& findDoc = stmt("SELECT docid FROM search_docs WHERE tbl = ? AND row_id = ?");
    auto& dropFts = stmt("DELETE FROM search_fts WHERE rowid = ?");
    auto& dropDoc = stmt("DELETE FROM search_docs WHERE docid = ?");
    auto& addDoc = stmt("INSERT INTO search_docs(tbl, row_id, title) VALUES(?, ?, ?)");
    auto& addFts = stmt("INSERT INTO search_fts(rowid, body) VALUES(?, ?)");
    for (const auto& [table, id] : dirtySearch) {
        const auto& t = reg.require(table);
        findDoc.bind(1, table).bind(2, id);
        if (findDoc.step()) {
            auto docid = findDoc.integer(0);
            findDoc.reset();
            dropFts.bind(1, docid).run();
            dropDoc.bind(1, docid).run();
        } else {
            findDoc.reset();
        }
        if (!rowExists(t, id, false)) continue;
        Row row;
        row.id = id;
        for (const auto& f : t.fields) {
            if (!f.searchable && f.name != t.titleField) continue;
            auto s = fieldState(t, id, f.name);
            if (!isNull(s.value)) row.fields.emplace(f.name, s.value);
        }
        std::string title = id;
        if (auto it = row.fields.find(t.titleField); it != row.fields.end()) {
            const auto* s = std::get_if<std::string>(&it->second);
            title = s ? *s : describe(it->second);
        }
        addDoc.bind(1, table).bind(2, id).bind(3, title).run();
        auto docid = sqlite3_last_insert_rowid(db.raw());
        addFts.bind(1, docid).bind(2, searchBody(t, row)).run();
    }
    dirtySearch.clear();
}

void Store::Impl::catchUpSearch() {
    const auto done = readMeta(db, "search_done_to");
    const std::uint64_t from = done ? std::stoull(*done) : 0;
    // Another connection (the desktop client's sync worker beside its window) may have
    // pulled since this one last wrote: the log's end is read from the file, not taken
    // from this connection's counter, or those rows stay unfound until it writes.
    const std::uint64_t to = readNextLogSeq() - 1;
    if (from >= to) return;
    begin();
    try {
        auto& changed = stmt("SELECT DISTINCT tbl, row_id FROM changes WHERE log_seq > ? AND site != ?");
        changed.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(site));
        while (changed.step()) {
            const auto* t = reg.table(changed.text(0));
            if (t && t->searchable()) dirtySearch.emplace(t->name, changed.text(1));
        }
        changed.reset();
        forEachReceived(from, {}, [&](std::uint64_t, Op&& op, bool) {
            const auto* t = reg.table(op.table);
            if (t && t->searchable()) dirtySearch.emplace(t->name, std::move(op.rowId));
        });
        writeMeta(*this, "search_done_to", std::to_string(to));
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

void Store::Impl::refreshSearch() {
    // Rows that came from other replicas are indexed here, on the first search
    // after they arrived, not while a pull holds the sync waiting.
    if (batchDepth == 0) catchUpSearch();
    flushRows();
    reindexDirty();
}

std::vector<SearchHit> Store::search(std::string_view text, std::size_t limit) const {
    m_impl->refreshSearch();
    std::vector<SearchHit> hits;
    const std::string query = ftsQuery(text);
    if (query.empty()) return hits;
    auto& st = m_impl->stmt("SELECT d.tbl, d.row_id, d.title FROM search_fts f JOIN search_docs d ON d.docid = f.rowid "
                            "WHERE search_fts MATCH ? ORDER BY rank LIMIT ?");
    st.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
    while (st.step()) hits.push_back({st.text(0), st.text(1), st.text(2)});
    st.reset();
    return hits;
}

} // namespace tdkt::store
