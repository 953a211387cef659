#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

// A button names the value it keeps; a long one (a report's paragraph) by its start.
std::string keepLabel(bool vi, const std::string& text, std::size_t i) {
    std::string shown = text;
    if (shown.size() > 48) {
        std::size_t cut = 48;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut; // not inside a letter
        shown = shown.substr(0, cut) + "…";
    }
    return std::string(tr(vi, "Giữ", "Keep")) + " " + shown + "##" + std::to_string(i);
}

// The competing values side by side: one column each, with who, on which device, when.
void candidates(const app::ConflictView& c, app::Session& s, WindowState& w, bool v) {
    const int n = static_cast<int>(c.candidates.size());
    if (n == 0 || !ImGui::BeginTable("##values", n, ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable)) return;
    for (int i = 0; i < n; ++i) {
        const auto& cand = c.candidates[static_cast<std::size_t>(i)];
        setupColumn(((cand.winner ? tr(v, "Đang dùng", "Current") : tr(v, "Giá trị khác", "Other value")) +
                                 std::string("##c") + std::to_string(i)).c_str());
    }
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (int i = 0; i < n; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TextWrapped("%s", app::labelIn(c.candidates[static_cast<std::size_t>(i)].text, s.lang).c_str());
    }
    ImGui::TableNextRow();
    for (int i = 0; i < n; ++i) {
        const auto& cand = c.candidates[static_cast<std::size_t>(i)];
        ImGui::TableSetColumnIndex(i);
        ImGui::TextDisabled("%s · %s %s · %s", cand.author.c_str(), tr(v, "máy", "device"),
                            cand.device.empty() ? "?" : cand.device.c_str(), cand.at.c_str());
        if (button(keepLabel(v, cand.text, static_cast<std::size_t>(i))))
            w.message = s.resolve(c.id, i);
    }
    ImGui::EndTable();
}

} // namespace

void drawConflicts(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    const auto list = s.conflicts(); // a copy: resolving refreshes it
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Không có xung đột nào.", "No open conflicts."));
    for (const auto& c : list) {
        ImGui::PushID(c.id.c_str());
        ImGui::TextWrapped("%s «%s» — %s", app::labelIn(c.tableLabel, s.lang).c_str(), c.rowTitle.c_str(),
                           app::labelIn(c.fieldLabel, s.lang).c_str());
        candidates(c, s, w, v);
        ImGui::PushItemWidth(ImGui::GetFontSize() * 16);
        input(tr(v, "Giá trị gộp", "Merged value"), w.merged);
        ImGui::PopItemWidth();
        ImGui::SameLine();
        if (button(tr(v, "Lưu giá trị gộp", "Keep merged"))) w.message = s.resolve(c.id, -1, w.merged);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (!w.message.empty()) errorText(w.message.c_str());
}

} // namespace tdkt::ui
