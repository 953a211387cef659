#include "screens.hpp"

#include "ui/widgets.hpp"
#include "app/labels.hpp"
#include "tdkt/schema/schema.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawRefused(app::Session& s, WindowState&) {
    const bool v = isVi(s);
    const auto list = s.refused();
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Máy chủ chưa từ chối thay đổi nào.", "The server refused nothing."));
    for (const auto& r : list) {
        const auto* t = schema::registry().table(r.table);
        ImGui::BulletText("%s — %s: %s", t && !t->label.empty() ? t->label.c_str() : r.table.c_str(),
                          app::fieldLabel(r.table, r.field).c_str(), app::valueText(r.value).c_str());
        ImGui::Indent();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", s.refusedReason(r).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
    }
}
} // namespace tdkt::ui
