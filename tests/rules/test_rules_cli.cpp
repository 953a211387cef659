// The real tdkt-cli: reference load, check dossiers, check unit.
#include "process.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace tdkt::test {
namespace {

struct Cli {
    std::string db;
    RunResult operator()(std::vector<std::string> words) const {
        words.insert(words.begin(), {TDKT_CLI, "--db", db});
        return run(words);
    }
    std::string put(const std::string& table, const nlohmann::json& row) const {
        auto r = (*this)({"put", table, row.dump()});
        REQUIRE(r.exitCode == 0);
        return r.out.substr(0, r.out.find_last_not_of("\n") + 1);
    }
};

} // namespace

TEST_CASE("rules: tdkt-cli check dossiers and check unit") {
    TempDir dir;
    Cli cli{(dir / "t.db").string()};
    REQUIRE(cli({"init"}).exitCode == 0);
    auto noReference = cli({"check", "dossiers", "x"});
    CHECK(noReference.exitCode == 3);
    CHECK(noReference.err.find("reference load") != std::string::npos);

    auto load = cli({"reference", "load", TDKT_REFERENCE_DIR});
    REQUIRE(load.exitCode == 0);
    CHECK(nlohmann::json::parse(load.out)["created"].get<int>() > 50);
    CHECK(nlohmann::json::parse(cli({"reference", "load", TDKT_REFERENCE_DIR}).out)["created"] == 0);

    const auto unit = cli.put("units", {{"name", "Xã Khánh Hòa"}, {"level", "xa"}});
    const auto person = cli.put("people", {{"unit_id", unit}, {"full_name", "Lê Văn Bình"}});
    const auto dossier = cli.put("dossiers", {{"unit_id", unit}, {"nominee_kind", "ca_nhan"}, {"person_id", person},
                                              {"nominee_name", "Lê Văn Bình"}, {"award_code", "lao_dong_tien_tien"},
                                              {"year", 2025}, {"status", "draft"}, {"deciding_unit_id", unit},
                                              {"received_on", "2025-12-01"}});
    auto r = cli({"check", "dossiers", dossier});
    REQUIRE(r.exitCode == 0);
    const auto findings = nlohmann::json::parse(r.out);
    REQUIRE(findings.is_array());
    bool missingReport = false;
    std::string decider;
    for (const auto& f : findings) {
        CHECK(f.contains("source"));
        CHECK(f.contains("source_status"));
        if (f["rule"] == "completeness.bao_cao_thanh_tich") missingReport = f["severity"] == "block";
        if (f["rule"] == "authority.decider") decider = f["message"].get<std::string>() + " " + f["source"].dump();
    }
    CHECK(missingReport);
    // Who decides, named with its unit and source (the commune since 1/7/2025).
    CHECK(decider.find("Chủ tịch UBND xã (Xã Khánh Hòa)") != std::string::npos);
    CHECK(decider.find("129/2025") != std::string::npos);

    auto u = cli({"check", "unit", unit, "--year", "2025"});
    REQUIRE(u.exitCode == 0);
    CHECK(nlohmann::json::parse(u.out).at(0)["dossier_id"] == dossier);
    CHECK(cli({"check", "unit", unit}).exitCode == 2);
    CHECK(cli({"check", "dossiers", "no-such-id"}).exitCode == 3);
}

} // namespace tdkt::test
