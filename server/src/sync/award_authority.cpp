// Who may decide a dossier: the reviewer's level against `authority.deciders`,
// judged by the rules engine's own checkAuthority on the dossier as the push sees it.
#include "award_authority.hpp"

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
// What checkAuthority reads of the dossier (its unit comes from the rights).
constexpr std::array<std::string_view, 6> ReadFields{"award_code",    "received_on",  "year",
                                                    "decision_date", "nominee_kind", "collective_unit_id"};

bool contains(auto const& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

std::string text(const std::optional<Value>& v) {
    if (!v) return {};
    const auto* s = std::get_if<std::string>(&*v);
    return s ? *s : std::string();
}

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

} // namespace

bool authorityReads(std::string_view table, std::string_view field) {
    return table == "dossiers" && contains(ReadFields, field);
}

bool isDecision(const store::Store& store, const Op& op) {
    if (op.table != "dossiers") return false;
    if (contains(DecisionFields, op.field)) return true;
    if (op.field != "status") return false;
    const auto* to = std::get_if<std::string>(&op.value);
    if (to && contains(DecidedStatuses, *to)) return true;
    // Taking a decided dossier back (approved → under_review) undoes a decision. The
    // status it has now is the store's: a value only pushed alongside was never decided.
    const auto now = store.fieldValue("dossiers", op.rowId, "status");
    return now && contains(DecidedStatuses, text(std::optional<Value>(now->value)));
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

} // namespace tdkt::server
