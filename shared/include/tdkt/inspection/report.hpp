#pragma once
/**
 * @brief The inspection report (báo cáo kết quả kiểm tra, issue 18) as data: a
 *        plan, its team, and for each inspected unit (or the one asked for) every
 *        checklist item's result by section of the đề cương, the findings, the
 *        conclusion and the recommendations with their follow-up. Read from the
 *        local replica; the DOCX is written by report_docx.hpp.
 */
#include "tdkt/store/store.hpp"

#include <string>
#include <vector>

namespace tdkt::inspection {

struct ReportItem {
    std::string id, number, content;
    std::string result; // dat, chua_dat, khong_ap_dung, or empty (not assessed)
    std::string notes, evidence;
};

struct ReportSection {
    std::string code, title; // "II.4", "Công tác khen thưởng"
    std::vector<ReportItem> items;
};

struct ReportFinding {
    std::string content, severity, itemNumber; // severity: uu_diem, han_che, vi_pham or empty
};

struct ReportRecommendation {
    std::string id, content, unitId, unitName, dueDate, followUp, doneOn, note;
};

struct TargetReport {
    std::string id, unitId, unitName, mode, scheduledOn, noticeBy, reportDue;
    std::string conclusionStatus, publishedOn, selfStatus, submittedOn;
    std::vector<ReportSection> sections;
    std::vector<ReportFinding> findings;
    std::string strengths, weaknesses, conclusion, concludedOn;
    std::vector<ReportRecommendation> recommendations;
    int assessed = 0, total = 0; // items with a result, items
};

struct TeamLine {
    std::string userName, name, role; // name: the linked person's, else the account
};

struct InspectionReport {
    std::string planId, title, number, planDate, issuerId, issuerName, templateTitle;
    int year = 0;
    std::vector<TeamLine> team; // leader first, then deputies, members, secretary
    std::vector<TargetReport> targets;
};

/**
 * The report of plan `planId`: every target, or only `target` (a target's id, or
 * the id of a unit the plan inspects). Error(NotFound) for an unknown plan, or a
 * target or unit the plan does not have.
 */
InspectionReport buildInspectionReport(const store::Store& store, const std::string& planId,
                                       const std::string& target = {});

/** The Vietnamese label of an enumeration value of the schema (`code` itself when unknown). */
std::string valueLabel(std::string_view table, std::string_view field, const std::string& code);

} // namespace tdkt::inspection
