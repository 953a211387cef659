#pragma once
// Building DossierContexts for the table-driven rule tests, against the shipped
// reference data (assets/reference), so the tests also check the data.
#include "tdkt/rules/checks.hpp"

#include <functional>
#include <string>

namespace tdkt::test {

/** The catalog of assets/reference, loaded once. */
const rules::Catalog& catalog();

/**
 * A dossier that passes the procedural checks: every component present, a
 * deciding level with authority, a unanimous council of 10. Received on
 * `received`; today is the day after.
 */
rules::DossierContext dossier(const std::string& award, int year, const std::string& received = "2025-08-15",
                              const std::string& kind = "ca_nhan");

void award(rules::DossierContext& c, const std::string& code, int year, const std::string& method = "thuong_xuyen");
void awards(rules::DossierContext& c, const std::string& code, int from, int to);
void evals(rules::DossierContext& c, int from, int to, const std::string& rank);
void initiative(rules::DossierContext& c, const std::string& id, int year, const std::string& scope);
void discipline(rules::DossierContext& c, const std::string& kind, const std::string& from, const std::string& to);
/** `n` members, the first `ldtt` of them Lao động tiên tiến, all ranked `rank`. */
void members(rules::DossierContext& c, int n, int ldtt, const std::string& rank = "httnv");

enum class Expect { Pass, Fires };

/** One row of a table: a scenario from DOMAIN.md or the research, with its rule and source. */
struct Case {
    std::string name;
    std::string rule;   // the finding id, e.g. "eligibility.award_consecutive"
    std::string source; // where the scenario comes from
    Expect expect;
    std::function<rules::DossierContext()> build;
};

/** Runs every check; Fires: a finding with that id; Pass: no block or warning with it. */
void runCase(const Case& c);

} // namespace tdkt::test
