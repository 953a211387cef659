// The annual report assembled from the facts: figures, tables, prose (issue 19).
#include "tdkt/report/annual_report.hpp"

#include "report_tables.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::report {
namespace {

std::string two(int n) { return n < 10 && n >= 0 ? "0" + std::to_string(n) : std::to_string(n); }

std::string kinds(const Count& c) {
    return two(c.collective) + " tập thể, " + two(c.individual + c.household) + " cá nhân";
}

std::string changeText(const Count& now, const Count& before) {
    const auto d = change(now, before);
    auto word = [](int n) { return n >= 0 ? "tăng " + std::to_string(n) : "giảm " + std::to_string(-n); };
    return word(d.collective) + " tập thể, " + word(d.individual + d.household) + " cá nhân";
}

std::vector<std::string> commendationText(const AnnualReport& r) {
    std::vector<std::string> out;
    const char* const names[] = {"Khen thưởng cấp Nhà nước", "Khen thưởng cấp tỉnh",
                                 "Khen thưởng thuộc thẩm quyền của đơn vị"};
    for (auto l : Levels) {
        const auto& s = r.now.at(l);
        const auto& b = r.before.at(l);
        std::string p = std::string(names[static_cast<int>(l)]) + ": trình " + kinds(s.proposed) + "; được khen thưởng " +
                        kinds(s.granted) + "; để lại, trả lại " + kinds(s.heldBack);
        if (s.pending.total()) p += "; đang xét " + kinds(s.pending);
        p += "; so với năm " + std::to_string(r.year - 1) + " " + changeText(s.granted, b.granted) + ".";
        if (s.individualsGranted)
            p += " Tỷ lệ cá nhân là người trực tiếp lao động, sản xuất đạt " +
                 std::to_string(percentOf(s.frontlineGranted, s.individualsGranted)) +
                 "%; tỷ lệ cá nhân không là lãnh đạo, quản lý đạt " +
                 std::to_string(percentOf(s.individualsGranted - s.leadersGranted, s.individualsGranted)) + "%.";
        for (const auto& [reason, n] : s.heldBackReasons)
            p += " Để lại " + std::to_string(n) + " hồ sơ: " + (reason.empty() ? "chưa ghi lý do" : reason) + ".";
        out.push_back(std::move(p));
    }
    out.push_back("Hiệp y khen thưởng: " + kinds(r.now.hiepY) + ".");
    return out;
}

} // namespace

AnnualReport buildAnnualReport(const Facts& facts, const Outline& outline, const ReportRequest& request,
                               std::map<std::string, std::string> prose) {
    if (request.year < 1900 || request.year > 9999) throw Error(ErrorKind::Invalid, "year " + std::to_string(request.year));
    AnnualReport r;
    r.outline = outline;
    r.unitId = request.unitId;
    r.year = request.year;
    r.staleSince = request.staleSince.empty() ? std::to_string(request.year) + "-12-01" : request.staleSince;
    const auto scope = unitScope(facts, request.unitId);
    r.unitName = findUnit(facts, request.unitId)->name;
    r.now = commendationStats(facts, scope, r.year);
    r.before = commendationStats(facts, scope, r.year - 1);
    r.byUnit = commendationByUnit(facts, scope, r.year);
    r.movements = movementTable(facts, scope, r.year);
    if (request.columns)
        for (const char* t : {"0602.N", "0603.N"}) r.national.push_back(nationalTable(facts, scope, r.year, *request.columns, t));
    r.models = modelExampleStats(facts, scope, r.year);
    r.initiatives = initiativeStats(facts, scope, r.year);
    r.inspections = inspectionStats(facts, scope, r.year);
    r.stale = staleness(facts, scope, r.staleSince);
    r.prose = std::move(prose);
    for (const auto& u : facts.units) r.unitNames[u.id] = u.name;
    r.tables = reportTables(r, r.unitNames);
    return r;
}

std::vector<std::string> figureParagraphs(const AnnualReport& r, const std::string& figures) {
    if (figures == "commendations") return commendationText(r);
    if (figures == "movements") {
        const auto& m = r.movements;
        return {"Trong năm " + std::to_string(r.year) + " có " + std::to_string(m.at(1, 1)) +
                " phong trào thi đua (Trung ương phát động " + std::to_string(m.at(1, 2)) + ", bộ, ngành, tỉnh " +
                std::to_string(m.at(1, 3)) + ", cơ quan, đơn vị " + std::to_string(m.at(1, 4)) + "); theo chuyên đề " +
                std::to_string(m.at(11, 1)) + ", thường xuyên " + std::to_string(m.at(12, 1)) + ", đột xuất " +
                std::to_string(m.dotXuat) + "."};
    }
    if (figures == "initiatives") {
        const auto& i = r.initiatives;
        auto at = [&](const char* k) { auto it = i.byScope.find(k); return it == i.byScope.end() ? 0 : it->second; };
        const auto& m = r.models;
        std::vector<std::string> out{"Điển hình tiên tiến được phát hiện, bồi dưỡng: " + std::to_string(m.total.total()) +
                                     " (" + kinds(m.total) + "); đã tuyên truyền, nhân rộng " +
                                     std::to_string(m.publicized) + "."};
        for (const auto& e : m.items) out.push_back("- " + e.name + (e.achievement.empty() ? "" : ": " + e.achievement));
        out.push_back("Số sáng kiến được công nhận: " + std::to_string(i.total) + " (cơ sở " +
                                     std::to_string(at("co_so")) + ", cấp tỉnh " + std::to_string(at("tinh")) +
                                     ", toàn quốc " + std::to_string(at("toan_quoc")) + ").");
        for (const auto& t : i.titles) out.push_back("- " + t);
        return out;
    }
    if (figures == "inspections") {
        const auto& k = r.inspections;
        return {"Kiểm tra trực tiếp " + std::to_string(k.direct) + " đơn vị; tự kiểm tra " + std::to_string(k.selfInspected) +
                " đơn vị; kiến nghị " + std::to_string(k.recommendations) + ", đã thực hiện " +
                std::to_string(k.recommendationsDone) + "."};
    }
    if (figures == "tables") {
        std::vector<std::string> out;
        if (!r.stale.notSynced.empty())
            out.push_back("Số liệu có thể chưa đầy đủ: " + std::to_string(r.stale.notSynced.size()) +
                          " đơn vị chưa đồng bộ từ ngày " + r.staleSince + ".");
        return out;
    }
    return {};
}

} // namespace tdkt::report
