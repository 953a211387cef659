// The shared DOCX writer: WordprocessingML pieces and the package (libzip).
#include "tdkt/report/docx.hpp"

#include "atomic_file.hpp"
#include "tdkt/core/error.hpp"
#include "tdkt/report/xml_text.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace tdkt::report::docx {
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

std::string borders(const char* value) {
    std::string x = "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        x += std::string("<w:") + side + " w:val=\"" + value + "\"" +
             (std::strcmp(value, "nil") == 0 ? "" : " w:sz=\"4\" w:space=\"0\" w:color=\"000000\"") + "/>";
    return x + "</w:tblBorders>";
}

std::string grid(const std::vector<int>& widths, int columns) {
    std::string x = "<w:tblGrid>";
    for (int c = 0; c < columns; ++c)
        x += c < static_cast<int>(widths.size()) ? "<w:gridCol w:w=\"" + std::to_string(widths[static_cast<std::size_t>(c)]) + "\"/>"
                                                 : std::string("<w:gridCol/>");
    return x + "</w:tblGrid>";
}

std::string cellXml(const std::string& text, bool bold, const std::string& style, int width, int span = 1,
                    const char* vmerge = nullptr) {
    std::string c = "<w:tc><w:tcPr>";
    if (width > 0) c += "<w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
    if (span > 1) c += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
    if (vmerge) c += std::string("<w:vMerge w:val=\"") + vmerge + "\"/>";
    c += "<w:vAlign w:val=\"center\"/></w:tcPr>";
    // A cell's text may hold several lines: a paragraph each.
    std::istringstream lines(text);
    std::string line;
    bool any = false;
    while (std::getline(lines, line)) {
        c += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + (line.empty() ? "" : run(line, bold)) + "</w:p>";
        any = true;
    }
    if (!any) c += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr></w:p>";
    return c + "</w:tc>";
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

std::string run(std::string_view text, bool bold, bool italic) {
    std::string r = "<w:r>";
    if (bold || italic) r += std::string("<w:rPr>") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "</w:rPr>";
    return r + "<w:t xml:space=\"preserve\">" + xmlEscape(text) + "</w:t></w:r>";
}

std::string paragraph(std::string_view text, const Look& look) {
    std::string p = "<w:p>";
    if (!look.style.empty() || !look.align.empty()) {
        p += "<w:pPr>";
        if (!look.style.empty()) p += "<w:pStyle w:val=\"" + look.style + "\"/>";
        if (!look.align.empty()) p += "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"" + look.align + "\"/>";
        p += "</w:pPr>";
    }
    return p + run(text, look.bold, look.italic) + "</w:p>";
}

std::string sizedRun(const Line& l) {
    if (l.halfPoints <= 0) return run(l.text, l.bold, l.italic);
    const auto sz = std::to_string(l.halfPoints);
    return "<w:r><w:rPr>" + std::string(l.bold ? "<w:b/>" : "") + (l.italic ? "<w:i/>" : "") + "<w:sz w:val=\"" + sz +
           "\"/><w:szCs w:val=\"" + sz + "\"/></w:rPr><w:t xml:space=\"preserve\">" + xmlEscape(l.text) + "</w:t></w:r>";
}

std::string layoutRow(const std::vector<std::vector<Line>>& cells, const std::vector<int>& widths) {
    std::string x = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>" + borders("nil") + "</w:tblPr>" +
                    grid(widths, static_cast<int>(cells.size())) + "<w:tr>";
    for (const auto& lines : cells) {
        x += "<w:tc>";
        for (const auto& l : lines)
            x += std::string("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"") +
                 (l.left ? "left" : "center") + "\"/></w:pPr>" +
                 (l.text.empty() ? std::string() : sizedRun(l)) + "</w:p>";
        if (lines.empty()) x += "<w:p/>";
        x += "</w:tc>";
    }
    return x + "</w:tr></w:tbl>";
}

std::string nationalHeader(const std::vector<Line>& left) {
    std::vector<Line> l = left;
    for (auto& line : l)
        if (line.halfPoints == 0) line.halfPoints = 26;
    return layoutRow({l, {{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 26}, {"Độc lập - Tự do - Hạnh phúc", true, false, 28}}},
                     {3555, 5800});
}

std::string table(const Table& t, const TableLook& look) {
    std::string x = t.title.empty() ? std::string() : paragraph(t.title, {"Heading3"});
    x += "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>" + borders("single") + "</w:tblPr>" +
         grid(look.widths, t.columns);
    auto width = [&](int c, int span) {
        int w = 0;
        for (int i = c; i < c + span; ++i)
            if (i < static_cast<int>(look.widths.size())) w += look.widths[static_cast<std::size_t>(i)];
        return w;
    };
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
                x += cellXml("", true, look.headStyle, width(c, 1));
                ++c;
                continue;
            }
            const bool first = h->row == r;
            const char* vm = h->rows > 1 ? (first ? "restart" : "continue") : nullptr;
            x += cellXml(first ? h->text : std::string(), true, look.headStyle, width(c, h->columns), h->columns, vm);
            c += h->columns;
        }
        x += "</w:tr>";
    }
    for (const auto& row : t.rows) {
        x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        int c = 0;
        for (const auto& cell : row) x += cellXml(cell.text, false, look.cellStyle, width(c++, 1));
        for (; c < t.columns; ++c) x += cellXml("", false, look.cellStyle, width(c, 1));
        x += "</w:tr>";
    }
    return x + "</w:tbl>" + paragraph("");
}

std::string document(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           body +
           "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" "
           "w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

void writePackage(const std::string& documentXml, const std::filesystem::path& file,
                  const std::filesystem::path& templateDir) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const char* part : TemplateParts) parts.emplace_back(part, readPart(templateDir, part));
    parts.emplace_back("word/document.xml", documentXml);
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

} // namespace tdkt::report::docx
