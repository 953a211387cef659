#include "tdkt/json/dump.hpp"

namespace tdkt::json {

Json dumpJson(const store::Store& store, const RowFilter& visible) {
    Json out = Json::object();
    for (const auto& t : schema::registry().tables()) {
        Json rows = Json::object();
        for (const auto& row : store.list(t.name)) {
            if (visible && !visible(t, row)) continue;
            rows[row.id] = rowToJson(t, row);
        }
        out[t.name] = std::move(rows);
    }
    return out;
}

std::string dumpText(const store::Store& store, const RowFilter& visible) {
    return dumpJson(store, visible).dump(-1, ' ', false, Json::error_handler_t::strict);
}

} // namespace tdkt::json
