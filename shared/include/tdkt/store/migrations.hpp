#pragma once
/**
 * @brief Numbered migrations, applied at open, one transaction each, with
 *        `user_version` bumped inside it. Domain tables and columns come from the
 *        schema registry (each field's `since`); the store's own tables are SQL here.
 */
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/sqlite.hpp"

#include <string>

namespace tdkt::store {

/** 'TDKT' in PRAGMA application_id: how we know a file is ours. */
inline constexpr int ApplicationId = 0x54444B54;

/**
 * SQL of migration `version`: internal tables plus the registry's additions. A server's
 * store skips the replicas' search-index steps (migration 23's prefix index): it keeps
 * no search index, and rebuilding one there broke its writes after a full disk.
 */
std::string migrationSql(const schema::Registry& reg, int version, bool server = false);

int latestMigration(const schema::Registry& reg);

/** Applies every migration above the file's user_version. */
void migrate(Db& db, const schema::Registry& reg, int upTo = 0, bool server = false);

/** Column names that hold a field's version. */
std::string hlcColumn(std::string_view field);
std::string siteColumn(std::string_view field);

} // namespace tdkt::store
