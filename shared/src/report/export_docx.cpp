// DOCX export (libzip): the template's parts from assets/report/docx and a
// document.xml made here: the national header, the outline with its prose and
// figures, and the statistics tables (Times New Roman 14, A4, NĐ 30/2020 margins).
#include "atomic_file.hpp"
#include "tdkt/report/xml_text.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>

#include <fstream>
#include <sstream>

namespace tdkt::report {
namespace {

const char* const TemplateParts[] = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                     "word/styles.xml"};

std::string readPart(const std::filesystem::path& dir, const std::string& part) {
    std::ifstream in(dir / part, std::ios::binary);
    if (!in) throw Error(ErrorKind::Invalid, "DOCX template " + (dir / part).string() + ": missing");
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    if (!wellFormedXml(text)) throw Error(ErrorKind::Invalid, "DOCX template " + (dir / part).string() + ": not well-formed XML");
    return text;
}

std::string run(const std::string& text, bool bold = false, bool italic = false) {
    std::string r = "<w:r>";
    if (bold || italic) r += std::string("<w:rPr>") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "</w:rPr>";
    return r + "<w:t xml:space=\"preserve\">" + xmlEscape(text) + "</w:t></w:r>";
}

std::string para(const std::string& text, const std::string& style = {}, const std::string& jc = {}, bool bold = false,
                 bool italic = false) {
    std::string p = "<w:p>";
    if (!style.empty() || !jc.empty()) {
        p += "<w:pPr>";
        if (!style.empty()) p += "<w:pStyle w:val=\"" + style + "\"/>";
        if (!jc.empty()) p += "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"" + jc + "\"/>";
        p += "</w:pPr>";
    }
    return p + run(text, bold, italic) + "</w:p>";
}

std::string cellXml(const std::string& text, bool bold, int span = 1, const char* vmerge = nullptr) {
    std::string c = "<w:tc><w:tcPr>";
    if (span > 1) c += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
    if (vmerge) c += std::string("<w:vMerge w:val=\"") + vmerge + "\"/>";
    c += "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>";
    if (!text.empty()) c += run(text, bold);
    return c + "</w:p></w:tc>";
}

std::string tableXml(const Table& full) {
    const Table t = full.wide ? withoutEmptyColumns(full) : full;
    std::string x = para(t.title, "Heading3");
    if (full.wide && t.columns < full.columns)
        x += para("(Chỉ ghi các cột có số liệu; bảng đủ các cột trong tệp XLSX, trang " + t.sheet + ".)", {}, {}, false, true);
    x += "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        x += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    x += "</w:tblBorders></w:tblPr><w:tblGrid>";
    // Widths in twips over the text width (A4 less the margins below); the first column
    // twice the others. LibreOffice merges header cells vertically only with a sized grid.
    constexpr int TextWidth = 11906 - 1701 - 850;
    const int share = TextWidth / (t.columns + 1);
    for (int c = 0; c < t.columns; ++c) x += "<w:gridCol w:w=\"" + std::to_string(c == 0 ? 2 * share : share) + "\"/>";
    x += "</w:tblGrid>";
    // Which header cell covers each (row, column) of the header.
    std::vector<std::vector<const HeaderCell*>> at(static_cast<std::size_t>(t.headerRows),
                                                   std::vector<const HeaderCell*>(static_cast<std::size_t>(t.columns)));
    for (const auto& h : t.header)
        for (int r = h.row; r < h.row + h.rows && r < t.headerRows; ++r)
            for (int c = h.column; c < h.column + h.columns && c < t.columns; ++c)
                at[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = &h;
    for (int r = 0; r < t.headerRows; ++r) {
        x += "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
        for (int c = 0; c < t.columns;) {
            const HeaderCell* h = at[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (!h) {
                x += cellXml("", true);
                ++c;
                continue;
            }
            const bool first = h->row == r;
            const char* vm = h->rows > 1 ? (first ? "restart" : "continue") : nullptr;
            x += cellXml(first ? h->text : std::string(), true, h->columns, vm);
            c += h->columns;
        }
        x += "</w:tr>";
    }
    for (const auto& row : t.rows) {
        x += "<w:tr>";
        for (const auto& cell : row) x += cellXml(cell.text, false);
        for (auto c = static_cast<int>(row.size()); c < t.columns; ++c) x += cellXml("", false);
        x += "</w:tr>";
    }
    return x + "</w:tbl>" + para("");
}

// The national header: the unit and số/ký hiệu at the left, the motto at the right.
std::string nationalHeader(const AnnualReport& r) {
    std::string x = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        x += std::string("<w:") + side + " w:val=\"nil\"/>";
    x += "</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"3600\"/><w:gridCol w:w=\"5800\"/></w:tblGrid><w:tr>";
    auto cell = [](const std::vector<std::pair<std::string, bool>>& lines) {
        std::string c = "<w:tc>";
        for (const auto& [text, bold] : lines)
            c += "<w:p><w:pPr><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>" + run(text, bold) + "</w:p>";
        return c + "</w:tc>";
    };
    x += cell({{r.unitName, true}, {"Số:       /BC-", false}});
    x += cell({{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true}, {"Độc lập - Tự do - Hạnh phúc", true}});
    return x + "</w:tr></w:tbl>";
}

std::string documentXml(const AnnualReport& r) {
    std::string body = nationalHeader(r);
    body += para("……, ngày     tháng     năm " + std::to_string(r.year), {}, "right", false, true);
    body += para(r.outline.title, "Title");
    for (const auto& s : r.outline.subtitle) body += para(fillYear(s, r.year), "Title");
    for (const auto& sec : r.outline.sections) {
        body += para(fillYear(sec.heading, r.year), sec.level == 0 ? "Heading1" : sec.level == 1 ? "Heading2" : "Heading3");
        if (sec.prose) {
            auto it = r.prose.find(sec.key);
            std::istringstream lines(it == r.prose.end() ? std::string() : it->second);
            for (std::string line; std::getline(lines, line);)
                if (!line.empty()) body += para(line);
        }
        if (sec.figures == "tables") {
            for (const auto& p : figureParagraphs(r, sec.figures)) body += para(p);
            for (const auto& t : r.tables) body += tableXml(t);
        } else if (!sec.figures.empty()) {
            for (const auto& p : figureParagraphs(r, sec.figures)) body += para(p);
        }
    }
    body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" "
            "w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           body + "</w:body></w:document>";
}

struct ZipCloser {
    zip_t* z = nullptr;
    ~ZipCloser() {
        if (z) zip_discard(z);
    }
};

void add(zip_t* z, const std::string& name, const std::string& data, const std::filesystem::path& file) {
    // libzip keeps the buffer until zip_close: a copy it frees itself.
    void* copy = std::malloc(data.size() ? data.size() : 1);
    if (!copy) throw Error(ErrorKind::Storage, file.string() + ": out of memory");
    std::memcpy(copy, data.data(), data.size());
    zip_source_t* src = zip_source_buffer(z, copy, data.size(), 1);
    if (!src) {
        std::free(copy);
        throw Error(ErrorKind::Storage, file.string() + ": " + zip_strerror(z));
    }
    if (zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(src);
        throw Error(ErrorKind::Storage, file.string() + ": " + zip_strerror(z));
    }
}

} // namespace

void writeDocx(const AnnualReport& report, const std::filesystem::path& file, const std::filesystem::path& templateDir) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const char* part : TemplateParts) parts.emplace_back(part, readPart(templateDir, part));
    parts.emplace_back("word/document.xml", documentXml(report));
    AtomicFile out(file);
    int err = 0;
    ZipCloser zc{zip_open(out.temp().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err)};
    if (!zc.z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const std::string why = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        throw Error(ErrorKind::Storage, file.string() + ": " + why);
    }
    for (const auto& [name, data] : parts) add(zc.z, name, data, file);
    if (zip_close(zc.z) != 0) throw Error(ErrorKind::Storage, file.string() + ": " + zip_strerror(zc.z));
    zc.z = nullptr;
    out.commit();
}

} // namespace tdkt::report
