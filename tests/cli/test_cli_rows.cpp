// tdkt-cli row commands on a real database: init, schema, put/get, list, delete,
// search, history and dump.
// [SECTION] init & schema · put & get · list · search & delete · history · dump
#include "cli_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using tdkt::test::Cli;
using tdkt::test::Json;
using tdkt::test::trimmed;

namespace {

const Json* findByName(const Json& array, const std::string& name) {
    for (const auto& e : array)
        if (e.value("name", "") == name) return &e;
    return nullptr;
}

std::vector<std::string> ids(const Json& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at("id").get<std::string>());
    return out;
}

std::vector<Json> historyOf(Cli& cli, const std::string& table, const std::string& id, const std::string& field) {
    std::vector<Json> out;
    for (const auto& h : cli.json("history", table, id))
        if (h.at("field") == field) out.push_back(h);
    return out;
}

} // namespace

TEST_SUITE("cli") {

// [SECTION] init & schema
TEST_CASE("cli: init creates a site once and reopens it after") {
    Cli cli(false);
    auto first = Json::parse(cli.ok("init", "--site-name", "Phường Ba Đình"));
    CHECK(first.at("created") == true);
    CHECK(first.at("site_name") == "Phường Ba Đình");
    CHECK(first.at("site_id").get<std::string>().size() == 16);
    auto again = Json::parse(cli.ok("init"));
    CHECK(again.at("created") == false);
    CHECK(again.at("site_id") == first.at("site_id"));
    CHECK(again.at("site_name") == "Phường Ba Đình");
}

TEST_CASE("cli: schema lists the tables with typed fields") {
    Cli cli;
    auto schema = cli.json("schema");
    CHECK(schema.at("version").get<int>() >= 1);
    const auto* people = findByName(schema.at("tables"), "people");
    REQUIRE(people != nullptr);
    CHECK(people->at("unit_field") == "unit_id");
    CHECK(people->at("title_field") == "full_name");
    CHECK_FALSE(people->at("label").get<std::string>().empty());
    const auto& fields = people->at("fields");
    const auto* unitId = findByName(fields, "unit_id");
    REQUIRE(unitId != nullptr);
    CHECK(unitId->at("type") == "ref");
    CHECK(unitId->at("ref") == "units");
    CHECK(unitId->at("required") == true);
    const auto* gender = findByName(fields, "gender");
    REQUIRE(gender != nullptr);
    CHECK(gender->at("type") == "enum");
    CHECK(gender->at("values").size() == 2);
    CHECK(findByName(fields, "birth_year")->at("type") == "integer");
    CHECK(findByName(fields, "is_leader")->at("type") == "boolean");
    CHECK(findByName(fields, "birth_year")->at("required") == false);
    for (const char* name : {"units", "evaluations", "dossiers", "movements", "initiatives"})
        CHECK_MESSAGE(findByName(schema.at("tables"), name) != nullptr, name);
}

// [SECTION] put & get
TEST_CASE("cli: put creates, get reads, put with id changes only the given fields") {
    Cli cli;
    auto unit = cli.unit();
    auto id = cli.person(unit, "Trần Thị Hoa", {{"birth_year", 1985}, {"is_leader", true}, {"gender", "nu"}});
    auto row = cli.json("get", "people", id);
    CHECK(row == Json{{"id", id}, {"unit_id", unit}, {"full_name", "Trần Thị Hoa"}, {"birth_year", 1985},
                      {"is_leader", true}, {"gender", "nu"}});
    CHECK_FALSE(row.contains("phone")); // null fields are left out

    CHECK(trimmed(cli.ok("put", "people", Json{{"id", id}, {"position", "Chủ tịch"}}.dump())) == id);
    row = cli.json("get", "people", id);
    CHECK(row.at("position") == "Chủ tịch");
    CHECK(row.at("full_name") == "Trần Thị Hoa");
    CHECK(row.at("birth_year") == 1985);

    cli.ok("put", "people", Json{{"id", id}, {"position", nullptr}}.dump());
    CHECK_FALSE(cli.json("get", "people", id).contains("position"));
}

TEST_CASE("cli: Vietnamese text is stored in NFC") {
    Cli cli;
    auto unit = cli.unit();
    const std::string nfd = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n \xC4\x90i\xCC\x80nh"; // e + ̂ + ̃, a + ̆, i + ̀
    auto id = cli.person(unit, nfd);
    auto name = cli.json("get", "people", id).at("full_name").get<std::string>();
    CHECK(name == "Nguyễn Văn Đình");
    CHECK(name == "Nguy\xE1\xBB\x85n V\xC4\x83n \xC4\x90\xC3\xACnh");
    CHECK(cli.json("list", "people", "--where", "full_name=" + nfd).size() == 1);
}

// [SECTION] list
TEST_CASE("cli: list filters on text, enum, integer and boolean fields, and limits") {
    Cli cli;
    auto unit = cli.unit();
    auto a = cli.person(unit, "Lê Văn An", {{"gender", "nam"}, {"birth_year", 1980}, {"is_leader", true}});
    auto b = cli.person(unit, "Phạm Thị Bình", {{"gender", "nu"}, {"birth_year", 1990}, {"is_leader", false}});
    auto c = cli.person(unit, "Võ Thị Cúc", {{"gender", "nu"}, {"birth_year", 1980}});

    CHECK(cli.json("list", "people").size() == 3);
    CHECK(ids(cli.json("list", "people", "--where", "full_name=Phạm Thị Bình")) == std::vector{b});
    auto women = ids(cli.json("list", "people", "--where", "gender=nu"));
    CHECK(women.size() == 2);
    CHECK(std::find(women.begin(), women.end(), a) == women.end());
    CHECK(ids(cli.json("list", "people", "--where", "birth_year=1980", "--where", "gender=nu")) == std::vector{c});
    CHECK(ids(cli.json("list", "people", "--where", "is_leader=true")) == std::vector{a});
    CHECK(ids(cli.json("list", "people", "--where", "is_leader=false")) == std::vector{b});
    CHECK(ids(cli.json("list", "people", "--where", "is_leader=")) == std::vector{c}); // empty means null
    CHECK(cli.json("list", "people", "--where", "birth_year=2000").empty());
    CHECK(cli.json("list", "people", "--limit", "2").size() == 2);
    CHECK(cli.json("list", "people", "--where", "gender=nu", "--limit", "1").size() == 1);
    CHECK(cli.json("list", "units").size() == 1);
}

// [SECTION] search & delete
TEST_CASE("cli: search ignores diacritics and finds đ by d") {
    Cli cli;
    auto unit = cli.unit();
    auto id = cli.person(unit, "Nguyễn Văn Đình");
    cli.person(unit, "Trần Văn Hùng");
    for (const char* query : {"nguyen van dinh", "dinh", "ĐÌNH", "Nguyễn", "nguy"}) {
        auto hits = cli.json("search", query);
        INFO(query);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0] == Json{{"table", "people"}, {"id", id}, {"title", "Nguyễn Văn Đình"}});
    }
    CHECK(cli.json("search", "van").size() == 2);
    CHECK(cli.json("search", "xa an binh").size() == 1); // the unit's name
    CHECK(cli.json("search", "khong co ai").empty());
}

TEST_CASE("cli: search follows renames") {
    Cli cli;
    auto id = cli.person(cli.unit(), "Hoàng Văn Thụ");
    cli.ok("put", "people", Json{{"id", id}, {"full_name", "Đặng Thị Lan"}}.dump());
    CHECK(cli.json("search", "thu").empty());
    auto hits = cli.json("search", "dang thi lan");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].at("id") == id);
    CHECK(hits[0].at("title") == "Đặng Thị Lan");
}

TEST_CASE("cli: a deleted row vanishes from get, list, search and dump") {
    Cli cli;
    auto unit = cli.unit();
    auto gone = cli.person(unit, "Bùi Văn Xoá");
    auto kept = cli.person(unit, "Bùi Văn Còn");
    CHECK(trimmed(cli.ok("delete", "people", gone)) == gone);
    CHECK(cli.fails("get", "people", gone).code == 3);
    CHECK(ids(cli.json("list", "people")) == std::vector{kept});
    auto hits = cli.json("search", "bui van");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].at("id") == kept);
    auto dump = Json::parse(cli.dump());
    CHECK_FALSE(dump.at("people").contains(gone));
    CHECK(dump.at("people").contains(kept));
    cli.refused(3, "delete", "people", gone); // twice is not found
}

// [SECTION] history
TEST_CASE("cli: history lists every change of a row in order") {
    Cli cli;
    auto id = cli.person(cli.unit(), "Tên Một", {{"birth_year", 1970}});
    cli.ok("put", "people", Json{{"id", id}, {"full_name", "Tên Hai"}}.dump());
    cli.ok("put", "people", Json{{"id", id}, {"full_name", "Tên Ba"}, {"birth_year", 1971}}.dump());

    auto names = historyOf(cli, "people", id, "full_name");
    REQUIRE(names.size() == 3);
    CHECK(names[0].at("old").is_null());
    CHECK(names[0].at("new") == "Tên Một");
    CHECK(names[1].at("old") == "Tên Một");
    CHECK(names[1].at("new") == "Tên Hai");
    CHECK(names[2].at("old") == "Tên Hai");
    CHECK(names[2].at("new") == "Tên Ba");
    auto years = historyOf(cli, "people", id, "birth_year");
    REQUIRE(years.size() == 2);
    CHECK(years[1].at("old") == 1970);
    CHECK(years[1].at("new") == 1971);

    auto all = cli.json("history", "people", id);
    auto site = Json::parse(cli.ok("init")).at("site_id");
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].at("site") == site);
        CHECK(all[i].at("author") == "Xã An Bình");
        CHECK(all[i].at("applied") == true);
        CHECK(all[i].at("when").get<std::string>().size() == 24);
        if (i > 0) CHECK(all[i - 1].at("when").get<std::string>() <= all[i].at("when").get<std::string>());
    }
}

TEST_CASE("cli: a put that changes nothing adds no history") {
    Cli cli;
    auto id = cli.person(cli.unit(), "Lý Thường Kiệt", {{"birth_year", 1019}});
    const auto before = cli.json("history", "people", id);
    CHECK(trimmed(cli.ok("put", "people", Json{{"id", id}, {"full_name", "Lý Thường Kiệt"}, {"birth_year", 1019}}.dump())) == id);
    CHECK(cli.json("history", "people", id) == before);
    cli.ok("put", "people", Json{{"id", id}, {"birth_year", 1020}}.dump());
    CHECK(cli.json("history", "people", id).size() == before.size() + 1);
}

// [SECTION] dump
TEST_CASE("cli: dump is canonical JSON of the live rows") {
    Cli cli;
    auto unit = cli.unit();
    auto id = cli.person(unit, "Mai Hắc Đế", {{"is_frontline", false}});
    const auto text = trimmed(cli.dump());
    auto dump = Json::parse(text);
    CHECK(dump.at("people").at(id) == Json{{"id", id}, {"unit_id", unit}, {"full_name", "Mai Hắc Đế"}, {"is_frontline", false}});
    CHECK(dump.at("units").size() == 1);
    CHECK(dump.at("evaluations").empty());
    CHECK(text == dump.dump()); // compact, keys sorted (nlohmann sorts), UTF-8 as is
    CHECK(text.find("Mai Hắc Đế") != std::string::npos);
    CHECK(cli.dump() == cli.dump());
}

} // TEST_SUITE
