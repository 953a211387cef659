#pragma once
// A sortable table header (issue 17): the column flags that show the list's sort
// (the arrow on its column, no sort on columns that do not sort), and the header row
// whose click (a person's, or a script's `click LABEL` naming a header) ImGui
// reports as sort specs, passed on to app/table_sort.hpp. Use in a table begun with
// ImGuiTableFlags_Sortable, in place of ImGui::TableHeadersRow.
#include "app/table_sort.hpp"

#include <imgui.h>

#include <optional>
#include <span>
#include <string>

namespace tdkt::ui {

/** Flags for column `column` of a list sorted by `field` (`descending`): DefaultSort on that column, NoSort where no field. */
ImGuiTableColumnFlags sortFlags(std::span<const app::SortColumn> columns, int column, const std::string& field,
                                bool descending);

struct HeaderSort {
    int column = 0;
    bool descending = false;
};
/** Draws the header row; the sort a header click asked for (also the first frame's), or nothing. */
std::optional<HeaderSort> sortableHeadersRow();
/** Draws the header row; the table's sort every frame (an in-memory table sorted as it is drawn); column -1: none. */
HeaderSort sortedHeadersRow();

} // namespace tdkt::ui
