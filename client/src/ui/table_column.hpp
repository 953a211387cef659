#pragma once
// A table column whose header is never cut (polish, issue 17): a fixed column is at
// least as wide as its header at the current font (1.5× too); stretched columns share
// the table's width by their weights, except that none is given less than its header
// needs while the others can give it room. Every screen's tables set their columns
// through it.
#include <imgui.h>

namespace tdkt::ui {

/** ImGui::TableSetupColumn, a column kept at least as wide as its header's text. */
void setupColumn(const char* label, ImGuiTableColumnFlags flags = 0, float widthOrWeight = 0.0f);

/** The content width (without the cell's padding) a column needs to show `label`
 *  whole, with room for the sort arrow when the column sorts. */
float headerWidth(const char* label, bool sortable = false);

} // namespace tdkt::ui
