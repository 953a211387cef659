// Who may decide a dossier: the reviewer's level against `authority.deciders`,
// judged by the rules engine's own checkAuthority on the dossier as the push sees it;
// or, for an authority outside the unit tree, the dossier's issuer (a decision recorded).
#include "award_authority.hpp"

#include "tdkt/catalog/issuer.hpp"
#include "tdkt/protocol/refusal.hpp"
#include "tdkt/rules/checks.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/rules/reference_io.hpp"

#include <algorithm>
#include <array>

namespace tdkt::server {
namespace {

using protocol::Refusal;
using K = protocol::RefusalKind;

constexpr std::array<std::string_view, 4> DecisionFields{"decision_number", "decision_date", "amount",
                                                         "deciding_unit_id"};
constexpr std::array<std::string_view, 2> DecidedStatuses{"approved", "not_approved"};
// What checkAuthority and a recorded decision read of the dossier (its unit comes from the rights).
constexpr std::array<std::string_view, 10> ReadFields{"award_code",      "received_on",      "year",
                                                     "decision_date",   "nominee_kind",     "collective_unit_id",
                                                     "issuer_kind",     "issuer_name",      "decision_number",
                                                     "deciding_unit_id"};
constexpr std::array<std::string_view, 2> IssuerFields{"issuer_kind", "issuer_name"};

bool contains(auto const& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

std::string text(const std::optional<Value>& v) {
    if (!v) return {};
    const auto* s = std::get_if<std::string>(&*v);
    return s ? *s : std::string();
}

// The field as the row will have it once the op is applied.
std::string after(const Op& op, std::string_view field, const FieldLookup& lookup) {
    if (op.field == field) return text(std::optional<Value>(op.value));
    return text(lookup("dossiers", op.rowId, field));
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string text(const std::optional<store::Row>& row, const std::string& field) {
    if (!row) return {};
    auto it = row->fields.find(field);
    return it == row->fields.end() ? std::string() : text(std::optional<Value>(it->second));
}

// Only the authority rows (who decides, and their titles): a few dozen, read per
// decision, so Rights keeps no catalog.
rules::Catalog authorityCatalog(const store::Store& store) {
    std::vector<rules::Parameter> params;
    for (const auto& row : store.list("parameters")) {
        auto p = rules::parameterFromRow(row);
        if (p.key.starts_with("authority.")) params.push_back(std::move(p));
    }
    return rules::Catalog({}, std::move(params));
}

// The dossier as checkAuthority needs it: the row's fields, the pushed ones included.
rules::DossierContext decisionContext(const store::Store& store, const User& reviewer, const Op& op,
                                      const std::string& unit, const FieldLookup& lookup) {
    rules::DossierContext ctx;
    ctx.today = rules::todayIso();
    ctx.dossier.id = op.rowId;
    ctx.dossier.unitId = unit;
    ctx.dossier.awardCode = text(lookup("dossiers", op.rowId, "award_code"));
    ctx.dossier.receivedOn = text(lookup("dossiers", op.rowId, "received_on"));
    ctx.dossier.decisionDate = text(lookup("dossiers", op.rowId, "decision_date"));
    if (auto y = lookup("dossiers", op.rowId, "year"))
        if (const auto* i = std::get_if<std::int64_t>(&*y)) ctx.dossier.year = static_cast<int>(*i);
    // The unit chain scopes the parameter (a province's own rule first); ≤ 5 levels,
    // the bound guards against a cycle in bad data.
    for (std::string id = unit; !id.empty() && ctx.unitChain.size() < 16;) {
        const auto row = store.get("units", id);
        ctx.unitChain.push_back(id);
        ctx.unitLevels.push_back(text(row, "level"));
        ctx.unitNames.push_back(text(row, "name"));
        id = text(row, "parent_id");
    }
    ctx.decidingUnitId = reviewer.unit;
    ctx.decidingLevel = text(store.get("units", reviewer.unit), "level");
    return ctx;
}

std::optional<std::string> firstBlock(const rules::DossierContext& ctx, const Op& op) {
    for (const auto& f : rules::checkAuthority(ctx)) {
        if (f.severity != rules::Severity::Block) continue;
        return Refusal(K::NoAuthority, {{"field", op.field},
                                        {"rule", f.ruleId},
                                        {"message", f.message},
                                        {"document", f.source.document},
                                        {"article", f.source.article}})
            .encode();
    }
    return std::nullopt;
}

// A decision of an authority outside the unit tree, recorded by an office the dossier
// went up through: the issuer names a body whose level may decide the form, no unit
// of the dossier's chain at that level holds the power (that unit's reviewer records
// its own decisions), no unit of the tree is the deciding one, and an approval carries
// its decision number. nullopt: recorded; else why not.
std::optional<std::string> refuseRecorded(const rules::DossierContext& own, const Op& op, const std::string& kind,
                                          const FieldLookup& lookup) {
    const std::string level(catalog::issuerLevel(kind));
    rules::DossierContext ctx = own;
    ctx.decidingUnitId.clear();
    ctx.decidingLevel.clear();
    ctx.dossier.issuerKind = kind;
    if (auto why = firstBlock(ctx, op)) return why; // the issuer's level has no power over the form
    const auto a = rules::decidingAuthority(ctx);
    if (a && !a->unitId.empty() && a->level == level && kind != "co_quan_don_vi")
        return Refusal(K::IssuerInTree, {{"field", op.field}, {"award", ctx.dossier.awardCode}, {"unit", a->unitId}})
            .encode();
    if (catalog::issuerNeedsName(kind) && blank(after(op, "issuer_name", lookup)))
        return Refusal(K::RecordNoIssuerName, {{"field", op.field}, {"issuer", kind}}).encode();
    const bool approving = op.field == "status" && text(std::optional<Value>(op.value)) == "approved";
    if (approving && blank(after(op, "decision_number", lookup)))
        return Refusal(K::RecordNoNumber, {{"field", op.field}, {"issuer", kind}}).encode();
    return std::nullopt;
}

} // namespace

bool authorityReads(std::string_view table, std::string_view field) {
    return table == "dossiers" && contains(ReadFields, field);
}

bool isIssuerField(std::string_view table, std::string_view field) {
    return table == "dossiers" && contains(IssuerFields, field);
}

bool isDecided(const store::Store& store, const std::string& dossier) {
    const auto now = store.fieldValue("dossiers", dossier, "status");
    return now && contains(DecidedStatuses, text(std::optional<Value>(now->value)));
}

bool isDecision(const store::Store& store, const Op& op) {
    if (op.table != "dossiers") return false;
    if (contains(DecisionFields, op.field)) return true;
    // The issuer of a decided dossier is part of its decision (who gave the award).
    if (contains(IssuerFields, op.field)) return isDecided(store, op.rowId);
    if (op.field != "status") return false;
    const auto* to = std::get_if<std::string>(&op.value);
    if (to && contains(DecidedStatuses, *to)) return true;
    // Taking a decided dossier back (approved → under_review) undoes a decision. The
    // status it has now is the store's: a value only pushed alongside was never decided.
    return isDecided(store, op.rowId);
}

std::optional<std::string> refuseDecision(const store::Store& store, const User& reviewer, const Op& op,
                                          const std::string& unit, const FieldLookup& lookup) {
    if (!isDecision(store, op)) return std::nullopt;
    if (op.field == "deciding_unit_id") {
        const auto* to = std::get_if<std::string>(&op.value);
        if (to && *to != reviewer.unit)
            return Refusal(K::DecidingUnitOther, {{"field", op.field}, {"home", reviewer.unit}, {"other", *to}}).encode();
    }
    const auto catalog = authorityCatalog(store);
    // No reference data on this server: nothing to judge by, the decision goes ahead.
    if (catalog.params().empty()) return std::nullopt;
    auto ctx = decisionContext(store, reviewer, op, unit, lookup);
    ctx.catalog = &catalog;
    if (ctx.dossier.awardCode.empty())
        return Refusal(K::DecisionNoAward, {{"field", op.field}}).encode();
    if (ctx.decidingLevel.empty())
        return Refusal(K::DecidingNoLevel, {{"field", op.field}, {"unit", reviewer.unit}}).encode();
    // An award form with no authority row gives no finding: nothing is judged (as the engine).
    auto why = firstBlock(ctx, op);
    if (!why) return std::nullopt;
    // Not its own to decide: it may still record the decision of the authority outside
    // the tree that the dossier names as its issuer, with no unit of the tree deciding.
    const auto kind = after(op, "issuer_kind", lookup);
    if (kind.empty() || catalog::issuerLevel(kind).empty()) return why;
    if (!after(op, "deciding_unit_id", lookup).empty()) return why; // a unit of the tree decides it
    return refuseRecorded(ctx, op, kind, lookup);
}

} // namespace tdkt::server
