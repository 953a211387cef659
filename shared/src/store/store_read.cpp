// Reads: one row, filtered lists, and a row's history.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <map>

namespace tdkt::store {
namespace {

std::string selectColumns(const schema::TableDef& t) {
    std::string cols = "id";
    for (const auto& f : t.fields) cols += ", " + f.name;
    return cols;
}

Row readRow(const schema::TableDef& t, const Stmt& st) {
    Row r;
    r.id = st.text(0);
    for (std::size_t i = 0; i < t.fields.size(); ++i) {
        const int col = static_cast<int>(i) + 1;
        if (!st.isNull(col)) r.fields.emplace(t.fields[i].name, st.value(col));
    }
    return r;
}

} // namespace

std::optional<Row> Store::get(std::string_view table, std::string_view id) const {
    const auto& t = m_impl->reg.require(table);
    m_impl->flushRows();
    auto& st = m_impl->stmt("SELECT " + selectColumns(t) + " FROM " + t.name + " WHERE id = ? AND _deleted = 0");
    st.bind(1, id);
    std::optional<Row> row;
    if (st.step()) row = readRow(t, st);
    st.reset();
    return row;
}

bool Store::exists(std::string_view table, std::string_view id) const {
    return m_impl->rowExists(m_impl->reg.require(table), id, false);
}

namespace {

// An enum filter's code, when it is one of the field's codes: written into the SQL
// as a literal (codes are ASCII snake_case), so SQLite can use a partial index
// such as conflicts_open_field (status = 'open'), which a bound value never matches.
const std::string* enumLiteral(const schema::TableDef& t, const Filter& f) {
    const auto* fd = f.field == "id" ? nullptr : t.field(f.field);
    const auto* code = std::get_if<std::string>(&f.value);
    if (!fd || fd->type != schema::FieldType::Enum || !code) return nullptr;
    for (const auto& v : fd->values)
        if (v.code == *code) return &v.code;
    return nullptr;
}

// "FROM t WHERE _deleted = 0 AND ..." for a filter list, its other values bound from 1 in order.
std::string whereClause(const schema::TableDef& t, const std::vector<Filter>& where) {
    std::string sql = " FROM " + t.name + " WHERE _deleted = 0";
    for (const auto& f : where) {
        if (f.field != "id" && !t.field(f.field))
            throw Error(ErrorKind::Invalid, "unknown field '" + f.field + "' in table " + t.name);
        if (isNull(f.value)) sql += " AND " + f.field + " IS NULL";
        else if (const auto* code = enumLiteral(t, f)) sql += " AND " + f.field + " = '" + *code + "'";
        else sql += " AND " + f.field + " = ?";
    }
    return sql;
}

void bindWhere(const schema::TableDef& t, Stmt& st, const std::vector<Filter>& where) {
    int index = 1;
    for (const auto& f : where)
        if (!isNull(f.value) && !enumLiteral(t, f)) st.bind(index++, f.value);
}

} // namespace

std::vector<Row> Store::list(std::string_view table, const std::vector<Filter>& where, std::size_t limit) const {
    const auto& t = m_impl->reg.require(table);
    m_impl->flushRows();
    std::string sql = "SELECT " + selectColumns(t) + whereClause(t, where) + " ORDER BY id";
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    Stmt st = m_impl->db.prepare(sql);
    bindWhere(t, st, where);
    std::vector<Row> rows;
    while (st.step()) rows.push_back(readRow(t, st));
    return rows;
}

std::size_t Store::count(std::string_view table, const std::vector<Filter>& where) const {
    const auto& t = m_impl->reg.require(table);
    m_impl->flushRows();
    Stmt st = m_impl->db.prepare("SELECT count(*)" + whereClause(t, where));
    bindWhere(t, st, where);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

std::vector<HistoryEntry> Store::history(std::string_view table, std::string_view id) const {
    const auto& t = m_impl->reg.require(table);
    if (!m_impl->rowExists(t, id, true))
        throw Error(ErrorKind::NotFound, "no " + t.name + " row with id " + std::string(id));
    // The old value is the value of the op whose version the author saw (its base).
    auto log = m_impl->rowLog(id);
    std::erase_if(log, [&](const Impl::LogEntry& e) { return e.op.table != t.name; });
    std::stable_sort(log.begin(), log.end(), [](const Impl::LogEntry& a, const Impl::LogEntry& b) {
        return std::make_pair(a.op.hlc, a.op.site) < std::make_pair(b.op.hlc, b.op.site);
    });
    // (Built after sorting: it points into the entries.)
    std::map<std::pair<std::string_view, Version>, const Value*> byVersion;
    for (const auto& e : log) byVersion.emplace(std::make_pair(std::string_view(e.op.field), e.op.version()), &e.op.value);
    std::vector<HistoryEntry> out;
    for (const auto& e : log) {
        HistoryEntry h;
        h.field = e.op.field;
        if (auto it = byVersion.find({std::string_view(e.op.field), e.op.base}); it != byVersion.end())
            h.oldValue = *it->second;
        h.newValue = e.op.value;
        h.hlc = e.op.hlc;
        h.site = e.op.site;
        h.author = e.op.author;
        h.applied = e.applied;
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace tdkt::store
