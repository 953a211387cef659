// Procedure: blocks (GEN-3) and council votes.
#include "format.hpp"
#include "history.hpp"
#include "row_values.hpp"
#include "tdkt/rules/checks.hpp"

#include <algorithm>

namespace tdkt::rules {
using namespace detail;

Findings checkBlocks(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "rule.blocks"});
    if (!p) return {};
    const auto kinds = splitList(p->text);
    Findings out;
    for (const auto& d : ctx.disciplines) {
        if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end()) continue;
        // GEN-3: a conclusion of no violation unblocks, whatever the end date says.
        const bool open = d.conclusion != "khong_vi_pham" && d.fromDate <= ctx.today &&
                          (d.toDate.empty() || d.toDate >= ctx.today);
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

} // namespace tdkt::rules
