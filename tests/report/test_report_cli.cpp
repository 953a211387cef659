// tdkt-cli report (issue 19) as a real process: the three formats, the prose
// command, and clear refusals with their exit codes.
#include "process.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace tdkt::test {
namespace {

struct Cli {
    TempDir dir;
    RunResult operator()(std::vector<std::string> args) const {
        args.insert(args.begin(), {TDKT_CLI, "--db", (dir / "c.db").string()});
        return run(args);
    }
    std::string ok(std::vector<std::string> args) const {
        auto r = (*this)(std::move(args));
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out.substr(0, r.out.find('\n'));
    }
};

TEST_CASE("cli: report annual writes DOCX, XLSX and CSV, report section writes the prose") {
    Cli cli;
    cli.ok({"init"});
    const auto district = cli.ok({"put", "units", R"({"name":"Huyện Yên Khánh","level":"huyen"})"});
    const auto commune = cli.ok({"put", "units", R"({"name":"Xã Khánh Hòa","level":"xa","parent_id":")" + district + "\"}"});
    cli.ok({"reference", "load"});
    for (int i = 0; i < 4; ++i)
        cli.ok({"put", "dossiers", R"({"unit_id":")" + commune + R"(","nominee_kind":"tap_the","nominee_name":"Thôn )" +
                                       std::to_string(i) + R"(","award_code":"co_thi_dua_tinh","year":2023,"status":"approved"})"});
    // A model example (migration 22), added as any row is.
    cli.ok({"put", "model_examples", R"({"unit_id":")" + commune + R"(","year":2023,"nominee_kind":"ca_nhan",)"
                                     R"("name":"Bà Lò Thị Mai","achievement":"Mô hình nuôi cá lồng","publicized":true})"});
    const auto id = cli.ok({"report", "section", "--unit", district, "--year", "2023", "--outline", "lang_son", "--key",
                            "intro", "--text", "Huyện có 19 xã."});
    CHECK(id.rfind("rs-", 0) == 0);
    for (const char* name : {"bc.docx", "bc.xlsx", "bc.csv"}) {
        const auto out = cli.dir / name;
        const auto j = nlohmann::json::parse(cli.ok({"report", "annual", "--unit", district, "--year", "2023", "--out",
                                                     out.string(), "--outline", "lang_son", "--stale-since", "2023-12-01"}));
        CHECK(j["granted"] == 4);
        CHECK(j["model_examples"] == 1);
        CHECK(j["units"] == 2);
        CHECK(j["not_synced"].size() == 2); // nothing here was ever synced
        CHECK(j["no_data"] == nlohmann::json::array({district}));
        CHECK(std::filesystem::file_size(out) > 0);
    }
    std::ifstream in(cli.dir / "bc.csv", std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(csv.find("Bà Lò Thị Mai,Xã Khánh Hòa,Cá nhân,Mô hình nuôi cá lồng,Có\r\n") != std::string::npos);
    CHECK(csv.find("Tổng số,01,4,0,0,0,4,0,0\r\n") != std::string::npos); // 0603.N: 4 Cờ thi đua tỉnh
    // The prose section the outline has not: refused.
    auto r = cli({"report", "section", "--unit", district, "--year", "2023", "--outline", "lang_son", "--key", "p1.2",
                  "--text", "x"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("p1.2") != std::string::npos);
    r = cli({"report", "annual", "--unit", district, "--year", "2023", "--out", (cli.dir / "x" / "bc.docx").string()});
    CHECK(r.exitCode == 5);
    CHECK(r.err.find("bc.docx") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(cli.dir / "x"));
    r = cli({"report", "annual", "--unit", district, "--year", "2023", "--out", (cli.dir / "bc.pdf").string()});
    CHECK(r.exitCode == 2);
    r = cli({"report", "annual", "--unit", "no-such-unit", "--year", "2023", "--out", (cli.dir / "n.csv").string()});
    CHECK(r.exitCode == 3);
    CHECK_FALSE(std::filesystem::exists(cli.dir / "n.csv"));
    r = cli({"report", "annual", "--unit", district, "--year", "twenty", "--out", (cli.dir / "n.csv").string()});
    CHECK(r.exitCode == 2);
    r = cli({"report", "annual", "--unit", district, "--year", "2023", "--outline", (cli.dir / "none.json").string(),
             "--out", (cli.dir / "n.csv").string()});
    CHECK(r.exitCode == 3);
}

} // namespace
} // namespace tdkt::test
