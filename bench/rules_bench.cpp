// rules_bench: checkDossier on one dossier whose nominee has a 20-year record, in
// a replica holding a whole commune (200 people × 20 years), as the desktop client
// would call it on every keystroke. Target: under 1 ms (issue 3).
#include "tdkt/rules/engine.hpp"
#include "tdkt/rules/reference_io.hpp"
#include "tdkt/store/sqlite.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {
using namespace tdkt;
using Clock = std::chrono::steady_clock;

std::string fillCommune(store::Store& s, std::string& dossierId) {
    store::Store::Batch batch(s);
    const auto province = s.create("units", {{"name", std::string("Tỉnh Ninh Bình")}, {"level", std::string("tinh")}});
    const auto commune = s.create("units", {{"name", std::string("Xã Khánh Hòa")}, {"level", std::string("xa")},
                                            {"parent_id", province}});
    std::string nominee;
    for (int p = 0; p < 200; ++p) {
        const auto person = s.create("people", {{"unit_id", commune}, {"full_name", "Người " + std::to_string(p)}});
        if (p == 0) nominee = person;
        for (std::int64_t y = 2006; y <= 2025; ++y) {
            s.create("evaluations", {{"unit_id", commune}, {"person_id", person}, {"year", y},
                                     {"rank", std::string(y % 3 == 0 ? "htxsnv" : "httnv")}});
            s.create("award_history", {{"unit_id", commune}, {"person_id", person}, {"year", y},
                                        {"award_code", std::string("lao_dong_tien_tien")}});
            if (p == 0)
                s.create("award_history", {{"unit_id", commune}, {"person_id", person}, {"year", y},
                                            {"award_code", std::string("chien_si_thi_dua_co_so")}});
        }
    }
    s.create("award_history", {{"unit_id", commune}, {"person_id", nominee}, {"year", std::int64_t{2019}},
                                {"award_code", std::string("bang_khen_tinh")}});
    for (std::int64_t y = 2021; y <= 2025; ++y)
        s.create("initiatives", {{"unit_id", commune}, {"person_id", nominee}, {"title", "Sáng kiến " + std::to_string(y)},
                                 {"year", y}, {"scope", std::string("co_so")}});
    s.create("disciplines", {{"unit_id", commune}, {"person_id", nominee}, {"kind", std::string("khien_trach")},
                             {"from_date", std::string("2012-03-01")}, {"to_date", std::string("2013-02-28")}});
    dossierId = s.create("dossiers", {{"unit_id", commune}, {"nominee_kind", std::string("ca_nhan")},
                                      {"person_id", nominee}, {"nominee_name", std::string("Người 0")},
                                      {"award_code", std::string("bang_khen_thu_tuong")}, {"year", std::int64_t{2025}},
                                      {"period_from_year", std::int64_t{2021}}, {"period_to_year", std::int64_t{2025}},
                                      {"status", std::string("draft")}, {"deciding_unit_id", province},
                                      {"received_on", std::string("2025-12-01")}});
    for (const char* c : {"to_trinh", "bao_cao_thanh_tich", "bien_ban_hop"})
        s.create("dossier_items", {{"dossier_id", dossierId}, {"unit_id", commune}, {"component", std::string(c)},
                                   {"present", std::int64_t{1}}});
    batch.commit();
    return commune;
}

struct Figures {
    double mean = 0, p50 = 0, p99 = 0, max = 0;
    std::size_t findings = 0;
};

Figures measure(const store::Store& s, const std::string& dossierId, const rules::Catalog& catalog) {
    Figures f;
    for (int i = 0; i < 50; ++i) f.findings = rules::checkDossier(s, dossierId, catalog, "2025-12-05").size(); // warm up
    constexpr int Runs = 2000;
    std::vector<double> us;
    us.reserve(Runs);
    for (int i = 0; i < Runs; ++i) {
        const auto t0 = Clock::now();
        f.findings = rules::checkDossier(s, dossierId, catalog, "2025-12-05").size();
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    std::sort(us.begin(), us.end());
    for (double v : us) f.mean += v / Runs;
    f.p50 = us[Runs / 2];
    f.p99 = us[Runs * 99 / 100];
    f.max = us.back();
    return f;
}

void print(const char* what, const Figures& f) {
    std::printf("  %-34s mean %7.1f us  p50 %7.1f us  p99 %7.1f us  max %7.1f us  (%zu findings)\n", what, f.mean,
                f.p50, f.p99, f.max, f.findings);
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tdkt_rules_bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::filesystem::path reference = argc > 1 ? argv[1] : TDKT_REFERENCE_DIR;
    auto s = store::Store::open(dir / "bench.db", {.create = true, .siteName = "bench"});
    rules::seedReference(*s, reference);
    std::string dossierId;
    fillCommune(*s, dossierId);
    const auto catalog = rules::catalogFromStore(*s);
    std::printf("rules_bench: checkDossier, one nominee with a 20-year record in a 200-person commune\n"
                "  (4,000+ evaluation and award rows), 2000 runs; target < 1000 us\n");
    // Every reference field (person_id, dossier_id...) is indexed since migration 3.
    print("checkDossier:", measure(*s, dossierId, catalog));
    s.reset();
    std::filesystem::remove_all(dir);
    return 0; // a figure to read, not a gate (the machine is shared)
}
