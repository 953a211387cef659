// The dossier itself: a rule in force, its components, its achievement period.
#include "format.hpp"
#include "history.hpp"
#include "tdkt/rules/checks.hpp"

#include <algorithm>

namespace tdkt::rules {
using namespace detail;

Findings checkRuleInForce(const DossierContext& ctx) {
    const auto* rule = ctx.rule();
    if (!rule)
        return {finding("rules.in_force", Severity::Block,
                        "Chưa có quy định về " + quotedAward(ctx) + " áp dụng cho hồ sơ tiếp nhận ngày " +
                            formatDate(ctx.when().receivedOn) +
                            ": quản trị viên cần nạp danh mục (tdkt-cli reference load) hoặc chọn danh hiệu khác.",
                        {})};
    Findings out;
    const auto& kinds = rule->nomineeKinds;
    if (std::find(kinds.begin(), kinds.end(), ctx.dossier.nomineeKind) == kinds.end())
        out.push_back(finding("rules.nominee_kind", Severity::Block,
                              quotedAward(ctx) + " không áp dụng cho đối tượng này (" + ctx.dossier.nomineeKind +
                                  "): chọn danh hiệu, hình thức phù hợp.",
                              rule->source));
    // GEN-9: an achievement of an older regime received under a newer one is judged
    // by the rules at receipt; the transitional clause is unverified, so a person confirms.
    const auto assessed = ctx.when().dateFor(DateBasis::AchievementYear);
    const auto* then = ctx.catalog->rule(ctx.dossier.awardCode, assessed, ctx.unitChain);
    const auto* gen9 = ctx.param({.key = "rule.judged_at_receipt"});
    if (gen9 && then && then->id != rule->id && assessed < ctx.when().receivedOn)
        out.push_back(finding("rules.regime", gen9->source.verified ? Severity::Info : Severity::Warning,
                              "Thành tích năm " + std::to_string(ctx.dossier.year) + " thuộc chế độ cũ (" +
                                  sourceText(then->source) + "), hồ sơ tiếp nhận ngày " +
                                  formatDate(ctx.when().receivedOn) + " được xét theo quy định có hiệu lực khi tiếp nhận (" +
                                  sourceText(rule->source) + "), theo nguyên tắc xét theo ngày tiếp nhận hồ sơ." + unverifiedNote(gen9->source) +
                                  " Người có thẩm quyền xác nhận cách áp dụng này.",
                              gen9->source));
    if (!rule->source.verified)
        out.push_back(finding("rules.unverified", Severity::Info,
                              "Quy định về " + quotedAward(ctx) + " (" + sourceText(rule->source) + ") chưa xác minh: đối chiếu văn bản gốc trước khi trình.",
                              rule->source));
    return out;
}

Findings checkComponents(const DossierContext& ctx) {
    const auto* rule = ctx.rule();
    if (!rule) return {};
    // No source lists the form's components: neither complete nor missing, a person checks.
    if (!rule->componentsKnown) {
        auto f = finding("completeness.unknown", Severity::Warning,
                         "Danh mục chưa có thành phần hồ sơ " + quotedAward(ctx) +
                             ": cán bộ đối chiếu văn bản quy định trước khi trình.",
                         rule->componentsSource);
        f.params = {{"award_code", ctx.dossier.awardCode}, {"procedure", ctx.dossier.procedure}};
        return {std::move(f)};
    }
    auto it = rule->components.find(ctx.dossier.procedure);
    if (it == rule->components.end())
        return {finding("completeness.procedure", Severity::Block,
                        quotedAward(ctx) + " không áp dụng thủ tục này (" + ctx.dossier.procedure +
                            "): chuyển sang thủ tục thông thường.",
                        rule->componentsSource)};
    Findings out;
    const auto& present = ctx.presentComponents;
    for (const auto& c : it->second)
        if (std::find(present.begin(), present.end(), c) == present.end())
            out.push_back(finding("completeness." + c, Severity::Block,
                                  "Thiếu «" + componentLabel(c) + "» trong hồ sơ " + quotedAward(ctx) +
                                      ": bổ sung trước khi trình.",
                                  rule->componentsSource));
    return out;
}

Findings checkPeriod(const DossierContext& ctx) {
    const auto* rule = ctx.rule();
    if (!rule || rule->periodYears <= 0) return {};
    const auto& d = ctx.dossier;
    const int n = rule->periodYears;
    const std::string expected = n == 1 ? "năm " + std::to_string(d.year)
                                        : "từ năm " + std::to_string(d.year - n + 1) + " đến năm " + std::to_string(d.year);
    if (!d.periodFromYear || !d.periodToYear) {
        if (n == 1) return {};
        return {finding("period.missing", Severity::Warning,
                        "Ghi thời gian thành tích của " + quotedAward(ctx) + ": " + std::to_string(n) + " năm, " +
                            expected + ".",
                        rule->source)};
    }
    const int span = *d.periodToYear - *d.periodFromYear + 1;
    if (*d.periodToYear == d.year && span == n) return {};
    return {finding("period.length", Severity::Warning,
                    quotedAward(ctx) + " xét thành tích " + std::to_string(n) + " năm (" + expected + "); hồ sơ ghi " +
                        std::to_string(*d.periodFromYear) + "–" + std::to_string(*d.periodToYear) +
                        ": sửa lại thời gian thành tích.",
                    rule->source)};
}

} // namespace tdkt::rules
