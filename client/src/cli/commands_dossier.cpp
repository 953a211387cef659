// tdkt-cli dossier …: the status steps of the dossier editor (app/), one command each.
#include "commands_dossier.hpp"

#include "app/dossier_list.hpp"
#include "app/dossier_workflow.hpp"
#include "app/recorded_decision.hpp"
#include "app/table_sort.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/json/row_json.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/schema/schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <ostream>
#include <utility>

namespace tdkt::cli {
namespace {
using Json = nlohmann::json;
using app::Step;

constexpr std::array<std::pair<std::string_view, Step>, 7> Codes{{{"submit", Step::Submit},
                                                                 {"receive", Step::Receive},
                                                                 {"return", Step::Return},
                                                                 {"vote", Step::RecordVote},
                                                                 {"approve", Step::Approve},
                                                                 {"not-approve", Step::NotApprove},
                                                                 {"record", Step::RecordDecision}}};

std::string codeOf(Step st) {
    for (const auto& [code, step] : Codes)
        if (step == st) return std::string(code);
    return {};
}

Step stepOf(const std::string& code) {
    for (const auto& [c, step] : Codes)
        if (c == code) return step;
    throw Error(ErrorKind::Invalid, "unknown step '" + code +
                                        "': submit, receive, return, vote, approve, not-approve or record");
}

const std::string& dossierId(store::Store& s, const Args& a) {
    const auto& id = a.need(1, "ID");
    if (!s.exists("dossiers", id)) throw Error(ErrorKind::NotFound, "no dossiers row " + id);
    return id;
}

int steps(store::Store& s, const Args& a, std::ostream& out) {
    const auto& id = dossierId(s, a);
    const auto catalog = rules::catalogFromStore(s);
    const auto lang = a.option("--lang").value_or("vi") == "en" ? app::Lang::En : app::Lang::Vi;
    const auto allowed = app::allowedSteps(s, catalog, app::actorOf(s), id);
    Json j{{"steps", Json::array()}};
    for (const auto st : allowed) j["steps"].push_back({{"step", codeOf(st)}, {"label", app::stepLabel(st, lang)}});
    if (std::find(allowed.begin(), allowed.end(), Step::RecordDecision) != allowed.end()) {
        const auto form = app::recordForm(s, catalog, id, lang);
        Json issuers = Json::array();
        for (const auto& c : form.issuers)
            issuers.push_back({{"kind", c.kind}, {"label", c.label}, {"needs_name", c.needsName}});
        j["record"] = {{"issuers", issuers}, {"authority", form.authority}, {"carries_money", form.carriesMoney},
                       {"issuer", form.input.issuerKind}, {"amount", form.input.amount}};
    }
    out << j.dump() << "\n";
    return 0;
}

int step(store::Store& s, const Args& a, std::ostream& out) {
    const auto& id = dossierId(s, a);
    const Step st = stepOf(a.need(2, "STEP"));
    const auto lang = a.option("--lang").value_or("vi") == "en" ? app::Lang::En : app::Lang::Vi;
    const auto catalog = rules::catalogFromStore(s);
    app::StepInput in;
    if (st == Step::RecordDecision) in = app::recordForm(s, catalog, id, lang).input; // as the window opens it
    const auto take = [&](const char* name, std::string& into) {
        if (auto v = a.option(name)) into = *v;
    };
    take("--reason", in.reason);
    take("--members", in.members);
    take("--votes", in.votesFor);
    take("--number", in.decisionNumber);
    take("--date", in.decisionDate);
    take("--amount", in.amount);
    take("--issuer", in.issuerKind);
    take("--issuer-name", in.issuerName);
    if (const auto outcome = a.option("--outcome")) {
        if (*outcome != "approved" && *outcome != "not_approved")
            throw Error(ErrorKind::Invalid, "--outcome is approved or not_approved, not " + *outcome);
        in.approved = *outcome == "approved";
    }
    if (const auto why = app::takeStep(s, catalog, app::actorOf(s), id, st, in, lang); !why.empty())
        throw Error(ErrorKind::Invalid, why);
    Json j = json::rowToJson(schema::registry().require("dossiers"), *s.get("dossiers", id));
    j["id"] = id;
    out << j.dump() << "\n";
    return 0;
}

// The dossier list screen's query (app::DossierList): its filters, its sort, its text search.
int list(store::Store& s, const Args& a, std::ostream& out) {
    app::DossierFilter f;
    if (a.option("--year")) f.year = a.whole("--year", 0);
    f.unit = a.option("--unit").value_or("");
    f.status = a.option("--status").value_or("");
    f.award = a.option("--award").value_or("");
    f.text = a.option("--text").value_or("");
    if (auto sort = a.option("--sort")) { // FIELD[:asc|desc], a column of the list screen
        std::string field;
        bool desc = false;
        if (!app::parseSortSpec(*sort, field, desc) || !app::sortByField(f, field, desc))
            throw Error(ErrorKind::Invalid, "--sort expects FIELD[:asc|desc] with FIELD one of the dossier list's "
                                            "columns (nominee_name, award_code, year, status, unit_id); got \"" +
                                                *sort + "\"");
    }
    app::DossierList l;
    l.refresh(s, f, 1);
    const auto limit = static_cast<std::size_t>(a.whole("--limit", 100));
    Json rows = Json::array();
    for (std::size_t i = 0; i < l.count() && i < limit; ++i) {
        const auto& r = l.row(s, i);
        rows.push_back({{"id", r.id}, {"nominee", r.nominee}, {"award", r.award}, {"year", r.year},
                        {"status", r.statusCode}, {"unit", r.unit}});
    }
    out << Json{{"count", l.count()}, {"rows", rows}}.dump() << "\n";
    return 0;
}

} // namespace

int runDossierCommand(Context& ctx) {
    const Args& a = ctx.args;
    const std::string what = a.positional.empty() ? std::string() : a.positional[0];
    if (what == "list") return list(ctx.store(), a, ctx.out);
    if (what == "steps") return steps(ctx.store(), a, ctx.out);
    if (what == "step") return step(ctx.store(), a, ctx.out);
    throw Error(ErrorKind::Invalid, "usage: dossier list [--year Y] [--unit U] [--status S] [--award CODE] "
                                    "[--text WORDS] [--sort FIELD[:desc]] [--limit N] | dossier steps ID [--lang vi|en] | dossier step ID STEP [--reason T] "
                                    "[--members N --votes N] [--number N] [--date D] [--amount D] [--issuer KIND] "
                                    "[--issuer-name NAME] [--outcome approved|not_approved] [--lang vi|en]");
}

} // namespace tdkt::cli
