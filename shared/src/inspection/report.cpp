// The inspection report read from the replica: plan, team, and per target its
// checklist by section, findings, conclusion and recommendations.
#include "tdkt/inspection/report.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/inspection/checklist_template.hpp"
#include "tdkt/inspection/ids.hpp"
#include "tdkt/inspection/plan.hpp"
#include "tdkt/schema/schema.hpp"
#include "tdkt/store/row_values.hpp"

#include <algorithm>
#include <map>

namespace tdkt::inspection {
namespace {
using store::integerField;
using store::textField;

std::string unitName(const store::Store& s, const std::string& id) {
    const auto u = s.get("units", id);
    const auto name = u ? textField(*u, "name") : std::string();
    return name.empty() ? id : name;
}

int roleRank(const std::string& role) {
    static const char* const Order[] = {"truong_doan", "pho_truong_doan", "thanh_vien", "thu_ky"};
    for (int i = 0; i < 4; ++i)
        if (role == Order[i]) return i;
    return 4;
}

std::vector<TeamLine> team(const store::Store& s, const std::string& planId) {
    std::vector<TeamLine> out;
    for (const auto& m : s.list("inspection_team", {{"plan_id", planId}})) {
        TeamLine t{textField(m, "user_name"), {}, textField(m, "role")};
        if (const auto person = textField(m, "person_id"); !person.empty())
            if (const auto p = s.get("people", person)) t.name = textField(*p, "full_name");
        if (t.name.empty()) t.name = t.userName;
        out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        const int ra = roleRank(a.role), rb = roleRank(b.role);
        return ra != rb ? ra < rb : a.userName < b.userName;
    });
    return out;
}

// Section titles from the plan's template; a section the template lacks keeps its code.
std::map<std::string, std::string> sectionTitles(const store::Store& s, const std::string& templateId) {
    std::map<std::string, std::string> titles;
    if (templateId.empty() || !s.exists("checklist_templates", templateId)) return titles;
    try {
        for (const auto& item : templateFromStore(s, templateId).items) titles.emplace(item.section, item.sectionTitle);
    } catch (const Error&) {
        // A broken template does not stop the report: the sections keep their codes.
    }
    return titles;
}

TargetReport targetReport(const store::Store& s, const store::Row& t, const std::map<std::string, std::string>& titles) {
    TargetReport r;
    r.id = t.id;
    r.unitId = textField(t, "unit_id");
    r.unitName = unitName(s, r.unitId);
    for (auto [field, out] : {std::pair{"mode", &r.mode}, {"scheduled_on", &r.scheduledOn}, {"notice_by", &r.noticeBy},
                              {"report_due", &r.reportDue}, {"conclusion_status", &r.conclusionStatus},
                              {"published_on", &r.publishedOn}, {"self_status", &r.selfStatus},
                              {"submitted_on", &r.submittedOn}})
        *out = textField(t, field);
    std::map<std::string, std::string> numberOf; // item id → its number
    for (const auto& row : checklist(s, t.id)) {
        ReportItem item{row.id, textField(row, "number"), textField(row, "content"), textField(row, "result"),
                        textField(row, "notes"), textField(row, "evidence")};
        numberOf[row.id] = item.number;
        const auto code = textField(row, "section");
        if (r.sections.empty() || r.sections.back().code != code) {
            auto title = titles.find(code);
            r.sections.push_back({code, title == titles.end() ? std::string() : title->second, {}});
        }
        ++r.total;
        r.assessed += !item.result.empty();
        r.sections.back().items.push_back(std::move(item));
    }
    auto findings = s.list("findings", {{"target_id", t.id}});
    std::sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& f : findings) {
        const auto item = numberOf.find(textField(f, "checklist_item_id"));
        r.findings.push_back({textField(f, "content"), textField(f, "severity"),
                              item == numberOf.end() ? std::string() : item->second});
    }
    if (const auto c = s.get("inspection_conclusions", conclusionId(t.id))) {
        r.strengths = textField(*c, "strengths");
        r.weaknesses = textField(*c, "weaknesses");
        r.conclusion = textField(*c, "content");
        r.concludedOn = textField(*c, "concluded_on");
    }
    auto recs = s.list("recommendations", {{"target_id", t.id}});
    std::sort(recs.begin(), recs.end(), [](const auto& a, const auto& b) {
        const auto da = textField(a, "due_date"), db = textField(b, "due_date");
        return da != db ? da < db : a.id < b.id;
    });
    for (const auto& x : recs) {
        ReportRecommendation rec{x.id, textField(x, "content"), textField(x, "unit_id"), {}, textField(x, "due_date"),
                                 textField(x, "follow_up"), textField(x, "done_on"), textField(x, "follow_up_note")};
        rec.unitName = unitName(s, rec.unitId);
        r.recommendations.push_back(std::move(rec));
    }
    return r;
}

} // namespace

std::string valueLabel(std::string_view table, std::string_view field, const std::string& code) {
    if (const auto* t = schema::registry().table(table))
        if (const auto* f = t->field(field))
            for (const auto& v : f->values)
                if (v.code == code) return v.label;
    return code;
}

InspectionReport buildInspectionReport(const store::Store& s, const std::string& planId, const std::string& target) {
    const auto plan = s.get("inspection_plans", planId);
    if (!plan) throw Error(ErrorKind::NotFound, "inspection: no inspection_plans row " + planId);
    InspectionReport r;
    r.planId = planId;
    r.title = textField(*plan, "title");
    r.number = textField(*plan, "number");
    r.planDate = textField(*plan, "plan_date");
    r.year = static_cast<int>(integerField(*plan, "year"));
    r.issuerId = textField(*plan, "unit_id");
    r.issuerName = unitName(s, r.issuerId);
    const auto templateId = textField(*plan, "template_id");
    if (const auto tpl = s.get("checklist_templates", templateId)) r.templateTitle = textField(*tpl, "title");
    r.team = team(s, planId);
    const auto titles = sectionTitles(s, templateId);
    auto targets = s.list("inspection_targets", {{"plan_id", planId}});
    std::sort(targets.begin(), targets.end(), [](const auto& a, const auto& b) {
        const auto da = textField(a, "scheduled_on"), db = textField(b, "scheduled_on");
        return da != db ? da < db : a.id < b.id;
    });
    for (const auto& t : targets)
        if (target.empty() || t.id == target || textField(t, "unit_id") == target)
            r.targets.push_back(targetReport(s, t, titles));
    if (!target.empty() && r.targets.empty())
        throw Error(ErrorKind::NotFound, "inspection: plan " + planId + " has no target or unit " + target);
    return r;
}

} // namespace tdkt::inspection
