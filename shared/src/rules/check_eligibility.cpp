// Eligibility from the record (individual criteria), collective criteria, GEN-8.
#include "criteria.hpp"
#include "format.hpp"
#include "history.hpp"
#include "tdkt/rules/checks.hpp"

#include <optional>

namespace tdkt::rules {
using namespace detail;
namespace {

// A criterion may name its own source (e.g. NĐ 98 Đ34 for an initiative's scope).
Source sourceOf(const nlohmann::json& c, const Source& fallback) {
    auto it = c.find("source");
    if (it == c.end() || !it->is_object()) return fallback;
    return {it->value("document", ""), it->value("article", ""), it->value("verified", false)};
}

std::string what(const DossierContext& ctx, const nlohmann::json& c, const std::string& missing) {
    const auto hint = c.value("hint", "");
    return "Chưa đủ tiêu chuẩn " + quotedAward(ctx) + ": " + missing +
           ". Kiểm tra lại quá trình khen thưởng, xếp loại, hoặc đề nghị hình thức khác." + (hint.empty() ? "" : " " + hint);
}

// The data lowers a criterion to a warning only where other legal paths exist
// (e.g. Đ74.1 a–đ); otherwise the source's confidence mark decides.
Severity severityOf(const nlohmann::json& c, const Source& source) {
    return c.value("severity", "") == "warning" ? Severity::Warning : severityFor(source);
}

Finding criterionFinding(const DossierContext& ctx, const nlohmann::json& c, const std::string& id,
                         const std::string& missing, Source source) {
    return finding(id, severityOf(c, source), what(ctx, c, missing) + unverifiedNote(source), std::move(source));
}

// A form whose catalog row encodes no criterion for this nominee kind (a Huân
// chương, a danh hiệu vinh dự, a collective's Bằng khen Thủ tướng): the machine
// cannot say it is deserved, so it says so and leaves it to the reviewer.
std::optional<Finding> noAutomaticCriteria(const DossierContext& ctx, const AwardRule& rule) {
    if (rule.criteria.is_array())
        for (const auto& c : rule.criteria)
            if (appliesTo(ctx, c)) return std::nullopt;
    auto f = finding("eligibility.no_criteria", Severity::Warning,
                     quotedAward(ctx) + ": chưa có tiêu chí tự động; cán bộ thẩm định xem xét.", rule.source);
    f.params = {{"award_code", ctx.dossier.awardCode}, {"nominee_kind", ctx.dossier.nomineeKind}};
    return f;
}

} // namespace

Findings checkEligibility(const DossierContext& ctx) {
    const auto* rule = ctx.rule();
    if (!rule) return {};
    if (auto f = noAutomaticCriteria(ctx, *rule)) return {std::move(*f)};
    Findings out;
    for (const auto& c : rule->criteria) {
        if (isCollectiveCriterion(c) || !appliesTo(ctx, c)) continue;
        auto o = evaluateIndividual(ctx, c);
        if (!o.ok)
            out.push_back(criterionFinding(ctx, c, "eligibility." + c.value("type", ""), o.missing,
                                           sourceOf(c, rule->source)));
    }
    return out;
}

Findings checkCollective(const DossierContext& ctx) {
    const auto* rule = ctx.rule();
    if (!rule || !rule->criteria.is_array()) return {};
    Findings out;
    for (const auto& c : rule->criteria) {
        if (!isCollectiveCriterion(c) || !appliesTo(ctx, c)) continue;
        auto o = evaluateCollective(ctx, c);
        if (!o.ok)
            out.push_back(criterionFinding(ctx, c, "collective." + c.value("type", ""), o.missing,
                                           o.param ? o.param->source : sourceOf(c, rule->source)));
    }
    return out;
}

Findings checkInitiativeReuse(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "rule.initiative_single_use"});
    const auto* rule = ctx.rule();
    if (!p || !rule || !rule->criteria.is_array()) return {};
    Findings out;
    for (const auto& c : rule->criteria) {
        if (isCollectiveCriterion(c) || !appliesTo(ctx, c)) continue;
        for (const auto& id : evaluateIndividual(ctx, c).initiativesUsed) {
            auto uses = ctx.initiativeUses.find(id);
            if (uses == ctx.initiativeUses.end() || uses->second == 0) continue;
            std::string title = id;
            for (const auto& i : ctx.initiatives)
                if (i.id == id) title = i.title;
            out.push_back(finding("initiative.reused", Severity::Warning,
                                  "Sáng kiến «" + title + "» đã được dùng làm căn cứ cho khen thưởng khác: mỗi sáng kiến "
                                  "chỉ dùng một lần, chọn sáng kiến khác hoặc giải trình.",
                                  p->source));
        }
    }
    return out;
}

} // namespace tdkt::rules
