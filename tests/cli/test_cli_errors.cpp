// tdkt-cli refuses bad input: one "tdkt-cli: error: " line, exit 2 (invalid),
// 3 (not found) or 4 (conflict), and the database exactly as it was.
// [SECTION] tables & fields · types · dates & enums · JSON · refs · missing rows · arguments
#include "cli_fixture.hpp"

#include <doctest/doctest.h>

using tdkt::test::Cli;
using tdkt::test::Json;

namespace {

bool mentions(const std::string& err, const std::string& word) { return err.find(word) != std::string::npos; }

// A database with one unit and one person to refer to and to break.
struct Seeded {
    Cli cli;
    std::string unit = cli.unit();
    std::string person = cli.person(unit, "Người Có Thật", {{"birth_year", 1980}});

    std::string putPerson(int code, Json fields) {
        if (!fields.contains("unit_id")) fields["unit_id"] = unit;
        if (!fields.contains("full_name")) fields["full_name"] = "Người Mới";
        return cli.refused(code, "put", "people", fields.dump());
    }
};

} // namespace

TEST_SUITE("cli") {

// [SECTION] tables & fields
TEST_CASE("cli: unknown tables and fields are refused") {
    Seeded s;
    CHECK(mentions(s.cli.refused(2, "put", "persons", R"({"full_name":"A"})"), "persons"));
    CHECK(mentions(s.cli.refused(2, "get", "persons", s.person), "persons"));
    CHECK(mentions(s.cli.refused(2, "list", "persons"), "persons"));
    CHECK(mentions(s.cli.refused(2, "export", "persons"), "persons"));
    CHECK(mentions(s.cli.refused(2, "delete", "persons", s.person), "persons"));
    CHECK(mentions(s.putPerson(2, {{"shoe_size", 42}}), "shoe_size"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"id", s.person}, {"nickname", "A"}}.dump()), "nickname"));
    CHECK(mentions(s.cli.refused(2, "list", "people", "--where", "nickname=A"), "nickname"));
}

// [SECTION] types
TEST_CASE("cli: values of the wrong type are refused") {
    Seeded s;
    CHECK(mentions(s.putPerson(2, {{"birth_year", "nineteen eighty"}}), "birth_year"));
    CHECK(mentions(s.putPerson(2, {{"birth_year", 1980.5}}), "birth_year"));
    CHECK(mentions(s.putPerson(2, {{"is_leader", "yes"}}), "is_leader"));
    CHECK(mentions(s.putPerson(2, {{"is_leader", 2}}), "is_leader"));
    CHECK(mentions(s.putPerson(2, {{"full_name", 12}}), "full_name"));
    CHECK(mentions(s.putPerson(2, {{"phone", Json::array({"0901"})}}), "phone"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"id", s.person}, {"birth_year", "x"}}.dump()), "birth_year"));
    CHECK(mentions(s.cli.refused(2, "list", "people", "--where", "birth_year=abc"), "birth_year"));
    CHECK(mentions(s.cli.refused(2, "list", "people", "--where", "is_leader=yes"), "is_leader"));
    CHECK(s.cli.json("get", "people", s.person).at("birth_year") == 1980);
}

// [SECTION] dates & enums
TEST_CASE("cli: dates must be real YYYY-MM-DD days") {
    Seeded s;
    for (const char* date : {"2025-02-30", "2025-13-01", "01/02/2025", "2025-2-3", "2025-02-03T00:00", "hôm nay"}) {
        CAPTURE(date);
        CHECK(mentions(s.putPerson(2, {{"recruited_on", date}}), "recruited_on"));
    }
    s.cli.refused(2, "put", "units", Json{{"name", "X"}, {"level", "xa"}, {"valid_from", "2023-02-29"}}.dump());
    s.cli.put("units", {{"name", "Nhuận"}, {"level", "xa"}, {"valid_from", "2024-02-29"}}); // a leap day is fine
}

TEST_CASE("cli: a value outside its enumeration is refused") {
    Seeded s;
    auto err = s.putPerson(2, {{"gender", "khac"}});
    CHECK(mentions(err, "gender"));
    CHECK(mentions(err, "nam")); // names the allowed values
    CHECK(mentions(s.cli.refused(2, "put", "units", R"({"name":"X","level":"Xã"})"), "level"));
    CHECK(mentions(s.cli.refused(2, "list", "people", "--where", "gender=khac"), "gender"));
}

// [SECTION] JSON
TEST_CASE("cli: malformed JSON is refused") {
    Seeded s;
    for (const char* text : {R"({"full_name": "A")", "{full_name: 'A'}", "", "[1,2]", "\"text\"", "{\"a\":1} x"}) {
        CAPTURE(text);
        s.cli.refused(2, "put", "people", text);
    }
    CHECK(mentions(s.cli.refused(2, "put", "people", "{\"unit_id\":"), "JSON"));
    s.cli.refused(2, "put", "people", Json{{"id", 42}, {"full_name", "A"}}.dump());
}

TEST_CASE("cli: a missing required field is refused") {
    Seeded s;
    CHECK(mentions(s.cli.refused(2, "put", "people", R"({"full_name":"Không Đơn Vị"})"), "unit_id"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"unit_id", s.unit}}.dump()), "full_name"));
    CHECK(mentions(s.putPerson(2, {{"full_name", "   "}}), "full_name"));
    CHECK(mentions(s.cli.refused(2, "put", "units", R"({"name":"Không Cấp"})"), "level"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"id", s.person}, {"full_name", nullptr}}.dump()), "full_name"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"id", s.person}, {"unit_id", nullptr}}.dump()), "unit_id"));
}

// [SECTION] refs
TEST_CASE("cli: a ref to a row that does not exist is refused") {
    Seeded s;
    CHECK(mentions(s.cli.refused(2, "put", "people", R"({"unit_id":"khong-co","full_name":"A"})"), "khong-co"));
    CHECK(mentions(s.cli.refused(2, "put", "people", Json{{"unit_id", s.person}, {"full_name", "A"}}.dump()), "unit_id"));
    s.cli.refused(2, "put", "people", R"({"unit_id":"không hợp lệ!","full_name":"A"})");
    s.cli.refused(2, "put", "people", Json{{"id", s.person}, {"unit_id", "khong-co"}}.dump());
    auto gone = s.cli.unit("Đơn Vị Đã Xoá");
    s.cli.ok("delete", "units", gone);
    CHECK(mentions(s.putPerson(2, {{"unit_id", gone}}), gone)); // a deleted row is no target
}

// [SECTION] missing rows
TEST_CASE("cli: get, delete, history and put-with-id of a missing row") {
    Seeded s;
    const std::string missing = "0190a0b0-0000-7000-8000-000000000000";
    CHECK(mentions(s.cli.refused(3, "get", "people", missing), missing));
    CHECK(mentions(s.cli.refused(3, "delete", "people", missing), missing));
    CHECK(mentions(s.cli.refused(3, "history", "people", missing), missing));
    CHECK(mentions(s.cli.refused(3, "put", "people", Json{{"id", missing}, {"full_name", "A"}}.dump()), missing));
    s.cli.refused(3, "get", "units", s.person); // an id of another table
}

TEST_CASE("cli: creating a row under an id that exists is a conflict") {
    Seeded s;
    auto file = s.cli.write("u.jsonl", Json{{"id", "don-vi-1"}, {"name", "A"}, {"level", "xa"}}.dump() + "\n");
    s.cli.ok("import", "units", file.string());
    s.cli.ok("delete", "units", "don-vi-1");
    CHECK(mentions(s.cli.refused(4, "import", "units", file.string()), "don-vi-1")); // a deleted id stays taken
}

// [SECTION] arguments
TEST_CASE("cli: missing or malformed arguments") {
    Seeded s;
    s.cli.refused(2, "put", "people");
    s.cli.refused(2, "get", "people");
    s.cli.refused(2, "list");
    s.cli.refused(2, "search");
    s.cli.refused(2, "list", "people", "--limit", "0");
    s.cli.refused(2, "list", "people", "--limit", "-3");
    s.cli.refused(2, "list", "people", "--where", "gender");
    s.cli.refused(2, "list", "people", "--limit");
}

} // TEST_SUITE
