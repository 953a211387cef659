#include "dossier_workflow.hpp"

#include "recorded_decision.hpp"
#include "step_input.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/rules/checks.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>

namespace tdkt::app {
namespace {

using Problem = StepProblem;

std::string sentence(Problem p, Lang lang) { return stepSentence(p, lang); }

std::string field(const store::Row& r, const char* f) {
    auto it = r.fields.find(f);
    const auto* s = it == r.fields.end() ? nullptr : std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

// The unit and every unit above it, as this replica's units table holds them.
bool isAtOrBelow(const store::Store& store, std::string unit, const std::string& top) {
    for (int hops = 0; hops < 64 && !unit.empty(); ++hops) {
        if (unit == top) return true;
        auto u = store.get("units", unit);
        if (!u) return false;
        unit = field(*u, "parent_id");
    }
    return false;
}

// Whether the actor's unit has authority for the dossier's award form, as the server
// judges a decision (award_authority.cpp): no authority data, nothing is judged.
bool mayDecide(const store::Store& store, const rules::Catalog& catalog, const Actor& a, const std::string& id) {
    auto ctx = rules::buildContext(store, id, catalog, rules::todayIso());
    ctx.decidingUnitId = a.unit;
    auto u = store.get("units", a.unit);
    ctx.decidingLevel = u ? field(*u, "level") : std::string();
    if (ctx.dossier.awardCode.empty() || ctx.decidingLevel.empty()) return false;
    const auto found = rules::checkAuthority(ctx);
    return std::none_of(found.begin(), found.end(), [](const auto& f) { return f.severity == rules::Severity::Block; });
}

std::optional<std::int64_t> whole(const std::string& s) { return wholeInput(s); }

std::string trimmed(const std::string& s) { return trimmedInput(s); }

} // namespace

Actor actorOf(const store::Store& store) { return {store.setting("role").value_or(""), store.setting("unit").value_or("")}; }

std::vector<Step> allowedSteps(const store::Store& store, const rules::Catalog& catalog, const Actor& a,
                               const std::string& id) {
    auto row = store.get("dossiers", id);
    if (!row) return {};
    const std::string status = field(*row, "status"), unit = field(*row, "unit_id");
    const bool proposing = status == "draft" || status == "returned";
    // Never signed in: the replica is its unit's own; the server judges at the first sync.
    if (a.unit.empty()) return proposing ? std::vector<Step>{Step::Submit} : std::vector<Step>{};
    std::vector<Step> out;
    if (a.role == "officer" && unit == a.unit && proposing) out.push_back(Step::Submit);
    if (a.role != "reviewer" || !isAtOrBelow(store, unit, a.unit)) return out;
    // A unit's own collective is decided above it: its reviewers do not review it (rights.cpp).
    const auto collective = field(*row, "collective_unit_id");
    if (unit == a.unit && field(*row, "nominee_kind") == "tap_the" && (collective.empty() || collective == unit))
        return out;
    if (status == "submitted") out.push_back(Step::Receive);
    if (status == "submitted" || status == "under_review") out.push_back(Step::Return);
    if (status == "under_review") {
        out.push_back(Step::RecordVote);
        if (mayDecide(store, catalog, a, id)) {
            out.push_back(Step::Approve);
            out.push_back(Step::NotApprove);
        } else if (!recordForm(store, catalog, id, Lang::Vi).issuers.empty()) {
            // Decided above the tree: this office records that authority's decision.
            out.push_back(Step::RecordDecision);
        }
    }
    return out;
}

std::string takeStep(store::Store& store, const rules::Catalog& catalog, const Actor& a, const std::string& id,
                     Step step, const StepInput& in, Lang lang) {
    const auto allowed = allowedSteps(store, catalog, a, id);
    if (std::find(allowed.begin(), allowed.end(), step) == allowed.end()) return sentence(Problem::NotAllowed, lang);
    const auto today = rules::todayIso();
    const auto reason = trimmed(in.reason);
    store::Fields f;
    switch (step) {
    case Step::Submit:
        if (auto block = rules::blockingFindingForStatus(store, schema::registry().require("dossiers"), id, "submitted",
                                                         catalog))
            return block->message;
        f = {{"status", std::string("submitted")}, {"submitted_on", today}};
        break;
    case Step::Receive: f = {{"status", std::string("under_review")}, {"received_on", today}}; break;
    case Step::Return:
    case Step::NotApprove:
        if (reason.empty()) return sentence(Problem::NoReason, lang);
        f = {{"status", std::string(step == Step::Return ? "returned" : "not_approved")}, {"status_reason", reason}};
        if (step == Step::NotApprove) f.emplace_back("deciding_unit_id", a.unit);
        break;
    case Step::RecordVote: {
        const auto members = whole(trimmed(in.members)), votes = whole(trimmed(in.votesFor));
        if (!members || *members <= 0) return sentence(Problem::BadMembers, lang);
        if (!votes || *votes < 0 || *votes > *members) return sentence(Problem::BadVotes, lang);
        f = {{"council_members", *members}, {"council_votes_for", *votes}};
        break;
    }
    case Step::Approve: {
        const auto number = trimmed(in.decisionNumber), amount = trimmed(in.amount);
        const auto date = dateInput(in.decisionDate);
        if (number.empty()) return sentence(Problem::NoDecisionNumber, lang);
        if (!date) return sentence(Problem::BadDate, lang);
        if (!amount.empty() && (!whole(amount) || *whole(amount) < 0)) return sentence(Problem::BadAmount, lang);
        // The decision's own fields first, so the rules judge the dossier as decided.
        store::Store::Batch batch(store);
        store.update("dossiers", id, {{"decision_number", number}, {"decision_date", *date}, {"deciding_unit_id", a.unit}});
        if (!amount.empty()) store.update("dossiers", id, {{"amount", *whole(amount)}});
        if (auto block = rules::blockingFindingForStatus(store, schema::registry().require("dossiers"), id, "approved",
                                                         catalog))
            return block->message; // the batch rolls back: nothing written
        store.update("dossiers", id, {{"status", std::string("approved")}});
        batch.commit();
        return {};
    }
    case Step::RecordDecision: return recordDecision(store, catalog, id, in, lang);
    }
    store.update("dossiers", id, f);
    return {};
}

std::string stepLabel(Step step, Lang lang) {
    const bool vi = lang == Lang::Vi;
    switch (step) {
    case Step::Submit: return vi ? "Trình hồ sơ" : "Submit";
    case Step::Receive: return vi ? "Tiếp nhận" : "Receive";
    case Step::Return: return vi ? "Trả lại để bổ sung" : "Return for completion";
    case Step::RecordVote: return vi ? "Ghi kết quả bỏ phiếu" : "Record the ballot";
    case Step::Approve: return vi ? "Quyết định khen thưởng" : "Approve";
    case Step::NotApprove: return vi ? "Không khen thưởng" : "Not approve";
    case Step::RecordDecision: return vi ? "Ghi quyết định của cấp trên" : "Record the higher authority's decision";
    }
    return {};
}

} // namespace tdkt::app
