#pragma once
// Building findings and wording Vietnamese figures (internal to the rules library).
#include "tdkt/rules/context.hpp"
#include "tdkt/rules/finding.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt::rules::detail {

Finding finding(std::string ruleId, Severity severity, std::string message, Source source);

/**
 * The confidence mark of a rule's source decides how hard it bites: a verified
 * source blocks, an unverified one (⚠️, ❓) only warns, and says so.
 */
Severity severityFor(const Source& source);
/** " (căn cứ chưa xác minh: …)" for an unverified source, "" for a verified one. */
std::string unverifiedNote(const Source& source);

/** "Luật … 2013 Điều 23", or the document alone when the source names no article. */
std::string sourceText(const Source& source);

/** "2026-01-20" → "20/01/2026". */
std::string formatDate(std::string_view iso);

/** 710000 → "710.000 đ". */
std::string formatMoney(std::int64_t amount);

/** 0.3 → "0,3" (Vietnamese decimal comma). */
std::string formatNumber(double v);

/** «Lao động tiên tiến» of the dossier's award. */
std::string quotedAward(const DossierContext& ctx);

/** Looks up the parameter in force with the deciding unit's own settings first. */
const Parameter* decidingParam(const DossierContext& ctx, const ParamQuery& q);

} // namespace tdkt::rules::detail
