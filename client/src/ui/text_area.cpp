// The multi-line field with word wrap (issue 17, polish). ImGui 1.86 has none: the
// buffer ImGui edits is the user's text with a space at each wrap point turned into
// '\n' (app/soft_wrap.hpp, the same length byte for byte), wrapped again after
// every edit in the field's callback, so the cursor stays where it was.
#include "widgets.hpp"

#include "script.hpp"
#include "app/soft_wrap.hpp"

#include <imgui.h>
#include <imgui_internal.h> // GetActiveID, ClearActiveID
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstring>

namespace tdkt::ui {
namespace {

float textWidth(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

// The soft breaks of the field being typed in. Only one field is active at a time
// (ImGui keeps its own edit state the same way, in its context).
struct ActiveWrap {
    ImGuiID id = 0;
    app::SoftWrap wrap;
    float width = 0;
    int selFrom = 0, selTo = 0; // the selection at the last callback (bytes of wrap.shown)
};

bool ctrlKey(ImGuiKey key) { return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

ActiveWrap& active() {
    static ActiveWrap a; // one for the process, like ImGui's InputTextState
    return a;
}

struct Frame {
    ImGuiID id;
    const app::SoftWrap* shown; // what was handed to ImGui this frame
    float width;
};

int rewrap(ImGuiInputTextCallbackData* data) {
    const auto& f = *static_cast<const Frame*>(data->UserData);
    auto& a = active();
    if (a.id != f.id) a = {f.id, *f.shown, f.width}; // just activated: ImGui copied what we showed
    // A copy or cut this frame took the selection as shown, soft breaks as '\n': the
    // clipboard gets the user's text instead (a paste elsewhere gets no stray lines).
    if ((ctrlKey(ImGuiKey_C) || ctrlKey(ImGuiKey_X)) && a.selFrom != a.selTo)
        ImGui::SetClipboardText(app::unwrapRange(a.wrap, static_cast<std::size_t>(std::min(a.selFrom, a.selTo)),
                                                 static_cast<std::size_t>(std::max(a.selFrom, a.selTo)))
                                    .c_str());
    const bool undoing = ctrlKey(ImGuiKey_Z) || ctrlKey(ImGuiKey_Y);
    const std::string now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    a.selFrom = data->SelectionStart;
    a.selTo = data->SelectionEnd;
    if (now == a.wrap.shown && f.width == a.width) return 0;
    const auto user = app::unwrap(now, app::carrySoft(a.wrap.shown, a.wrap.soft, now, undoing));
    a.wrap = app::softWrap(user, f.width, textWidth);
    a.width = f.width;
    if (a.wrap.shown != now) { // the same length: only spaces and soft breaks swapped
        std::memcpy(data->Buf, a.wrap.shown.data(), a.wrap.shown.size());
        data->BufDirty = true;
    }
    return 0;
}

bool scriptedText(const char* verb, const std::string& caption) {
    auto* a = script().current();
    return a && a->verb == verb && a->label == caption;
}

bool area(const std::string& caption, const std::string& id, std::string& text, float height, double* typedAt) {
    ImGui::TextWrapped("%s", caption.c_str());
    const std::string label = "##" + id;
    const ImGuiID wid = ImGui::GetID(label.c_str());
    const ImGuiStyle& st = ImGui::GetStyle();
    // The text's room: the frame less its padding and a vertical scrollbar's width.
    const float width = ImGui::GetContentRegionAvail().x - st.FramePadding.x * 2 - st.ScrollbarSize - st.ItemSpacing.x;
    const app::SoftWrap shown = app::softWrap(text, width, textWidth);
    std::string buf = shown.shown;
    Frame frame{wid, &shown, width};
    ImGui::InputTextMultiline(label.c_str(), &buf, ImVec2(-1.0f, height), ImGuiInputTextFlags_CallbackAlways, rewrap,
                              &frame);
    auto& a = active();
    if (a.id == wid) {
        text = app::unwrap(buf, app::carrySoft(a.wrap.shown, a.wrap.soft, buf));
        if (ImGui::GetActiveID() != wid) a = {};
    }
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    if (typedAt && ImGui::IsItemEdited()) *typedAt = ImGui::GetTime();
    if (scriptedText("type", caption)) {
        if (ImGui::GetActiveID() == wid) ImGui::ClearActiveID(); // as a person's click elsewhere would
        a = {};
        text = script().current()->text;
        script().done();
        done = true;
    } else if (typedAt && scriptedText("typing", caption)) { // typed, the field keeps focus: the idle second commits
        text = script().current()->text;
        script().done();
        *typedAt = ImGui::GetTime();
    }
    if (!typedAt) return done;
    if (done) *typedAt = 0;
    if (*typedAt > 0 && ImGui::GetTime() - *typedAt >= IdleCommitSeconds) {
        *typedAt = 0;
        done = true;
    }
    return done;
}

} // namespace

bool textArea(const std::string& caption, const std::string& id, std::string& text, float height) {
    return area(caption, id, text, height, nullptr);
}

bool textArea(const std::string& caption, const std::string& id, std::string& text, float height, double& typedAt) {
    return area(caption, id, text, height, &typedAt);
}

} // namespace tdkt::ui
