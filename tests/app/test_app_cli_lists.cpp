// tdkt-cli's list commands (issue 17: every GUI action has a command): the people,
// movement and dossier lists filtered and sorted as their screens do, --sort
// FIELD[:desc] and its refusal, on a real replica file.
#include "app_world.hpp"
#include "process.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tdkt::test {

TEST_CASE("table-sort: tdkt-cli sorts the people and movement lists with --sort FIELD[:desc]") {
    AppWorld w;
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Trần Văn Bình")}});
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Đặng Thị Hoa")}});
    w.store->create("people", {{"unit_id", w.communeA}, {"full_name", std::string("Dương Văn Bảy")}});
    w.store->create("movements", {{"unit_id", w.communeA}, {"title", std::string("Đoàn kết")},
                                  {"period_from", std::string("2024-01-01")}});
    w.store->create("movements", {{"unit_id", w.communeA}, {"title", std::string("Dân vận khéo")},
                                  {"period_from", std::string("2025-01-01")}});
    w.store.reset();
    const std::string db = (w.dir / "replica.db").string();
    auto names = [&](std::vector<std::string> argv, const char* field) {
        argv.insert(argv.begin(), {TDKT_CLI, "--db", db});
        auto r = run(argv);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        const auto listed = nlohmann::json::parse(r.out);
        std::vector<std::string> out;
        for (const auto& row : listed["rows"]) out.push_back(row[field].get<std::string>());
        return out;
    };
    CHECK(names({"records", "people", "--sort", "full_name:desc"}, "full_name") ==
          std::vector<std::string>{"Trần Văn Bình", "Đặng Thị Hoa", "Dương Văn Bảy"});
    CHECK(names({"records", "people", "--sort", "full_name"}, "full_name") ==
          std::vector<std::string>{"Dương Văn Bảy", "Đặng Thị Hoa", "Trần Văn Bình"});
    CHECK(names({"movement", "list", "--sort", "title:asc"}, "title") == std::vector<std::string>{"Dân vận khéo", "Đoàn kết"});
    CHECK(names({"movement", "list", "--sort", "period_from:asc"}, "title") ==
          std::vector<std::string>{"Đoàn kết", "Dân vận khéo"});
    auto bad = run({TDKT_CLI, "--db", db, "records", "people", "--sort", "phone"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("--sort expects") != std::string::npos);
    CHECK(run({TDKT_CLI, "--db", db, "movement", "list", "--sort", "title:up"}).exitCode != 0);
}

TEST_CASE("table-sort: tdkt-cli lists dossiers as the list screen filters and sorts them") {
    AppWorld w;
    w.dossier(w.communeA, "Nguyễn Văn Đình", 2025);
    w.dossier(w.communeA, "Đặng Thị Hoa", 2025, "chien_si_thi_dua_co_so", "submitted");
    w.dossier(w.communeB, "Dương Văn Bảy", 2024);
    w.dossier(w.communeB, "Trần Thị Lan", 2025, "lao_dong_tien_tien", "approved");
    w.store.reset();
    const std::string db = (w.dir / "replica.db").string();
    auto listed = [&](std::vector<std::string> argv) {
        argv.insert(argv.begin(), {TDKT_CLI, "--db", db, "dossier", "list"});
        auto r = run(argv);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        const auto j = nlohmann::json::parse(r.out);
        std::vector<std::string> out;
        for (const auto& row : j["rows"]) out.push_back(row["nominee"].get<std::string>());
        CHECK(j["count"].get<std::size_t>() >= out.size()); // every match counted, --limit of them listed
        return out;
    };
    CHECK(listed({"--sort", "nominee_name"}) ==
          std::vector<std::string>{"Dương Văn Bảy", "Đặng Thị Hoa", "Nguyễn Văn Đình", "Trần Thị Lan"});
    CHECK(listed({"--year", "2025", "--unit", w.communeA, "--sort", "nominee_name:desc"}) ==
          std::vector<std::string>{"Nguyễn Văn Đình", "Đặng Thị Hoa"});
    CHECK(listed({"--award", "chien_si_thi_dua_co_so"}) == std::vector<std::string>{"Đặng Thị Hoa"});
    CHECK(listed({"--status", "approved"}) == std::vector<std::string>{"Trần Thị Lan"});
    CHECK(listed({"--text", "nguyen van dinh"}) == std::vector<std::string>{"Nguyễn Văn Đình"}); // diacritics ignored
    CHECK(listed({"--sort", "nominee_name", "--limit", "1"}) == std::vector<std::string>{"Dương Văn Bảy"});
    {
        auto r = run({TDKT_CLI, "--db", db, "dossier", "list", "--year", "2025"});
        REQUIRE(r.exitCode == 0);
        CHECK(nlohmann::json::parse(r.out)["count"] == 3);
    }
    auto bad = run({TDKT_CLI, "--db", db, "dossier", "list", "--sort", "summary"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("--sort expects") != std::string::npos);
    CHECK(run({TDKT_CLI, "--db", db, "dossier", "list", "--year", "hai"}).exitCode != 0);
}

} // namespace tdkt::test
