// Rights over an inspection's work (issue 18, DOMAIN.md § Inspection):
//  - the plan's team (inspection_team, accounts) writes the checklists, findings,
//    conclusions and recommendations of its targets; only its leader publishes;
//  - the plan's issuing side (its unit, inspectors above it, the team) manages
//    the targets (units, mode, dates);
//  - the inspected unit reads nothing of the checklist (of a direct inspection),
//    findings, conclusion or recommendations until the conclusion is published;
//    then it reads them and writes only the follow-up of the recommendations
//    addressed to it;
//  - a self-inspecting unit fills its own checklist until it submits it
//    (self_status da_nop), then it is read-only to it.
#include "rights.hpp"

#include "tdkt/inspection/ids.hpp"
#include "tdkt/protocol/refusal.hpp"

#include <algorithm>
#include <array>

namespace tdkt::server {
namespace {

using protocol::Refusal;
using K = protocol::RefusalKind;

constexpr std::array<std::string_view, 3> LeaderFields{"conclusion_status", "published_on", "published_by"};
constexpr std::array<std::string_view, 2> SelfFields{"self_status", "submitted_on"};
constexpr std::array<std::string_view, 3> FollowUpFields{"follow_up", "follow_up_note", "done_on"};

bool among(auto const& list, std::string_view v) { return std::find(list.begin(), list.end(), v) != list.end(); }

std::string textOf(const std::optional<Value>& v) {
    if (!v) return {};
    const auto* s = std::get_if<std::string>(&*v);
    return s ? *s : std::string();
}

bool isTrue(const std::optional<Value>& v) {
    if (!v) return false;
    const auto* n = std::get_if<std::int64_t>(&*v);
    return n && *n != 0;
}

// The value the row will have for `field` once the op is applied.
std::string after(const Op& op, std::string_view field, const FieldLookup& lookup) {
    if (op.field == field) return textOf(op.value);
    return textOf(lookup(op.table, op.rowId, field));
}

} // namespace

bool Rights::isInspectionWork(const schema::TableDef& t) {
    static constexpr std::array<std::string_view, 5> Tables{"inspection_targets", "checklist_items", "findings",
                                                            "recommendations", "inspection_conclusions"};
    return among(Tables, t.name);
}

std::string Rights::teamRole(const std::string& plan, const FieldLookup& lookup) const {
    const auto id = inspection::teamMemberId(plan, m_user.name);
    if (isTrue(lookup("inspection_team", id, schema::DeletedField))) return {};
    if (textOf(lookup("inspection_team", id, "plan_id")) != plan) return {};
    if (textOf(lookup("inspection_team", id, "user_name")) != m_user.name) return {};
    return textOf(lookup("inspection_team", id, "role"));
}

std::optional<std::string> Rights::refuseTeamRow(const Op& op, const FieldLookup& lookup) const {
    const auto plan = after(op, "plan_id", lookup);
    const auto user = after(op, "user_name", lookup);
    if (plan.empty() || user.empty()) return std::nullopt; // the rest of the row comes with it
    if (op.rowId != inspection::teamMemberId(plan, user))
        return Refusal(K::TeamRowId).encode();
    const auto issuer = textOf(lookup("inspection_plans", plan, "unit_id"));
    if (after(op, "unit_id", lookup) != issuer)
        return Refusal(K::TeamUnit, {{"plan", plan}}).encode();
    return std::nullopt;
}

std::optional<std::string> Rights::refuseInspection(const schema::TableDef& t, const Op& op,
                                                    const FieldLookup& lookup) const {
    const std::string target = t.name == "inspection_targets" ? op.rowId : after(op, "target_id", lookup);
    if (target.empty()) return Refusal(K::NoTarget, {{"table", t.name}}).encode();
    const auto plan = t.name == "inspection_targets" ? after(op, "plan_id", lookup)
                                                     : textOf(lookup("inspection_targets", target, "plan_id"));
    const auto issuer = textOf(lookup("inspection_plans", plan, "unit_id"));
    if (plan.empty() || issuer.empty()) return Refusal(K::TargetNoPlan, {{"table", t.name}, {"target", target}}).encode();
    const auto role = teamRole(plan, lookup);
    const bool team = !role.empty();
    const auto targetUnit = t.name == "inspection_targets" ? after(op, "unit_id", lookup)
                                                           : textOf(lookup("inspection_targets", target, "unit_id"));
    const bool self = (t.name == "inspection_targets" ? after(op, "mode", lookup)
                                                      : textOf(lookup("inspection_targets", target, "mode"))) ==
                      "tu_kiem_tra";
    const bool published = textOf(lookup("inspection_targets", target, "conclusion_status")) == "da_cong_bo";
    const bool submitted = textOf(lookup("inspection_targets", target, "self_status")) == "da_nop";
    const bool inspectedUnit = m_user.unit == targetUnit;
    const std::string rowUnit = after(op, t.unitField, lookup);

    if (t.name == "inspection_targets") {
        if (op.field == "conclusion")
            return Refusal(K::ConclusionRow).encode();
        if (among(LeaderFields, op.field)) {
            if (role == "truong_doan") return std::nullopt;
            return Refusal(K::LeaderPublishes, {{"field", op.field}, {"plan", plan}}).encode();
        }
        if (among(SelfFields, op.field) && self && inspectedUnit) {
            if (submitted) return Refusal(K::SelfSubmitted, {{"field", op.field}}).encode();
            if (op.field == "self_status" && textOf(op.value) != "da_nop")
                return Refusal(K::SelfSubmitOnly).encode();
            return std::nullopt;
        }
        const bool issuerSide = team || m_user.unit == issuer ||
                                (m_user.role == "inspector" && subtree().count(issuer) > 0);
        if (issuerSide) return std::nullopt;
        return Refusal(K::PlanManaged, {{"plan", plan}, {"unit", issuer}}).encode();
    }

    // Rows of a target keep its unit, except a recommendation (the unit that must act).
    if (t.name != "recommendations" && op.field == t.unitField && rowUnit != targetUnit)
        return Refusal(K::InspectedUnitRow, {{"table", t.name}, {"field", t.unitField}, {"unit", targetUnit}}).encode();
    if (team) return std::nullopt;
    if (t.name == "checklist_items" && self && inspectedUnit) {
        if (submitted) return Refusal(K::ChecklistSubmitted, {{"target", target}}).encode();
        return std::nullopt;
    }
    if (t.name == "recommendations" && m_user.unit == rowUnit && published) {
        if (among(FollowUpFields, op.field)) return std::nullopt;
        return Refusal(K::FollowUpOnly, {{"field", op.field}}).encode();
    }
    return Refusal(K::TeamOnly, {{"table", t.name}, {"plan", plan}, {"target", target}}).encode();
}

bool Rights::readsInspection(const schema::TableDef& t, const std::string& rowId, const std::string& unit) const {
    const bool reads = readsUnit(unit);
    if (!reads && !m_team) return false;
    std::string target = rowId;
    if (t.name != "inspection_targets") {
        auto fv = m_store.fieldValue(t.name, rowId, "target_id");
        target = fv ? textOf(fv->value) : std::string();
    }
    const auto* info = m_units.target(target);
    // The plan's team reads all of its work, whatever unit its members belong to.
    if (info && onTeamOf(info->plan)) return true;
    if (!reads) return false;
    if (!info) return true; // its target is gone: as any row of the unit
    if (t.name == "inspection_targets") return true;
    // The plan's issuing side reads all of it; the inspected side once it is published.
    if (subtree().count(info->issuer)) return true;
    if (info->published) return true;
    return t.name == "checklist_items" && info->self;
}

} // namespace tdkt::server
