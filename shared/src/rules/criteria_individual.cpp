// Individual criteria: counting achievement years, with GEN-2 and GEN-4 applied.
#include "criteria.hpp"
#include "history.hpp"

#include <algorithm>
#include <cstdio>

namespace tdkt::rules::detail {
namespace {
using nlohmann::json;

std::string yearRange(int from, int to) {
    return from == to ? "năm " + std::to_string(to) : "các năm " + std::to_string(from) + "–" + std::to_string(to);
}

// Years before GEN-4's restart do not count; say so when that is why a check fails.
std::string restartNote(const DossierContext& ctx, int firstYear) {
    const int restart = firstCountableYear(ctx);
    if (restart <= firstYear) return "";
    return " (thành tích trước năm " + std::to_string(restart) + " không được tính do kỷ luật)";
}

bool countable(const DossierContext& ctx, int year) { return year >= firstCountableYear(ctx); }

Outcome evalMin(const DossierContext& ctx, const json& c) {
    const auto rank = c.value("rank", "httnv");
    const int years = c.value("years", 1);
    const int y = ctx.dossier.year;
    for (int k = y - years + 1; k <= y; ++k)
        if (!countable(ctx, k) || !rankAtLeast(rankOf(ctx, k), rank))
            return {false, "cần xếp loại từ «" + rankLabel(rank) + "» trở lên " + yearRange(y - years + 1, y) +
                               "; năm " + std::to_string(k) + " chưa đạt" + restartNote(ctx, y - years + 1), {}, nullptr};
    return {};
}

Outcome evalCount(const DossierContext& ctx, const json& c) {
    const auto rank = c.value("rank", "htxsnv");
    const int count = c.value("count", 1), within = c.value("within", 1), y = ctx.dossier.year;
    int have = 0;
    for (int k = y - within + 1; k <= y; ++k)
        if (countable(ctx, k) && rankAtLeast(rankOf(ctx, k), rank)) ++have;
    if (have >= count) return {};
    return {false, "cần ít nhất " + std::to_string(count) + " năm «" + rankLabel(rank) + "» trong " +
                       yearRange(y - within + 1, y) + ", mới có " + std::to_string(have) + restartNote(ctx, y - within + 1),
            {}, nullptr};
}

Outcome awardConsecutive(const DossierContext& ctx, const json& c) {
    const auto award = c.value("award", "");
    const int years = c.value("years", 1), step = std::max(1, c.value("step", 1)), y = ctx.dossier.year;
    const int first = y - (years - 1) * step;
    for (int k = first; k <= y; k += step)
        if (!countable(ctx, k) || !holdsAward(ctx, award, k))
            return {false, "cần đạt «" + awardLabel(award) + "» " + (years > 1 ? std::to_string(years) + " lần liên tục, " : "") +
                               (step > 1 ? "các kỳ kết thúc năm " + std::to_string(first) + " và " + std::to_string(y)
                                         : yearRange(first, y)) +
                               "; thiếu năm " + std::to_string(k) + restartNote(ctx, first),
                    {}, nullptr};
    return {};
}

Outcome awardCount(const DossierContext& ctx, const json& c) {
    const auto award = c.value("award", "");
    const int count = c.value("count", 1), within = c.value("within", 1), y = ctx.dossier.year;
    int have = 0;
    for (int k = y - within + 1; k <= y; ++k)
        if (countable(ctx, k) && holdsAward(ctx, award, k)) ++have;
    if (have >= count) return {};
    return {false, "cần ít nhất " + std::to_string(count) + " lần «" + awardLabel(award) + "» trong " +
                       yearRange(y - within + 1, y) + ", mới có " + std::to_string(have) + restartNote(ctx, y - within + 1),
            {}, nullptr};
}

Outcome priorAward(const DossierContext& ctx, const json& c) {
    const auto award = c.value("award", "");
    const bool held = std::any_of(ctx.awards.begin(), ctx.awards.end(), [&](const AwardRecord& a) {
        return a.awardCode == award && !a.pending && a.year <= ctx.dossier.year && countsTowardsLadder(ctx, a);
    });
    if (held) return {};
    return {false, "cần đã được tặng «" + awardLabel(award) + "» (khen thưởng đột xuất, chuyên đề không được tính)", {},
            nullptr};
}

Outcome initiative(const DossierContext& ctx, const json& c) {
    const auto scope = c.value("scope", "co_so");
    const int count = c.value("count", 1), within = c.value("within", 1), y = ctx.dossier.year;
    Outcome out;
    std::vector<std::string> fresh, reused; // GEN-8: prefer initiatives not used before
    for (const auto& i : ctx.initiatives)
        if (i.year > y - within && i.year <= y && countable(ctx, i.year) && scopeIndex(i.scope) >= scopeIndex(scope)) {
            auto u = ctx.initiativeUses.find(i.id);
            (u != ctx.initiativeUses.end() && u->second > 0 ? reused : fresh).push_back(i.id);
        }
    out.initiativesUsed = fresh;
    out.initiativesUsed.insert(out.initiativesUsed.end(), reused.begin(), reused.end());
    if (static_cast<int>(out.initiativesUsed.size()) >= count) {
        out.initiativesUsed.resize(static_cast<std::size_t>(count));
        return out;
    }
    out.ok = false;
    out.missing = "cần " + std::to_string(count) + " sáng kiến có phạm vi ảnh hưởng «" + scopeLabel(scope) +
                  "» trở lên được công nhận trong " + yearRange(y - within + 1, y) + ", mới có " +
                  std::to_string(out.initiativesUsed.size()) + restartNote(ctx, y - within + 1);
    return out;
}

// Time in the job: someone recruited less than `months` whole months before the end
// of the achievement year is not proposed (LĐTT: NĐ 91/2017 Đ10, 10 months; TT
// 01/2024, 6). Recruited on the 1st of a month, that month counts whole.
Outcome recruitedMonths(const DossierContext& ctx, const json& c) {
    const int months = c.value("months", 0);
    const auto& on = ctx.recruitedOn;
    int y = 0, m = 0, d = 0;
    if (months <= 0 || std::sscanf(on.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1)
        return {}; // no date recorded: nothing to judge by
    const int worked = (ctx.dossier.year - y) * 12 + (12 - m) + (d == 1 ? 1 : 0);
    if (worked >= months) return {};
    const std::string date = on.substr(8, 2) + "/" + on.substr(5, 2) + "/" + on.substr(0, 4);
    return {false, "tuyển dụng ngày " + date + ", đến hết năm " + std::to_string(ctx.dossier.year) + " chưa đủ " +
                       std::to_string(months) + " tháng công tác",
            {}, nullptr};
}

Outcome combine(const DossierContext& ctx, const json& c, bool any) {
    Outcome out;
    std::vector<std::string> missing;
    bool anyOk = false;
    for (const auto& sub : c.value("of", json::array())) {
        auto o = evaluateIndividual(ctx, sub);
        if (o.ok) {
            anyOk = true;
            out.initiativesUsed.insert(out.initiativesUsed.end(), o.initiativesUsed.begin(), o.initiativesUsed.end());
            if (any) return out; // the first path that holds is the one used
        } else {
            missing.push_back(o.missing);
        }
    }
    out.ok = any ? anyOk : missing.empty();
    for (std::size_t i = 0; i < missing.size(); ++i)
        out.missing += (i == 0 ? "" : (any ? "; hoặc " : "; ")) + missing[i];
    if (any && missing.size() > 1) out.missing = "chưa đạt điều kiện nào: " + out.missing;
    return out;
}

} // namespace

bool isCollectiveCriterion(const json& c) { return c.value("type", "").starts_with("members_"); }

bool appliesTo(const DossierContext& ctx, const json& c) {
    if (c.contains("for") && c["for"] != ctx.dossier.nomineeKind) return false;
    // A criterion of a text in force for the achievement year (judged at its 31/12).
    const auto assessed = ctx.when().dateFor(DateBasis::AchievementYear);
    if (const auto from = c.value("in_force_from", ""); !from.empty() && assessed < from) return false;
    if (const auto to = c.value("in_force_to", ""); !to.empty() && assessed > to) return false;
    const auto methods = c.value("methods", std::vector<std::string>{"thuong_xuyen"});
    return std::find(methods.begin(), methods.end(), ctx.dossier.method) != methods.end();
}

Outcome evaluateIndividual(const DossierContext& ctx, const json& c) {
    const auto type = c.value("type", "");
    if (type == "eval_min") return evalMin(ctx, c);
    if (type == "eval_count") return evalCount(ctx, c);
    if (type == "award_consecutive") return awardConsecutive(ctx, c);
    if (type == "award_count") return awardCount(ctx, c);
    if (type == "prior_award") return priorAward(ctx, c);
    if (type == "initiative") return initiative(ctx, c);
    if (type == "recruited_months") return recruitedMonths(ctx, c);
    if (type == "any_of") return combine(ctx, c, true);
    if (type == "all_of") return combine(ctx, c, false);
    if (isCollectiveCriterion(c)) return evaluateCollective(ctx, c);
    // An admin may add a criterion this version does not know: say so, do not pass it silently.
    return {false, "tiêu chuẩn «" + type + "» chưa được phần mềm hỗ trợ, cần kiểm tra thủ công", {}, nullptr};
}

} // namespace tdkt::rules::detail
