// Inspections for the screens: paged plans, the open plan's view (rebuilt when
// an inspection table moved), field-mode actions, the follow-up board, export.
#include "inspection_view.hpp"

#include "tdkt/inspection/ids.hpp"
#include "tdkt/inspection/plan.hpp"
#include "tdkt/inspection/report_docx.hpp"
#include "tdkt/store/row_values.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace tdkt::app {
namespace {
using store::integerField;
using store::textField;

// Days from 1970-01-01 of an ISO date; nullopt when it is not one.
std::optional<long> dayNumber(const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

template <class F>
std::string guarded(Lang lang, F&& f) {
    try {
        f();
        return {};
    } catch (...) {
        return describeError(std::current_exception(), lang).sentence;
    }
}

std::string nameOf(const store::Store& s, const std::string& unit, std::map<std::string, std::string>& cache) {
    auto [it, fresh] = cache.try_emplace(unit);
    if (fresh) {
        const auto u = s.get("units", unit);
        it->second = u ? textField(*u, "name") : std::string();
        if (it->second.empty()) it->second = unit;
    }
    return it->second;
}

} // namespace

std::string todayIso() {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::vector<PlanRow> planPage(const store::Store& s, std::size_t offset, std::size_t limit) {
    store::PageQuery q;
    q.table = "inspection_plans";
    q.sortField = "year";
    q.descending = true;
    q.offset = offset;
    q.limit = limit;
    std::map<std::string, std::string> names;
    std::vector<PlanRow> out;
    for (const auto& r : s.page(q))
        out.push_back({r.id, textField(r, "title"), textField(r, "number"), nameOf(s, textField(r, "unit_id"), names),
                       integerField(r, "year")});
    return out;
}

std::size_t planCount(const store::Store& s) { return s.count("inspection_plans"); }

std::vector<FollowUpRow> followUpBoard(const store::Store& s, const std::string& today) {
    std::map<std::string, std::string> names, plans; // unit → name, plan → title
    std::map<std::string, std::pair<std::string, std::string>> targets; // target → (plan, unit)
    for (const auto& t : s.list("inspection_targets"))
        targets[t.id] = {textField(t, "plan_id"), textField(t, "unit_id")};
    for (const auto& p : s.list("inspection_plans")) plans[p.id] = textField(p, "title");
    const auto now = dayNumber(today);
    std::vector<FollowUpRow> out;
    for (const auto& r : s.list("recommendations")) {
        FollowUpRow row{r.id, {}, {}, nameOf(s, textField(r, "unit_id"), names), textField(r, "content"),
                        textField(r, "due_date"), textField(r, "follow_up"), 0};
        if (row.followUp.empty()) row.followUp = "chua_thuc_hien";
        if (auto t = targets.find(textField(r, "target_id")); t != targets.end()) {
            row.planTitle = plans[t->second.first];
            row.targetUnit = nameOf(s, t->second.second, names);
        }
        const auto due = dayNumber(row.dueDate);
        if (now && due && *now > *due && row.followUp != "da_thuc_hien") row.overdueDays = static_cast<int>(*now - *due);
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.overdueDays != b.overdueDays) return a.overdueDays > b.overdueDays;
        return a.dueDate != b.dueDate ? a.dueDate < b.dueDate : a.id < b.id;
    });
    return out;
}

void InspectionView::openPlan(const std::string& planId) {
    if (planId != m_plan) m_report.reset();
    m_plan = planId;
}

void InspectionView::openTarget(const std::string& targetId) {
    m_target = targetId;
    current = 0;
}

const inspection::InspectionReport* InspectionView::plan(const store::Store& s, std::uint64_t epoch) {
    if (m_plan.empty()) return nullptr;
    if (!m_report || m_epoch != epoch) {
        m_epoch = epoch;
        try {
            m_report = inspection::buildInspectionReport(s, m_plan);
        } catch (const Error&) {
            m_report.reset(); // the plan is gone (removed elsewhere)
        }
    }
    return m_report ? &*m_report : nullptr;
}

const inspection::TargetReport* InspectionView::target(const store::Store& s, std::uint64_t epoch) {
    const auto* p = plan(s, epoch);
    if (!p) return nullptr;
    for (const auto& t : p->targets)
        if (t.id == m_target) return &t;
    return nullptr;
}

std::vector<const inspection::ReportItem*> InspectionView::items(const store::Store& s, std::uint64_t epoch) {
    std::vector<const inspection::ReportItem*> out;
    if (const auto* t = target(s, epoch))
        for (const auto& sec : t->sections)
            for (const auto& i : sec.items) out.push_back(&i);
    return out;
}

std::string InspectionView::setResult(store::Store& s, const std::string& itemId, const std::string& result, Lang lang) {
    return guarded(lang, [&] { inspection::setItemResult(s, itemId, result, {}, {}); });
}

std::string InspectionView::setNotes(store::Store& s, const std::string& itemId, const std::string& notes,
                                     const std::string& evidence, Lang lang) {
    return guarded(lang, [&] {
        s.update("checklist_items", itemId,
                 {{"notes", notes.empty() ? Value{} : Value{notes}}, {"evidence", evidence.empty() ? Value{} : Value{evidence}}});
    });
}

std::string InspectionView::addFinding(store::Store& s, const std::string& content, const std::string& severity,
                                       Lang lang) {
    if (content.empty()) return lang == Lang::Vi ? "Hãy nhập nội dung phát hiện." : "Type the finding first.";
    return guarded(lang, [&] { inspection::addFinding(s, m_target, content, severity, {}); });
}

std::string InspectionView::addRecommendation(store::Store& s, const std::string& content, const std::string& due,
                                              Lang lang) {
    if (content.empty()) return lang == Lang::Vi ? "Hãy nhập nội dung kiến nghị." : "Type the recommendation first.";
    return guarded(lang, [&] { inspection::addRecommendation(s, m_target, content, {}, due); });
}

std::string InspectionView::conclude(store::Store& s, const std::string& strengths, const std::string& weaknesses,
                                     const std::string& content, const std::string& on, Lang lang) {
    if (content.empty()) return lang == Lang::Vi ? "Hãy nhập kết luận." : "Type the conclusion first.";
    return guarded(lang, [&] {
        store::Store::Batch b(s);
        const auto id = inspection::setConclusion(s, m_target, content, on);
        s.update("inspection_conclusions", id,
                 {{"strengths", strengths.empty() ? Value{} : Value{strengths}},
                  {"weaknesses", weaknesses.empty() ? Value{} : Value{weaknesses}}});
        b.commit();
    });
}

std::string InspectionView::publish(store::Store& s, const std::string& userName, Lang lang) {
    return guarded(lang, [&] { inspection::publish(s, m_target, userName, todayIso()); });
}

std::string InspectionView::submitSelf(store::Store& s, Lang lang) {
    return guarded(lang, [&] { inspection::submitSelfInspection(s, m_target, todayIso()); });
}

std::string InspectionView::followUp(store::Store& s, const std::string& recId, const std::string& status, Lang lang) {
    return guarded(lang, [&] {
        inspection::followUp(s, recId, status, {}, status == "da_thuc_hien" ? todayIso() : std::string());
    });
}

std::string InspectionView::exportReport(const store::Store& s, const std::filesystem::path& file,
                                         const std::filesystem::path& templateDir, bool oneTarget, Lang lang) {
    return guarded(lang, [&] {
        const auto r = inspection::buildInspectionReport(s, m_plan, oneTarget ? m_target : std::string());
        inspection::writeReportDocx(r, file, templateDir);
    });
}

} // namespace tdkt::app
