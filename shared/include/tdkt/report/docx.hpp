#pragma once
/**
 * @brief The DOCX writer every document shares (issues 18, 19): WordprocessingML
 *        pieces (runs, paragraphs, bordered tables, borderless layout rows such as
 *        the national header and the signature block), the A4 body, and the
 *        package (libzip) made of a template's parts in assets/report/docx plus
 *        the document. Library tdkt_report_export.
 *
 * Styles come from the template's word/styles.xml (Times New Roman 14; Title,
 * Heading1–3, TableText 12 centred, TableHead 13 bold centred, TableCell 13 left).
 * A package is written whole or not at all (a temporary file renamed over the
 * target). Errors: Error(Storage) for a path that cannot be written, naming it;
 * Error(Invalid) for a missing or broken template part, naming it.
 */
#include "tdkt/report/table.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tdkt::report::docx {

struct Look {
    Look() = default;
    Look(std::string style_, std::string align_ = {}, bool bold_ = false, bool italic_ = false)
        : style(std::move(style_)), align(std::move(align_)), bold(bold_), italic(italic_) {}
    std::string style; // a paragraph style of styles.xml, or empty (Normal)
    std::string align; // left, center, right, both; set: no first-line indent
    bool bold = false, italic = false;
};

std::string run(std::string_view text, bool bold = false, bool italic = false);
std::string paragraph(std::string_view text, const Look& look = {});

/** Lines of a layout cell: each its own centred paragraph. */
struct Line {
    Line() = default;
    Line(std::string text_, bool bold_ = false, bool italic_ = false, int halfPoints_ = 0)
        : text(std::move(text_)), bold(bold_), italic(italic_), halfPoints(halfPoints_) {}
    std::string text;
    bool bold = false, italic = false;
    int halfPoints = 0; // the font size ×2; 0: the style's
    bool left = false;  // left-aligned (a "Nơi nhận" list) rather than centred
};

/** One borderless row of cells `widths` twips wide (the national header, the signatures). */
std::string layoutRow(const std::vector<std::vector<Line>>& cells, const std::vector<int>& widths);

/**
 * The national header: `left` (the issuing body, số/ký hiệu) beside the motto,
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", in 13 pt
 * as NĐ 30/2020 sets the quốc hiệu (12–13), so it keeps to one line.
 */
std::string nationalHeader(const std::vector<Line>& left);

struct TableLook {
    std::string headStyle = "TableText", cellStyle = "TableText";
    std::vector<int> widths; // twips per column; empty: Word shares the width out
};

/** A bordered table: its title (Heading3, when set), header rows with merged cells, and rows. */
std::string table(const Table& t, const TableLook& look = {});

/** A complete word/document.xml: `body` on A4 with the margins of NĐ 30/2020. */
std::string document(const std::string& body);

/** Writes the package: the template's parts from `templateDir` and `documentXml`. */
void writePackage(const std::string& documentXml, const std::filesystem::path& file,
                  const std::filesystem::path& templateDir);

} // namespace tdkt::report::docx
