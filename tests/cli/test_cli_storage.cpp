// tdkt-cli on files that are not a healthy TĐKT database: none yet, another
// program's SQLite file, not SQLite at all, corrupt, read-only. Each gives one
// clear error line and a non-zero exit, never a crash, and the file is left alone.
// [SECTION] helpers · no database · foreign files · corrupt files · read-only
#include "cli_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using tdkt::test::Cli;
using tdkt::test::Json;
using tdkt::test::readBytes;

namespace {

// [SECTION] helpers
bool mentions(const std::string& err, const std::string& word) { return err.find(word) != std::string::npos; }

void makeForeignSqlite(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES('x');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

// Every command that opens the file must refuse it with `code`, leaving it byte for byte as it was.
void checkRefusedUntouched(Cli& cli, int code, const std::string& why) {
    const auto bytes = readBytes(cli.db);
    const std::vector<std::vector<std::string>> commands{
        {"init"}, {"dump"}, {"list", "people"}, {"put", "units", R"({"name":"A","level":"xa"})"},
        {"search", "a"}, {"get", "units", "x"}};
    for (const auto& args : commands) {
        auto f = cli.failsWith({}, args);
        INFO((args[0] + ": " + f.err));
        CHECK(f.code == code);
        CHECK(mentions(f.err, why));
    }
    CHECK(readBytes(cli.db) == bytes);
    CHECK_FALSE(std::filesystem::exists(cli.db.string() + "-wal"));
}

// A database of several pages: 400 people with some text each.
void fill(Cli& cli) {
    auto unit = cli.unit();
    std::string csv = "unit_id,full_name,position\n";
    for (int i = 0; i < 400; ++i) csv += unit + ",Người Thứ " + std::to_string(i) + "," + std::string(100, 'p') + "\n";
    cli.ok("import", "people", cli.write("fill.csv", csv).string());
    REQUIRE_FALSE(std::filesystem::exists(cli.db.string() + "-wal")); // checkpointed on close
    REQUIRE(std::filesystem::file_size(cli.db) > 16 * 4096);
}

void expectCorrupt(Cli& cli) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"dump"}, {"list", "people"}, {"search", "nguoi"}, {"export", "people"},
          {"put", "units", R"({"name":"A","level":"xa"})"}}) {
        auto f = cli.failsWith({}, args);
        INFO((args[0] + ": " + f.err));
        CHECK(f.code == 5);
        CHECK(mentions(f.err, "corrupt"));
    }
}

// chattr +i on the database and its directory, undone when the test ends.
struct Immutable {
    std::vector<std::filesystem::path> paths;
    bool supported = true;

    explicit Immutable(std::vector<std::filesystem::path> p) : paths(std::move(p)) {
        for (const auto& path : paths)
            supported = supported && std::system(("chattr +i '" + path.string() + "' 2>/dev/null").c_str()) == 0;
    }

    ~Immutable() {
        for (const auto& path : paths) (void)std::system(("chattr -i '" + path.string() + "' 2>/dev/null").c_str());
    }
};

} // namespace

TEST_SUITE("cli") {

// [SECTION] no database
TEST_CASE("cli: a command where there is no database says to run init") {
    Cli cli(false);
    const auto csv = cli.write("units.csv", "name,level\nA,xa\n").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"dump"}, {"list", "people"}, {"put", "units", R"({"name":"A","level":"xa"})"},
          {"import", "units", csv}, {"search", "a"}, {"history", "units", "x"}}) {
        auto f = cli.failsWith({}, args);
        CHECK(f.code == 3);
        CHECK(mentions(f.err, "init"));
    }
    CHECK_FALSE(std::filesystem::exists(cli.db)); // nothing was created

    std::ofstream(cli.db).close(); // an empty file is no database either
    auto f = cli.failsWith({}, {"dump"});
    CHECK(f.code == 3);
    CHECK(mentions(f.err, "init"));
    CHECK(std::filesystem::file_size(cli.db) == 0);
    CHECK(Json::parse(cli.ok("init")).at("site_id").is_string()); // and init takes it
}

TEST_CASE("cli: init in a directory that does not exist") {
    tdkt::test::TempDir dir;
    auto r = tdkt::test::run({TDKT_CLI, "--db", (dir / "no/such/dir/x.db").string(), "init"});
    INFO(r.err);
    CHECK(r.exitCode == 5);
    CHECK(r.err.rfind("tdkt-cli: error: cannot open", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

// [SECTION] foreign files
TEST_CASE("cli: another program's SQLite database is refused and left untouched") {
    Cli cli(false);
    makeForeignSqlite(cli.db);
    checkRefusedUntouched(cli, 5, "not a TĐKT");
}

TEST_CASE("cli: a file that is not SQLite is refused and left untouched") {
    Cli cli(false);
    std::string text = "Danh sách khen thưởng năm 2025\n";
    for (int i = 0; i < 200; ++i) text += "dòng " + std::to_string(i) + "\n";
    cli.write("tdkt.db", text);
    checkRefusedUntouched(cli, 5, "not a TĐKT");
}

// [SECTION] corrupt files
TEST_CASE("cli: a truncated database gives a clear error, not a crash") {
    Cli cli;
    fill(cli);
    std::filesystem::resize_file(cli.db, std::filesystem::file_size(cli.db) / 2);
    expectCorrupt(cli);
}

TEST_CASE("cli: garbage over page 2 gives a clear error, not a crash") {
    Cli cli;
    fill(cli);
    {
        std::fstream f(cli.db, std::ios::in | std::ios::out | std::ios::binary);
        unsigned char header[18] = {};
        f.read(reinterpret_cast<char*>(header), sizeof header);
        const std::size_t pageSize = header[16] * 256u + header[17]; // big-endian at offset 16
        REQUIRE(pageSize >= 512);
        f.seekp(static_cast<std::streamoff>(pageSize));
        const std::string garbage(pageSize, '\xA5');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    expectCorrupt(cli);
}

// [SECTION] read-only
TEST_CASE("cli: a read-only database refuses writes and keeps its data") {
    Cli cli;
    auto unit = cli.unit();
    const auto before = cli.dump();
    const auto bytes = readBytes(cli.db);
    {
        Immutable lock({cli.db, cli.db.parent_path()});
        if (!lock.supported) {
            MESSAGE("chattr +i is not supported here: read-only database not tested");
            return;
        }
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"put", "units", R"({"name":"B","level":"xa"})"}, {"delete", "units", unit},
              {"put", "units", Json{{"id", unit}, {"name", "C"}}.dump()}}) {
            auto f = cli.failsWith({}, args);
            INFO((args[0] + ": " + f.err));
            CHECK(f.code == 5);
            CHECK((mentions(f.err, "read-only") || mentions(f.err, "permission") || mentions(f.err, "cannot open")));
        }
        CHECK(readBytes(cli.db) == bytes);
    }
    CHECK(cli.dump() == before);
    cli.unit("Sau Khi Mở Khoá");
}

} // TEST_SUITE
