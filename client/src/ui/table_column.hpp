#pragma once
// A table column whose header is never cut (polish, issue 17): a fixed column is at
// least as wide as its header at the current font (1.5× too), a stretched column
// keeps its weight. Every screen's tables set their columns through it.
#include <imgui.h>

namespace tdkt::ui {

/** ImGui::TableSetupColumn, a WidthFixed column widened to its header's text. */
void setupColumn(const char* label, ImGuiTableColumnFlags flags = 0, float widthOrWeight = 0.0f);

/** The width a fixed column needs to show `label` whole (text and the cell's padding). */
float headerWidth(const char* label);

} // namespace tdkt::ui
