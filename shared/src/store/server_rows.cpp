// Server: rows of the server-written tables (sync_marks, issue 19) written as the
// server's own edits, so they reach every replica whose user may read them.
#include "store_impl.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/ids.hpp"

namespace tdkt::store {

void Store::writeServerRow(std::string_view table, std::string_view id, const Fields& fields) {
    auto& im = *m_impl;
    const auto& t = im.reg.require(table);
    if (!im.options.serverRole || !t.serverWritten)
        throw Error(ErrorKind::Invalid, t.name + ": only the server writes rows of its own tables");
    if (!isValidRowId(id)) throw Error(ErrorKind::Invalid, "invalid id '" + std::string(id) + "'");
    Fields values;
    for (const auto& [name, value] : fields) {
        Value v = im.checkField(t, name, value);
        im.checkRef(*t.field(name), v);
        values.emplace_back(name, std::move(v));
    }
    Batch b{*this};
    if (!im.rowExists(t, id, true)) {
        for (const auto& f : t.fields) {
            bool given = false;
            for (const auto& [n, v] : values) given = given || (n == f.name && !isNull(v));
            if (f.required && !given) throw Error(ErrorKind::Invalid, t.name + "." + f.name + " is required");
        }
        im.ensureRow(t, id);
    }
    for (auto& [name, value] : values) {
        auto current = im.fieldState(t, id, name);
        if (current.value == value) continue; // nothing changes: no op
        Op op = im.localOp(t, id, name, value, current.version);
        im.writeField(t, id, op.field, op.value, op.version());
        im.appendOp(op, true);
        im.markSearch(t, id, op.field);
    }
    b.commit();
}

} // namespace tdkt::store
