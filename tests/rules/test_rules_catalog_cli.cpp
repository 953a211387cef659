// Yên Khánh's 2023 summary report, § 3.5 (seeds/003): every award it lists entered
// through the real tdkt-cli as a decided dossier and an award-history row, the
// hiệp y apart (issue 22).
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
        INFO(row.dump() << " → " << r.err);
        REQUIRE(r.exitCode == 0);
        return r.out.substr(0, r.out.find_last_not_of("\n") + 1);
    }
    nlohmann::json json(std::vector<std::string> words) const {
        auto r = (*this)(std::move(words));
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return nlohmann::json::parse(r.out);
    }
};

struct Award {
    std::string code;
    std::string kind;      // ca_nhan | tap_the
    std::string decider;   // key of the deciding unit
    std::string method;
    std::string dossierKind = "de_nghi";
};

bool has(const nlohmann::json& findings, std::string_view rule) {
    for (const auto& f : findings)
        if (f["rule"] == rule) return true;
    return false;
}

} // namespace

TEST_CASE("rules: every award of Yên Khánh's 2023 report § 3.5 can be entered through tdkt-cli") {
    TempDir dir;
    Cli cli{(dir / "t.db").string()};
    REQUIRE(cli({"init"}).exitCode == 0);
    REQUIRE(cli({"reference", "load", TDKT_REFERENCE_DIR}).exitCode == 0);

    std::map<std::string, std::string> units;
    units["trung_uong"] = cli.put("units", {{"name", "Chủ tịch nước, Thủ tướng Chính phủ"}, {"level", "trung_uong"}});
    units["bo_nganh"] = cli.put("units", {{"name", "Bộ Nông nghiệp và Môi trường"}, {"level", "bo_nganh"}});
    units["tinh"] = cli.put("units", {{"name", "UBND tỉnh Ninh Bình"}, {"level", "tinh"}});
    units["huyen"] = cli.put("units", {{"name", "UBND huyện Yên Khánh"}, {"level", "huyen"}, {"parent_id", units["tinh"]}});
    const auto commune = cli.put("units", {{"name", "Xã Khánh Hòa"}, {"level", "xa"}, {"parent_id", units["huyen"]}});
    const auto person = cli.put("people", {{"unit_id", commune}, {"full_name", "Phạm Thị Hoa"}});

    const std::vector<Award> awards{
        // a) state: Thủ tướng's Bằng khen for 2 collectives, Chủ tịch nước's HC Độc lập hạng Ba for 1.
        {"bang_khen_thu_tuong", "tap_the", "trung_uong", "thuong_xuyen"},
        {"huan_chuong_doc_lap_hang_ba", "tap_the", "trung_uong", "thuong_xuyen"},
        // b) province: Cờ thi đua, Tập thể LĐXS, Bằng khen (công trạng and chuyên đề, đột xuất).
        {"co_thi_dua_tinh", "tap_the", "tinh", "thuong_xuyen"},
        {"tap_the_lao_dong_xuat_sac", "tap_the", "tinh", "thuong_xuyen"},
        {"bang_khen_tinh", "tap_the", "tinh", "thuong_xuyen"},
        {"bang_khen_tinh", "ca_nhan", "tinh", "thuong_xuyen"},
        {"bang_khen_tinh", "tap_the", "tinh", "chuyen_de"},
        {"bang_khen_tinh", "ca_nhan", "tinh", "dot_xuat"},
        // c) district: the Chủ tịch UBND huyện's Giấy khen, công trạng and chuyên đề, đột xuất.
        {"giay_khen", "tap_the", "huyen", "thuong_xuyen"},
        {"giay_khen", "ca_nhan", "huyen", "thuong_xuyen"},
        {"giay_khen", "tap_the", "huyen", "chuyen_de"},
        {"giay_khen", "ca_nhan", "huyen", "dot_xuat"},
        // d) hiệp y on proposals the ministries and the province decide.
        {"bang_khen_bo_nganh", "tap_the", "bo_nganh", "chuyen_de", "hiep_y"},
        {"bang_khen_tinh", "ca_nhan", "tinh", "chuyen_de", "hiep_y"},
    };
    // As the report has them (2023), and the same a year on: the catalog's rules start
    // with Law 06/2022 (01/01/2024), so only the 2024 dossiers are judged.
    int n = 0;
    for (const int year : {2023, 2024})
    for (const auto& a : awards) {
        INFO(year << " " << a.code << " " << a.kind << " " << a.method << " " << a.dossierKind);
        const std::string received = std::to_string(year) + "-10-02", decided = std::to_string(year) + "-12-15";
        const bool collective = a.kind == "tap_the";
        nlohmann::json d{{"unit_id", units["huyen"]}, {"nominee_kind", a.kind},
                         {"nominee_name", collective ? "UBND xã Khánh Hòa" : "Phạm Thị Hoa"},
                         {"award_code", a.code}, {"method", a.method}, {"year", year}, {"kind", a.dossierKind},
                         {"status", "approved"}, {"deciding_unit_id", units[a.decider]},
                         {"received_on", received}, {"decision_number", std::to_string(100 + n) + "/QĐ"},
                         {"decision_date", decided}};
        if (collective) d["collective_unit_id"] = commune;
        else d["person_id"] = person;
        const auto id = cli.put("dossiers", d);
        CHECK(cli.json({"get", "dossiers", id})["award_code"] == a.code);

        nlohmann::json h{{"unit_id", commune}, {"award_code", a.code}, {"method", a.method}, {"year", year},
                         {"decision_number", std::to_string(100 + n) + "/QĐ"}, {"decision_date", decided},
                         {"decided_by", a.decider}};
        if (collective) h["collective_unit_id"] = commune;
        else h["person_id"] = person;
        if (a.dossierKind == "de_nghi") CHECK(cli.json({"get", "award_history", cli.put("award_history", h)})["award_code"] == a.code);

        ++n;
        if (year == 2023) continue;
        const auto findings = cli.json({"check", "dossiers", id});
        CHECK_FALSE(has(findings, "rules.in_force"));
        CHECK_FALSE(has(findings, "rules.nominee_kind"));
        CHECK_FALSE(has(findings, "authority.level"));
        if (a.code == "huan_chuong_doc_lap_hang_ba") CHECK(has(findings, "eligibility.no_criteria"));
    }
    // The hiệp y are counted apart from the district's own proposals.
    CHECK(cli.json({"list", "dossiers", "--where", "kind=hiep_y", "--where", "year=2023"}).size() == 2);
    CHECK(cli.json({"list", "dossiers", "--where", "kind=de_nghi", "--where", "year=2023"}).size() == awards.size() - 2);
    CHECK(cli.json({"list", "award_history", "--where", "year=2023"}).size() == awards.size() - 2);
    // A code this build does not know is refused on a local write.
    CHECK(cli({"put", "award_history", nlohmann::json{{"unit_id", commune}, {"award_code", "huan_chuong_moi"},
                                                      {"year", 2023}}.dump()}).exitCode != 0);
}

} // namespace tdkt::test
