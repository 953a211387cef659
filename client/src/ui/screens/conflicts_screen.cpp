#include "screens.hpp"

#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawConflicts(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    const auto list = s.conflicts(); // a copy: resolving refreshes it
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Không có xung đột nào.", "No open conflicts."));
    for (const auto& c : list) {
        ImGui::PushID(c.id.c_str());
        ImGui::Text("%s «%s» — %s", app::labelIn(c.tableLabel, s.lang).c_str(), c.rowTitle.c_str(),
                    app::labelIn(c.fieldLabel, s.lang).c_str());
        for (std::size_t i = 0; i < c.candidates.size(); ++i) {
            const auto& cand = c.candidates[i];
            ImGui::BulletText("%s  (%s, %s)%s", app::labelIn(cand.text, s.lang).c_str(), cand.author.c_str(), cand.at.c_str(),
                              cand.winner ? tr(v, " — đang dùng", " — current") : "");
            ImGui::SameLine();
            if (button(std::string(tr(v, "Giữ", "Keep")) + " " + cand.text + "##" + std::to_string(i)))
                w.message = s.resolve(c.id, static_cast<int>(i));
        }
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
