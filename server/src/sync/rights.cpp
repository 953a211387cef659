#include "rights.hpp"

#include "award_authority.hpp"

#include "tdkt/protocol/refusal.hpp"

#include <algorithm>
#include <array>

namespace tdkt::server {
namespace {

using protocol::Refusal;
using K = protocol::RefusalKind;

// Dossier fields that belong to the review and decision, not to the proposing unit.
constexpr std::array<std::string_view, 9> ReviewFields{"status",           "status_reason", "received_on",
                                                       "council_members",  "council_votes_for",
                                                       "decision_number",  "decision_date", "amount",
                                                       "deciding_unit_id"};

bool contains(auto const& list, std::string_view v) { return std::find(list.begin(), list.end(), v) != list.end(); }

std::string text(const std::optional<Value>& v) {
    if (!v) return {};
    const auto* s = std::get_if<std::string>(&*v);
    return s ? *s : std::string();
}

} // namespace

bool Rights::isReference(const schema::TableDef& t) {
    if (t.unitField.empty()) return true;
    const auto* f = t.field(t.unitField);
    return t.unitField != "id" && f && !f->required;
}

Rights::Rights(const store::Store& store, User user, const UnitTree& units)
    : m_store(store), m_units(units), m_user(std::move(user)), m_scope(units.scope(m_user.unit)) {
    if (m_user.role == "inspector") m_inspected = units.inspected(m_user.unit);
    if (m_user.role != "admin") m_team = units.teamReach(m_user.name);
}

bool Rights::canReadUnit(const schema::TableDef& t, const std::string& rowId, const std::optional<Value>& unit) const {
    if (m_user.role == "admin" || isReference(t)) return true;
    // An inspector picks the units a plan inspects (inspection_targets.unit_id), so it
    // reads the whole unit tree: a unit only becomes one it inspects once it is a target.
    if (t.name == "units")
        return m_user.role == "inspector" || readsUnit(rowId) || m_scope->ancestors.count(rowId) ||
               (m_team && m_team->units.count(rowId));
    // A team member of another unit (an expert of a department, a staff member lent
    // to the team) reads the plan and its team (issue 18).
    if (t.name == "inspection_plans" && onTeamOf(rowId)) return true;
    if (t.name == "inspection_team" && m_team)
        if (auto plan = m_store.fieldValue("inspection_team", rowId, "plan_id"); plan && onTeamOf(text(plan->value)))
            return true;
    // Movements launched above (province, ward) are what a unit registers its
    // movement_targets and results against, so they are read down the tree.
    if (t.name == "movements" && m_scope->ancestors.count(text(unit))) return true;
    if (isInspectionWork(t)) return readsInspection(t, rowId, text(unit));
    // A conflict shows a row's competing values: it is read as that row is, so the
    // values of an unpublished checklist stay the team's (the row's unit is its own).
    if (t.name == "conflicts")
        if (auto of = m_store.fieldValue("conflicts", rowId, "table_name"))
            if (const auto* rt = schema::registry().table(text(of->value)); rt && isInspectionWork(*rt))
                if (auto id = m_store.fieldValue("conflicts", rowId, "row_id"))
                    return readsInspection(*rt, text(id->value), text(unit));
    return readsUnit(text(unit));
}

bool Rights::canRead(const schema::TableDef& t, const store::Row& row) const {
    std::optional<Value> unit;
    if (auto it = row.fields.find(t.unitField); it != row.fields.end()) unit = it->second;
    return canReadUnit(t, row.id, unit);
}

bool Rights::readsByRowUnit(const schema::TableDef& t) { return !isReference(t) && t.name != "units"; }

bool Rights::keepsPushedUnit(const schema::TableDef& t, const Value& held) const {
    if (!readsByRowUnit(t) || isInspectionWork(t)) return false;
    const auto* unit = std::get_if<std::string>(&held);
    return unit && *unit == m_user.unit;
}

std::optional<std::string> Rights::refuseWrite(const schema::TableDef& t, const Op& op, const FieldLookup& lookup) const {
    if (t.serverWritten) return Refusal(K::ServerWritten, {{"table", t.name}}).encode();
    if (t.name == "units" || isReference(t)) {
        if (m_user.role == "admin") return std::nullopt;
        return t.name == "units" ? Refusal(K::UnitsAdminOnly).encode()
                                 : Refusal(K::ReferenceAdminOnly, {{"table", t.name}}).encode();
    }
    if (m_user.role == "admin") return Refusal(K::AdminNoUnitRecords, {{"table", t.name}}).encode();
    const std::string unit = text(lookup(op.table, op.rowId, t.unitField));
    if (unit.empty()) return Refusal(K::RowWithoutUnit, {{"table", t.name}, {"field", t.unitField}}).encode();
    if (isInspectionWork(t)) return refuseInspection(t, op, lookup);
    if (auto why = refuseInUnit(t, op, unit, lookup)) return why;
    if (op.field == t.unitField) {
        const auto* moved = std::get_if<std::string>(&op.value);
        if (!moved) return Refusal(K::UnitNotCleared, {{"table", t.name}, {"field", t.unitField}}).encode();
        if (*moved != unit) return refuseInUnit(t, op, *moved, lookup);
    }
    if (t.name == "inspection_team") return refuseTeamRow(op, lookup);
    return std::nullopt;
}

std::optional<std::string> Rights::refuseInUnit(const schema::TableDef& t, const Op& op, const std::string& unit,
                                                const FieldLookup& lookup) const {
    const bool own = unit == m_user.unit;
    // The issuer is the proposing unit's to name while drafting, a review step for the
    // offices above, and part of the decision once the dossier is decided.
    const bool issuer = isIssuerField(t.name, op.field) && (!own || isDecided(m_store, op.rowId));
    const bool dossierReview = t.name == "dossiers" && (contains(ReviewFields, op.field) || issuer);
    if (own) {
        if (!dossierReview) return std::nullopt;
        const auto* s = std::get_if<std::string>(&op.value);
        if (op.field == "status" && s && (*s == "draft" || *s == "submitted")) return std::nullopt;
        // The unit's reviewer (its council and chairman) reviews and decides its own
        // staff's dossiers, for the forms its level may decide (a commune's LĐTT since
        // 1/7/2025); the officers who propose them may not (DOMAIN.md "Dossier life").
        if (m_user.role == "reviewer") {
            // But a unit does not approve itself: its own collective is decided above it.
            const auto collective = text(lookup("dossiers", op.rowId, "collective_unit_id"));
            if (text(lookup("dossiers", op.rowId, "nominee_kind")) == "tap_the" &&
                (collective.empty() || collective == unit))
                return Refusal(K::CollectiveOwn, {{"field", op.field}, {"unit", unit}}).encode();
            return refuseDecision(m_store, m_user, op, unit, lookup);
        }
        return Refusal(K::OfficerNoReview, {{"field", op.field}}).encode();
    }
    if (m_user.role == "reviewer" && subtree().count(unit)) {
        // Review steps are for any reviewer above the unit; the decision only for the
        // level with authority for the dossier's award form (award_authority.hpp).
        if (dossierReview) return refuseDecision(m_store, m_user, op, unit, lookup);
        return Refusal(K::ReviewerOtherRecords, {{"table", t.name}, {"unit", unit}}).encode();
    }
    return Refusal(K::ForeignUnit, {{"table", t.name}, {"unit", unit}, {"role", m_user.role}, {"home", m_user.unit}})
        .encode();
}

} // namespace tdkt::server
