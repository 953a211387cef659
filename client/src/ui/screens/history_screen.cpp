// The history of one record (lịch sử), newest first: when (local time), who, on
// which device, the field by its label, the value before and after as a person
// reads them, and whether the change holds or lost to a concurrent edit.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/ellipsis.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace tdkt::ui {

void openHistory(app::Session& s, WindowState& w, const std::string& table, const std::string& id) {
    w.records.historyBack = w.screen;
    w.records.historyBackSet = true;
    s.records.openHistory(s, table, id);
    w.screen = Screen::History;
}

void drawHistory(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    const auto& h = s.records.history;
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (button(tr(v, "< Quay lại", "< Back")) || (!popupOpen && shortcut(Shortcut::Close))) {
        w.screen = w.records.historyBackSet ? w.records.historyBack : Screen::Dossiers;
        return;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(v, "Lịch sử thay đổi:", "Change history:"));
    ImGui::SameLine();
    fittedText(h.tableLabel + (h.title.empty() ? std::string() : " — " + h.title));
    if (!h.error.empty()) {
        errorText(h.error.c_str());
        return;
    }
    if (h.lines.empty()) {
        ImGui::TextDisabled("%s", tr(v, "Bản ghi chưa có thay đổi nào.", "No change recorded."));
        return;
    }
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTable("history", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                             ImGuiTableFlags_ScrollY))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setupColumn(tr(v, "Thời gian", "When"), ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
    setupColumn(tr(v, "Người sửa", "Who"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    setupColumn(tr(v, "Thiết bị", "Device"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    setupColumn(tr(v, "Trường", "Field"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Giá trị cũ", "Before"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Giá trị mới", "After"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Kết quả", "Outcome"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(h.lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& l = h.lines[h.lines.size() - 1 - static_cast<std::size_t>(i)]; // newest first
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.when.c_str());
            ImGui::TableNextColumn();
            fittedText(l.author.empty() ? std::string("—") : l.author);
            ImGui::TableNextColumn();
            if (l.thisDevice) fittedText(std::string(tr(v, "Máy này", "This device")) + " (" + l.device.substr(0, 8) + ")");
            else fittedText(l.device.substr(0, 8));
            ImGui::TableNextColumn();
            fittedText(l.fieldLabel);
            ImGui::TableNextColumn();
            if (l.before.empty()) fittedTextDisabled("—");
            else fittedText(l.before);
            ImGui::TableNextColumn();
            fittedText(l.after);
            ImGui::TableNextColumn();
            if (l.applied) fittedText(tr(v, "Đã áp dụng", "Applied"));
            else {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.35f, 0.15f, 1));
                fittedText(tr(v, "Không áp dụng: sửa đồng thời, giữ trong xung đột", "Not applied: a concurrent edit won (kept in a conflict)"));
                ImGui::PopStyleColor();
            }
        }
    ImGui::EndTable();
}

} // namespace tdkt::ui
