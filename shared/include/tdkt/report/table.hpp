#pragma once
/**
 * @brief A statistics table as the writers (CSV, XLSX, DOCX) take it: a title, a
 *        two-row header with merged cells, and rows of text or numbers.
 */
#include <optional>
#include <string>
#include <vector>

namespace tdkt::report {

struct Cell {
    std::string text;
    std::optional<double> number; // set: a figure (written as a number)
    static Cell of(std::string t) { return {std::move(t), std::nullopt}; }
    static Cell of(int n) { return {std::to_string(n), static_cast<double>(n)}; }
};

/** A header cell spanning `rows` × `columns` from (row, column), both from 0. */
struct HeaderCell {
    int row = 0, column = 0, rows = 1, columns = 1;
    std::string text;
};

struct Table {
    std::string sheet; // ≤ 31 characters, no []:*?/\ (an XLSX sheet name)
    std::string title;
    int headerRows = 1;
    int columns = 0;
    std::vector<HeaderCell> header;
    std::vector<std::vector<Cell>> rows;
    /** A wide table (0602.N): the DOCX leaves out its columns from `fixedColumns` on that hold
     *  only zeros (the XLSX and CSV keep every column). */
    bool wide = false;
    int fixedColumns = 0;
};

/** The table without its columns from `fixedColumns` on that hold only zeros. */
Table withoutEmptyColumns(const Table& t);

} // namespace tdkt::report
