#include "text_fit.hpp"

#include "ellipsis.hpp"

#include "script.hpp"

#include <imgui.h>

namespace tdkt::ui {

bool rowLink(const std::string& text, const std::string& id) {
    const std::string shown = ellipsized(text, ImGui::GetContentRegionAvail().x);
    bool clicked = ImGui::Selectable((shown + "##" + id).c_str(), false);
    script().saw(text, ImGui::GetItemRectMin().y);
    if (shown != text && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (auto* a = script().current(); a && a->verb == "click" && a->label == text) {
        script().done();
        clicked = true;
    }
    return clicked;
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

} // namespace tdkt::ui
