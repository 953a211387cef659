// Field-level reads and writes, and the local edit API (create, update, remove).
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/migrations.hpp"

namespace tdkt::store {

Store::Impl::CachedField* Store::Impl::CachedRow::find(std::string_view name) {
    for (auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

merge::FieldState Store::Impl::fieldState(const schema::TableDef& t, std::string_view id, std::string_view field) {
    auto& byId = rowCache[&t];
    auto row = byId.find(id);
    if (row != byId.end())
        if (auto* f = row->second.find(field)) return f->state;
    auto& sql = sqlFor(t, field);
    auto& st = *sql.select;
    st.bind(1, id);
    merge::FieldState s;
    const bool found = st.step();
    if (found) {
        s.value = st.value(0);
        s.version = {static_cast<HlcStamp>(st.integer(1)), static_cast<SiteId>(st.integer(2))};
    }
    st.reset();
    // Only rows that exist are cached, and only inside a transaction.
    if (found && batchDepth > 0) {
        if (row == byId.end()) {
            row = byId.emplace(std::string(id), CachedRow{}).first;
            ++cachedRows;
        }
        row->second.fields.push_back({sql.name, s, false});
    }
    return s;
}

bool Store::Impl::rowExists(const schema::TableDef& t, std::string_view id, bool includeDeleted) {
    // _deleted is NOT NULL in every table: null here means there is no such row.
    const auto s = fieldState(t, id, schema::DeletedField);
    if (isNull(s.value)) return false;
    return includeDeleted || std::get<std::int64_t>(s.value) == 0;
}

void Store::Impl::writeField(const schema::TableDef& t, std::string_view id, std::string_view field, const Value& v,
                             Version version) {
    auto& sql = sqlFor(t, field);
    if (batchDepth > 0) {
        auto& byId = rowCache[&t];
        auto row = byId.find(id);
        if (row == byId.end()) {
            row = byId.emplace(std::string(id), CachedRow{}).first;
            ++cachedRows;
        }
        if (auto* f = row->second.find(field)) *f = {sql.name, {v, version}, true};
        else row->second.fields.push_back({sql.name, {v, version}, true});
        if (cachedRows > 20000) flushRows(); // bound the memory of huge batches
        return;
    }
    auto& st = *sql.update;
    st.bind(1, v).bind(2, static_cast<std::int64_t>(version.hlc)).bind(3, static_cast<std::int64_t>(version.site));
    st.bind(4, id).run();
}

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
    for (auto& [id, row] : byId) {
        for (const auto& f : row.fields) {
            if (!f.dirty) continue;
            auto& st = *sqlFor(t, f.name).update;
            st.bind(1, f.state.value).bind(2, static_cast<std::int64_t>(f.state.version.hlc));
            st.bind(3, static_cast<std::int64_t>(f.state.version.site)).bind(4, id).run();
        }
    }
}

void Store::Impl::evictRow(const schema::TableDef& t, std::string_view id) {
    auto it = rowCache.find(&t);
    if (it == rowCache.end()) return;
    if (auto row = it->second.find(id); row != it->second.end()) it->second.erase(row);
}

Store::Impl::FieldSql& Store::Impl::sqlFor(const schema::TableDef& t, std::string_view field) {
    // Keys point into the registry (or the DeletedField constant), which outlive the store.
    const auto* fd = t.field(field);
    const std::string_view stable = fd ? std::string_view(fd->name) : schema::DeletedField;
    if (!fd && field != schema::DeletedField) throw Error(ErrorKind::Invalid, "unknown field '" + std::string(field) + "'");
    auto& sql = fieldSql[{&t, stable}];
    if (!sql.select) {
        sql.name = stable;
        const std::string f(stable);
        sql.select = &stmt("SELECT " + f + ", " + hlcColumn(f) + ", " + siteColumn(f) + " FROM " + t.name + " WHERE id = ?");
        sql.update = &stmt("UPDATE " + t.name + " SET " + f + " = ?, " + hlcColumn(f) + " = ?, " + siteColumn(f) +
                           " = ? WHERE id = ?");
    }
    return sql;
}

void Store::Impl::appendOp(const Op& op, bool applied) {
    if (!insertOp)
        insertOp = &stmt("INSERT INTO ops(site, seq, tbl, row_id, field, value, hlc, base_hlc, base_site, seen, author, "
                         "applied) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    auto& st = *insertOp;
    st.bind(1, static_cast<std::int64_t>(op.site)).bind(2, static_cast<std::int64_t>(op.seq));
    st.bind(3, op.table).bind(4, op.rowId).bind(5, op.field).bind(6, op.value);
    st.bind(7, static_cast<std::int64_t>(op.hlc)).bind(8, static_cast<std::int64_t>(op.base.hlc));
    st.bind(9, static_cast<std::int64_t>(op.base.site)).bind(10, static_cast<std::int64_t>(op.seen));
    if (op.author.empty()) st.bindNull(11);
    else st.bind(11, op.author);
    st.bind(12, std::int64_t{applied ? 1 : 0}).run();
}

Op Store::Impl::localOp(const schema::TableDef& t, std::string_view id, std::string_view field, Value v, Version base) {
    Op op;
    op.site = site;
    op.seq = nextSeq++;
    op.table = t.name;
    op.rowId = id;
    op.field = field;
    op.value = std::move(v);
    op.hlc = clock.now();
    op.base = base;
    op.seen = seenCursor;
    op.author = options.serverRole ? "" : siteName;
    return op;
}

Value Store::Impl::checkField(const schema::TableDef& t, std::string_view field, const Value& v) {
    const auto* fd = t.field(field);
    if (!fd) {
        if (field == "id") throw Error(ErrorKind::Invalid, t.name + ".id cannot be changed");
        throw Error(ErrorKind::Invalid, "unknown field '" + std::string(field) + "' in table " + t.name);
    }
    Value out = schema::validate(t, *fd, v);
    return out;
}

void Store::Impl::checkRef(const schema::FieldDef& f, const Value& v) {
    if (f.type != schema::FieldType::Ref || isNull(v)) return;
    const auto& target = reg.require(f.refTable);
    if (!rowExists(target, std::get<std::string>(v), false))
        throw Error(ErrorKind::Invalid, f.name + ": no " + f.refTable + " row with id " + std::get<std::string>(v));
}

void Store::Impl::markSearch(const schema::TableDef& t, std::string_view id, std::string_view field) {
    if (field == schema::DeletedField || (t.field(field) && t.field(field)->searchable))
        dirtySearch.emplace(t.name, std::string(id));
}

namespace {

// Everything is checked before the first write, so a refused edit changes nothing.
Fields validated(Store::Impl& im, const schema::TableDef& t, const Fields& fields) {
    Fields out;
    out.reserve(fields.size());
    for (const auto& [name, value] : fields) {
        Value v = im.checkField(t, name, value);
        im.checkRef(*t.field(name), v);
        out.emplace_back(name, std::move(v));
    }
    return out;
}

} // namespace

std::string Store::create(std::string_view table, const Fields& fields, std::string_view id) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (t.serverWritten) throw Error(ErrorKind::Invalid, t.name + " rows are written by the server only");
    std::string rowId = id.empty() ? newRowId(im.clock.wallMillis()) : std::string(id);
    if (!isValidRowId(rowId)) throw Error(ErrorKind::Invalid, "invalid id '" + rowId + "'");
    Fields values = validated(im, t, fields);
    for (const auto& f : t.fields) {
        bool given = false;
        for (const auto& [n, v] : values) given = given || (n == f.name && !isNull(v));
        if (f.required && !given) throw Error(ErrorKind::Invalid, t.name + "." + f.name + " is required");
    }
    Batch b{*this};
    if (im.rowExists(t, rowId, true)) throw Error(ErrorKind::Conflict, t.name + " " + rowId + " already exists");
    im.stmt("INSERT INTO " + t.name + "(id) VALUES(?)").bind(1, rowId).run();
    // The unit row's own unit is itself: units.id is the scope of a unit.
    for (auto& [name, value] : values) {
        if (isNull(value)) continue;
        Op op = im.localOp(t, rowId, name, value, {});
        im.writeField(t, rowId, name, op.value, op.version());
        im.appendOp(op, true);
        im.markSearch(t, rowId, name);
    }
    b.commit();
    return rowId;
}

void Store::update(std::string_view table, std::string_view id, const Fields& fields) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (t.serverWritten) throw Error(ErrorKind::Invalid, t.name + " rows are written by the server only");
    Fields values = validated(im, t, fields);
    Batch b{*this};
    if (!im.rowExists(t, id, false)) throw Error(ErrorKind::NotFound, "no " + t.name + " row with id " + std::string(id));
    for (auto& [name, value] : values) {
        auto current = im.fieldState(t, id, name);
        if (current.value == value) continue; // nothing changes: no op
        Op op = im.localOp(t, id, name, value, current.version);
        im.writeField(t, id, name, op.value, op.version());
        im.appendOp(op, true);
        im.markSearch(t, id, name);
    }
    b.commit();
}

void Store::remove(std::string_view table, std::string_view id) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (t.serverWritten) throw Error(ErrorKind::Invalid, t.name + " rows are written by the server only");
    Batch b{*this};
    if (!im.rowExists(t, id, false)) throw Error(ErrorKind::NotFound, "no " + t.name + " row with id " + std::string(id));
    auto current = im.fieldState(t, id, schema::DeletedField);
    Op op = im.localOp(t, id, schema::DeletedField, std::int64_t{1}, current.version);
    im.writeField(t, id, op.field, op.value, op.version());
    im.appendOp(op, true);
    im.markSearch(t, id, op.field);
    b.commit();
}

} // namespace tdkt::store
