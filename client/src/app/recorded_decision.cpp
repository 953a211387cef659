#include "recorded_decision.hpp"

#include "labels.hpp"
#include "step_input.hpp"

#include "tdkt/catalog/issuer.hpp"
#include "tdkt/rules/checks.hpp"
#include "tdkt/rules/engine.hpp"
#include "tdkt/schema/schema.hpp"

#include <algorithm>
#include <array>

namespace tdkt::app {
namespace {

// Every issuer kind (catalog/issuer.hpp), in the order the step offers them.
constexpr std::array<std::string_view, 6> Kinds{"chu_tich_nuoc", "thu_tuong",      "bo_nganh",
                                                "doan_the_tw",   "tinh",           "co_quan_don_vi"};

std::string text(const store::Row& r, const char* f) {
    auto it = r.fields.find(f);
    const auto* s = it == r.fields.end() ? nullptr : std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto to = std::min(list.find(',', from), list.size());
        if (auto part = trimmedInput(list.substr(from, to - from)); !part.empty()) out.push_back(part);
        from = to + 1;
    }
    return out;
}

// As the server judges a recorded decision (award_authority.cpp refuseRecorded): the
// issuer's level has authority for the form, and no unit of the dossier's chain at
// that level holds it (that unit's reviewer records its own decision).
bool mayHaveDecided(rules::DossierContext ctx, std::string_view kind) {
    const std::string level(catalog::issuerLevel(kind));
    if (level.empty()) return false;
    ctx.decidingUnitId.clear();
    ctx.decidingLevel.clear();
    ctx.dossier.issuerKind = std::string(kind);
    const auto a = rules::decidingAuthority(ctx);
    if (!a) return false; // no authority data: nothing to record from above, Approve decides
    for (const auto& f : rules::checkAuthority(ctx))
        if (f.severity == rules::Severity::Block) return false;
    return a->unitId.empty() || a->level != level || kind == "co_quan_don_vi";
}

// The choice's words: the catalog's title where it names this kind alone ("Chủ tịch
// UBND tỉnh"), else the kind's label ("Chủ tịch nước", "Thủ tướng Chính phủ").
std::string choiceLabel(const rules::DossierContext& ctx, std::string_view kind, bool sharedLevel, Lang lang) {
    const auto kindLabel = enumLabel("dossiers", "issuer_kind", kind, lang);
    if (sharedLevel || kind == "co_quan_don_vi") return kindLabel;
    const auto* p =
        ctx.param({.key = "authority.title." + std::string(catalog::issuerLevel(kind)), .awardCode = ctx.dossier.awardCode});
    if (!p || p->text.empty()) return kindLabel;
    if (lang == Lang::Vi) return p->text;
    const auto en = englishLabel(p->text);
    return en.empty() ? kindLabel : std::string(en);
}

} // namespace

RecordForm recordForm(const store::Store& store, const rules::Catalog& catalog, const std::string& id, Lang lang) {
    RecordForm form;
    const auto row = store.get("dossiers", id);
    if (!row) return form;
    const auto ctx = rules::buildContext(store, id, catalog, rules::todayIso());
    if (ctx.dossier.awardCode.empty()) return form;
    // A form issued by named bodies (issuer.required) is recorded from one of them.
    const auto* required = ctx.param({.key = "issuer.required", .awardCode = ctx.dossier.awardCode});
    const auto allowedKinds = required ? split(required->text) : std::vector<std::string>{};
    std::vector<std::string_view> kinds;
    for (const auto kind : Kinds) {
        if (required && std::find(allowedKinds.begin(), allowedKinds.end(), kind) == allowedKinds.end()) continue;
        if (mayHaveDecided(ctx, kind)) kinds.push_back(kind);
    }
    for (const auto kind : kinds) {
        const bool shared = std::count_if(kinds.begin(), kinds.end(), [&](auto k) {
                                return catalog::issuerLevel(k) == catalog::issuerLevel(kind);
                            }) > 1;
        form.issuers.push_back({std::string(kind), choiceLabel(ctx, kind, shared, lang), catalog::issuerNeedsName(kind)});
    }
    if (form.issuers.empty()) return form;
    if (const auto a = rules::decidingAuthority(ctx)) form.authority = a->title;
    // The issuer the dossier names, when it is a choice; else the one the catalog's title
    // names ("Chủ tịch nước (theo đề nghị…)" for a Huân chương); else the first.
    const auto named = text(*row, "issuer_kind");
    auto pick = std::find_if(form.issuers.begin(), form.issuers.end(), [&](const auto& c) { return c.kind == named; });
    if (pick == form.issuers.end())
        pick = std::find_if(form.issuers.begin(), form.issuers.end(), [&](const auto& c) {
            return form.authority.starts_with(enumLabel("dossiers", "issuer_kind", c.kind, Lang::Vi));
        });
    if (pick == form.issuers.end()) pick = form.issuers.begin();
    form.input.issuerKind = pick->kind;
    if (pick->kind == named) form.input.issuerName = text(*row, "issuer_name");
    form.input.decisionNumber = text(*row, "decision_number");
    const auto due = rules::computeAmount(ctx);
    form.carriesMoney = due.has_value();
    if (due) form.input.amount = std::to_string(*due);
    return form;
}

std::string recordDecision(store::Store& store, const rules::Catalog& catalog, const std::string& id,
                           const StepInput& in, Lang lang) {
    const auto form = recordForm(store, catalog, id, lang);
    const auto kind = trimmedInput(in.issuerKind), name = trimmedInput(in.issuerName);
    if (kind.empty()) return stepSentence(StepProblem::NoIssuer, lang);
    const auto choice =
        std::find_if(form.issuers.begin(), form.issuers.end(), [&](const auto& c) { return c.kind == kind; });
    if (choice == form.issuers.end()) return stepSentence(StepProblem::BadIssuer, lang);
    if (choice->needsName && name.empty()) return stepSentence(StepProblem::NoIssuerName, lang);
    const auto number = trimmedInput(in.decisionNumber), dateText = trimmedInput(in.decisionDate);
    const auto amountText = trimmedInput(in.amount), reason = trimmedInput(in.reason);
    const auto date = dateInput(dateText);
    if (in.approved && number.empty()) return stepSentence(StepProblem::NoDecisionNumber, lang);
    if ((in.approved || !dateText.empty()) && !date) return stepSentence(StepProblem::BadDate, lang);
    const auto amount = wholeInput(amountText);
    if (in.approved && form.carriesMoney && !amountText.empty() && (!amount || *amount < 0))
        return stepSentence(StepProblem::BadAmount, lang);
    if (!in.approved && reason.empty()) return stepSentence(StepProblem::NoReason, lang);

    // Who decided, and no unit of the tree as deciding unit: exactly what the server
    // records (award_authority.hpp). The decision's fields first, so the rules judge
    // the dossier as decided.
    store::Store::Batch batch(store);
    const auto row = store.get("dossiers", id);
    const Value none; // null: the field cleared
    store::Fields f{{"issuer_kind", kind}};
    if (choice->needsName) f.emplace_back("issuer_name", name);
    else if (row && !text(*row, "issuer_name").empty()) f.emplace_back("issuer_name", none);
    if (row && !text(*row, "deciding_unit_id").empty()) f.emplace_back("deciding_unit_id", none);
    if (!number.empty()) f.emplace_back("decision_number", number);
    if (date) f.emplace_back("decision_date", *date);
    if (in.approved && form.carriesMoney && amount) f.emplace_back("amount", *amount);
    if (!in.approved) f.emplace_back("status_reason", reason);
    store.update("dossiers", id, f);
    if (in.approved)
        if (auto block = rules::blockingFindingForStatus(store, schema::registry().require("dossiers"), id, "approved",
                                                         catalog))
            return block->message; // the batch rolls back: nothing written
    store.update("dossiers", id, {{"status", std::string(in.approved ? "approved" : "not_approved")}});
    batch.commit();
    return {};
}

} // namespace tdkt::app
