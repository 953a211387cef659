// Lookups of the rule or parameter in force: validity dates, then the nearest scope.
#include "tdkt/rules/catalog.hpp"

#include <algorithm>

namespace tdkt::rules {
namespace {

// 0 for the nearest unit of the chain, growing upwards; national rows come last.
// -1: the row belongs to another unit's scope and does not apply.
int scopeDistance(const Validity& v, const std::vector<std::string>& scopes) {
    if (v.unitId.empty()) return static_cast<int>(scopes.size());
    auto it = std::find(scopes.begin(), scopes.end(), v.unitId);
    return it == scopes.end() ? -1 : static_cast<int>(it - scopes.begin());
}

// Among rows that apply, the nearest scope wins, then the most specific match
// (award, year), then the latest start date, so an amendment shadows the original.
template <class T, class Score>
const T* best(const std::vector<T>& rows, const std::vector<std::string>& scopes, Score score) {
    const T* found = nullptr;
    std::tuple<int, int, std::string> bestKey{0, 0, ""};
    for (const auto& r : rows) {
        const int specificity = score(r);
        if (specificity < 0) continue;
        const int d = scopeDistance(r.validity, scopes);
        if (d < 0) continue;
        std::tuple<int, int, std::string> key{-d, specificity, r.validity.effectiveFrom};
        if (!found || key > bestKey) {
            found = &r;
            bestKey = std::move(key);
        }
    }
    return found;
}

} // namespace

bool Validity::covers(std::string_view date) const {
    if (!effectiveFrom.empty() && date < effectiveFrom) return false;
    if (!effectiveTo.empty() && date > effectiveTo) return false;
    return true;
}

std::string When::dateFor(DateBasis b) const {
    switch (b) {
    case DateBasis::ReceivedOn: return receivedOn;
    // The rule in force at the end of the achievement year, when the year is assessed.
    case DateBasis::AchievementYear: return std::to_string(achievementYear) + "-12-31";
    case DateBasis::DecisionDate: return decisionDate.empty() ? receivedOn : decisionDate;
    }
    return receivedOn;
}

Catalog::Catalog(std::vector<AwardRule> rules, std::vector<Parameter> params)
    : m_rules(std::move(rules)), m_params(std::move(params)) {}

const AwardRule* Catalog::rule(std::string_view awardCode, std::string_view date,
                               const std::vector<std::string>& scopes) const {
    return best(m_rules, scopes, [&](const AwardRule& r) {
        return r.awardCode == awardCode && r.validity.covers(date) ? 0 : -1;
    });
}

const Parameter* Catalog::param(const ParamQuery& q, const When& when, const std::vector<std::string>& scopes) const {
    return best(m_params, scopes, [&](const Parameter& p) {
        if (p.key != q.key || !p.validity.covers(when.dateFor(p.basis))) return -1;
        if (!q.text.empty() && p.text != q.text) return -1;
        int specificity = 0;
        if (!p.awardCode.empty()) {
            if (p.awardCode != q.awardCode) return -1;
            specificity += 2;
        }
        if (p.year) {
            if (!q.year || *p.year != *q.year) return -1;
            specificity += 1;
        }
        return specificity;
    });
}

} // namespace tdkt::rules
