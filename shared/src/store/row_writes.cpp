// Writing the row cache out (store_impl.hpp): at commit, and before a query that
// reads rows back. A row made in the transaction is one INSERT of all its fields,
// a row changed one UPDATE of the fields that changed.
#include "store_impl.hpp"

#include "tdkt/store/migrations.hpp"

#include <algorithm>

namespace tdkt::store {
namespace {

constexpr std::size_t RowsPerInsert = 16; // rows made, written by one INSERT

using CachedRow = Store::Impl::CachedRow;

// `key`: 'i' (INSERT) or 'u' (UPDATE), the number of rows, then each changed slot + 1.
Stmt& writeStmt(Store::Impl& im, const schema::TableDef& t, const std::string& key) {
    Stmt*& st = im.rowWrite[{&t, key}];
    if (st) return *st;
    const bool insert = key[0] == 'i';
    std::string cols, marks = "?";
    for (std::size_t k = 2; k < key.size(); ++k) {
        const std::string f = Store::Impl::slotName(t, static_cast<unsigned char>(key[k]) - 1u);
        cols += (k > 2 ? ", " : "") + (insert ? f + ", " + hlcColumn(f) + ", " + siteColumn(f)
                                              : f + " = ?, " + hlcColumn(f) + " = ?, " + siteColumn(f) + " = ?");
        marks += ", ?, ?, ?";
    }
    if (!insert) return *(st = &im.stmt("UPDATE " + t.name + " SET " + cols + " WHERE id = ?"));
    std::string values;
    for (int i = 0; i < key[1]; ++i) values += (i ? ", (" : "(") + marks + ")";
    return *(st = &im.stmt("INSERT INTO " + t.name + "(id" + (cols.empty() ? "" : ", " + cols) + ") VALUES" + values));
}

// Binds a row's changed fields (value, hlc, site) from index `at` on; returns the next index.
int bindChanged(Stmt& st, const CachedRow& row, int at) {
    for (const auto& f : row.fields) {
        if (!f.dirty) continue;
        st.bind(at, f.state.value).bind(at + 1, static_cast<std::int64_t>(f.state.version.hlc));
        st.bind(at + 2, static_cast<std::int64_t>(f.state.version.site));
        at += 3;
    }
    return at;
}

} // namespace

void Store::Impl::flushRows() {
    while (!rowCache.empty()) flushTable(*rowCache.begin()->first);
    cachedRows = 0;
}

void Store::Impl::flushTable(const schema::TableDef& t) {
    auto it = rowCache.find(&t);
    if (it == rowCache.end()) return;
    auto byId = std::move(it->second);
    rowCache.erase(it);
    cachedRows -= byId.size();
    // Rows made here that set the same fields go many to an INSERT: SQLite then
    // opens the table and its indexes once for them all, not once a row.
    std::map<std::string, std::vector<std::pair<std::string_view, const CachedRow*>>> made; // by changed slots
    std::string slots;
    for (const auto& [id, row] : byId) {
        if (!row.dirty) continue;
        slots.clear();
        for (std::size_t slot = 0; slot < row.fields.size(); ++slot)
            if (row.fields[slot].dirty) slots += static_cast<char>(slot + 1);
        if (row.kind == CachedRow::Kind::Created) {
            made[slots].emplace_back(id, &row);
            continue;
        }
        auto& st = writeStmt(*this, t, "u\1" + slots);
        st.bind(bindChanged(st, row, 1), id).run();
    }
    for (const auto& [set, rows] : made) {
        for (std::size_t at = 0; at < rows.size(); at += RowsPerInsert) {
            const std::size_t n = std::min(RowsPerInsert, rows.size() - at);
            auto& st = writeStmt(*this, t, 'i' + std::string(1, static_cast<char>(n)) + set);
            int i = 1;
            for (std::size_t k = at; k < at + n; ++k) {
                st.bind(i, rows[k].first);
                i = bindChanged(st, *rows[k].second, i + 1);
            }
            st.run();
        }
    }
}

} // namespace tdkt::store
