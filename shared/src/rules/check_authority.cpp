// Who decides: the unit levels with the power over an award form on the dossier's
// date (authority.deciders: Law Đ77–80; NĐ 129 Đ59 from 1/7/2025), the one that
// decides for this unit, and its title. The server's decision check
// (server/src/sync/award_authority.cpp) runs checkAuthority too.
#include "format.hpp"
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

std::string titleOf(const DossierContext& ctx, const std::string& level) {
    const std::string key = "authority.title." + level;
    const auto* p = ctx.param({.key = key, .awardCode = ctx.dossier.awardCode});
    return p && !p->text.empty() ? p->text : levelLabel(level);
}

std::string joinTitles(const DossierContext& ctx, const std::vector<std::string>& levels) {
    std::string out;
    for (const auto& l : levels) out += (out.empty() ? "" : "; ") + titleOf(ctx, l) + " (cấp " + levelLabel(l) + ")";
    return out;
}

} // namespace

std::optional<DecidingAuthority> decidingAuthority(const DossierContext& ctx) {
    const auto* p = ctx.param({.key = "authority.deciders", .awardCode = ctx.dossier.awardCode});
    if (!p) return std::nullopt;
    DecidingAuthority a;
    a.levels = splitList(p->text);
    a.source = p->source;
    if (a.levels.empty()) return std::nullopt;
    // The nearest unit of the chain (the proposing unit first) whose level has the power.
    for (std::size_t i = 0; i < ctx.unitLevels.size() && i < ctx.unitChain.size(); ++i)
        if (std::find(a.levels.begin(), a.levels.end(), ctx.unitLevels[i]) != a.levels.end()) {
            a.level = ctx.unitLevels[i];
            a.unitId = ctx.unitChain[i];
            if (i < ctx.unitNames.size()) a.unitName = ctx.unitNames[i];
            break;
        }
    if (a.level.empty()) a.level = a.levels.front(); // e.g. the Thủ tướng, above every unit held
    a.title = titleOf(ctx, a.level);
    return a;
}

Findings checkAuthority(const DossierContext& ctx) {
    const auto a = decidingAuthority(ctx);
    if (!a) return {};
    const std::string date = formatDate(ctx.when().receivedOn);
    Findings out{finding("authority.decider", Severity::Info,
                         "Thẩm quyền quyết định " + quotedAward(ctx) + " (hồ sơ tiếp nhận ngày " + date +
                             "): " + a->title + (a->unitName.empty() ? "" : " (" + a->unitName + ")") + ", theo " +
                             sourceText(a->source) + ".",
                         a->source)};
    const auto level = decidingLevelOf(ctx);
    if (level.empty()) {
        out.push_back(finding("authority.missing", Severity::Warning,
                              "Chọn cấp quyết định khen thưởng " + quotedAward(ctx) + " (thẩm quyền: " +
                                  joinTitles(ctx, a->levels) + ").",
                              a->source));
        return out;
    }
    if (std::find(a->levels.begin(), a->levels.end(), level) != a->levels.end()) return out;
    out.push_back(finding("authority.level", Severity::Block,
                          "Cấp «" + levelLabel(level) + "» không có thẩm quyền quyết định " +
                              quotedAward(ctx) + " đối với hồ sơ tiếp nhận ngày " + date + "; thẩm quyền thuộc: " +
                              joinTitles(ctx, a->levels) + ". Chuyển hồ sơ đến " + a->title + ".",
                          a->source));
    return out;
}

} // namespace tdkt::rules
