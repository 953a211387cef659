#include "rules_fixture.hpp"

#include "tdkt/rules/reference_io.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {

const rules::Catalog& catalog() {
    static const rules::Catalog c = rules::catalogFromDirectory(TDKT_REFERENCE_DIR);
    return c;
}

rules::DossierContext dossier(const std::string& awardCode, int year, const std::string& received,
                              const std::string& kind) {
    rules::DossierContext c;
    c.catalog = &catalog();
    c.dossier.id = "d1";
    c.dossier.awardCode = awardCode;
    c.dossier.year = year;
    c.dossier.nomineeKind = kind;
    c.dossier.receivedOn = received;
    c.dossier.councilMembers = 10;
    c.dossier.councilVotesFor = 10;
    c.today = received;
    c.unitChain = {"u1"};
    if (const auto* rule = c.rule()) {
        const int n = std::max(1, rule->periodYears);
        c.dossier.periodFromYear = year - n + 1;
        c.dossier.periodToYear = year;
        auto it = rule->components.find("thong_thuong");
        if (it != rule->components.end()) c.presentComponents = it->second;
    }
    if (const auto* p = c.param({.key = "authority.deciders", .awardCode = awardCode})) {
        auto comma = p->text.find(',');
        c.decidingLevel = p->text.substr(0, comma);
    }
    return c;
}

void award(rules::DossierContext& c, const std::string& code, int year, const std::string& method) {
    rules::AwardRecord a;
    a.awardCode = code;
    a.year = year;
    a.method = method;
    c.awards.push_back(a);
}

void awards(rules::DossierContext& c, const std::string& code, int from, int to) {
    for (int y = from; y <= to; ++y) award(c, code, y);
}

void evals(rules::DossierContext& c, int from, int to, const std::string& rank) {
    for (int y = from; y <= to; ++y) {
        std::erase_if(c.evaluations, [&](const rules::Evaluation& e) { return e.year == y; });
        c.evaluations.push_back({y, rank});
    }
}

void initiative(rules::DossierContext& c, const std::string& id, int year, const std::string& scope) {
    c.initiatives.push_back({id, "Sáng kiến " + id, year, scope});
}

void discipline(rules::DossierContext& c, const std::string& kind, const std::string& from, const std::string& to) {
    c.disciplines.push_back({kind, from, to, ""});
}

void members(rules::DossierContext& c, int n, int ldtt, const std::string& rank) {
    c.members.clear();
    for (int i = 0; i < n; ++i) {
        rules::Member m;
        m.personId = "p" + std::to_string(i);
        m.rank = rank;
        if (i < ldtt) m.awards.push_back("lao_dong_tien_tien");
        c.members.push_back(m);
    }
}

void runCase(const Case& c) {
    const auto findings = rules::checkAll(c.build());
    std::string seen;
    for (const auto& f : findings) seen += std::string(rules::severityName(f.severity)) + " " + f.ruleId + ": " + f.message + "\n";
    INFO("case: ", c.name, "\nsource: ", c.source, "\nfindings:\n", seen);
    const bool fired = std::any_of(findings.begin(), findings.end(), [&](const rules::Finding& f) {
        return f.ruleId == c.rule && (c.expect == Expect::Fires || f.severity != rules::Severity::Info);
    });
    CHECK(fired == (c.expect == Expect::Fires));
    // Every finding names its source and speaks Vietnamese with diacritics.
    for (const auto& f : findings) {
        CHECK_FALSE(f.message.empty());
        if (f.ruleId != "rules.in_force") CHECK_FALSE(f.source.document.empty());
    }
}

} // namespace tdkt::test
