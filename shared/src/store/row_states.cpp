// Rows as stored, with every field's version: what a replica check compares with
// the server (tdkt-cli verify), and the repair that puts the server's copy back.
// Nothing here is an edit: no op is logged or sent.
#include "store_impl.hpp"

#include "tdkt/core/ids.hpp"
#include "tdkt/store/migrations.hpp"

namespace tdkt::store {
namespace {

std::string stateColumns(const schema::TableDef& t) {
    std::string cols = "id";
    const auto add = [&](const std::string& f) { cols += ", " + f + ", " + hlcColumn(f) + ", " + siteColumn(f); };
    add(std::string(schema::DeletedField));
    for (const auto& f : t.fields) add(f.name);
    return cols;
}

RowState readState(const schema::TableDef& t, const Stmt& st) {
    RowState r;
    r.id = st.text(0);
    r.fields.resize(t.fields.size() + 1);
    for (std::size_t slot = 0; slot < r.fields.size(); ++slot) {
        const int c = 1 + static_cast<int>(slot) * 3;
        r.fields[slot] = {st.value(c), {static_cast<HlcStamp>(st.integer(c + 1)), static_cast<SiteId>(st.integer(c + 2))}};
    }
    return r;
}

} // namespace

Row RowState::row(const schema::TableDef& t) const {
    Row r;
    r.id = id;
    for (std::size_t i = 0; i < t.fields.size() && i + 1 < fields.size(); ++i)
        if (!isNull(fields[i + 1].value)) r.fields.emplace(t.fields[i].name, fields[i + 1].value);
    return r;
}

void Store::forEachRowState(std::string_view table, const std::function<void(const RowState&)>& fn) const {
    const auto& t = m_impl->reg.require(table);
    m_impl->flushRows();
    Stmt st = m_impl->db.prepare("SELECT " + stateColumns(t) + " FROM " + t.name + " ORDER BY id");
    while (st.step()) fn(readState(t, st));
}

std::vector<RowState> Store::rowStates(std::string_view table, std::span<const std::string> ids) const {
    const auto& t = m_impl->reg.require(table);
    m_impl->flushRows();
    auto& st = m_impl->stmt("SELECT " + stateColumns(t) + " FROM " + t.name + " WHERE id = ?");
    std::vector<RowState> out;
    for (const auto& id : ids) {
        st.bind(1, id);
        if (st.step()) out.push_back(readState(t, st));
        st.reset();
    }
    return out;
}

std::size_t Store::repairRows(std::string_view table, std::span<const RowState> rows, std::span<const std::string> absent) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    Batch b{*this};
    // Our own changes the server has not confirmed are still to be pushed (or refused): left alone.
    const auto pending = [&](std::string_view id) { return im.hasUnacked(t, id); };
    std::size_t changed = 0;
    for (const auto& r : rows) {
        if (!isValidRowId(r.id) || r.fields.size() != t.fields.size() + 1 || pending(r.id)) continue;
        auto& row = im.cachedRow(t, r.id);
        row.create();
        for (std::size_t slot = 0; slot < r.fields.size(); ++slot) {
            const auto& f = r.fields[slot];
            if (row.fields[slot].state.value == f.value && row.fields[slot].state.version == f.version) continue;
            const std::string_view name = slot == 0 ? schema::DeletedField : std::string_view(t.fields[slot - 1].name);
            im.noteUnitWrite(t, name, row, f.value);
            row.set(slot, f.value, f.version);
        }
        im.dirtySearch.emplace(t.name, r.id);
        ++changed;
    }
    for (const auto& id : absent)
        if (im.rowExists(t, id, true) && dropRow(t.name, id)) ++changed; // it keeps a row with unpushed changes
    b.commit();
    return changed;
}

} // namespace tdkt::store
