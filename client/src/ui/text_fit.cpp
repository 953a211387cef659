#include "text_fit.hpp"

#include "script.hpp"

#include <imgui.h>

namespace tdkt::ui {

std::string ellipsised(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float room = width - ImGui::CalcTextSize("…").x;
    std::size_t end = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (ImGui::CalcTextSize(text.data(), text.data() + next).x > room) break;
        end = i = next;
    }
    // Combining marks (NFD) would be cut off their letter: NFC text has none to split.
    return text.substr(0, end) + "…";
}

bool rowLink(const std::string& text, const std::string& id) {
    const std::string shown = ellipsised(text, ImGui::GetContentRegionAvail().x);
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
