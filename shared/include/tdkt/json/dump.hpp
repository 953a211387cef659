#pragma once
/**
 * @brief The canonical dump: {"table": {"id": {"field": value}}} of every visible
 *        replicated row, keys sorted, null fields and deleted rows left out, compact.
 *        The same bytes come out of tdkt-cli dump and tdkt-server dump --as USER for
 *        the same visible state.
 */
#include "tdkt/json/row_json.hpp"
#include "tdkt/store/store.hpp"

#include <functional>
#include <string>

namespace tdkt::json {

/** Decides whether a row is in the dump (the server's per-user read filter). */
using RowFilter = std::function<bool(const schema::TableDef&, const store::Row&)>;

Json dumpJson(const store::Store& store, const RowFilter& visible = {});

/** dumpJson(...).dump() with UTF-8 kept as is. */
std::string dumpText(const store::Store& store, const RowFilter& visible = {});

} // namespace tdkt::json
