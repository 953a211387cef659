#include "ellipsis.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

// The start of the UTF-8 sequence before byte `i`.
std::size_t previousLetter(const std::string& s, std::size_t i) {
    if (i == 0) return 0;
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

void fitted(const std::string& text, bool disabled) {
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string shown = ellipsized(text, width);
    if (disabled) ImGui::TextDisabled("%s", shown.c_str());
    else ImGui::TextUnformatted(shown.c_str());
    if (shown.size() != text.size() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

} // namespace

std::string ellipsized(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const char* dots = "…";
    const float room = width - ImGui::CalcTextSize(dots).x;
    // Marks (U+0300–036F) would be cut from their letter only in text not in NFC;
    // the store keeps NFC, so every code point here is a whole letter.
    std::size_t end = text.size();
    while (end > 0 && ImGui::CalcTextSize(text.c_str(), text.c_str() + end).x > room) end = previousLetter(text, end);
    while (end > 0 && text[end - 1] == ' ') --end;
    return text.substr(0, end) + dots;
}

void fittedText(const std::string& text) { fitted(text, false); }

void fittedTextDisabled(const std::string& text) { fitted(text, true); }

} // namespace tdkt::ui
