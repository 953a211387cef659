// Field-level reads and writes, and the local edit API (create, update, remove).
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/store/migrations.hpp"

namespace tdkt::store {

namespace {

constexpr std::size_t MaxCachedRows = 20000; // bounds the memory of huge batches

} // namespace

std::size_t Store::Impl::slotOf(const schema::TableDef& t, std::string_view field) {
    if (field == schema::DeletedField) return 0;
    const auto* fd = t.field(field);
    if (!fd) throw Error(ErrorKind::Invalid, "unknown field '" + std::string(field) + "' in table " + t.name);
    return static_cast<std::size_t>(fd - t.fields.data()) + 1;
}

namespace {

std::string slotName(const schema::TableDef& t, std::size_t slot) {
    return slot == 0 ? std::string(schema::DeletedField) : t.fields[slot - 1].name;
}

} // namespace

Store::Impl::CachedRow& Store::Impl::cachedRow(const schema::TableDef& t, std::string_view id) {
    auto& byId = rowCache[&t];
    if (auto it = byId.find(id); it != byId.end()) return it->second;
    if (cachedRows >= MaxCachedRows) {
        flushRows();
        return cachedRow(t, id);
    }
    Stmt*& select = rowSelect[&t];
    if (!select) {
        std::string cols;
        for (std::size_t slot = 0; slot <= t.fields.size(); ++slot) {
            const std::string f = slotName(t, slot);
            cols += (slot ? ", " : "") + f + ", " + hlcColumn(f) + ", " + siteColumn(f);
        }
        select = &stmt("SELECT " + cols + " FROM " + t.name + " WHERE id = ?");
    }
    CachedRow row;
    row.fields.resize(t.fields.size() + 1);
    select->bind(1, id);
    if (select->step()) {
        row.kind = CachedRow::Kind::Stored;
        for (std::size_t slot = 0; slot < row.fields.size(); ++slot) {
            const int c = static_cast<int>(slot) * 3;
            auto& s = row.fields[slot].state;
            s.value = select->value(c);
            s.version = {static_cast<HlcStamp>(select->integer(c + 1)), static_cast<SiteId>(select->integer(c + 2))};
        }
    }
    select->reset();
    ++cachedRows;
    return byId.emplace(std::string(id), std::move(row)).first->second;
}

merge::FieldState Store::Impl::fieldState(const schema::TableDef& t, std::string_view id, std::string_view field) {
    if (batchDepth > 0) return cachedRow(t, id).fields[slotOf(t, field)].state;
    auto& st = *sqlFor(t, field).select;
    st.bind(1, id);
    merge::FieldState s;
    if (st.step()) {
        s.value = st.value(0);
        s.version = {static_cast<HlcStamp>(st.integer(1)), static_cast<SiteId>(st.integer(2))};
    }
    st.reset();
    return s;
}

bool Store::Impl::rowExists(const schema::TableDef& t, std::string_view id, bool includeDeleted) {
    // _deleted is NOT NULL in every table: null here means there is no such row.
    const auto s = fieldState(t, id, schema::DeletedField);
    if (isNull(s.value)) return false;
    return includeDeleted || std::get<std::int64_t>(s.value) == 0;
}

void Store::Impl::ensureRow(const schema::TableDef& t, std::string_view id) {
    if (batchDepth == 0) {
        stmt("INSERT OR IGNORE INTO " + t.name + "(id) VALUES(?)").bind(1, id).run();
        return;
    }
    cachedRow(t, id).create();
}

void Store::Impl::CachedRow::create() {
    if (kind != Kind::Absent) return;
    kind = Kind::Created;
    dirty = true;
    fields[0].state.value = std::int64_t{0}; // the column default
}

void Store::Impl::CachedRow::set(std::size_t slot, const Value& v, Version version) {
    if (kind == Kind::Absent) return; // no such row: as an UPDATE of no row
    fields[slot] = {{v, version}, true};
    dirty = true;
}

void Store::Impl::writeField(const schema::TableDef& t, std::string_view id, std::string_view field, const Value& v,
                             Version version) {
    if (batchDepth > 0) {
        const std::size_t slot = slotOf(t, field);
        auto& row = cachedRow(t, id);
        noteUnitWrite(t, field, row, v);
        row.set(slot, v, version);
        return;
    }
    if (field == t.unitField || shapesRights(t, field)) ++unitMoves; // its value before is not read here
    auto& st = *sqlFor(t, field).update;
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
    std::string key;
    for (auto& [id, row] : byId) {
        if (!row.dirty) continue;
        const bool created = row.kind == CachedRow::Kind::Created;
        key.assign(1, created ? 'i' : 'u');
        for (std::size_t slot = 0; slot < row.fields.size(); ++slot)
            if (row.fields[slot].dirty) key += static_cast<char>(slot + 1);
        Stmt*& st = rowWrite[{&t, key}];
        if (!st) {
            std::string cols, marks;
            for (std::size_t k = 1; k < key.size(); ++k) {
                const std::string f = slotName(t, static_cast<unsigned char>(key[k]) - 1u);
                cols += (k > 1 ? ", " : "") + (created ? f + ", " + hlcColumn(f) + ", " + siteColumn(f)
                                                       : f + " = ?, " + hlcColumn(f) + " = ?, " + siteColumn(f) + " = ?");
                marks += ", ?, ?, ?";
            }
            st = created ? &stmt("INSERT INTO " + t.name + "(id" + (cols.empty() ? "" : ", " + cols) + ") VALUES(?" +
                                 marks + ")")
                         : &stmt("UPDATE " + t.name + " SET " + cols + " WHERE id = ?");
        }
        int i = created ? 2 : 1;
        for (const auto& f : row.fields) {
            if (!f.dirty) continue;
            st->bind(i, f.state.value).bind(i + 1, static_cast<std::int64_t>(f.state.version.hlc));
            st->bind(i + 2, static_cast<std::int64_t>(f.state.version.site));
            i += 3;
        }
        st->bind(created ? 1 : i, id).run();
    }
}

void Store::Impl::evictRow(const schema::TableDef& t, std::string_view id) {
    auto it = rowCache.find(&t);
    if (it == rowCache.end()) return;
    if (auto row = it->second.find(id); row != it->second.end()) {
        it->second.erase(row);
        --cachedRows;
    }
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
    im.ensureRow(t, rowId);
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
