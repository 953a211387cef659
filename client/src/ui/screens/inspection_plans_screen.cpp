// Kiểm tra: the inspection plans of the replica, a page at a time.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawInspectionPlans(app::Session& s, WindowState& w) {
    constexpr std::size_t Page = 50;
    const bool v = isVi(s);
    auto& u = w.inspection;
    const std::size_t total = app::planCount(s.store());
    if (u.planOffset >= total) u.planOffset = 0;
    ImGui::Text("%zu %s", total, tr(v, "kế hoạch kiểm tra", "inspection plans"));
    if (total > Page) {
        ImGui::SameLine();
        if (u.planOffset > 0 && button(tr(v, "< Trang trước", "< Previous"))) u.planOffset -= Page;
        ImGui::SameLine();
        if (u.planOffset + Page < total && button(tr(v, "Trang sau >", "Next >"))) u.planOffset += Page;
    }
    if (total == 0)
        ImGui::TextWrapped("%s", tr(v, "Chưa có kế hoạch nào. Kế hoạch do đơn vị ban hành tạo (tdkt-cli inspection plan) "
                                       "và đến máy này khi đồng bộ.",
                                    "No plans yet: the issuing unit makes them, and they arrive with a sync."));
    if (!ImGui::BeginTable("plans", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setupColumn(tr(v, "Tên kế hoạch", "Plan"), ImGuiTableColumnFlags_WidthStretch, 5);
    setupColumn(tr(v, "Số", "Number"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Năm", "Year"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    setupColumn(tr(v, "Đơn vị ban hành", "Issued by"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (const auto& p : app::planPage(s.store(), u.planOffset, Page)) {
        ImGui::PushID(p.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (selectable(p.title, s.inspections.planId() == p.id)) {
            s.inspections.openPlan(p.id);
            w.screen = Screen::InspectionPlan;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.number.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(p.year));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.issuer.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace tdkt::ui
