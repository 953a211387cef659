// Collective criteria: the members of the nominated collective in the achievement year.
#include "criteria.hpp"
#include "history.hpp"

#include <algorithm>

namespace tdkt::rules::detail {
namespace {
using nlohmann::json;

bool holds(const Member& m, std::string_view award) {
    return std::find(m.awards.begin(), m.awards.end(), award) != m.awards.end();
}

std::string ofMembers(std::size_t n, std::size_t total) {
    return std::to_string(n) + "/" + std::to_string(total) + " thành viên";
}

Outcome membersShare(const DossierContext& ctx, const json& c) {
    const auto award = c.value("award", "");
    const auto* p = ctx.param({.key = c.value("param", ""), .awardCode = ctx.dossier.awardCode});
    Outcome out;
    out.param = p;
    if (!p || !p->value) return out; // no share in force: nothing to check
    const auto n = static_cast<std::size_t>(
        std::count_if(ctx.members.begin(), ctx.members.end(), [&](const Member& m) { return holds(m, award); }));
    const double share = static_cast<double>(n) / static_cast<double>(ctx.members.size());
    // "gt": strictly more than (before 2024: >50%); otherwise at least (since 2024: ≥70%).
    const bool strict = p->text == "gt";
    out.ok = strict ? share > *p->value : share >= *p->value;
    if (!out.ok)
        out.missing = "tỷ lệ thành viên đạt «" + awardLabel(award) + "» là " + percent(share) + " (" +
                      ofMembers(n, ctx.members.size()) + "), cần " + (strict ? "trên " : "từ ") + percent(*p->value) +
                      (strict ? "" : " trở lên");
    return out;
}

Outcome membersEvalMin(const DossierContext& ctx, const json& c) {
    const auto rank = c.value("rank", "htnv");
    std::size_t below = 0;
    for (const auto& m : ctx.members)
        if (!rankAtLeast(m.rank, rank)) ++below;
    if (below == 0) return {};
    return {false, "cần 100% thành viên xếp loại từ «" + rankLabel(rank) + "» trở lên; còn " +
                       ofMembers(below, ctx.members.size()) + " chưa đạt hoặc chưa có xếp loại",
            {}, nullptr};
}

Outcome membersAwardCount(const DossierContext& ctx, const json& c) {
    const auto award = c.value("award", "");
    const int count = c.value("count", 1);
    const auto n = std::count_if(ctx.members.begin(), ctx.members.end(), [&](const Member& m) { return holds(m, award); });
    if (n >= count) return {};
    return {false, "cần ít nhất " + std::to_string(count) + " thành viên đạt «" + awardLabel(award) + "», mới có " +
                       std::to_string(n),
            {}, nullptr};
}

// A member disciplined in the achievement year (the sanction overlaps it) at the
// parameter's kind or above disqualifies the collective; lighter kinds do not.
Outcome membersNoDiscipline(const DossierContext& ctx, const json& c) {
    const auto* p = ctx.param({.key = c.value("param", ""), .awardCode = ctx.dossier.awardCode});
    Outcome out;
    out.param = p;
    if (!p || p->text.empty()) return out;
    const int min = disciplineIndex(p->text);
    std::size_t n = 0;
    for (const auto& m : ctx.members)
        if (std::any_of(m.disciplines.begin(), m.disciplines.end(), [&](const Discipline& d) {
                return disciplineIndex(d.kind) >= min && overlapsYear(d, ctx.dossier.year);
            }))
            ++n;
    if (n == 0) return out;
    out.ok = false;
    out.missing = "có " + ofMembers(n, ctx.members.size()) + " bị kỷ luật từ hình thức «" + disciplineLabel(p->text) +
                  "» trở lên trong năm " + std::to_string(ctx.dossier.year);
    return out;
}

} // namespace

Outcome evaluateCollective(const DossierContext& ctx, const json& c) {
    if (ctx.members.empty())
        return {false, "chưa có danh sách thành viên của tập thể để tính tỷ lệ", {}, nullptr};
    const auto type = c.value("type", "");
    if (type == "members_share") return membersShare(ctx, c);
    if (type == "members_eval_min") return membersEvalMin(ctx, c);
    if (type == "members_award_count") return membersAwardCount(ctx, c);
    if (type == "members_no_discipline") return membersNoDiscipline(ctx, c);
    return {false, "tiêu chuẩn «" + type + "» chưa được phần mềm hỗ trợ, cần kiểm tra thủ công", {}, nullptr};
}

} // namespace tdkt::rules::detail
