// Pages of a big list (PageQuery): the SQL is built from the registry's names
// only (every field checked against the table), values are always bound.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/vi_collate.hpp"

#include <algorithm>

namespace tdkt::store {
namespace {

const schema::FieldDef* requireField(const schema::TableDef& t, const std::string& name) {
    const auto* f = t.field(name);
    if (!f) throw Error(ErrorKind::Invalid, "unknown field '" + name + "' in table " + t.name);
    return f;
}

// NULLs sort as '' (after every number, before no text): one total order for keyset paging.
// A Vietnamese order is a collation on the sort expression (sqlite.cpp registers it),
// so the keyset comparison below follows it too. An enumeration sorts by its labels
// and a reference by its row's title, in Vietnamese order (what the list shows, not a
// code or an id); `operand` is the column, or "?" for the keyset's bound value, so
// both sides of the comparison take the same key.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string sortKey(const schema::TableDef& t, const PageQuery& q, const std::string& operand) {
    if (q.sortField == "id") return operand;
    const auto* f = t.field(q.sortField);
    const std::string vi = std::string(" COLLATE ") + VietnameseCollation;
    if (f && f->type == schema::FieldType::Enum && !f->values.empty()) {
        std::string e = "CASE " + operand;
        for (const auto& v : f->values) e += " WHEN " + quoted(v.code) + " THEN " + quoted(v.label);
        return e + " ELSE '' END" + vi;
    }
    if (f && f->type == schema::FieldType::Ref) {
        const auto* rt = schema::registry().table(f->refTable);
        if (rt && rt->field(rt->titleField))
            // Aliased: a table that refers to itself (a unit's parent) names the outer row.
            return "IFNULL((SELECT sort_ref." + rt->titleField + " FROM " + rt->name + " AS sort_ref WHERE sort_ref.id = " +
                   operand + "), '')" + vi;
    }
    std::string e = "IFNULL(" + operand + ", '')";
    if (q.textOrder == TextOrder::Vietnamese) e += vi;
    if (q.textOrder == TextOrder::GivenName) e += std::string(" COLLATE ") + GivenNameCollation;
    return e;
}

std::string sortExpr(const schema::TableDef& t, const PageQuery& q) {
    return sortKey(t, q, q.sortField == "id" ? std::string("id") : t.name + "." + q.sortField);
}

struct Sql {
    std::string text;
    std::vector<Value> binds;
};

Sql whereSql(const schema::TableDef& t, const PageQuery& q, std::string_view fts, bool withKey) {
    Sql s;
    s.text = " FROM " + t.name + " WHERE _deleted = 0";
    for (const auto& [field, value] : q.equals) {
        if (field != "id") requireField(t, field);
        if (isNull(value)) {
            s.text += " AND " + field + " IS NULL";
        } else {
            s.text += " AND " + field + " = ?";
            s.binds.push_back(value);
        }
    }
    // Movements (issue 17): bounds on a field, e.g. a period that overlaps a year.
    for (const auto& r : q.ranges) {
        requireField(t, r.field);
        std::string cond;
        for (const auto& [bound, op] : {std::pair{&r.atLeast, " >= ?"}, std::pair{&r.atMost, " <= ?"}}) {
            if (isNull(*bound)) continue;
            cond += (cond.empty() ? "" : " AND ") + r.field + op;
            s.binds.push_back(*bound);
        }
        if (cond.empty()) continue;
        s.text += r.emptyPasses ? " AND (" + r.field + " IS NULL OR (" + cond + "))" : " AND (" + cond + ")";
    }
    if (!q.unitSubtree.empty()) {
        s.text += " AND " + t.unitField +
                  " IN (WITH RECURSIVE sub(uid) AS (SELECT ? UNION SELECT u.id FROM units u JOIN sub ON "
                  "u.parent_id = sub.uid AND u._deleted = 0) SELECT uid FROM sub)";
        s.binds.emplace_back(q.unitSubtree);
    }
    if (!fts.empty()) {
        // CROSS JOIN keeps the match first: left to itself the planner walked search_docs
        // and probed the index row by row (a one-letter search: 7 minutes on 100,000 rows).
        s.text += " AND id IN (SELECT d.row_id FROM search_fts f CROSS JOIN search_docs d ON d.docid = f.rowid "
                  "WHERE search_fts MATCH ? AND d.tbl = ?)";
        s.binds.emplace_back(std::string(fts));
        s.binds.emplace_back(t.name);
    }
    if (withKey && q.after) {
        s.text += " AND (" + sortExpr(t, q) + ", id) " + (q.descending ? "<" : ">") + " (" + sortKey(t, q, "?") + ", ?)";
        s.binds.push_back(isNull(q.after->sortValue) && q.sortField != "id" ? Value{std::string()} : q.after->sortValue);
        s.binds.emplace_back(q.after->id);
    }
    return s;
}

Stmt prepared(Store::Impl& im, const Sql& s) {
    Stmt st = im.db.prepare(s.text);
    for (std::size_t i = 0; i < s.binds.size(); ++i) st.bind(static_cast<int>(i) + 1, s.binds[i]);
    return st;
}

// The fts query, or "" when the words fold to nothing; the index brought up to date first.
std::string prepareText(Store::Impl& im, const PageQuery& q) {
    if (q.text.empty()) return {};
    std::string fts = ftsQuery(q.text);
    if (!fts.empty()) im.refreshSearch();
    return fts;
}

} // namespace

std::vector<Row> Store::page(const PageQuery& q) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(q.table);
    if (q.sortField != "id") requireField(t, q.sortField);
    std::vector<const schema::FieldDef*> cols;
    for (const auto& f : t.fields) {
        const bool wanted = q.columns.empty() || f.name == q.sortField ||
                            std::find(q.columns.begin(), q.columns.end(), f.name) != q.columns.end();
        if (wanted) cols.push_back(&f);
    }
    for (const auto& c : q.columns) requireField(t, c);
    const std::string fts = prepareText(im, q);
    if (!q.text.empty() && fts.empty()) return {}; // only separators typed: nothing can match
    im.flushRows();
    Sql s = whereSql(t, q, fts, true);
    std::string select = "SELECT id";
    for (const auto* f : cols) select += ", " + f->name;
    const char* dir = q.descending ? " DESC" : "";
    s.text = select + s.text + " ORDER BY " + sortExpr(t, q) + dir + ", id" + dir + " LIMIT " + std::to_string(q.limit);
    if (!q.after && q.offset > 0) s.text += " OFFSET " + std::to_string(q.offset);
    Stmt st = prepared(im, s);
    std::vector<Row> rows;
    while (st.step()) {
        Row r;
        r.id = st.text(0);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const int col = static_cast<int>(i) + 1;
            if (!st.isNull(col)) r.fields.emplace(cols[i]->name, st.value(col));
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

std::size_t Store::pageCount(const PageQuery& q) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(q.table);
    const std::string fts = prepareText(im, q);
    if (!q.text.empty() && fts.empty()) return 0;
    im.flushRows();
    Sql s = whereSql(t, q, fts, false);
    s.text = "SELECT count(*)" + s.text;
    Stmt st = prepared(im, s);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

std::vector<std::string> Store::pageIds(const PageQuery& q) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(q.table);
    if (q.sortField != "id") requireField(t, q.sortField);
    const std::string fts = prepareText(im, q);
    if (!q.text.empty() && fts.empty()) return {};
    im.flushRows();
    Sql s = whereSql(t, q, fts, false);
    const char* dir = q.descending ? " DESC" : "";
    s.text = "SELECT id" + s.text + " ORDER BY " + sortExpr(t, q) + dir + ", id" + dir;
    Stmt st = prepared(im, s);
    std::vector<std::string> ids;
    while (st.step()) ids.push_back(st.text(0));
    return ids;
}

std::vector<std::string> Store::matchingIds(std::string_view table, std::string_view text) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    std::vector<std::string> ids;
    const std::string fts = ftsQuery(text);
    if (fts.empty()) return ids;
    im.refreshSearch();
    auto& st = im.stmt("SELECT d.row_id FROM search_fts f CROSS JOIN search_docs d ON d.docid = f.rowid "
                       "WHERE search_fts MATCH ? AND d.tbl = ?");
    st.bind(1, fts).bind(2, t.name);
    while (st.step()) ids.push_back(st.text(0));
    st.reset();
    return ids;
}

std::vector<Store::Keyed> Store::pageKeys(const PageQuery& q) const {
    auto& im = *m_impl;
    const auto& t = im.reg.require(q.table);
    if (q.sortField != "id") requireField(t, q.sortField);
    const std::string fts = prepareText(im, q);
    if (!q.text.empty() && fts.empty()) return {};
    if (fts.empty()) im.refreshSearch(); // the keys read are those of rows indexed up to now
    im.flushRows();
    Sql s = whereSql(t, q, fts, false);
    const char* dir = q.descending ? " DESC" : "";
    s.text = "SELECT id, IFNULL((SELECT docid FROM search_docs WHERE tbl = ? AND row_id = " + t.name + ".id), 0)" + s.text +
             " ORDER BY " + sortExpr(t, q) + dir + ", id" + dir;
    s.binds.insert(s.binds.begin(), Value{t.name});
    Stmt st = prepared(im, s);
    std::vector<Keyed> rows;
    while (st.step()) rows.push_back({st.text(0), st.integer(1)});
    return rows;
}

std::vector<std::int64_t> Store::matchingKeys(std::string_view text) const {
    auto& im = *m_impl;
    std::vector<std::int64_t> keys;
    const std::string fts = ftsQuery(text);
    if (fts.empty()) return keys;
    im.refreshSearch();
    auto& st = im.stmt("SELECT rowid FROM search_fts WHERE search_fts MATCH ?");
    st.bind(1, fts);
    while (st.step()) keys.push_back(st.integer(0));
    st.reset();
    return keys;
}

} // namespace tdkt::store
