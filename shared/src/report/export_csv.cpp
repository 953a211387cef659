// CSV export of the annual report's tables (RFC 4180, UTF-8), one after another.
#include "atomic_file.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/report/export.hpp"

#include <fstream>

namespace tdkt::report {
namespace {

std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void line(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << quoted(cells[i]);
    out << "\r\n";
}

} // namespace

Format formatOf(const std::filesystem::path& file) {
    const auto ext = file.extension().string();
    if (ext == ".csv") return Format::Csv;
    if (ext == ".xlsx") return Format::Xlsx;
    if (ext == ".docx") return Format::Docx;
    throw Error(ErrorKind::Invalid, file.string() + ": format '" + ext + "' (known: .docx, .xlsx, .csv)");
}

void writeCsv(const AnnualReport& report, const std::filesystem::path& file) {
    AtomicFile out(file);
    {
        std::ofstream f(out.temp(), std::ios::binary);
        for (std::size_t n = 0; n < report.tables.size(); ++n) {
            const auto& t = report.tables[n];
            if (n) f << "\r\n";
            line(f, {t.title});
            std::vector<std::vector<std::string>> header(static_cast<std::size_t>(t.headerRows),
                                                         std::vector<std::string>(static_cast<std::size_t>(t.columns)));
            for (const auto& h : t.header)
                header[static_cast<std::size_t>(h.row)][static_cast<std::size_t>(h.column)] = h.text;
            for (const auto& h : header) line(f, h);
            for (const auto& row : t.rows) {
                std::vector<std::string> cells;
                for (const auto& c : row) cells.push_back(c.text);
                line(f, cells);
            }
        }
        f.flush();
        if (!f) throw Error(ErrorKind::Storage, file.string() + ": could not write");
    }
    out.commit();
}

void writeReport(const AnnualReport& report, const std::filesystem::path& file, const std::filesystem::path& templateDir) {
    switch (formatOf(file)) {
    case Format::Csv: return writeCsv(report, file);
    case Format::Xlsx: return writeXlsx(report, file);
    case Format::Docx: return writeDocx(report, file, templateDir);
    }
}

} // namespace tdkt::report
