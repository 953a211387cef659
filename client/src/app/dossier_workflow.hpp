#pragma once
// The status steps of a dossier a user may take, and taking one (DOMAIN.md "Dossier
// life"): an officer of the proposing unit submits a draft or a returned dossier; a
// reviewer of that unit or above receives it, returns it with a reason, records the
// council's secret ballot, and — where its level has authority for the award form
// (the rules engine's checkAuthority, as the server judges) — decides it. Where its
// level does not, and an authority above the tree does (the Chủ tịch nước, the Thủ
// tướng, a bộ), it records that authority's decision (recorded_decision.hpp). The
// editor offers exactly these steps; the server still judges every op it gets.
#include "messages.hpp"

#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tdkt::app {

enum class Step { Submit, Receive, Return, RecordVote, Approve, NotApprove, RecordDecision };

/** Who acts: the signed-in user's role and unit (settings "role" and "unit" of the replica). */
struct Actor {
    std::string role, unit;
};

Actor actorOf(const store::Store& store);

/** The steps `actor` may take on the dossier now, in the order the editor shows them. */
std::vector<Step> allowedSteps(const store::Store& store, const rules::Catalog& catalog, const Actor& actor,
                               const std::string& dossierId);

/** What a step needs typed: a reason (return, not approve), the ballot, the decision. */
struct StepInput {
    std::string reason;
    std::string members, votesFor;              // the council: members present, votes for
    std::string decisionNumber, decisionDate;   // "12/QĐ-UBND", "01/12/2026" (or "2026-12-01")
    std::string amount;                         // đồng; "" for none
    // RecordDecision: who decided above the tree (an issuer_kind code, and the body's
    // name where the kind needs one), and whether it approved.
    std::string issuerKind, issuerName;
    bool approved = true;
};

/**
 * Takes the step in one transaction; returns "" or the sentence (in `lang`) of what is
 * missing or wrong — a step not allowed, a reason left empty, votes above the members,
 * a rule that blocks the approval — and then writes nothing.
 */
std::string takeStep(store::Store& store, const rules::Catalog& catalog, const Actor& actor,
                     const std::string& dossierId, Step step, const StepInput& in, Lang lang);

/** The step's button label. */
std::string stepLabel(Step step, Lang lang);

} // namespace tdkt::app
