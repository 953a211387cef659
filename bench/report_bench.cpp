// The annual report of a big subtree (issue 19): a province of 3,000 units (30
// districts × 99 communes) × 50 dossiers, consolidated and written to DOCX and XLSX.
// Goal: under 2 s on the project machine. The facts are made in memory (reading them
// from a replica is the store's cost, measured by store_bench).
#include "tdkt/catalog/statistics_columns.hpp"
#include "tdkt/report/export.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace tdkt::report;
using Clock = std::chrono::steady_clock;

static double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int main(int argc, char** argv) {
    const int units = argc > 1 ? std::atoi(argv[1]) : 3000;
    const int perUnit = argc > 2 ? std::atoi(argv[2]) : 50;
    Facts f;
    f.units.push_back({"tinh", "", "", "Tỉnh Ninh Bình", "tinh"});
    const char* codes[] = {"giay_khen", "bang_khen_tinh", "bang_khen_thu_tuong", "tap_the_lao_dong_xuat_sac", "lao_dong_tien_tien"};
    f.deciders = {{"giay_khen", {"xa", "huyen"}}, {"bang_khen_tinh", {"tinh"}}, {"bang_khen_thu_tuong", {"trung_uong"}},
                  {"tap_the_lao_dong_xuat_sac", {"tinh"}}, {"lao_dong_tien_tien", {"xa"}}};
    const char* statuses[] = {"approved", "approved", "approved", "submitted", "returned", "not_approved", "draft"};
    int made = 0;
    for (int i = 1; i < units; ++i) {
        const bool district = i % 100 == 1;
        const std::string id = "u" + std::to_string(i);
        const std::string parent = district ? "tinh" : "u" + std::to_string(i - (i - 1) % 100);
        f.units.push_back({id, parent, "", (district ? "Huyện " : "Xã ") + std::to_string(i), district ? "huyen" : "xa"});
    }
    for (const auto& u : f.units)
        for (int d = 0; d < perUnit; ++d, ++made)
            f.dossiers.push_back({"d" + std::to_string(made), u.id, d % 17 == 0 ? "hiep_y" : "", d % 3 ? "ca_nhan" : "tap_the",
                                  "", codes[d % 5], d % 2 ? "thuong_xuyen" : "chuyen_de", 2022 + d % 2, statuses[d % 7],
                                  d % 4 == 0 ? "tinh" : "", d % 7 == 4 ? "Thiếu hồ sơ" : ""});
    indexUnits(f);
    const auto outline = loadOutline(std::filesystem::path(TDKT_REPORT_DIR) / "outline_lai_chau.json");
    const auto dir = std::filesystem::temp_directory_path() / "report_bench";
    std::filesystem::create_directories(dir);
    const auto columns = tdkt::catalog::loadStatColumns(std::filesystem::path(TDKT_REFERENCE_DIR) / "statistics" /
                                                        "columns_tt02_2023.json");
    auto t = Clock::now();
    const auto r = buildAnnualReport(f, outline, {"tinh", 2023, "2023-12-01", &columns});
    const double build = secondsSince(t);
    t = Clock::now();
    writeDocx(r, dir / "bc.docx", std::filesystem::path(TDKT_REPORT_DIR) / "docx");
    const double docx = secondsSince(t);
    t = Clock::now();
    writeXlsx(r, dir / "bc.xlsx");
    const double xlsx = secondsSince(t);
    std::printf("units=%d dossiers=%zu granted=%d 0602.N=%d 0603.N=%d\nconsolidate: %.3f s\ndocx: %.3f s (%ju bytes)\nxlsx: %.3f s (%ju bytes)\n"
                "total: %.3f s (goal < 2 s)\n",
                units, f.dossiers.size(), r.now.all().granted.total(), r.national.at(0).rows.at(0).total().total(),
                r.national.at(1).rows.at(0).total().total(), build, docx,
                static_cast<std::uintmax_t>(std::filesystem::file_size(dir / "bc.docx")), xlsx,
                static_cast<std::uintmax_t>(std::filesystem::file_size(dir / "bc.xlsx")), build + docx + xlsx);
    std::filesystem::remove_all(dir);
    return 0;
}
