// Quotas are configuration: a share of the holders of a base award (e.g. the
// NĐ 91 Đ9.3 cap of 15% of LĐTT for achievement years up to 2023, or a province's own).
#include "format.hpp"
#include "history.hpp"
#include "tdkt/rules/checks.hpp"

#include <cmath>

namespace tdkt::rules {
using namespace detail;

std::size_t quotaCap(std::size_t baseCount, double share) {
    // domain-verified §1 row 2; the epsilon keeps 20 × 15% = 3 at 3 despite binary fractions.
    return static_cast<std::size_t>(std::floor(static_cast<double>(baseCount) * share + 1e-9));
}

namespace {

// A quota row without a value says there is none (CSTĐ cơ sở since 2024): reviewers
// used to the old 15% are told so, with the source.
Finding noQuota(const Parameter& quota, const std::string& award, int year) {
    return finding("quota.none", Severity::Info,
                   "Năm " + std::to_string(year) + " không có hạn mức «" + awardLabel(award) +
                       "»: không còn hạn mức toàn quốc từ 01/01/2024 (trước đây 15% số «" + awardLabel(quota.text) +
                       "», NĐ 91/2017 Điều 9) và tỉnh, bộ chưa quy định hạn mức riêng.",
                   quota.source);
}

} // namespace

Findings checkQuota(const QuotaInput& in) {
    if (!in.quota) return {};
    if (!in.quota->value) return {noQuota(*in.quota, in.awardCode, in.year)};
    const auto cap = quotaCap(in.baseCount, *in.quota->value);
    const std::string what = "«" + awardLabel(in.awardCode) + "» năm " + std::to_string(in.year);
    const std::string limit = "hạn mức " + percent(*in.quota->value) + " số «" + awardLabel(in.quota->text) + "» (" +
                              std::to_string(in.baseCount) + " → tối đa " + std::to_string(cap) + ")";
    if (in.proposed <= cap)
        return {finding("quota.within", Severity::Info,
                        in.unitName + " đề nghị " + std::to_string(in.proposed) + " " + what + ", trong " + limit + ".",
                        in.quota->source)};
    return {finding("quota.exceeded", Severity::Block,
                    in.unitName + " đề nghị " + std::to_string(in.proposed) + " " + what + ", vượt " + limit +
                        ": giảm số hồ sơ đề nghị.",
                    in.quota->source)};
}

// The unit ranks its proposals; with more of them than the cap allows, those
// ranked beyond it are blocked. Ranks only matter when the cap binds.
Findings checkQuotaRank(const DossierContext& ctx) {
    const auto* quota = ctx.param({.key = "quota.max_share", .awardCode = ctx.dossier.awardCode});
    if (!quota) return {};
    if (!quota->value) return {noQuota(*quota, ctx.dossier.awardCode, ctx.dossier.year)};
    const auto cap = quotaCap(ctx.quotaBaseCount, *quota->value);
    const std::size_t proposed = ctx.quotaPeers.size() + 1;
    if (proposed <= cap) return {};
    const std::string limit = "hạn mức " + percent(*quota->value) + " số «" + awardLabel(quota->text) + "» (" +
                              std::to_string(ctx.quotaBaseCount) + " → tối đa " + std::to_string(cap) +
                              "), đơn vị đề nghị " + std::to_string(proposed) + " hồ sơ";
    const auto& mine = ctx.dossier.proposalRank;
    if (!mine)
        return {finding("quota.rank_missing", Severity::Warning,
                        "Ghi thứ tự đề nghị của hồ sơ " + quotedAward(ctx) + " trong danh sách của đơn vị: " + limit +
                            ", chỉ " + std::to_string(cap) + " hồ sơ đầu danh sách được xét.",
                        quota->source)};
    std::size_t ahead = 0, tied = 0;
    for (const auto& p : ctx.quotaPeers) {
        if (!p.rank) continue; // unranked ones come after every ranked one
        if (*p.rank < *mine) ++ahead;
        if (*p.rank == *mine) ++tied;
    }
    Findings out;
    if (tied > 0)
        out.push_back(finding("quota.rank_tied", Severity::Warning,
                              "Thứ tự đề nghị " + std::to_string(*mine) + " trùng với " + std::to_string(tied) +
                                  " hồ sơ khác của đơn vị: sửa lại thứ tự (" + limit + ").",
                              quota->source));
    const std::size_t place = ahead + 1;
    if (place > cap)
        out.push_back(finding("quota.beyond_cap", severityFor(quota->source),
                              "Hồ sơ " + quotedAward(ctx) + " xếp thứ " + std::to_string(place) +
                                  " trong danh sách, ngoài " + limit + ": chỉ " + std::to_string(cap) +
                                  " hồ sơ đầu danh sách được đề nghị." + unverifiedNote(quota->source),
                              quota->source));
    return out;
}

} // namespace tdkt::rules
