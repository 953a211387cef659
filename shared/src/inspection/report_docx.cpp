// The inspection report's document: the seed's đề cương (Kế hoạch 1181/KH-HĐTĐKT,
// "Đề cương báo cáo kết quả kiểm tra") filled from the checklist, findings,
// conclusion and recommendations of each inspected unit.
#include "tdkt/inspection/report_docx.hpp"

#include "tdkt/report/docx.hpp"

#include <sstream>

namespace tdkt::inspection {
namespace {
namespace docx = tdkt::report::docx;
using docx::paragraph;

// Text width of A4 less the margins (11906 − 1701 − 850 twips).
constexpr int ItemWidths[] = {800, 3855, 1300, 1900, 1500};
constexpr int RecWidths[] = {800, 3155, 1800, 1600, 2000};

std::string dmy(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// "……, ngày 20 tháng 5 năm 2024", or blanks to fill in by hand.
std::string placeAndDate(const std::string& iso, int year) {
    if (iso.size() != 10) return "……, ngày     tháng     năm " + std::to_string(year);
    return "……, ngày " + iso.substr(8, 2) + " tháng " + std::to_string(std::stoi(iso.substr(5, 2))) + " năm " +
           iso.substr(0, 4);
}

std::string lines(const std::string& text, const docx::Look& look = {}) {
    std::string x;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) x += paragraph(line, look);
    return x;
}

std::string resultLabel(const std::string& code) {
    return code.empty() ? "Chưa đánh giá" : valueLabel("checklist_items", "result", code);
}

std::string sectionNumber(const std::string& code) {
    return code.rfind("II.", 0) == 0 ? code.substr(3) : code;
}

std::string sectionTable(const ReportSection& sec) {
    report::Table t;
    t.columns = 5;
    t.header = {{0, 0, 1, 1, "STT"}, {0, 1, 1, 1, "Nội dung kiểm tra"}, {0, 2, 1, 1, "Kết quả"},
                {0, 3, 1, 1, "Ghi chú"}, {0, 4, 1, 1, "Tài liệu kiểm chứng"}};
    for (const auto& i : sec.items)
        t.rows.push_back({report::Cell::of(i.number), report::Cell::of(i.content), report::Cell::of(resultLabel(i.result)),
                          report::Cell::of(i.notes), report::Cell::of(i.evidence)});
    return docx::table(t, {"TableHead", "TableCell", {std::begin(ItemWidths), std::end(ItemWidths)}});
}

std::string followUpText(const ReportRecommendation& r) {
    std::string s = valueLabel("recommendations", "follow_up", r.followUp.empty() ? "chua_thuc_hien" : r.followUp);
    if (!r.doneOn.empty()) s += " (" + dmy(r.doneOn) + ")";
    if (!r.note.empty()) s += "\n" + r.note;
    return s;
}

std::string recommendationTable(const TargetReport& t) {
    report::Table x;
    x.columns = 5;
    x.header = {{0, 0, 1, 1, "STT"}, {0, 1, 1, 1, "Nội dung kiến nghị"}, {0, 2, 1, 1, "Đơn vị thực hiện"},
                {0, 3, 1, 1, "Hạn thực hiện"}, {0, 4, 1, 1, "Tình hình thực hiện"}};
    int n = 0;
    for (const auto& r : t.recommendations)
        x.rows.push_back({report::Cell::of(++n), report::Cell::of(r.content), report::Cell::of(r.unitName),
                          report::Cell::of(dmy(r.dueDate)), report::Cell::of(followUpText(r))});
    return docx::table(x, {"TableHead", "TableCell", {std::begin(RecWidths), std::end(RecWidths)}});
}

std::string findingLine(const ReportFinding& f) {
    std::string s = "- " + f.content;
    if (!f.itemNumber.empty()) s += " (mục " + f.itemNumber + ")";
    return s;
}

std::string overview(const TargetReport& t) {
    std::string x = paragraph("I. Đặc điểm tình hình", {"Heading2"});
    x += paragraph("Hình thức: " + valueLabel("inspection_targets", "mode", t.mode) + ".");
    if (!t.scheduledOn.empty()) x += paragraph("Thời gian kiểm tra: ngày " + dmy(t.scheduledOn) + ".");
    if (!t.noticeBy.empty())
        x += paragraph("Thông báo cho đơn vị chậm nhất ngày " + dmy(t.noticeBy) + "; đơn vị nộp báo cáo chậm nhất ngày " +
                       dmy(t.reportDue) + ".");
    if (t.mode == "tu_kiem_tra")
        x += paragraph(t.selfStatus == "da_nop" ? "Đơn vị đã nộp báo cáo tự kiểm tra ngày " + dmy(t.submittedOn) + "."
                                                : "Đơn vị đang tự kiểm tra.");
    x += paragraph("Đã đánh giá " + std::to_string(t.assessed) + "/" + std::to_string(t.total) + " mục nội dung kiểm tra.");
    return x;
}

std::string results(const TargetReport& t) {
    std::string x = paragraph("II. Kết quả thực hiện", {"Heading2"});
    for (const auto& sec : t.sections) {
        x += paragraph(sectionNumber(sec.code) + ". " + (sec.title.empty() ? sec.code : sec.title), {"Heading3"});
        x += sectionTable(sec);
    }
    return x;
}

std::string assessment(const TargetReport& t) {
    std::string x = paragraph("III. Nhận xét, đánh giá chung", {"Heading2"});
    x += paragraph("1. Kết quả đạt được", {"Heading3"});
    x += lines(t.strengths);
    for (const auto& f : t.findings)
        if (f.severity == "uu_diem") x += paragraph(findingLine(f));
    x += paragraph("2. Tồn tại, hạn chế, nguyên nhân", {"Heading3"});
    x += lines(t.weaknesses);
    for (const auto& f : t.findings)
        if (f.severity != "uu_diem")
            x += paragraph(findingLine(f) + (f.severity == "vi_pham" ? " — vi phạm" : ""));
    x += paragraph("3. Kiến nghị, đề xuất", {"Heading3"});
    if (t.recommendations.empty()) x += paragraph("Không có kiến nghị.");
    else x += recommendationTable(t);
    return x;
}

std::string conclusion(const TargetReport& t) {
    std::string x = paragraph("IV. Kết luận của Đoàn kiểm tra", {"Heading2"});
    if (t.conclusion.empty()) x += paragraph("Đoàn kiểm tra chưa có kết luận.", {"", "", false, true});
    x += lines(t.conclusion);
    if (!t.concludedOn.empty()) x += paragraph("Ngày kết luận: " + dmy(t.concludedOn) + ".");
    x += paragraph(t.conclusionStatus == "da_cong_bo" ? "Kết luận đã được công bố ngày " + dmy(t.publishedOn) + "."
                                                      : "Kết luận là dự thảo, chưa công bố cho đơn vị.",
                   {"", "", false, true});
    return x;
}

std::string signatures(const InspectionReport& r) {
    std::vector<docx::Line> left{{"Nơi nhận:", true, true, 24}};
    for (const auto& t : r.targets) left.push_back({"- " + t.unitName + ";", false, false, 22});
    left.push_back({"- Lưu: VT.", false, false, 22});
    for (auto& l : left) l.left = true;
    std::string leader;
    for (const auto& m : r.team)
        if (m.role == "truong_doan" && leader.empty()) leader = m.name;
    return docx::layoutRow({left, {{"TM. ĐOÀN KIỂM TRA", true}, {"TRƯỞNG ĐOÀN", true}, {}, {}, {}, {leader, true}}},
                           {4200, 5155});
}

std::string latestConclusionDate(const InspectionReport& r) {
    std::string d;
    for (const auto& t : r.targets) d = std::max(d, t.concludedOn);
    return d;
}

} // namespace

std::string reportDocumentXml(const InspectionReport& r) {
    std::string body = docx::nationalHeader({{r.issuerName}, {"ĐOÀN KIỂM TRA", true}, {"Số:       /BC-ĐKT"}});
    body += paragraph(placeAndDate(latestConclusionDate(r), r.year), {"", "right", false, true});
    body += paragraph("BÁO CÁO", {"Title"});
    body += paragraph("Kết quả kiểm tra công tác thi đua, khen thưởng năm " + std::to_string(r.year), {"Title"});
    std::string basis = "Thực hiện Kế hoạch";
    if (!r.number.empty()) basis += " số " + r.number;
    if (!r.planDate.empty()) basis += " ngày " + dmy(r.planDate);
    basis += " của " + r.issuerName + " về " + (r.title.empty() ? "kiểm tra công tác thi đua, khen thưởng" : r.title) + ".";
    body += paragraph(basis);
    if (!r.team.empty()) {
        body += paragraph("Thành phần Đoàn kiểm tra:");
        for (const auto& m : r.team)
            body += paragraph("- " + m.name + (m.name != m.userName ? " (" + m.userName + ")" : std::string()) + ": " +
                              valueLabel("inspection_team", "role", m.role) + ";");
    }
    if (!r.templateTitle.empty()) body += paragraph("Nội dung kiểm tra theo: " + r.templateTitle + ".");
    for (const auto& t : r.targets) {
        body += paragraph("ĐƠN VỊ ĐƯỢC KIỂM TRA: " + t.unitName, {"Heading1"});
        body += overview(t) + results(t) + assessment(t) + conclusion(t);
    }
    if (r.targets.empty()) body += paragraph("Kế hoạch chưa có đơn vị được kiểm tra.", {"", "", false, true});
    body += paragraph("");
    body += signatures(r);
    return docx::document(body);
}

void writeReportDocx(const InspectionReport& report, const std::filesystem::path& file,
                     const std::filesystem::path& templateDir) {
    docx::writePackage(reportDocumentXml(report), file, templateDir);
}

} // namespace tdkt::inspection
