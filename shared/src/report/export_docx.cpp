// The annual report as DOCX: the national header, the outline with its prose and
// figures, and the statistics tables, on the shared writer (tdkt/report/docx.hpp).
#include "tdkt/report/docx.hpp"
#include "tdkt/report/export.hpp"

#include <sstream>

namespace tdkt::report {
namespace {

// A sized grid (LibreOffice merges header cells vertically only with one): the text
// width of A4 less the margins, the first column twice the others.
docx::TableLook sizedLook(int columns) {
    constexpr int TextWidth = 11906 - 1701 - 850;
    const int share = TextWidth / (columns + 1);
    docx::TableLook look;
    for (int c = 0; c < columns; ++c) look.widths.push_back(c == 0 ? 2 * share : share);
    return look;
}

// A wide national table (0602.N has a column per award) keeps in the DOCX only the
// columns that hold a figure; the XLSX sheet has them all.
std::string tableBlock(const Table& full) {
    const Table t = full.wide ? withoutEmptyColumns(full) : full;
    std::string x = docx::table(t, sizedLook(t.columns));
    if (t.columns < full.columns)
        x += docx::paragraph("(Chỉ ghi các cột có số liệu; bảng đủ các cột trong tệp XLSX, trang " + t.sheet + ".)",
                             {"", "", false, true});
    return x;
}

std::string documentXml(const AnnualReport& r) {
    using docx::paragraph;
    std::string body = docx::nationalHeader({{r.unitName, true}, {"Số:       /BC-"}});
    body += paragraph("……, ngày     tháng     năm " + std::to_string(r.year), {"", "right", false, true});
    body += paragraph(r.outline.title, {"Title"});
    for (const auto& s : r.outline.subtitle) body += paragraph(fillYear(s, r.year), {"Title"});
    for (const auto& sec : r.outline.sections) {
        body += paragraph(fillYear(sec.heading, r.year),
                          {sec.level == 0 ? "Heading1" : sec.level == 1 ? "Heading2" : "Heading3"});
        if (sec.prose) {
            auto it = r.prose.find(sec.key);
            std::istringstream lines(it == r.prose.end() ? std::string() : it->second);
            for (std::string line; std::getline(lines, line);)
                if (!line.empty()) body += paragraph(line);
        }
        if (sec.figures.empty()) continue;
        for (const auto& p : figureParagraphs(r, sec.figures)) body += paragraph(p);
        if (sec.figures == "tables")
            for (const auto& t : r.tables) body += tableBlock(t);
    }
    return docx::document(body);
}

} // namespace

void writeDocx(const AnnualReport& report, const std::filesystem::path& file, const std::filesystem::path& templateDir) {
    docx::writePackage(documentXml(report), file, templateDir);
}

} // namespace tdkt::report
