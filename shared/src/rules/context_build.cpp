// Building a DossierContext from the replica: a handful of filtered reads.
#include "row_values.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/rules/engine.hpp"

#include <algorithm>

namespace tdkt::rules {
namespace {
using detail::integer;
using detail::text;
using store::Filter;

std::optional<int> optYear(const store::Row& r, std::string_view f) {
    auto v = integer(r, f);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

DossierData dossierFrom(const store::Row& r) {
    DossierData d;
    d.id = r.id;
    d.unitId = text(r, "unit_id");
    d.nomineeKind = text(r, "nominee_kind");
    d.awardCode = text(r, "award_code");
    if (auto k = text(r, "kind"); !k.empty()) d.kind = k;
    if (auto m = text(r, "method"); !m.empty()) d.method = m;
    d.year = optYear(r, "year").value_or(0);
    d.periodFromYear = optYear(r, "period_from_year");
    d.periodToYear = optYear(r, "period_to_year");
    if (auto p = text(r, "procedure"); !p.empty()) d.procedure = p;
    d.status = text(r, "status");
    d.submittedOn = text(r, "submitted_on");
    d.receivedOn = text(r, "received_on");
    d.decisionDate = text(r, "decision_date");
    d.councilMembers = integer(r, "council_members");
    d.councilVotesFor = integer(r, "council_votes_for");
    d.amount = integer(r, "amount");
    d.proposalRank = integer(r, "proposal_rank");
    d.completedOn = text(r, "completed_on");
    d.issuerKind = text(r, "issuer_kind");
    d.issuerName = text(r, "issuer_name");
    return d;
}

Discipline disciplineFrom(const store::Row& r) {
    return {text(r, "kind"), text(r, "from_date"), text(r, "to_date"), text(r, "conclusion")};
}

AwardRecord awardFrom(const store::Row& r) {
    AwardRecord a;
    a.awardCode = text(r, "award_code");
    if (auto m = text(r, "method"); !m.empty()) a.method = m;
    a.year = optYear(r, "year").value_or(0);
    a.initiativeId = text(r, "initiative_id");
    a.decisionDate = text(r, "decision_date");
    return a;
}

// Other open dossiers of the nominee count as pending awards (LĐTT and CSTĐ cơ sở
// of the same year are proposed together); refused ones do not.
void addPending(DossierContext& ctx, const std::vector<store::Row>& dossiers) {
    for (const auto& r : dossiers) {
        if (r.id == ctx.dossier.id || text(r, "status") == "not_approved") continue;
        AwardRecord a = awardFrom(r);
        a.pending = true;
        const bool known = std::any_of(ctx.awards.begin(), ctx.awards.end(), [&](const AwardRecord& h) {
            return h.awardCode == a.awardCode && h.year == a.year;
        });
        if (!known) ctx.awards.push_back(std::move(a));
    }
}

void loadNominee(const store::Store& s, DossierContext& ctx, const std::string& field, const std::string& id) {
    const std::vector<Filter> who{{field, id}};
    for (const auto& r : s.list("award_history", who)) {
        ctx.awards.push_back(awardFrom(r));
        if (auto i = text(r, "initiative_id"); !i.empty()) ++ctx.initiativeUses[i];
    }
    addPending(ctx, s.list("dossiers", who));
    for (const auto& r : s.list("evaluations", who))
        ctx.evaluations.push_back({optYear(r, "year").value_or(0), text(r, "rank")});
    for (const auto& r : s.list("disciplines", who)) ctx.disciplines.push_back(disciplineFrom(r));
    if (field == "person_id")
        for (const auto& r : s.list("initiatives", who))
            ctx.initiatives.push_back({r.id, text(r, "title"), optYear(r, "year").value_or(0), text(r, "scope")});
}

// Members are the people of the collective unit; their rows of the year carry the unit.
void loadMembers(const store::Store& s, DossierContext& ctx, const std::string& unitId) {
    std::map<std::string, Member> members;
    for (const auto& r : s.list("people", {{"unit_id", unitId}})) members[r.id].personId = r.id;
    const Value year{std::int64_t{ctx.dossier.year}};
    auto member = [&](const store::Row& r) -> Member* {
        auto it = members.find(text(r, "person_id"));
        return it == members.end() ? nullptr : &it->second;
    };
    for (const auto& r : s.list("evaluations", {{"unit_id", unitId}, {"year", year}}))
        if (auto* m = member(r)) m->rank = text(r, "rank");
    for (const auto& r : s.list("award_history", {{"unit_id", unitId}, {"year", year}}))
        if (auto* m = member(r)) m->awards.push_back(text(r, "award_code"));
    for (const auto& r : s.list("dossiers", {{"unit_id", unitId}, {"year", year}}))
        if (auto* m = member(r); m && text(r, "status") != "not_approved") m->awards.push_back(text(r, "award_code"));
    for (const auto& r : s.list("disciplines", {{"unit_id", unitId}}))
        if (auto* m = member(r)) m->disciplines.push_back(disciplineFrom(r));
    for (auto& [id, m] : members) ctx.members.push_back(std::move(m));
}

void loadUnits(const store::Store& s, DossierContext& ctx, const std::string& decidingId) {
    std::string id = ctx.dossier.unitId;
    // The chain is short (≤ 5 levels); the bound guards against a cycle in bad data.
    for (int depth = 0; !id.empty() && depth < 16; ++depth) {
        ctx.unitChain.push_back(id);
        auto u = s.get("units", id);
        ctx.unitLevels.push_back(u ? text(*u, "level") : std::string{});
        ctx.unitNames.push_back(u ? text(*u, "name") : std::string{});
        id = u ? text(*u, "parent_id") : std::string{};
    }
    ctx.decidingUnitId = decidingId;
    if (!decidingId.empty())
        if (auto u = s.get("units", decidingId)) ctx.decidingLevel = text(*u, "level");
}

// Only for an award a quota caps: the unit's other open dossiers of the year and
// the holders of the base award, so checkQuotaRank can place this one.
void loadQuotaPeers(const store::Store& s, DossierContext& ctx) {
    const auto* quota = ctx.param({.key = "quota.max_share", .awardCode = ctx.dossier.awardCode});
    if (!quota || !quota->value) return;
    const std::vector<Filter> unitYear{{"unit_id", ctx.dossier.unitId}, {"year", Value{std::int64_t{ctx.dossier.year}}}};
    const auto dossiers = s.list("dossiers", unitYear);
    for (const auto& r : dossiers)
        if (r.id != ctx.dossier.id && text(r, "award_code") == ctx.dossier.awardCode &&
            text(r, "status") != "not_approved" && text(r, "kind") != "hiep_y")
            ctx.quotaPeers.push_back({r.id, integer(r, "proposal_rank")});
    ctx.quotaBaseCount = detail::countHolders(s.list("award_history", unitYear), dossiers, quota->text);
}

} // namespace

DossierContext buildContext(const store::Store& s, std::string_view dossierId, const Catalog& catalog,
                            std::string today) {
    auto row = s.get("dossiers", dossierId);
    if (!row) throw Error(ErrorKind::NotFound, "no dossiers row with id " + std::string(dossierId));
    DossierContext ctx;
    ctx.catalog = &catalog;
    ctx.today = std::move(today);
    ctx.dossier = dossierFrom(*row);
    loadUnits(s, ctx, text(*row, "deciding_unit_id"));
    for (const auto& r : s.list("dossier_items", {{"dossier_id", std::string(dossierId)}}))
        if (integer(r, "present").value_or(0) != 0 || !text(r, "file_name").empty())
            ctx.presentComponents.push_back(text(r, "component"));
    if (auto person = text(*row, "person_id"); !person.empty()) {
        loadNominee(s, ctx, "person_id", person);
        if (auto p = s.get("people", person)) ctx.recruitedOn = text(*p, "recruited_on");
    }
    if (auto unit = text(*row, "collective_unit_id"); !unit.empty()) {
        loadNominee(s, ctx, "collective_unit_id", unit);
        loadMembers(s, ctx, unit);
    }
    loadQuotaPeers(s, ctx);
    return ctx;
}

} // namespace tdkt::rules
