#include "widgets.hpp"

#include "script.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace tdkt::ui {
namespace {

// The visible part of an ImGui label ("Lưu##save" → "Lưu").
std::string visible(const std::string& label) { return label.substr(0, label.find("##")); }

bool scripted(const char* verb, const std::string& label) {
    auto* a = script().current();
    return a && a->verb == verb && a->label == visible(label);
}

} // namespace

bool button(const std::string& label) {
    bool clicked = ImGui::Button(label.c_str());
    if (scripted("click", label)) {
        script().done();
        clicked = true;
    }
    return clicked;
}

bool bigButton(const std::string& label, float widthEms, bool chosen) {
    const float em = ImGui::GetFontSize();
    if (chosen) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.26f, 0.52f, 0.86f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    bool clicked = ImGui::Button(label.c_str(), ImVec2(em * widthEms, em * 2.6f));
    if (chosen) ImGui::PopStyleColor(2);
    if (scripted("click", label)) {
        script().done();
        clicked = true;
    }
    return clicked;
}

bool keyPressed(char key) {
    if (auto* a = script().current(); a && a->verb == "key" && a->label == std::string(1, key)) {
        script().done();
        return true;
    }
    if (ImGui::GetIO().WantTextInput) return false;
    // GLFW's keys 0–9 and A–Z are their ASCII codes; the keypad's digits start at 320.
    if (ImGui::IsKeyPressed(static_cast<unsigned char>(key), false)) return true;
    return key >= '0' && key <= '9' && ImGui::IsKeyPressed(320 + (key - '0'), false);
}

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.1f, 0.25f, 0.55f, 1), "%s", text);
    ImGui::Separator();
}

void noticeText(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", text);
    ImGui::PopTextWrapPos();
}

bool selectable(const std::string& label, bool selected) {
    bool picked = ImGui::Selectable(label.c_str(), selected);
    if (scripted("click", label)) {
        script().done();
        picked = true;
    }
    return picked;
}

bool input(const std::string& label, std::string& text, bool password) {
    ImGui::InputText(label.c_str(), &text, password ? ImGuiInputTextFlags_Password : 0);
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    if (scripted("type", label)) {
        text = script().current()->text;
        script().done();
        done = true;
    }
    return done;
}

bool textArea(const std::string& caption, const std::string& id, std::string& text, float height) {
    ImGui::TextWrapped("%s", caption.c_str());
    ImGui::InputTextMultiline(("##" + id).c_str(), &text, ImVec2(-1.0f, height));
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    if (scripted("type", caption)) {
        text = script().current()->text;
        script().done();
        done = true;
    }
    return done;
}

void errorText(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", text);
    ImGui::PopTextWrapPos();
}

} // namespace tdkt::ui
