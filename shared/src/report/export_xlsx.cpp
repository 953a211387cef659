// XLSX export (libxlsxwriter): a sheet a table, merged header cells, number formats.
#include "atomic_file.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"

#include <xlsxwriter.h>

namespace tdkt::report {

void writeXlsx(const AnnualReport& report, const std::filesystem::path& file) {
    AtomicFile out(file);
    lxw_workbook* wb = workbook_new(out.temp().c_str());
    if (!wb) throw Error(ErrorKind::Storage, file.string() + ": could not start the workbook");
    auto fail = [&](const std::string& what) {
        workbook_close(wb); // frees it; the temporary file goes with AtomicFile
        throw Error(ErrorKind::Storage, file.string() + ": " + what);
    };
    auto format = [&](bool bold, bool number) {
        lxw_format* f = workbook_add_format(wb);
        format_set_font_name(f, "Times New Roman");
        format_set_font_size(f, 12);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        if (bold) {
            format_set_bold(f);
            format_set_align(f, LXW_ALIGN_CENTER);
        }
        if (number) format_set_num_format(f, "#,##0");
        return f;
    };
    lxw_format* titleFormat = workbook_add_format(wb);
    format_set_bold(titleFormat);
    format_set_font_name(titleFormat, "Times New Roman");
    format_set_font_size(titleFormat, 13);
    lxw_format* headFormat = format(true, false);
    lxw_format* textFormat = format(false, false);
    lxw_format* numberFormat = format(false, true);
    for (const auto& t : report.tables) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
        if (!ws) fail("sheet name '" + t.sheet + "' refused");
        worksheet_set_column(ws, 0, 0, 36, nullptr);
        worksheet_set_column(ws, 1, static_cast<lxw_col_t>(std::max(1, t.columns - 1)), 12, nullptr);
        lxw_error e = worksheet_write_string(ws, 0, 0, t.title.c_str(), titleFormat);
        const lxw_row_t top = 2; // the title, a blank row, then the header
        for (const auto& h : t.header) {
            const auto r = static_cast<lxw_row_t>(top + h.row);
            const auto c = static_cast<lxw_col_t>(h.column);
            if (h.rows == 1 && h.columns == 1) {
                e = worksheet_write_string(ws, r, c, h.text.c_str(), headFormat);
            } else {
                e = worksheet_merge_range(ws, r, c, static_cast<lxw_row_t>(r + h.rows - 1),
                                          static_cast<lxw_col_t>(c + h.columns - 1), h.text.c_str(), headFormat);
            }
            if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
        }
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            const auto r = static_cast<lxw_row_t>(top + static_cast<lxw_row_t>(t.headerRows) + i);
            for (std::size_t j = 0; j < t.rows[i].size(); ++j) {
                const auto& cell = t.rows[i][j];
                const auto c = static_cast<lxw_col_t>(j);
                e = cell.number ? worksheet_write_number(ws, r, c, *cell.number, numberFormat)
                                : worksheet_write_string(ws, r, c, cell.text.c_str(), textFormat);
                if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
            }
        }
    }
    if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
        throw Error(ErrorKind::Storage, file.string() + ": " + lxw_strerror(e));
    out.commit();
}

} // namespace tdkt::report
