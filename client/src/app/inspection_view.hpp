#pragma once
// Inspections as the desktop client's screens show them (issue 18): plans a page
// at a time, the open plan with its team and targets, the open target's checklist
// for field work (one item at a time or the whole list), its findings, conclusion
// and recommendations, a follow-up board across plans, and the report's export.
// Views are rebuilt only when an inspection table's change epoch moved. Actions
// return "" or the sentence of what went wrong, in the session's language.
#include "messages.hpp"

#include "tdkt/inspection/report.hpp"
#include "tdkt/store/store.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

struct PlanRow {
    std::string id, title, number, issuer;
    std::int64_t year = 0;
};

struct FollowUpRow {
    std::string id, planTitle, targetUnit, unitName, content, dueDate, followUp;
    int overdueDays = 0; // > 0: past its due date and not done
};

/** One page of plans, newest year first. */
std::vector<PlanRow> planPage(const store::Store& store, std::size_t offset, std::size_t limit);
std::size_t planCount(const store::Store& store);

/** Every recommendation of every plan, overdue first (most days first), then by due date. */
std::vector<FollowUpRow> followUpBoard(const store::Store& store, const std::string& today);

/** Today as YYYY-MM-DD (the machine's UTC day). */
std::string todayIso();

/** The tables whose change an inspection view must see. */
inline constexpr const char* InspectionTables[] = {"inspection_plans",  "inspection_targets", "inspection_team",
                                                   "checklist_items",   "findings",           "recommendations",
                                                   "inspection_conclusions", "units"};

class InspectionView {
public:
    void openPlan(const std::string& planId);
    void openTarget(const std::string& targetId);
    const std::string& planId() const { return m_plan; }
    const std::string& targetId() const { return m_target; }

    /** The open plan with every target (nullptr when none is open or it is gone); `epoch`: the tables' sum. */
    const inspection::InspectionReport* plan(const store::Store& store, std::uint64_t epoch);
    /** The open target of the open plan. */
    const inspection::TargetReport* target(const store::Store& store, std::uint64_t epoch);
    /** The open target's items in order (field mode walks them). */
    std::vector<const inspection::ReportItem*> items(const store::Store& store, std::uint64_t epoch);

    // Field mode: the item shown, one at a time.
    std::size_t current = 0;

    std::string setResult(store::Store& store, const std::string& itemId, const std::string& result, Lang lang);
    std::string setNotes(store::Store& store, const std::string& itemId, const std::string& notes,
                         const std::string& evidence, Lang lang);
    std::string addFinding(store::Store& store, const std::string& content, const std::string& severity, Lang lang);
    std::string addRecommendation(store::Store& store, const std::string& content, const std::string& due, Lang lang);
    std::string conclude(store::Store& store, const std::string& strengths, const std::string& weaknesses,
                         const std::string& content, const std::string& on, Lang lang);
    std::string publish(store::Store& store, const std::string& userName, Lang lang);
    /** A self-inspecting unit submits its checklist: read-only to it from then on. */
    std::string submitSelf(store::Store& store, Lang lang);
    static std::string followUp(store::Store& store, const std::string& recId, const std::string& status, Lang lang);

    /** Writes the open plan's report (the open target only when `oneTarget`) to `file`. */
    std::string exportReport(const store::Store& store, const std::filesystem::path& file,
                             const std::filesystem::path& templateDir, bool oneTarget, Lang lang);

private:
    std::string m_plan, m_target;
    std::optional<inspection::InspectionReport> m_report;
    std::uint64_t m_epoch = 0;
};

} // namespace tdkt::app
