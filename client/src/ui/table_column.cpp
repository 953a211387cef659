#include "table_column.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <vector>

namespace tdkt::ui {
namespace {

bool sorts(const ImGuiTable& table, ImGuiTableColumnFlags flags) {
    return (table.Flags & ImGuiTableFlags_Sortable) && !(flags & ImGuiTableColumnFlags_NoSort);
}

// Once every column of the table is declared: the stretched columns' widths of the last
// layout are shared again so that each gets at least its header's width, the others
// keeping their relative weights (a water-fill). Weights are written to the columns,
// as a user's resize would (and as the declared weight, which ImGui 1.86 takes again
// each frame for a table that does not resize), so ImGui lays them out this very frame. When the headers
// cannot all fit, each gets a share in proportion to its header.
void holdStretchedHeaders(ImGuiTable& table) {
    struct Col { ImGuiTableColumn* c; float need; float weight; bool held; };
    std::vector<Col> cols;
    float room = 0;
    for (int i = 0; i < table.ColumnsCount; ++i) {
        ImGuiTableColumn& c = table.Columns[i];
        if (!c.IsEnabled || !(c.Flags & ImGuiTableColumnFlags_WidthStretch)) continue;
        const char* name = ImGui::TableGetColumnName(i);
        // A resizable column's weight is the user's (it persists); ImGui gives one that
        // is not the weight declared this frame, again each frame.
        const bool resizable = (table.Flags & ImGuiTableFlags_Resizable) && !(c.Flags & ImGuiTableColumnFlags_NoResize);
        float weight = resizable && c.StretchWeight > 0 ? c.StretchWeight : c.InitStretchWeightOrWidth;
        if (weight <= 0) weight = 1.0f;
        cols.push_back({&c, headerWidth(name ? name : "", sorts(table, c.Flags)), weight, false});
        room += c.WidthGiven;
    }
    if (cols.size() < 2 || room <= 0) return;   // the first frame has no layout yet

    float needAll = 0;
    for (const Col& col : cols) needAll += col.need;
    if (needAll >= room) {
        for (Col& col : cols) col.c->StretchWeight = col.c->InitStretchWeightOrWidth = col.need;
        return;
    }
    // Hold at their header's width the columns whose share is below it, until the
    // rest, shared by weight, are all wide enough.
    for (bool changed = true; changed;) {
        changed = false;
        float heldWidth = 0, freeWeight = 0;
        for (const Col& col : cols) {
            if (col.held) heldWidth += col.need;
            else freeWeight += col.weight;
        }
        for (Col& col : cols) {
            if (col.held) continue;
            if ((room - heldWidth) * col.weight / freeWeight < col.need) { col.held = true; changed = true; }
        }
    }
    bool anyHeld = false;
    float heldWidth = 0, freeWeight = 0;
    for (const Col& col : cols) {
        anyHeld = anyHeld || col.held;
        if (col.held) heldWidth += col.need;
        else freeWeight += col.weight;
    }
    if (!anyHeld) return;                        // the user's weights already fit
    for (Col& col : cols)
        col.c->StretchWeight = col.c->InitStretchWeightOrWidth =
            col.held ? col.need : (room - heldWidth) * col.weight / freeWeight;
}

} // namespace

float headerWidth(const char* label, bool sortable) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = ImGui::CalcTextSize(label, nullptr, true).x;
    // The header keeps room for the sort arrow on the right (ImGui 1.86 TableHeader:
    // FontSize × 0.65 + FramePadding.x), and the cell's padding on both sides; two
    // more pixels so a header that fits exactly is not clipped by rounding.
    if (sortable) w += ImGui::GetFontSize() * 0.65f + style.FramePadding.x + style.ItemInnerSpacing.x;
    return w + style.CellPadding.x * 2 + 2;
}

void setupColumn(const char* label, ImGuiTableColumnFlags flags, float widthOrWeight) {
    ImGuiTable* table = ImGui::GetCurrentTable();
    if ((flags & ImGuiTableColumnFlags_WidthFixed) && widthOrWeight > 0)
        widthOrWeight = std::max(widthOrWeight, headerWidth(label, table && sorts(*table, flags)));
    ImGui::TableSetupColumn(label, flags, widthOrWeight);
    if (table && table->DeclColumnsCount == table->ColumnsCount) holdStretchedHeaders(*table);
}

} // namespace tdkt::ui
