// A wide table without its all-zero columns (the DOCX and the screen show 0602.N so).
#include "tdkt/report/table.hpp"

namespace tdkt::report {

// A wide table without its all-zero columns past the fixed ones; header cells keep
// the columns left of theirs (a cell left with none is dropped).
Table withoutEmptyColumns(const Table& t) {
    std::vector<bool> keep(static_cast<std::size_t>(t.columns), false);
    for (int c = 0; c < t.columns; ++c) {
        bool any = c < t.fixedColumns;
        for (const auto& row : t.rows) {
            if (any) break;
            if (static_cast<std::size_t>(c) < row.size() && row[static_cast<std::size_t>(c)].number &&
                *row[static_cast<std::size_t>(c)].number != 0)
                any = true;
        }
        keep[static_cast<std::size_t>(c)] = any;
    }
    std::vector<int> newIndex(static_cast<std::size_t>(t.columns) + 1, 0);
    for (int c = 0; c < t.columns; ++c)
        newIndex[static_cast<std::size_t>(c) + 1] = newIndex[static_cast<std::size_t>(c)] + (keep[static_cast<std::size_t>(c)] ? 1 : 0);
    Table out = t;
    out.columns = newIndex.back();
    out.header.clear();
    for (auto h : t.header) {
        const int from = newIndex[static_cast<std::size_t>(h.column)];
        const int span = newIndex[static_cast<std::size_t>(h.column + h.columns)] - from;
        if (span == 0) continue;
        h.column = from;
        h.columns = span;
        out.header.push_back(std::move(h));
    }
    for (auto& row : out.rows) {
        std::vector<Cell> kept;
        for (std::size_t c = 0; c < row.size(); ++c)
            if (c >= keep.size() || keep[c]) kept.push_back(std::move(row[c]));
        row = std::move(kept);
    }
    return out;
}

} // namespace tdkt::report
