// Running the checks: one dossier, a unit's year, and the status gate.
#include "tdkt/rules/engine.hpp"

#include "history.hpp"
#include "row_values.hpp"

#include <algorithm>
#include <ctime>
#include <set>

namespace tdkt::rules {
namespace {
using detail::text;

std::set<std::string> quotaAwards(const Catalog& catalog) {
    std::set<std::string> out;
    for (const auto& p : catalog.params())
        if (p.key == "quota.max_share" && !p.awardCode.empty()) out.insert(p.awardCode);
    return out;
}

Findings tagged(Findings fs, const std::string& dossierId, const std::string& nominee) {
    for (auto& f : fs) {
        f.dossierId = dossierId;
        f.message = nominee + ": " + f.message;
    }
    return fs;
}

} // namespace

std::string todayIso() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

Findings checkAll(const DossierContext& ctx) {
    Findings out = checkRuleInForce(ctx);
    if (!ctx.rule()) return out; // nothing else can be judged without a rule in force
    if (isConcurrence(ctx)) {
        for (auto* check : {checkBlocks, checkConcurrence}) {
            auto fs = check(ctx);
            out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
        }
        return out;
    }
    for (auto* check : {checkComponents, checkPeriod, checkEligibility, checkCollective, checkBlocks, checkVotes,
                        checkDeadline, checkAuthority, checkIssuer, checkMoney, checkInitiativeReuse, checkQuotaRank,
                        checkProcessing}) {
        auto fs = check(ctx);
        out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
    }
    return out;
}

Findings checkDossier(const store::Store& store, std::string_view dossierId, const Catalog& catalog,
                      const std::string& today) {
    return checkAll(buildContext(store, dossierId, catalog, today));
}

Findings checkDossier(const store::Store& store, std::string_view dossierId, const Catalog& catalog) {
    return checkDossier(store, dossierId, catalog, todayIso());
}

Findings checkUnit(const store::Store& store, std::string_view unitId, int year, const Catalog& catalog,
                   const std::string& today) {
    const std::string unit(unitId);
    const Value y{std::int64_t{year}};
    const auto dossiers = store.list("dossiers", {{"unit_id", unit}, {"year", y}});
    const auto history = store.list("award_history", {{"unit_id", unit}, {"year", y}});
    Findings out;
    for (const auto& d : dossiers) {
        if (text(d, "status") == "not_approved") continue;
        auto ctx = buildContext(store, d.id, catalog, today);
        auto fs = checkRuleInForce(ctx);
        // A hiệp y's file is the requesting body's, not a proposal's components.
        auto comp = isConcurrence(ctx) ? Findings{} : checkComponents(ctx);
        fs.insert(fs.end(), comp.begin(), comp.end());
        auto t = tagged(std::move(fs), d.id, text(d, "nominee_name"));
        out.insert(out.end(), t.begin(), t.end());
    }
    DossierContext unitCtx; // dates and scope only, for the parameter lookup
    unitCtx.catalog = &catalog;
    unitCtx.today = today;
    unitCtx.dossier.year = year;
    for (std::string id = unit; !id.empty() && unitCtx.unitChain.size() < 16;) {
        unitCtx.unitChain.push_back(id);
        auto u = store.get("units", id);
        id = u ? text(*u, "parent_id") : std::string{};
    }
    const auto unitRow = store.get("units", unit);
    for (const auto& award : quotaAwards(catalog)) {
        QuotaInput in{unitRow ? text(*unitRow, "name") : unit, award, year, 0, 0, nullptr};
        in.quota = unitCtx.param({.key = "quota.max_share", .awardCode = award});
        if (!in.quota) continue;
        in.proposed = static_cast<std::size_t>(std::count_if(dossiers.begin(), dossiers.end(), [&](const store::Row& r) {
            // A hiệp y is another authority's proposal: it takes no place in this unit's quota.
            return text(r, "award_code") == award && text(r, "status") != "not_approved" && text(r, "kind") != "hiep_y";
        }));
        in.baseCount = detail::countHolders(history, dossiers, in.quota->text);
        auto fs = checkQuota(in);
        out.insert(out.end(), fs.begin(), fs.end());
    }
    return out;
}

std::optional<Finding> blockingFindingForStatus(const store::Store& store, const schema::TableDef& table,
                                                std::string_view rowId, std::string_view newStatus,
                                                const Catalog& catalog) {
    // Only these two steps carry a dossier forward; returning or refusing it never needs a gate.
    if (table.name != "dossiers" || (newStatus != "submitted" && newStatus != "approved")) return std::nullopt;
    if (!store.exists("dossiers", rowId)) return std::nullopt;
    for (auto& f : checkDossier(store, rowId, catalog))
        if (f.severity == Severity::Block) return std::move(f);
    return std::nullopt;
}

} // namespace tdkt::rules
