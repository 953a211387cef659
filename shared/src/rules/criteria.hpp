#pragma once
// The machine criteria of award_rules.criteria (internal to the rules library).
//
// criteria is a JSON array of objects {"type": ..., params, "source": {...}?}; every
// entry that applies must hold. Optional keys of any entry: "for" (a nominee kind),
// "methods" (default ["thuong_xuyen"]: ladder criteria judge service awards only),
// "severity" ("warning" where the machine cannot see every legal path; otherwise the
// confidence mark of the source decides: verified blocks, unverified warns), "hint"
// (appended to the message), "in_force_from" / "in_force_to" (dates of the text the
// criterion comes from, compared with 31/12 of the achievement year). Individual types (also used for a collective's own rank):
//   eval_min          {rank, years}          rank ≥ `rank` in each of `years` years ending y
//   eval_count        {rank, count, within}  ≥ count years at `rank` among the last `within`
//   award_consecutive {award, years, step}   the award for years y, y-step, … (`years` of them;
//                                            step 3: two consecutive 3-year CSTĐ tỉnh)
//   award_count       {award, count, within} ≥ count of the award among the last `within` years
//   prior_award       {award}                the award held for some year ≤ y
//   initiative        {scope, count, within} ≥ count initiatives of scope ≥ `scope` in the window
//   recruited_months  {months}               recruited ≥ `months` whole months before 31/12 of y
//                                            (unknown recruitment date: not judged)
//   any_of / all_of   {of: [...]}
// Collective types (members of the nominated collective, year y):
//   members_share        {award, param}  share holding `award` against the parameter
//                                        (value = share, text_value = "gt" or "ge")
//   members_eval_min     {rank}          every member at least `rank`
//   members_award_count  {award, count}  at least `count` members hold it
//   members_no_discipline {param}        no member disciplined at the parameter's kind or above
#include "tdkt/rules/context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tdkt::rules::detail {

struct Outcome {
    bool ok = true;
    std::string missing; // Vietnamese: what is missing, when !ok
    std::vector<std::string> initiativesUsed;
    const Parameter* param = nullptr; // the parameter a members_* check used (its source)
};

bool isCollectiveCriterion(const nlohmann::json& c);

/** The entry applies to this dossier's nominee kind and method. */
bool appliesTo(const DossierContext& ctx, const nlohmann::json& c);

Outcome evaluateIndividual(const DossierContext& ctx, const nlohmann::json& c);
Outcome evaluateCollective(const DossierContext& ctx, const nlohmann::json& c);

} // namespace tdkt::rules::detail
