// An inspection's local edits: plan, team, targets with their checklist, results,
// findings, conclusion, recommendations, follow-up.
#include "tdkt/inspection/plan.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/inspection/checklist_template.hpp"
#include "tdkt/inspection/ids.hpp"

#include <algorithm>

namespace tdkt::inspection {
namespace {

std::string textOf(const store::Row& row, const char* field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return {};
    const auto* s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

std::int64_t intOf(const store::Row& row, const char* field, std::int64_t otherwise) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return otherwise;
    const auto* n = std::get_if<std::int64_t>(&it->second);
    return n ? *n : otherwise;
}

store::Row need(const store::Store& store, const char* table, const std::string& id) {
    auto row = store.get(table, id);
    if (!row) throw Error(ErrorKind::NotFound, std::string("inspection: no ") + table + " row " + id);
    return *row;
}

void addIf(store::Fields& fields, const char* name, const std::string& value) {
    if (!value.empty()) fields.emplace_back(name, value);
}

} // namespace

std::string createPlan(store::Store& store, const PlanInput& in) {
    const auto tpl = templateFromStore(store, in.templateId);
    store::Fields f{{"unit_id", in.unitId},
                    {"title", in.title},
                    {"year", std::int64_t{in.year}},
                    {"status", std::string("du_thao")},
                    {"template_id", tpl.id},
                    {"template_version", std::int64_t{tpl.version}},
                    {"notice_working_days", std::int64_t{in.notice.noticeWorkingDays}},
                    {"report_days_before", std::int64_t{in.notice.reportDaysBefore}}};
    addIf(f, "number", in.number);
    addIf(f, "plan_date", in.planDate);
    addIf(f, "purpose", in.purpose);
    addIf(f, "contents", in.contents);
    return store.create("inspection_plans", f);
}

std::string addTeamMember(store::Store& store, const std::string& planId, const std::string& userName,
                          const std::string& role) {
    const auto plan = need(store, "inspection_plans", planId);
    const auto id = teamMemberId(planId, userName);
    if (store.exists("inspection_team", id)) {
        store.update("inspection_team", id, {{"role", role}});
        return id;
    }
    return store.create("inspection_team",
                        {{"plan_id", planId}, {"unit_id", textOf(plan, "unit_id")}, {"user_name", userName}, {"role", role}},
                        id);
}

std::string addTarget(store::Store& store, const std::string& planId, const std::string& unitId,
                      const std::string& mode, const std::string& scheduledOn) {
    const auto plan = need(store, "inspection_plans", planId);
    const auto tpl = templateFromStore(store, textOf(plan, "template_id"));
    NoticeRules rules;
    rules.noticeWorkingDays = static_cast<int>(intOf(plan, "notice_working_days", rules.noticeWorkingDays));
    rules.reportDaysBefore = static_cast<int>(intOf(plan, "report_days_before", rules.reportDaysBefore));
    store::Fields f{{"plan_id", planId}, {"unit_id", unitId}, {"mode", mode}, {"conclusion_status", std::string("du_thao")}};
    if (!scheduledOn.empty()) {
        const auto dates = noticeDates(scheduledOn, rules, holidaysFromStore(store));
        f.emplace_back("scheduled_on", scheduledOn);
        f.emplace_back("notice_by", dates.noticeBy);
        f.emplace_back("report_due", dates.reportDue);
    }
    if (mode == "tu_kiem_tra") f.emplace_back("self_status", std::string("dang_thuc_hien"));
    store::Store::Batch batch(store);
    const auto target = store.create("inspection_targets", f);
    std::int64_t order = 0;
    for (const auto& item : tpl.items) {
        store::Fields it{{"target_id", target},         {"unit_id", unitId},          {"section", item.section},
                         {"number", item.number},       {"content", item.content},    {"template_item", item.key},
                         {"sort_order", ++order}};
        store.create("checklist_items", it, checklistItemId(target, item.key));
    }
    batch.commit();
    return target;
}

std::vector<store::Row> checklist(const store::Store& store, const std::string& targetId) {
    auto rows = store.list("checklist_items", {{"target_id", targetId}});
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return intOf(a, "sort_order", 0) < intOf(b, "sort_order", 0);
    });
    return rows;
}

void setItemResult(store::Store& store, const std::string& itemId, const std::string& result,
                   const std::string& notes, const std::string& evidence) {
    need(store, "checklist_items", itemId);
    store::Fields f;
    addIf(f, "result", result);
    addIf(f, "notes", notes);
    addIf(f, "evidence", evidence);
    if (f.empty()) throw Error(ErrorKind::Invalid, "inspection: nothing to set on checklist item " + itemId);
    store.update("checklist_items", itemId, f);
}

std::string addFinding(store::Store& store, const std::string& targetId, const std::string& content,
                       const std::string& severity, const std::string& itemId) {
    const auto target = need(store, "inspection_targets", targetId);
    store::Fields f{{"target_id", targetId}, {"unit_id", textOf(target, "unit_id")}, {"content", content}};
    addIf(f, "severity", severity);
    addIf(f, "checklist_item_id", itemId);
    return store.create("findings", f);
}

std::string addRecommendation(store::Store& store, const std::string& targetId, const std::string& content,
                              const std::string& unitId, const std::string& dueDate) {
    const auto target = need(store, "inspection_targets", targetId);
    store::Fields f{{"target_id", targetId},
                    {"unit_id", unitId.empty() ? textOf(target, "unit_id") : unitId},
                    {"content", content},
                    {"follow_up", std::string("chua_thuc_hien")}};
    addIf(f, "due_date", dueDate);
    return store.create("recommendations", f);
}

std::string setConclusion(store::Store& store, const std::string& targetId, const std::string& content,
                          const std::string& concludedOn) {
    const auto target = need(store, "inspection_targets", targetId);
    const auto id = conclusionId(targetId);
    store::Fields f{{"content", content}};
    addIf(f, "concluded_on", concludedOn);
    if (store.exists("inspection_conclusions", id)) {
        store.update("inspection_conclusions", id, f);
        return id;
    }
    f.emplace_back("target_id", targetId);
    f.emplace_back("unit_id", textOf(target, "unit_id"));
    return store.create("inspection_conclusions", f, id);
}

void publish(store::Store& store, const std::string& targetId, const std::string& userName, const std::string& on) {
    need(store, "inspection_targets", targetId);
    if (!store.exists("inspection_conclusions", conclusionId(targetId)))
        throw Error(ErrorKind::Conflict, "inspection: target " + targetId + " has no conclusion to publish");
    store.update("inspection_targets", targetId,
                 {{"conclusion_status", std::string("da_cong_bo")}, {"published_on", on}, {"published_by", userName}});
}

void followUp(store::Store& store, const std::string& recommendationId, const std::string& status,
              const std::string& note, const std::string& doneOn) {
    need(store, "recommendations", recommendationId);
    store::Fields f{{"follow_up", status}};
    addIf(f, "follow_up_note", note);
    addIf(f, "done_on", doneOn);
    store.update("recommendations", recommendationId, f);
}

void submitSelfInspection(store::Store& store, const std::string& targetId, const std::string& on) {
    const auto target = need(store, "inspection_targets", targetId);
    if (textOf(target, "mode") != "tu_kiem_tra")
        throw Error(ErrorKind::Conflict, "inspection: target " + targetId + " is inspected directly, not by itself");
    store.update("inspection_targets", targetId, {{"self_status", std::string("da_nop")}, {"submitted_on", on}});
}

} // namespace tdkt::inspection
