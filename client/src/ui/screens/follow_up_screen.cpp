// Theo dõi kiến nghị: every recommendation of every plan, what is overdue first,
// and its follow-up status set in place.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawFollowUp(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    const float em = ImGui::GetFontSize();
    const auto rows = app::followUpBoard(s.store(), app::todayIso());
    std::size_t overdue = 0;
    for (const auto& r : rows) overdue += r.overdueDays > 0;
    ImGui::Text("%zu %s, ", rows.size(), tr(v, "kiến nghị", "recommendations"));
    ImGui::SameLine(0, 0);
    ImGui::TextColored(overdue ? ImVec4(0.8f, 0.25f, 0.15f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1), "%zu %s", overdue,
                       tr(v, "quá hạn", "overdue"));
    ImGui::SameLine();
    ImGui::Checkbox(tr(v, "Chỉ hiện quá hạn", "Overdue only"), &u.overdueOnly);
    if (!ImGui::BeginTable("board", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
                           ImVec2(0, w.message.empty() ? 0 : -em * 2.5f)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setupColumn(tr(v, "Kế hoạch", "Plan"), ImGuiTableColumnFlags_WidthStretch, 3);
    setupColumn(tr(v, "Kiến nghị", "Recommendation"), ImGuiTableColumnFlags_WidthStretch, 4);
    setupColumn(tr(v, "Đơn vị thực hiện", "Unit to act"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Hạn", "Due"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    setupColumn(tr(v, "Quá hạn", "Overdue"), ImGuiTableColumnFlags_WidthFixed, em * 5);
    setupColumn(tr(v, "Tình hình thực hiện", "Follow-up"), ImGuiTableColumnFlags_WidthFixed, em * 10);
    ImGui::TableHeadersRow();
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
        ImGui::TextUnformatted(r.dueDate.size() == 10 ? (r.dueDate.substr(8, 2) + "/" + r.dueDate.substr(5, 2) + "/" +
                                                         r.dueDate.substr(0, 4)).c_str()
                                                      : r.dueDate.c_str());
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
