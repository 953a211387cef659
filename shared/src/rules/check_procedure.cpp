// Procedure: blocks (GEN-3), council votes, deciding authority.
#include "format.hpp"
#include "history.hpp"
#include "row_values.hpp"
#include "tdkt/rules/checks.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>

namespace tdkt::rules {
using namespace detail;
namespace {

std::string levelLabel(std::string_view level) {
    for (const auto& v : schema::registry().require("units").field("level")->values)
        if (v.code == level) return v.label;
    return std::string(level);
}

std::string joinLevels(const std::vector<std::string>& levels) {
    std::string out;
    for (const auto& l : levels) out += (out.empty() ? "" : "; ") + levelLabel(l);
    return out;
}

} // namespace

Findings checkBlocks(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "rule.blocks"});
    if (!p) return {};
    const auto kinds = splitList(p->text);
    Findings out;
    for (const auto& d : ctx.disciplines) {
        if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end()) continue;
        const bool open = d.fromDate <= ctx.today && (d.toDate.empty() || d.toDate >= ctx.today);
        if (!open) continue;
        out.push_back(finding("blocks." + d.kind, Severity::Block,
                              "Đối tượng được đề nghị đang trong diện «" + disciplineLabel(d.kind) + "» (từ ngày " +
                                  formatDate(d.fromDate) +
                                  "): chưa đề nghị khen thưởng cho đến khi có kết luận không vi phạm.",
                              p->source));
    }
    return out;
}

Findings checkVotes(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "vote.min_share", .awardCode = ctx.dossier.awardCode});
    if (!p || !p->value) return {};
    const auto& d = ctx.dossier;
    const std::string need = percent(*p->value) + " tổng số thành viên Hội đồng";
    if (!d.councilMembers || !d.councilVotesFor || *d.councilMembers <= 0)
        return {finding("votes.missing", Severity::Warning,
                        "Nhập số thành viên Hội đồng và số phiếu đồng ý theo biên bản họp (cần từ " + need + ").",
                        p->source)};
    const auto members = *d.councilMembers, votes = *d.councilVotesFor;
    const double share = static_cast<double>(votes) / static_cast<double>(members);
    if (votes > members)
        return {finding("votes.invalid", Severity::Warning,
                        "Số phiếu đồng ý (" + std::to_string(votes) + ") lớn hơn số thành viên Hội đồng (" +
                            std::to_string(members) + "): kiểm tra lại biên bản.",
                        p->source)};
    // A small epsilon: 4/5 must meet 80% despite binary fractions.
    if (share + 1e-9 >= *p->value) return {};
    return {finding("votes.threshold", Severity::Block,
                    "Số phiếu đồng ý " + std::to_string(votes) + "/" + std::to_string(members) + " (" + percent(share) +
                        ") chưa đạt tỷ lệ tối thiểu " + need + ": chưa đủ điều kiện đề nghị " + quotedAward(ctx) + ".",
                    p->source)};
}

Findings checkAuthority(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "authority.deciders", .awardCode = ctx.dossier.awardCode});
    if (!p) return {};
    const auto levels = splitList(p->text);
    if (ctx.decidingLevel.empty())
        return {finding("authority.missing", Severity::Warning,
                        "Chọn cấp quyết định khen thưởng " + quotedAward(ctx) + " (thẩm quyền: " + joinLevels(levels) + ").",
                        p->source)};
    if (std::find(levels.begin(), levels.end(), ctx.decidingLevel) != levels.end()) return {};
    return {finding("authority.level", Severity::Block,
                    "Cấp «" + levelLabel(ctx.decidingLevel) + "» không có thẩm quyền quyết định " + quotedAward(ctx) +
                        " đối với hồ sơ tiếp nhận ngày " + formatDate(ctx.when().receivedOn) +
                        "; thẩm quyền thuộc: " + joinLevels(levels) + ". Chuyển hồ sơ đến đúng cấp.",
                    p->source)};
}

} // namespace tdkt::rules
