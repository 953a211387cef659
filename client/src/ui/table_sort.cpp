#include "table_sort.hpp"

#include "script.hpp"

#include <imgui_internal.h> // TableSetColumnSortDirection: a script's click on a header

namespace tdkt::ui {

ImGuiTableColumnFlags sortFlags(std::span<const app::SortColumn> columns, int column, const std::string& field,
                                bool descending) {
    if (column < 0 || static_cast<std::size_t>(column) >= columns.size() || !*columns[static_cast<std::size_t>(column)].field)
        return ImGuiTableColumnFlags_NoSort;
    if (app::sortColumnOf(columns, field) != column) return ImGuiTableColumnFlags_None;
    return ImGuiTableColumnFlags_DefaultSort | (descending ? ImGuiTableColumnFlags_PreferSortDescending : 0);
}

namespace {

// A script's `click LABEL` naming a sortable header: sorts as a click on it does.
void scriptedHeaderClick() {
    auto* a = script().current();
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (!a || a->verb != "click" || !table) return;
    for (int n = 0; n < table->ColumnsCount; ++n) {
        const std::string name = ImGui::TableGetColumnName(n);
        ImGuiTableColumn* column = &table->Columns[n];
        if (name.substr(0, name.find("##")) != a->label || (column->Flags & ImGuiTableColumnFlags_NoSort)) continue;
        ImGui::TableSetColumnSortDirection(n, ImGui::TableGetColumnNextSortDirection(column), false);
        script().done();
        return;
    }
}

} // namespace

std::optional<HeaderSort> sortableHeadersRow() {
    ImGui::TableHeadersRow();
    scriptedHeaderClick();
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return std::nullopt;
    specs->SpecsDirty = false;
    if (specs->SpecsCount < 1) return std::nullopt;
    return HeaderSort{specs->Specs[0].ColumnIndex, specs->Specs[0].SortDirection == ImGuiSortDirection_Descending};
}

HeaderSort sortedHeadersRow() {
    ImGui::TableHeadersRow();
    scriptedHeaderClick();
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount < 1) return {-1, false}; // a tristate table sorted by nothing
    specs->SpecsDirty = false;
    return HeaderSort{specs->Specs[0].ColumnIndex, specs->Specs[0].SortDirection == ImGuiSortDirection_Descending};
}

} // namespace tdkt::ui
