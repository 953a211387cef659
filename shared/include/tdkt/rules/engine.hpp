#pragma once
/**
 * @brief The rules engine over the replica: build a dossier's context, run every
 *        check, check a unit's quotas, and gate status changes (client and server
 *        run the same code).
 */
#include "tdkt/rules/checks.hpp"
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tdkt::rules {

/** Today's date in local time, "YYYY-MM-DD". */
std::string todayIso();

/** The context of one dossier as the replica holds it; throws Error(NotFound). */
DossierContext buildContext(const store::Store& store, std::string_view dossierId, const Catalog& catalog,
                            std::string today);

/** Every rule on one dossier (fast: a handful of indexed reads, no writes). */
Findings checkDossier(const store::Store& store, std::string_view dossierId, const Catalog& catalog);
Findings checkDossier(const store::Store& store, std::string_view dossierId, const Catalog& catalog,
                      const std::string& today);

/** Quotas and completeness of all the unit's dossiers for an achievement year. */
Findings checkUnit(const store::Store& store, std::string_view unitId, int year, const Catalog& catalog,
                   const std::string& today = todayIso());

/**
 * The block-level finding that forbids moving a dossier to `newStatus`
 * ("submitted" or "approved"), or nothing when the change may go ahead.
 */
std::optional<Finding> blockingFindingForStatus(const store::Store& store, const schema::TableDef& table,
                                                std::string_view rowId, std::string_view newStatus,
                                                const Catalog& catalog);

} // namespace tdkt::rules
