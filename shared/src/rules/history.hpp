#pragma once
// Reading a nominee's record the way the rules count it (internal to the rules library):
// GEN-2 (đột xuất / chuyên đề awards never count towards a service award) and
// GEN-4 (after discipline, only achievement years wholly after its end count).
#include "tdkt/rules/context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tdkt::rules::detail {

/** Vietnamese labels from the schema's enumerations (one source of names). */
std::string awardLabel(std::string_view code);
std::string rankLabel(std::string_view rank);
std::string disciplineLabel(std::string_view kind);
std::string scopeLabel(std::string_view scope);
std::string componentLabel(std::string_view component);

/** Position in the schema's enumeration: a smaller rank index is a better rank. */
int rankIndex(std::string_view rank);
bool rankAtLeast(std::string_view have, std::string_view min);
/** Discipline severity: khiển trách 0, cảnh cáo 1, …; -1 for the ongoing-case kinds. */
int disciplineIndex(std::string_view kind);
int scopeIndex(std::string_view scope);

/** A parameter's comma list (e.g. the excluded methods), empty when none is in force. */
std::vector<std::string> paramList(const DossierContext& ctx, std::string_view key);

/** GEN-4: the first achievement year that counts; 0 when no discipline ended. */
int firstCountableYear(const DossierContext& ctx);

/** GEN-2: the award may support a service award. */
bool countsTowardsLadder(const DossierContext& ctx, const AwardRecord& a);

/** Holds `code` for achievement year `year`, counting pending dossiers too. */
bool holdsAward(const DossierContext& ctx, std::string_view code, int year);

/** The rank of `year`, or "" when none was recorded. */
std::string rankOf(const DossierContext& ctx, int year);

/** Discipline overlapping the calendar year. */
bool overlapsYear(const Discipline& d, int year);

std::string percent(double share);

} // namespace tdkt::rules::detail
