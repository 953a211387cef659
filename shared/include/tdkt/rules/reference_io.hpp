#pragma once
/**
 * @brief Reference data between assets/reference (JSON), the replica's
 *        award_rules / parameters tables, and the in-memory Catalog.
 *
 * Each asset file is {"table": "award_rules" | "parameters", "rows": [{"id": ..., field: value}]}:
 * rows keep fixed ids, so seeding twice changes nothing (idempotent) and a later
 * asset edit updates just the fields that changed.
 */
#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <filesystem>

namespace tdkt::rules {

struct SeedResult {
    std::size_t created = 0;
    std::size_t updated = 0;   // rows with at least one changed field
    std::size_t unchanged = 0;
};

/** Writes every asset row into the store in one batch; throws Error(Invalid) on a bad file. */
SeedResult seedReference(store::Store& store, const std::filesystem::path& dir);

/** The catalog as the replica holds it (admins' edits included). */
Catalog catalogFromStore(const store::Store& store);

/** The catalog straight from the asset files (tests, tools). */
Catalog catalogFromDirectory(const std::filesystem::path& dir);

/** The row → struct conversions both paths share. */
AwardRule awardRuleFromRow(const store::Row& row);
Parameter parameterFromRow(const store::Row& row);

} // namespace tdkt::rules
