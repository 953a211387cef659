// Completeness (Law Đ84, Đ85): every component of every award in force, missing in turn.
#include "rules_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace tdkt::test {

TEST_CASE("rules: every component missing in turn, for every award in force") {
    const std::vector<std::string> dates{"2023-12-10", "2025-08-15"};
    int cases = 0;
    for (const auto& date : dates) {
        for (const auto& rule : catalog().rules()) {
            if (!rule.validity.covers(date)) continue;
            for (const auto& [procedure, components] : rule.components) {
                for (const auto& missing : components) {
                    ++cases;
                    const std::string name = rule.awardCode + " / " + procedure + " / " + missing + " @ " + date;
                    SUBCASE(name.c_str()) {
                        auto c = dossier(rule.awardCode, 2025, date, rule.nomineeKinds.front());
                        c.dossier.procedure = procedure;
                        c.presentComponents = components;
                        std::erase(c.presentComponents, missing);
                        auto fs = rules::checkComponents(c);
                        INFO("source: ", rule.componentsSource.document, " ", rule.componentsSource.article);
                        REQUIRE(fs.size() == 1);
                        CHECK(fs.front().ruleId == "completeness." + missing);
                        CHECK(fs.front().severity == rules::Severity::Block);
                        CHECK(fs.front().message.find("Thiếu «") == 0);
                    }
                }
                SUBCASE((rule.awardCode + " / " + procedure + " complete @ " + date).c_str()) {
                    auto c = dossier(rule.awardCode, 2025, date, rule.nomineeKinds.front());
                    c.dossier.procedure = procedure;
                    c.presentComponents = components;
                    CHECK(rules::checkComponents(c).empty());
                }
            }
        }
    }
    CHECK(cases >= 60);
}

} // namespace tdkt::test
