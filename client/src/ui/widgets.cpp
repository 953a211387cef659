#include "widgets.hpp"

#include "ellipsis.hpp"
#include "script.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h> // ClearActiveID, for scripted typing into a focused field
#include <imgui_stdlib.h>

namespace tdkt::ui {
namespace {

// The visible part of an ImGui label ("Lưu##save" → "Lưu"); a hidden label is its hint ("##Số" → "Số").
std::string visible(const std::string& label) {
    if (label.starts_with("##")) return label.substr(2);
    return label.substr(0, label.find("##"));
}

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
    script().saw(visible(label), ImGui::GetItemRectMin().y);
    if (scripted("click", label)) {
        script().done();
        picked = true;
    }
    return picked;
}

bool checkbox(const std::string& label, bool& value) {
    bool changed = ImGui::Checkbox(label.c_str(), &value);
    if (scripted("click", label)) {
        script().done();
        value = !value;
        changed = true;
    }
    return changed;
}

bool input(const std::string& label, std::string& text, bool password, const char* hint) {
    const ImGuiInputTextFlags flags = password ? ImGuiInputTextFlags_Password : 0;
    if (label.starts_with("##")) ImGui::InputTextWithHint(label.c_str(), hint ? hint : label.c_str() + 2, &text, flags);
    else ImGui::InputText(label.c_str(), &text, flags);
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    if (scripted("type", label)) {
        // A focused field keeps its own copy of the text: leave it, as a person's Tab would.
        if (ImGui::IsItemActive()) ImGui::ClearActiveID();
        text = script().current()->text;
        script().done();
        done = true;
    }
    return done;
}

bool input(const std::string& label, std::string& text, double& typedAt, const char* hint) {
    bool done = input(label, text, false, hint);
    if (ImGui::IsItemEdited()) typedAt = ImGui::GetTime();
    if (scripted("typing", label)) { // typed, the field keeps focus: only the idle second commits it
        text = script().current()->text;
        script().done();
        typedAt = ImGui::GetTime();
    }
    if (done) typedAt = 0;
    if (typedAt > 0 && ImGui::GetTime() - typedAt >= IdleCommitSeconds) {
        typedAt = 0;
        done = true;
    }
    return done;
}

std::optional<std::size_t> combo(const std::string& label, const std::string& preview,
                                 const std::vector<std::string>& items, std::size_t selected) {
    std::optional<std::size_t> out;
    // ImGui 1.86 cuts a preview wider than the box mid-letter: shortened with "…", whole on hover.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - st.FramePadding.x * 2;
    const std::string shown = ellipsized(preview, room);
    const bool open = ImGui::BeginCombo(label.c_str(), shown.c_str());
    if (shown != preview && !open && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", preview.c_str());
    if (open) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(items[i].c_str(), i == selected)) out = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (scripted("pick", label)) {
        const auto& want = script().current()->text;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto b = items[i].find_first_not_of(' '); // tree items are indented
            if (items[i].substr(b == std::string::npos ? 0 : b) == want) {
                out = i;
                script().done();
                break;
            }
        }
    }
    return out;
}

void sameLineIfRoom(float width, const std::string& label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float labelWidth = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
    const float right = ImGui::GetItemRectMax().x + st.ItemSpacing.x + width +
                        (labelWidth > 0 ? st.ItemInnerSpacing.x + labelWidth : 0);
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

bool shortcut(Shortcut s) {
    const ImGuiIO& io = ImGui::GetIO();
    const char* name = s == Shortcut::Find ? "ctrl+f" : s == Shortcut::New ? "ctrl+n" : "esc";
    if (auto* a = script().current(); a && a->verb == "key" && a->label == name) {
        script().done();
        return true;
    }
    switch (s) {
    case Shortcut::Find: return io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false);
    case Shortcut::New: return io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_N, false);
    case Shortcut::Close: return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    }
    return false;
}

void errorText(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", text);
    ImGui::PopTextWrapPos();
}

} // namespace tdkt::ui
