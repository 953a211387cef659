#include "table_column.hpp"

#include <algorithm>

namespace tdkt::ui {

float headerWidth(const char* label) {
    // The cell's padding is inside the column's width in ImGui 1.86 tables; one more
    // pixel so a header that fits exactly is not clipped by rounding.
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().CellPadding.x * 2 + 1;
}

void setupColumn(const char* label, ImGuiTableColumnFlags flags, float widthOrWeight) {
    if ((flags & ImGuiTableColumnFlags_WidthFixed) && widthOrWeight > 0)
        widthOrWeight = std::max(widthOrWeight, headerWidth(label));
    ImGui::TableSetupColumn(label, flags, widthOrWeight);
}

} // namespace tdkt::ui
