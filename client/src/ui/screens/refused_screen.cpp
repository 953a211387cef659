#include "screens.hpp"

#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawRefused(app::Session& s, WindowState&) {
    const bool v = isVi(s);
    const auto list = s.refused();
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Máy chủ chưa từ chối thay đổi nào.", "The server refused nothing."));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& r = list[i];
        const std::string value = s.shownValue(r.table, r.field, r.value), reason = s.refusedReason(r);
        ImGui::PushID(static_cast<int>(i));
        // Which record: a person finds it by its title (the nominee), not by its id.
        ImGui::BulletText("%s «%s» — %s: %s", app::tableLabel(r.table, s.lang).c_str(),
                          app::rowTitle(s.store(), r.table, r.rowId).c_str(),
                          app::fieldLabel(r.table, r.field, s.lang).c_str(), value.c_str());
        ImGui::SameLine();
        // The value typed is kept: copied with the reason, to send to the office that may change it.
        if (ImGui::SmallButton(tr(v, "Sao chép", "Copy"))) ImGui::SetClipboardText((value + "\n" + reason).c_str());
        ImGui::Indent();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.7f, 0.3f, 0.15f, 1), "%s", reason.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
        ImGui::PopID();
    }
}
} // namespace tdkt::ui
