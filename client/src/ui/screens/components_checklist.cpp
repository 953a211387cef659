// The dossier's components checklist (app/components.hpp): each component its
// award form asks for, ticked, with its document number or reference; the
// completeness findings clear as they are ticked.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawComponentsChecklist(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    ImGui::TextUnformatted(tr(v, "Thành phần hồ sơ", "Dossier components"));
    const auto lines = s.components(); // a copy: ticking refreshes it
    if (lines.empty())
        ImGui::TextDisabled("%s", tr(v, "Chọn danh hiệu / hình thức để biết hồ sơ cần những gì.",
                                     "Pick the award form to see what the dossier needs."));
    if (!ImGui::BeginTable("components", 2, ImGuiTableFlags_SizingStretchProp)) return;
    setupColumn("c", ImGuiTableColumnFlags_WidthStretch, 3); // labels wrap in ImGui only as text: give them room
    setupColumn("r", ImGuiTableColumnFlags_WidthStretch, 2);
    for (const auto& l : lines) {
        ImGui::PushID(l.code.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool present = l.present;
        std::string label = app::labelIn(l.label, s.lang) + (l.required ? "" : tr(v, " (thêm)", " (extra)"));
        ImGui::PushTextWrapPos(0);
        if (checkbox(label + "##tick", present)) w.message = s.setComponent(l.code, present, present ? l.reference : "");
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        auto [it, fresh] = w.refs.try_emplace(l.code, l.reference);
        if (!ImGui::IsAnyItemActive() && !fresh && it->second != l.reference && w.typedAt["ref." + l.code] == 0)
            it->second = l.reference; // changed elsewhere (a sync): show the stored one
        ImGui::SetNextItemWidth(-1);
        // A hidden label (a script types into "Số, ký hiệu <component>"), the short hint shown.
        const char* hint = tr(v, "Số, ký hiệu", "Number, reference");
        const std::string ref = "##" + std::string(hint) + " " + l.label;
        if (input(ref, it->second, w.typedAt["ref." + l.code], hint) && it->second != l.reference)
            w.message = s.setComponent(l.code, l.present || !it->second.empty(), it->second);
        ImGui::PopID();
    }
    ImGui::EndTable();
}
} // namespace tdkt::ui
