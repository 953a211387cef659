// Rows out of a user's reach: a replica drops its copy of a row moved to a unit its
// user may not read, and, after its rights shrank, of every row a pull of all it may
// read no longer names. Nothing here is an edit: no op, nothing sent.
#include "store_impl.hpp"

namespace tdkt::store {

bool Store::Impl::hasUnacked(const schema::TableDef& t, std::string_view id) {
    flushLog();
    auto& mine = stmt("SELECT 1 FROM changes WHERE row_id = ? AND tbl = ? AND site = ? AND seq + n - 1 > ? LIMIT 1");
    mine.bind(1, id).bind(2, t.name).bind(3, static_cast<std::int64_t>(site));
    mine.bind(4, static_cast<std::int64_t>(ackedSeq()));
    const bool pending = mine.step();
    mine.reset();
    return pending;
}

bool Store::dropRow(std::string_view table, std::string_view id) {
    auto& im = *m_impl;
    const auto* t = im.reg.table(table);
    if (!t) return false;
    Batch b{*this};
    // Our own changes the server has not confirmed are still to be pushed (or refused).
    if (im.hasUnacked(*t, id)) {
        b.commit();
        return false;
    }
    im.flushRows();
    im.stmt("DELETE FROM " + t->name + " WHERE id = ?").bind(1, id).run();
    im.evictRow(*t, id);
    im.dirtySearch.emplace(t->name, std::string(id)); // its search entry goes at commit
    b.commit();
    return true;
}

void Store::noteSeen(std::span<const Op> ops) {
    auto& im = *m_impl;
    Batch b{*this};
    auto& st = im.stmt("INSERT OR IGNORE INTO pull_seen(tbl, row_id) VALUES(?, ?)");
    const Op* last = nullptr;
    for (const Op& op : ops) {
        if (last && last->rowId == op.rowId && last->table == op.table) continue;
        st.bind(1, op.table).bind(2, op.rowId).run();
        last = &op;
    }
    b.commit();
}

std::size_t Store::dropUnseen() {
    auto& im = *m_impl;
    Batch b{*this};
    im.flushRows();
    std::size_t dropped = 0;
    for (const auto& t : im.reg.tables()) {
        std::vector<std::string> unseen;
        auto st = im.db.prepare("SELECT id FROM " + t.name + " r WHERE NOT EXISTS (SELECT 1 FROM pull_seen s " +
                                "WHERE s.tbl = ? AND s.row_id = r.id)");
        st.bind(1, t.name);
        while (st.step()) unseen.push_back(st.text(0));
        for (const auto& id : unseen) dropped += dropRow(t.name, id) ? 1 : 0;
    }
    forgetSeen();
    b.commit();
    return dropped;
}

void Store::forgetSeen() { m_impl->stmt("DELETE FROM pull_seen").run(); }

} // namespace tdkt::store
