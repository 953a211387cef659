#pragma once
// The conflicts inbox: open conflicts as a screen shows them, and resolving one by
// keeping a value or typing the merged one (tdkt-cli resolve calls the same code).
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::app {

struct ConflictCandidateView {
    nlohmann::json value;
    std::string text;   // the value as a person reads it
    std::string author; // who typed it
    std::string at;     // when, in local time "HH:MM dd/mm/yyyy"
    std::string device; // where: the replica it was typed on (its site id, short), "" when unknown
    bool winner = false;
};

struct ConflictView {
    std::string id, table, tableLabel, rowId, rowTitle, field, fieldLabel;
    std::vector<ConflictCandidateView> candidates;
};

/**
 * The open conflicts visible on this replica. With the report outlines' folder, a
 * report section is titled by its heading rather than its key.
 */
std::vector<ConflictView> openConflicts(const store::Store& store, const std::filesystem::path& reportDir = {},
                                        Lang lang = Lang::Vi);

/** What a list shows of a row (its table's title field), or its id. */
std::string rowTitle(const store::Store& store, const std::string& table, const std::string& id);

/** A conflicts row as JSON (candidates and winner parsed); throws NotFound / Conflict (already resolved). */
nlohmann::json openConflictJson(const store::Store& store, const std::string& id);

/** The newest candidate that is not the winner; throws Error(Invalid) when there is none. */
nlohmann::json losingValue(const nlohmann::json& conflict, const std::string& id);

/** Writes `chosen` as the field's value (an op even when unchanged), which closes the conflict on sync. */
void resolveConflict(store::Store& store, const nlohmann::json& conflict, const nlohmann::json& chosen);

/** A typed merged value as JSON for the conflict's field (text as is, numbers parsed). */
nlohmann::json typedValue(const nlohmann::json& conflict, const std::string& text);

} // namespace tdkt::app
