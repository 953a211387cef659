// The history of one record (lịch sử), newest first (a header click sorts by time, who, device or field): when (local time), who, on
// which device, the field by its label, the value before and after as a person
// reads them, and whether the change holds or lost to a concurrent edit.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/ellipsis.hpp"
#include "ui/table_sort.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

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
                                             ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const auto columns = app::historyColumns(s.lang);
    constexpr auto NoSort = ImGuiTableColumnFlags_NoSort;
    // Newest first until a header is clicked (when, who, device or field sort).
    setupColumn(columns[0].c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                                            ImGuiTableColumnFlags_PreferSortDescending, em * 8.5f);
    setupColumn(columns[1].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    setupColumn(columns[2].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    setupColumn(columns[3].c_str(), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(columns[4].c_str(), ImGuiTableColumnFlags_WidthStretch | NoSort, 2);
    setupColumn(columns[5].c_str(), ImGuiTableColumnFlags_WidthStretch | NoSort, 2);
    setupColumn(columns[6].c_str(), ImGuiTableColumnFlags_WidthStretch | NoSort, 2);
    const auto sort = sortedHeadersRow();
    const auto order = app::historyOrder(h.lines, static_cast<std::size_t>(std::max(sort.column, 0)), sort.descending);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(h.lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& l = h.lines[order[static_cast<std::size_t>(i)]];
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
