#pragma once
/**
 * @brief Who may decide a dossier (DOMAIN.md "Who decides"; DESIGN.md §4 "Rights").
 *
 * A reviewer moves the dossiers of its subtree through review, but writes their
 * decision only when its own unit's level is among the reference parameter
 * `authority.deciders` in force for the dossier's award form (the row the rules
 * engine's checkAuthority picks: by received_on, falling back to today, nearest unit
 * scope first), and records only its own unit as the deciding unit.
 *
 * A decision is: status to approved / not_approved, taking a decided dossier back to
 * another status, and any write of decision_number, decision_date, amount or
 * deciding_unit_id, or of the issuer (issuer_kind, issuer_name) of a decided dossier.
 * Everything below it (received_on, under_review, returned, status_reason, council
 * fields, the issuer of an undecided dossier) stays open to every reviewer above the
 * unit, since lower offices forward dossiers upward.
 *
 * A decision taken above the tree comes back to the office that forwarded the dossier:
 * a reviewer whose level may not decide the form still RECORDS that decision when the
 * dossier's issuer (catalog/issuer.hpp) names a body whose level may (the Thủ tướng for
 * a Bằng khen Thủ tướng, the Chủ tịch nước for a Huân chương, a bộ for its Bằng khen),
 * with the issuer's name where its kind needs one, no deciding unit (no unit of the
 * tree decided it), and, for an approval, the decision number. It may not name an
 * issuer the tree holds: when a unit of the dossier's chain at the issuer's level has
 * the power (the province of a Bằng khen tỉnh), that unit's reviewer records its own
 * decision. An agency outside the tree (co_quan_don_vi) is never in it.
 *
 * Without `authority.deciders` on the server (reference data never loaded), or with
 * none for the dossier's award form, nothing is judged and the decision goes ahead,
 * as before reference data existed (the same as the rules gate in push.cpp).
 * No sockets here; reads the store and the push's FieldLookup.
 */
#include "accounts.hpp"
#include "rights.hpp"

#include "tdkt/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tdkt::server {

/**
 * The dossier fields the decision check reads through the FieldLookup, so a push
 * keeps them for rows it creates (an award code pushed after the status is seen).
 */
bool authorityReads(std::string_view table, std::string_view field);

/** The dossier's issuer fields: reviewers above the unit write them as a review step. */
bool isIssuerField(std::string_view table, std::string_view field);

/** Whether the dossier's status in the store is a decision (approved / not_approved). */
bool isDecided(const store::Store& store, const std::string& dossier);

/** Whether the op writes a decision of a dossier (see above); `store` gives its current status. */
bool isDecision(const store::Store& store, const Op& op);

/**
 * Why `reviewer` may not write this op on a dossier of `unit` (a unit below it),
 * or nullopt when it may (every op that is not a decision).
 */
std::optional<std::string> refuseDecision(const store::Store& store, const User& reviewer, const Op& op,
                                          const std::string& unit, const FieldLookup& lookup);

} // namespace tdkt::server
