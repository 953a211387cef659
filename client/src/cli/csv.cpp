#include "csv.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::cli {

std::optional<CsvRecord> CsvReader::next() {
    CsvRecord rec;
    rec.line = m_line;
    std::string cell;
    bool quoted = false, any = false, afterQuote = false;
    int c;
    while ((c = m_in.get()) != EOF) {
        any = true;
        if (quoted) {
            if (c == '"') {
                if (m_in.peek() == '"') {
                    cell += '"';
                    m_in.get();
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n') ++m_line;
                cell += static_cast<char>(c);
            }
            continue;
        }
        if (c == '"' && cell.empty() && !afterQuote) {
            quoted = true;
        } else if (c == ',') {
            rec.cells.push_back(std::move(cell));
            cell.clear();
            afterQuote = false;
        } else if (c == '\n') {
            ++m_line;
            rec.cells.push_back(std::move(cell));
            return rec;
        } else if (c != '\r') {
            cell += static_cast<char>(c);
        }
    }
    if (quoted) throw Error(ErrorKind::Invalid, "line " + std::to_string(rec.line) + ": a quoted cell is never closed");
    if (!any) return std::nullopt;
    rec.cells.push_back(std::move(cell));
    return rec;
}

std::string csvCell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace tdkt::cli
