// Money (NĐ 152 Đ49–54): coefficient × base salary on the decision date, rounded
// up to the parameter's step; for the same period only the highest title pays.
#include "format.hpp"
#include "history.hpp"
#include "tdkt/rules/checks.hpp"

#include <cmath>

namespace tdkt::rules {
using namespace detail;
namespace {

struct Money {
    double coefficient = 0;
    std::int64_t base = 0;
    std::int64_t amount = 0;
    const Parameter* coefficientParam = nullptr;
};

std::optional<Money> money(const DossierContext& ctx) {
    const auto* coef = ctx.param({.key = "money.coefficient", .awardCode = ctx.dossier.awardCode,
                                  .text = ctx.dossier.nomineeKind});
    const auto* base = ctx.param({.key = "money.base_salary"});
    const auto* step = ctx.param({.key = "money.round_up_to"});
    if (!coef || !coef->value || !base || !base->value) return std::nullopt;
    Money m;
    m.coefficient = *coef->value;
    m.base = std::llround(*base->value);
    m.coefficientParam = coef;
    // Integer arithmetic in thousandths of a coefficient: 0.3 × 2,340,000 must be
    // exactly 702,000 before rounding up, never 702,000.0000001 → 710,000 by accident.
    const std::int64_t raw = std::llround(m.coefficient * 1000.0) * m.base;
    const std::int64_t unit = 1000 * (step && step->value ? std::max<std::int64_t>(1, std::llround(*step->value)) : 1);
    m.amount = (raw + unit - 1) / unit * (unit / 1000);
    return m;
}

// Same period, higher title: this one pays nothing (and the reverse is reported too).
const AwardRecord* samePeriodTitle(const DossierContext& ctx, bool higher) {
    const auto* rule = ctx.rule();
    if (!rule || rule->category != "danh_hieu" || !ctx.param({.key = "money.same_period_highest_only"})) return nullptr;
    for (const auto& a : ctx.awards) {
        if (a.year != ctx.dossier.year || a.awardCode == ctx.dossier.awardCode) continue;
        const auto* other = ctx.catalog->rule(a.awardCode, ctx.when().receivedOn, ctx.unitChain);
        if (!other || other->category != "danh_hieu" || other->periodYears != rule->periodYears) continue;
        if (higher ? other->rank > rule->rank : other->rank < rule->rank) return &a;
    }
    return nullptr;
}

} // namespace

std::optional<std::int64_t> computeAmount(const DossierContext& ctx) {
    auto m = money(ctx);
    if (!m) return std::nullopt;
    return samePeriodTitle(ctx, true) ? 0 : m->amount;
}

// A form the reference data has no coefficient for (Huân chương Đại đoàn kết dân
// tộc, Dũng cảm, Hữu nghị, the danh hiệu vinh dự, Giải thưởng, Kỷ niệm chương: the
// research found no verified figure): the amount is not guessed, and it says so.
namespace {
std::optional<Finding> noCoefficient(const DossierContext& ctx) {
    if (ctx.param({.key = "money.coefficient", .awardCode = ctx.dossier.awardCode, .text = ctx.dossier.nomineeKind}))
        return std::nullopt;
    if (!ctx.param({.key = "money.base_salary"})) return std::nullopt;
    auto f = finding("money.no_coefficient", Severity::Info,
                     "Tiền thưởng " + quotedAward(ctx) +
                         ": dữ liệu tham chiếu chưa có hệ số đã xác minh; cán bộ xác định mức theo quy định.",
                     Source{"Nghị định 152/2025/NĐ-CP", "Điều 49–54", false});
    f.params = {{"award_code", ctx.dossier.awardCode}, {"nominee_kind", ctx.dossier.nomineeKind}};
    return f;
}
} // namespace

Findings checkMoney(const DossierContext& ctx) {
    auto m = money(ctx);
    if (!m) {
        if (auto f = noCoefficient(ctx)) return {std::move(*f)};
        return {};
    }
    Findings out;
    const auto* p = m->coefficientParam;
    if (const auto* higher = samePeriodTitle(ctx, true)) {
        out.push_back(finding("money.same_period", Severity::Info,
                              "Cùng kỳ năm " + std::to_string(ctx.dossier.year) + " có danh hiệu «" +
                                  awardLabel(higher->awardCode) + "»: chỉ chi tiền thưởng mức cao nhất, không chi cho " +
                                  quotedAward(ctx) + ".",
                              ctx.param({.key = "money.same_period_highest_only"})->source));
    } else {
        if (const auto* lower = samePeriodTitle(ctx, false))
            out.push_back(finding("money.same_period", Severity::Info,
                                  "Cùng kỳ năm " + std::to_string(ctx.dossier.year) + " có danh hiệu «" +
                                      awardLabel(lower->awardCode) + "»: chỉ chi mức của " + quotedAward(ctx) + ".",
                                  ctx.param({.key = "money.same_period_highest_only"})->source));
        out.push_back(finding("money.amount", Severity::Info,
                              "Tiền thưởng " + quotedAward(ctx) + ": " + formatNumber(m->coefficient) + " × " +
                                  formatMoney(m->base) + ", làm tròn lên " + formatMoney(m->amount) + ".",
                              p->source));
    }
    const auto due = computeAmount(ctx);
    if (ctx.dossier.amount && due && *ctx.dossier.amount != *due)
        out.push_back(finding("money.mismatch", Severity::Warning,
                              "Số tiền ghi trong hồ sơ (" + formatMoney(*ctx.dossier.amount) +
                                  ") khác mức tính theo quy định (" + formatMoney(*due) + "): sửa lại.",
                              p->source));
    return out;
}

} // namespace tdkt::rules
