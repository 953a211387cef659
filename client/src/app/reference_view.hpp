#pragma once
// The reference data (danh mục tham chiếu) as a person reads it, read-only: the
// award catalog (each form with its kind, nominees, period, dates in force, who
// may decide it, the dossier's components) and the base salary (mức lương cơ sở),
// every line with its legal source and whether that source was checked.
#include "messages.hpp"

#include "tdkt/rules/catalog.hpp"
#include "tdkt/store/store.hpp"

#include <string>
#include <vector>

namespace tdkt::app {

struct SourceText {
    std::string text; // "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 24"
    bool verified = true;
};

struct DeciderLine {
    std::string levels; // "Xã, phường, đặc khu; Cơ quan, đơn vị"
    std::string from, to;
    SourceText source;
};

struct AwardRuleLine {
    std::string id, code, award, category, nominees, scope; // scope: a unit's name, "" nationwide
    int periodYears = 0;         // 0: not fixed
    std::string from, to;        // in force ("": since always / until further notice)
    std::vector<std::string> components; // "Thủ tục thông thường: Tờ trình, Báo cáo thành tích"
    bool componentsKnown = true;
    SourceText componentsSource, source;
    std::vector<DeciderLine> deciders; // in force during the rule's dates
};

struct SalaryLine {
    std::string id, amount, from, to, note; // amount in đồng: "2.340.000"
    SourceText source;
};

/** The catalog's rules by award name, then newest first; labels in `lang` (sources stay as titled). */
std::vector<AwardRuleLine> awardRuleLines(const rules::Catalog& catalog, const store::Store& store, Lang lang);
/**
 * The catalog table sorted by a clicked header (issue 17): the places of `lines` in
 * order. Column 0 the award, 1 the nominees (Vietnamese order), 2 the dates in force
 * (since always first, then by the first day); ties keep awardRuleLines' order.
 * Another column leaves that order.
 */
std::vector<std::size_t> awardRuleOrder(const std::vector<AwardRuleLine>& lines, int column, bool descending);
/** The base salary rows, oldest first. */
std::vector<SalaryLine> baseSalaryLines(const rules::Catalog& catalog, const store::Store& store);
/** A whole number of đồng with dots between thousands: "2.340.000". */
std::string dong(double amount);

} // namespace tdkt::app
