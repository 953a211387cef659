#include "tdkt/core/error.hpp"
#include "tdkt/core/text.hpp"
#include "tdkt/schema/schema.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace tdkt;
using namespace tdkt::schema;

namespace {

bool isSnakeAscii(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

} // namespace

TEST_SUITE("schema") {
    TEST_CASE("schema: every table the design names is registered") {
        for (const char* name : {"units", "people", "movements", "movement_targets", "movement_results", "dossiers",
                                 "dossier_items", "award_history", "initiatives", "inspection_plans",
                                 "inspection_targets", "checklist_items", "findings", "recommendations", "conflicts"})
            CHECK_MESSAGE(registry().table(name) != nullptr, name);
    }

    TEST_CASE("schema: names are snake_case ASCII, labels NFC Vietnamese, references resolve") {
        std::set<std::string> tables;
        for (const auto& t : registry().tables()) {
            CHECK(isSnakeAscii(t.name));
            CHECK(tables.insert(t.name).second);
            CHECK(toNfc(t.label) == t.label);
            CHECK_MESSAGE((t.unitField == "id" || t.field(t.unitField)), t.name);
            CHECK_MESSAGE(t.field(t.titleField) != nullptr, t.name);
            std::set<std::string> fields;
            for (const auto& f : t.fields) {
                CHECK_MESSAGE(isSnakeAscii(f.name), std::string(t.name + "." + f.name));
                CHECK_MESSAGE(fields.insert(f.name).second, std::string(t.name + "." + f.name));
                CHECK(f.name != "id");
                CHECK(toNfc(f.label) == f.label);
                if (f.type == FieldType::Ref) CHECK_MESSAGE(registry().table(f.refTable), f.refTable);
                if (f.type == FieldType::Enum) CHECK_FALSE(f.values.empty());
                for (const auto& v : f.values) CHECK(isSnakeAscii(v.code));
            }
        }
    }

    TEST_CASE("schema: validate checks types, enumerations, dates and normalises text") {
        const auto& people = registry().require("people");
        const auto& dossiers = registry().require("dossiers");
        CHECK(validate(people, *people.field("birth_year"), std::int64_t{1980}) == Value{std::int64_t{1980}});
        CHECK(validate(people, *people.field("birth_year"), 1980.0) == Value{std::int64_t{1980}});
        CHECK_THROWS_AS(validate(people, *people.field("birth_year"), 1980.5), Error);
        CHECK_THROWS_AS(validate(people, *people.field("birth_year"), std::string("1980")), Error);
        CHECK_THROWS_AS(validate(people, *people.field("is_leader"), std::int64_t{2}), Error);
        CHECK_THROWS_AS(validate(people, *people.field("gender"), std::string("khac")), Error);
        CHECK(validate(people, *people.field("gender"), std::string("nu")) == Value{std::string("nu")});
        CHECK_THROWS_AS(validate(people, *people.field("full_name"), Value{}), Error);
        CHECK_THROWS_AS(validate(people, *people.field("full_name"), std::string("  ")), Error);
        CHECK(validate(people, *people.field("full_name"), std::string("Nguye\xCC\x82\xCC\x83n")) ==
              Value{std::string("Nguyễn")});
        CHECK(validate(dossiers, *dossiers.field("decision_date"), std::string("2024-02-29")) ==
              Value{std::string("2024-02-29")});
        CHECK_THROWS_AS(validate(dossiers, *dossiers.field("decision_date"), std::string("2025-02-29")), Error);
        CHECK_THROWS_AS(validate(dossiers, *dossiers.field("decision_date"), std::string("29/02/2024")), Error);
        CHECK_THROWS_AS(validate(dossiers, *dossiers.field("person_id"), std::string("a b")), Error);
        const auto& conflicts = registry().require("conflicts");
        CHECK_THROWS_AS(validate(conflicts, *conflicts.field("candidates"), std::string("[1,")), Error);
    }

    TEST_CASE("schema: the error names the table, the field and the allowed values") {
        const auto& dossiers = registry().require("dossiers");
        try {
            validate(dossiers, *dossiers.field("status"), std::string("done"));
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("dossiers.status") != std::string::npos);
            CHECK(std::string(e.what()).find("submitted") != std::string::npos);
        }
        CHECK_THROWS_AS(registry().require("nope"), Error);
    }
}
