#include "history.hpp"

#include "row_values.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>
#include <cmath>

namespace tdkt::rules::detail {
namespace {

const schema::FieldDef& enumField(std::string_view table, std::string_view field) {
    return *schema::registry().require(table).field(field);
}

std::string labelIn(const schema::FieldDef& f, std::string_view code) {
    for (const auto& v : f.values)
        if (v.code == code) return v.label;
    return std::string(code);
}

int indexIn(const schema::FieldDef& f, std::string_view code) {
    for (std::size_t i = 0; i < f.values.size(); ++i)
        if (f.values[i].code == code) return static_cast<int>(i);
    return -1;
}

} // namespace

std::string awardLabel(std::string_view code) { return labelIn(enumField("dossiers", "award_code"), code); }

std::string rankLabel(std::string_view rank) { return labelIn(enumField("evaluations", "rank"), rank); }

std::string disciplineLabel(std::string_view kind) { return labelIn(enumField("disciplines", "kind"), kind); }

std::string scopeLabel(std::string_view scope) { return labelIn(enumField("initiatives", "scope"), scope); }

std::string componentLabel(std::string_view c) { return labelIn(enumField("dossier_items", "component"), c); }

int rankIndex(std::string_view rank) { return indexIn(enumField("evaluations", "rank"), rank); }

bool rankAtLeast(std::string_view have, std::string_view min) {
    const int h = rankIndex(have);
    return h >= 0 && h <= rankIndex(min);
}

// The sanctions come first in the enumeration, in increasing severity; the
// "đang …" kinds after them are ongoing cases, not sanctions.
int disciplineIndex(std::string_view kind) {
    if (kind.starts_with("dang_")) return -1;
    return indexIn(enumField("disciplines", "kind"), kind);
}

int scopeIndex(std::string_view scope) { return indexIn(enumField("initiatives", "scope"), scope); }

std::vector<std::string> paramList(const DossierContext& ctx, std::string_view key) {
    const auto* p = ctx.param({.key = key});
    return p ? splitList(p->text) : std::vector<std::string>{};
}

int firstCountableYear(const DossierContext& ctx) {
    const auto kinds = paramList(ctx, "rule.discipline_restart");
    int first = 0;
    for (const auto& d : ctx.disciplines) {
        if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end()) continue;
        // Not ended yet: nothing up to this year counts.
        const int end = d.toDate.empty() ? yearOf(ctx.today) : yearOf(d.toDate);
        first = std::max(first, end + 1);
    }
    return first;
}

bool countsTowardsLadder(const DossierContext& ctx, const AwardRecord& a) {
    const auto excluded = paramList(ctx, "rule.ladder_excluded_methods");
    return std::find(excluded.begin(), excluded.end(), a.method) == excluded.end();
}

bool holdsAward(const DossierContext& ctx, std::string_view code, int year) {
    return std::any_of(ctx.awards.begin(), ctx.awards.end(), [&](const AwardRecord& a) {
        return a.awardCode == code && a.year == year && countsTowardsLadder(ctx, a);
    });
}

std::string rankOf(const DossierContext& ctx, int year) {
    for (const auto& e : ctx.evaluations)
        if (e.year == year) return e.rank;
    return {};
}

bool overlapsYear(const Discipline& d, int year) {
    const int from = yearOf(d.fromDate);
    const int to = d.toDate.empty() ? 9999 : yearOf(d.toDate);
    return from <= year && year <= to;
}

std::string percent(double share) {
    // One decimal at most: 69%, 69.2%.
    const double p = std::round(share * 1000.0) / 10.0;
    std::string s = std::to_string(p);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s + "%";
}

} // namespace tdkt::rules::detail
