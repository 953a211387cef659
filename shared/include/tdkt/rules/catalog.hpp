#pragma once
/**
 * @brief The reference data in memory: award rules and dated parameters, each
 *        with its validity dates and optional unit scope (a province's own rule).
 *
 * Built from the replica (catalogFromStore) or from assets (catalogFromDirectory);
 * lookups pick the row in force on a date, preferring the nearest unit scope.
 * Dates are ISO "YYYY-MM-DD" strings (they compare as text).
 */
#include "tdkt/rules/finding.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::rules {

struct Validity {
    std::string unitId;        // empty: national
    std::string effectiveFrom; // empty: since always
    std::string effectiveTo;   // empty: until further notice
    bool covers(std::string_view date) const;
};

struct AwardRule {
    std::string id;
    std::string awardCode;
    std::string category;                   // danh_hieu | hinh_thuc
    std::vector<std::string> nomineeKinds;  // ca_nhan, tap_the, ho_gia_dinh
    int periodYears = 0;                    // 0: not fixed (đột xuất, per NĐ 86)
    std::map<std::string, std::vector<std::string>> components; // procedure → components
    Source componentsSource;                // Law Đ84 or the form's own dossier rule
    bool componentsKnown = true;            // false: the sources give no list ("known": false in the data)
    nlohmann::json criteria;                // see criteria.hpp
    int rank = 0;                           // for "same period pays the highest only"
    Validity validity;
    Source source;
};

/** Which date decides the parameter row in force. */
enum class DateBasis { ReceivedOn, AchievementYear, DecisionDate };

struct Parameter {
    std::string id;
    std::string key;
    std::string awardCode;   // empty: any award
    std::optional<int> year; // empty: any year
    std::optional<double> value;
    std::string text;
    DateBasis basis = DateBasis::ReceivedOn;
    Validity validity;
    Source source;
};

/** The dates a dossier is judged by. */
struct When {
    std::string receivedOn;   // received_on, fallback today (GEN-9)
    int achievementYear = 0;  // dossiers.year
    std::string decisionDate; // decision_date, fallback receivedOn
    std::string dateFor(DateBasis b) const;
};

struct ParamQuery {
    std::string_view key;
    std::string_view awardCode = {};
    std::optional<int> year = {};
    std::string_view text = {}; // when set, the row's text_value must equal it
};

class Catalog {
public:
    Catalog() = default;
    Catalog(std::vector<AwardRule> rules, std::vector<Parameter> params);

    /** The rule for an award in force on `date`, nearest scope first (scopes: the unit chain). */
    const AwardRule* rule(std::string_view awardCode, std::string_view date,
                          const std::vector<std::string>& scopes = {}) const;

    const Parameter* param(const ParamQuery& q, const When& when, const std::vector<std::string>& scopes = {}) const;

    const std::vector<AwardRule>& rules() const { return m_rules; }
    const std::vector<Parameter>& params() const { return m_params; }

private:
    std::vector<AwardRule> m_rules;
    std::vector<Parameter> m_params;
};

} // namespace tdkt::rules
