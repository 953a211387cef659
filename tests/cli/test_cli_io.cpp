// tdkt-cli import (CSV, JSON lines; all-or-nothing) and export, including a disk
// that fills up in the middle of an import.
// [SECTION] CSV import · JSON lines · export round trips · full disk
#include "cli_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using tdkt::test::Cli;
using tdkt::test::Json;

namespace {

Json importCount(std::size_t n) { return Json{{"imported", n}}; }

std::string csvPeople(const std::string& unit, int rows, const std::string& badGender = "", int badRow = 0) {
    std::string csv = "unit_id,full_name,gender,birth_year\n";
    for (int i = 1; i <= rows; ++i)
        csv += unit + ",Người Nhập " + std::to_string(i) + "," + (i == badRow ? badGender : "nam") + "," +
               std::to_string(1960 + i) + "\n";
    return csv;
}

// Units (with a parent) and people whose text needs quoting in CSV.
void fillVariedRows(Cli& cli) {
    auto province = cli.put("units", {{"name", "UBND tỉnh Quảng Trị"}, {"level", "tinh"}, {"code", "45"}});
    auto commune = cli.put("units", {{"name", "Xã Gio Linh"}, {"level", "xa"}, {"parent_id", province},
                                     {"valid_from", "2025-07-01"}});
    cli.person(commune, "Nguyễn Thị \"Út\", con", {{"position", "Kế toán\nkiêm thủ quỹ"}, {"birth_year", 1992},
                                                     {"is_leader", false}, {"is_frontline", true},
                                                     {"recruited_on", "2015-03-09"}, {"phone", "0912 345 678"}});
    cli.person(province, "Đỗ Văn Đức", {{"gender", "nam"}, {"is_leader", true}});
}

} // namespace

TEST_SUITE("cli") {

// [SECTION] CSV import
TEST_CASE("cli: CSV import reads quoted cells with commas, quotes and newlines") {
    Cli cli;
    auto unit = cli.unit();
    auto file = cli.write("people.csv", "unit_id,full_name,position,phone\r\n" + unit +
                                            ",\"Nguyễn Văn \"\"Tư\"\", Jr\",\"Trưởng thôn, kiêm\nbí thư\",0901\r\n" +
                                            unit + ",Plain Name,,\n");
    CHECK(cli.json("import", "people", file.string()) == importCount(2));
    auto rows = cli.json("list", "people", "--where", "phone=0901");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("full_name") == "Nguyễn Văn \"Tư\", Jr");
    CHECK(rows[0].at("position") == "Trưởng thôn, kiêm\nbí thư");
    CHECK(rows[0].at("phone") == "0901"); // a text field keeps its leading zero
    auto plain = cli.json("list", "people", "--where", "full_name=Plain Name");
    REQUIRE(plain.size() == 1);
    CHECK_FALSE(plain[0].contains("position")); // an empty cell is no value
}

TEST_CASE("cli: CSV import with an id column updates existing rows and creates new ones") {
    Cli cli;
    auto unit = cli.unit();
    auto old = cli.person(unit, "Tên Cũ", {{"phone", "0123"}, {"birth_year", 1950}});
    auto file = cli.write("people.csv", "id,unit_id,full_name,birth_year\n" + old + "," + unit + ",Tên Mới,\n" +
                                            "nguoi-moi-1," + unit + ",Người Mới,2001\n" + "," + unit +
                                            ",Không Có Id,1999\n");
    CHECK(cli.json("import", "people", file.string()) == importCount(3));
    auto updated = cli.json("get", "people", old);
    CHECK(updated.at("full_name") == "Tên Mới");
    CHECK(updated.at("phone") == "0123");     // not in the file: kept
    CHECK(updated.at("birth_year") == 1950); // empty cell: kept
    CHECK(cli.json("get", "people", "nguoi-moi-1").at("birth_year") == 2001);
    CHECK(cli.json("list", "people", "--where", "full_name=Không Có Id").size() == 1);
    CHECK(cli.json("list", "people").size() == 3);
    CHECK(cli.json("search", "ten cu").empty());
}

TEST_CASE("cli: CSV import is all-or-nothing and names the bad line") {
    Cli cli;
    auto unit = cli.unit();
    cli.person(unit, "Đã Có Sẵn");
    SUBCASE("a bad enum in the 3rd data row is line 4") {
        auto file = cli.write("people.csv", csvPeople(unit, 5, "khac", 3));
        auto err = cli.refused(2, "import", "people", file.string());
        CHECK(err.find("line 4") != std::string::npos);
        CHECK(err.find("gender") != std::string::npos);
    }
    SUBCASE("lines count inside quoted cells") {
        auto file = cli.write("people.csv", "unit_id,full_name,birth_year\n" + unit + ",\"Hai\ndòng\",1990\n" + unit +
                                                ",Đúng,1991\n" + unit + ",Sai,một nghìn\n");
        auto err = cli.refused(2, "import", "people", file.string());
        CHECK(err.find("line 5") != std::string::npos);
        CHECK(err.find("birth_year") != std::string::npos);
    }
    SUBCASE("a missing required cell") {
        auto file = cli.write("people.csv", csvPeople(unit, 2) + "," + "Không Đơn Vị,nam,1970\n");
        CHECK(cli.refused(2, "import", "people", file.string()).find("line 4") != std::string::npos);
    }
    SUBCASE("a row with too many cells") {
        auto file = cli.write("people.csv", csvPeople(unit, 1) + unit + ",Thừa,nam,1970,x\n");
        CHECK(cli.refused(2, "import", "people", file.string()).find("line 3") != std::string::npos);
    }
    SUBCASE("an unknown column") {
        auto file = cli.write("people.csv", "unit_id,full_name,shoe_size\n" + unit + ",A,42\n");
        CHECK(cli.refused(2, "import", "people", file.string()).find("shoe_size") != std::string::npos);
    }
    SUBCASE("an unclosed quote") {
        auto file = cli.write("people.csv", csvPeople(unit, 2) + unit + ",\"Không đóng,nam,1970\n");
        CHECK(cli.refused(2, "import", "people", file.string()).find("line 4") != std::string::npos);
    }
    CHECK(cli.json("list", "people").size() == 1);
    CHECK(cli.json("search", "nguoi nhap").empty());
}

TEST_CASE("cli: import of a file that does not exist") {
    Cli cli;
    CHECK(cli.refused(3, "import", "people", cli.path("missing.csv").string()).find("missing.csv") != std::string::npos);
}

// [SECTION] JSON lines
TEST_CASE("cli: JSON lines import, and a bad line is named") {
    Cli cli;
    auto unit = cli.unit();
    auto row = [&](const std::string& name) { return Json{{"unit_id", unit}, {"full_name", name}}.dump() + "\n"; };
    SUBCASE("good lines") {
        auto file = cli.write("p.jsonl", row("Một") + "\n" + row("Hai"));
        CHECK(cli.json("import", "people", file.string()) == importCount(2));
        CHECK(cli.json("list", "people").size() == 2);
    }
    SUBCASE("malformed JSON on line 3") {
        auto file = cli.write("p.jsonl", row("Một") + row("Hai") + "{\"unit_id\": \"" + unit + "\",\n" + row("Bốn"));
        CHECK(cli.refused(2, "import", "people", file.string()).find("line 3") != std::string::npos);
    }
    SUBCASE("a wrong type on line 2") {
        auto file = cli.write("p.jsonl", row("Một") + R"({"unit_id":")" + unit + R"(","full_name":"X","is_leader":"yes"})" + "\n");
        auto err = cli.refused(2, "import", "people", file.string());
        CHECK(err.find("line 2") != std::string::npos);
        CHECK(err.find("is_leader") != std::string::npos);
    }
    SUBCASE("a ref to nothing on line 2") {
        auto file = cli.write("p.jsonl", row("Một") + Json{{"unit_id", "khong-ton-tai"}, {"full_name", "X"}}.dump() + "\n");
        CHECK(cli.refused(2, "import", "people", file.string()).find("line 2") != std::string::npos);
    }
}

// [SECTION] export round trips
TEST_CASE("cli: export then import into a fresh database gives the same rows") {
    Cli source;
    fillVariedRows(source);
    const auto before = Json::parse(source.dump());
    for (const char* format : {"csv", "jsonl"}) {
        CAPTURE(format);
        Cli target;
        for (const char* table : {"units", "people"}) {
            auto file = target.write(std::string(table) + "." + format, source.ok("export", table, "--format", format));
            target.ok("import", table, file.string());
        }
        const auto after = Json::parse(target.dump());
        CHECK(after.at("units") == before.at("units"));
        CHECK(after.at("people") == before.at("people"));
    }
}

TEST_CASE("cli: export csv has a header of id and every field") {
    Cli cli;
    fillVariedRows(cli);
    auto csv = cli.ok("export", "units", "--format", "csv");
    CHECK(csv.rfind("id,parent_id,name,code,level,", 0) == 0);
    auto jsonl = cli.ok("export", "people");
    CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 2);
    CHECK(cli.refused(2, "export", "people", "--format", "xml").find("xml") != std::string::npos);
}

// [SECTION] full disk
TEST_CASE("cli: a disk that fills up during an import changes nothing") {
    Cli cli;
    auto unit = cli.unit();
    cli.person(unit, "Trước Khi Đầy");
    std::string csv = "unit_id,full_name,position\n";
    const std::string filler(300, 'x');
    for (int i = 0; i < 5000; ++i) csv += unit + ",Người Số " + std::to_string(i) + "," + filler + "\n";
    auto file = cli.write("big.csv", csv);
    const auto before = cli.dump();

    auto size = [](const std::filesystem::path& p) {
        return std::filesystem::exists(p) ? static_cast<long>(std::filesystem::file_size(p)) : 0L;
    };
    tdkt::test::RunOptions full;
    full.fileSizeLimit = size(cli.db) + size(cli.db.string() + "-wal") + 8192;
    auto failure = cli.failsWith(full, {"import", "people", file.string()});
    INFO(failure.err);
    CHECK(failure.code == 5);
    CHECK(failure.err.find("disk") != std::string::npos);

    CHECK(cli.dump() == before);
    cli.person(unit, "Sau Khi Dọn"); // the database still opens and writes
    CHECK(cli.json("list", "people").size() == 2);
    CHECK(cli.json("import", "people", file.string()) == importCount(5000));
}

} // TEST_SUITE
