#include "csv_rows.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::server {
namespace {

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = any = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell)), cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(std::move(cell)), cell.clear();
            rows.emplace_back();
        } else {
            cell += c, any = true;
        }
    }
    if (quoted) throw Error(ErrorKind::Invalid, "CSV: a quoted cell is not closed");
    if (!cell.empty() || !rows.back().empty()) rows.back().push_back(std::move(cell));
    std::erase_if(rows, [](const auto& r) { return r.empty() || (r.size() == 1 && r[0].empty()); });
    (void)any;
    return rows;
}

} // namespace

std::vector<json::Json> csvToJsonRows(const schema::TableDef& t, const std::string& text) {
    auto rows = parseCsv(text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text);
    if (rows.empty()) throw Error(ErrorKind::Invalid, "CSV: no header row");
    const auto header = rows.front();
    std::vector<json::Json> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() != header.size())
            throw Error(ErrorKind::Invalid, "CSV line " + std::to_string(r + 1) + ": " + std::to_string(rows[r].size()) +
                                                " cells, the header has " + std::to_string(header.size()));
        json::Json obj = json::Json::object();
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (header[c] == "id") {
                if (!rows[r][c].empty()) obj["id"] = rows[r][c];
                continue;
            }
            const auto* fd = t.field(header[c]);
            if (!fd) throw Error(ErrorKind::Invalid, "CSV: unknown column '" + header[c] + "' for " + t.name);
            Value v = json::valueFromText(t, *fd, rows[r][c]);
            if (!isNull(v)) obj[header[c]] = json::valueToJson(fd, v);
        }
        out.push_back(std::move(obj));
    }
    return out;
}

} // namespace tdkt::server
