#pragma once
/**
 * @brief One pure function per rule: each reads a DossierContext and returns its
 *        findings (empty when the rule is met). checkAll() runs them in order.
 *
 * Every number and list a check uses comes from the Catalog (award_rules and
 * parameters in force for the dossier's dates), never from the code.
 */
#include "tdkt/rules/context.hpp"
#include "tdkt/rules/finding.hpp"

#include <optional>

namespace tdkt::rules {

/** A rule for the award is in force on received_on, fits the nominee kind; unverified → info. */
Findings checkRuleInForce(const DossierContext& ctx);
/** Every component the award and procedure require is present (Law Đ84). */
Findings checkComponents(const DossierContext& ctx);
/** The achievement period matches the award's period (e.g. 2 years for Bằng khen tỉnh). */
Findings checkPeriod(const DossierContext& ctx);
/** The award's criteria from history and evaluations (GEN-2, GEN-4 applied). */
Findings checkEligibility(const DossierContext& ctx);
/** Collective titles: members' shares, ranks, CSTĐ cơ sở, discipline. */
Findings checkCollective(const DossierContext& ctx);
/** GEN-3: under disciplinary review, investigation, or a complaint being verified. */
Findings checkBlocks(const DossierContext& ctx);
/** Council vote share recorded in the biên bản against the threshold in force. */
Findings checkVotes(const DossierContext& ctx);
/** Deadline set by the deciding level for receiving dossiers. */
Findings checkDeadline(const DossierContext& ctx);
/** The receiving level's time to appraise and submit (processing.working_days), as a date. */
Findings checkProcessing(const DossierContext& ctx);
/**
 * The `days`-th working day after `fromIso` (the count starts the next day; weekends
 * and `holidays` are skipped: "YYYY-MM-DD" dates, or "MM-DD" every year). A negative
 * `days` counts back: the working day that many working days before.
 */
std::string addWorkingDays(std::string_view fromIso, int days, const std::vector<std::string>& holidays);

/** Who decides this award form for the dossier's unit on its date (authority.deciders in force). */
struct DecidingAuthority {
    std::vector<std::string> levels; // every unit level with the power
    std::string level;               // the one that decides here: the nearest of the unit chain, else the first
    std::string unitId, unitName;    // that unit of the chain, when it is one
    std::string title;               // e.g. "Chủ tịch UBND xã" (authority.title.<level>)
    Source source;                   // of the deciders row
};

/** Nothing when no authority row is in force for the award. Client and server both judge by it. */
std::optional<DecidingAuthority> decidingAuthority(const DossierContext& ctx);

/** Names the deciding authority; the deciding unit's level must be among those with the power. */
Findings checkAuthority(const DossierContext& ctx);
/**
 * A form a bộ, ngành, đoàn thể trung ương or tỉnh issues (issuer.required) names its
 * issuer when no unit of the tree decides it (no deciding unit, and no unit of the
 * chain has the power); the issuer fits the form (issue 22).
 */
Findings checkIssuer(const DossierContext& ctx);
/** The level that decides the dossier: its deciding unit's, else its outside issuer's; empty when neither. */
std::string decidingLevelOf(const DossierContext& ctx);
/** The amount: coefficient × base salary, rounded up; same period pays only the highest. */
Findings checkMoney(const DossierContext& ctx);
/** GEN-8: an initiative already used as the basis of another award. */
Findings checkInitiativeReuse(const DossierContext& ctx);

/** A capped award: this dossier's place in the unit's ranked list (thứ tự đề nghị) against the cap. */
Findings checkQuotaRank(const DossierContext& ctx);

/** A hiệp y dossier (kind = hiep_y): the concurrence on a proposal decided elsewhere. */
bool isConcurrence(const DossierContext& ctx);
/** For a hiệp y: what is and is not judged here (an info finding); nothing for a proposal. */
Findings checkConcurrence(const DossierContext& ctx);

/** Every check of a proposal; for a hiệp y only the rule in force, GEN-3 blocks and its scope. */
Findings checkAll(const DossierContext& ctx);

/** The amount the dossier's award pays (đồng), or nothing when no coefficient or salary applies. */
std::optional<std::int64_t> computeAmount(const DossierContext& ctx);

/** Quota of one award in one unit and year (checkUnit). */
struct QuotaInput {
    std::string unitName;
    std::string awardCode;     // the capped award, e.g. chien_si_thi_dua_co_so
    int year = 0;
    std::size_t proposed = 0;  // open or approved dossiers for it
    std::size_t baseCount = 0; // holders of the base award (e.g. LĐTT) that year
    const Parameter* quota = nullptr; // quota.max_share in force, or none
};

Findings checkQuota(const QuotaInput& in);

/** "Không quá 15%" read as a floor: 13 × 15% = 1.95 allows 1. */
std::size_t quotaCap(std::size_t baseCount, double share);

} // namespace tdkt::rules
