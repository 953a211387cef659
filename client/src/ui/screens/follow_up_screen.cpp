// Theo dõi kiến nghị: every recommendation of every plan, what is overdue first,
// and its follow-up status set in place; a header click sorts it (by due date, say),
// a third click goes back to overdue first.
#include "screens.hpp"

#include "ui/table_sort.hpp"
#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/typed_value.hpp"
#include "app/board_sort.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawFollowUp(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    const float em = ImGui::GetFontSize();
    auto rows = app::followUpBoard(s.store(), app::todayIso());
    std::size_t overdue = 0;
    for (const auto& r : rows) overdue += r.overdueDays > 0;
    ImGui::Text("%zu %s, ", rows.size(), tr(v, "kiến nghị", "recommendations"));
    ImGui::SameLine(0, 0);
    ImGui::TextColored(overdue ? ImVec4(0.8f, 0.25f, 0.15f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1), "%zu %s", overdue,
                       tr(v, "quá hạn", "overdue"));
    ImGui::SameLine();
    ImGui::Checkbox(tr(v, "Chỉ hiện quá hạn", "Overdue only"), &u.overdueOnly);
    if (!ImGui::BeginTable("board", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                           ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate,
                           ImVec2(0, w.message.empty() ? 0 : -em * 2.5f)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    auto sf = [](std::size_t c) { return app::followUpSorts(c) ? ImGuiTableColumnFlags_None : ImGuiTableColumnFlags_NoSort; };
    setupColumn(tr(v, "Kế hoạch", "Plan"), ImGuiTableColumnFlags_WidthStretch | sf(0), 3);
    setupColumn(tr(v, "Kiến nghị", "Recommendation"), ImGuiTableColumnFlags_WidthStretch | sf(1), 4);
    setupColumn(tr(v, "Đơn vị thực hiện", "Unit to act"), ImGuiTableColumnFlags_WidthStretch | sf(2), 2);
    setupColumn(tr(v, "Hạn", "Due"), ImGuiTableColumnFlags_WidthFixed | sf(3), em * 6.5f);
    setupColumn(tr(v, "Quá hạn", "Overdue"), ImGuiTableColumnFlags_WidthFixed | sf(4), em * 6);
    setupColumn(tr(v, "Tình hình thực hiện", "Follow-up"), ImGuiTableColumnFlags_WidthFixed | sf(5), em * 11);
    // No header sorted (the tristate's third click): the board's order, overdue first.
    if (auto sort = sortedHeadersRow(); sort.column >= 0) app::sortFollowUp(rows, static_cast<std::size_t>(sort.column), sort.descending);
    for (const auto& r : rows) {
        if (u.overdueOnly && r.overdueDays == 0) continue;
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.planTitle.c_str());
        ImGui::TextDisabled("%s", r.targetUnit.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.content.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.unitName.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app::shownDate(r.dueDate).c_str());
        ImGui::TableNextColumn();
        if (r.overdueDays > 0) ImGui::TextColored(ImVec4(0.8f, 0.25f, 0.15f, 1), "%d %s", r.overdueDays, tr(v, "ngày", "days"));
        ImGui::TableNextColumn();
        ImGui::PushItemWidth(-1);
        if (ImGui::BeginCombo("##status", app::enumLabel("recommendations", "follow_up", r.followUp, s.lang).c_str())) {
            for (const char* st : {"chua_thuc_hien", "dang_thuc_hien", "da_thuc_hien"})
                if (selectable(app::enumLabel("recommendations", "follow_up", st, s.lang), r.followUp == st)) {
                    w.message = app::InspectionView::followUp(s.store(), r.id, st, s.lang);
                    s.noteLocal("recommendations");
                }
            ImGui::EndCombo();
        }
        ImGui::PopItemWidth();
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!w.message.empty()) errorText(w.message.c_str());
}

} // namespace tdkt::ui
