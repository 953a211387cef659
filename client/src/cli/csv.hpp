#pragma once
// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::cli {

struct CsvRecord {
    std::size_t line = 0; // the line the record starts on (1-based)
    std::vector<std::string> cells;
};

class CsvReader {
public:
    explicit CsvReader(std::istream& in) : m_in(in) {}

    /** The next record, or nullopt at the end; throws on an unterminated quote. */
    std::optional<CsvRecord> next();

private:
    std::istream& m_in;
    std::size_t m_line = 1;
};

/** One cell, quoted when it must be. */
std::string csvCell(const std::string& text);

} // namespace tdkt::cli
