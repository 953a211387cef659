// Danh mục kiểm tra in field mode: large controls, one item at a time or the whole
// list, keys 1/2/3 set Đạt / Chưa đạt / Không áp dụng (and move on), arrows move,
// notes and evidence per item, progress "18/27 mục". Offline: every edit is local.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

#include <array>

namespace tdkt::ui {
namespace {

constexpr std::array<const char*, 3> Results{"dat", "chua_dat", "khong_ap_dung"};

std::string resultText(bool v, const std::string& code) {
    if (code.empty()) return tr(v, "Chưa đánh giá", "Not assessed");
    if (!v) return code == "dat" ? "Met" : code == "chua_dat" ? "Not met" : "Not applicable";
    return app::enumLabel("checklist_items", "result", code, app::Lang::Vi);
}

ImVec4 resultColour(const std::string& code) {
    if (code == "dat") return {0.1f, 0.5f, 0.2f, 1};
    if (code == "chua_dat") return {0.8f, 0.25f, 0.15f, 1};
    if (code == "khong_ap_dung") return {0.4f, 0.4f, 0.4f, 1};
    return {0.55f, 0.45f, 0.1f, 1};
}

// Keys 1/2/3 on the current item: its result, then the next item.
void resultKeys(app::Session& s, WindowState& w, const std::vector<const inspection::ReportItem*>& items) {
    auto& view = s.inspections;
    if (items.empty()) return;
    for (std::size_t k = 0; k < Results.size(); ++k)
        if (keyPressed(static_cast<char>('1' + k))) {
            w.message = view.setResult(s.store(), items[view.current]->id, Results[k], s.lang);
            s.noteLocal("checklist_items");
            if (w.message.empty() && view.current + 1 < items.size()) ++view.current;
        }
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) && view.current + 1 < items.size()) ++view.current;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) && view.current > 0) --view.current;
    }
}

void resultButtons(app::Session& s, WindowState& w, const inspection::ReportItem& item, float widthEms, bool numbered) {
    const bool v = isVi(s);
    for (std::size_t k = 0; k < Results.size(); ++k) {
        if (k) ImGui::SameLine();
        std::string label = resultText(v, Results[k]);
        if (numbered) label = std::to_string(k + 1) + "  " + label;
        if (bigButton(label + "##" + Results[k], widthEms, item.result == Results[k])) {
            w.message = s.inspections.setResult(s.store(), item.id, Results[k], s.lang);
            s.noteLocal("checklist_items");
        }
    }
}

// The notes typed for the item they were read from go in (an edit not committed yet).
void saveNotes(app::Session& s, WindowState& w) {
    auto& u = w.inspection;
    u.notesTypedAt = u.evidenceTypedAt = 0;
    if (!u.notesEdited || u.notesItem.empty()) return;
    w.message = s.inspections.setNotes(s.store(), u.notesItem, u.notes, u.evidence, s.lang);
    if (w.message.empty()) u.notesEdited = false; // refused: what was typed stays in the fields
    s.noteLocal("checklist_items");
}

void notesFields(app::Session& s, WindowState& w, const inspection::ReportItem& item) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    if (u.notesItem != item.id) { // another item: the last one's typing first, then its own notes
        saveNotes(s, w);
        u.notesItem = item.id;
        u.notes = item.notes;
        u.evidence = item.evidence;
        u.notesEdited = false;
    }
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 10);
    // Typed and not committed yet: its keystroke time is set (the idle second commits it).
    const bool save = input(tr(v, "Ghi chú", "Notes"), u.notes, u.notesTypedAt);
    const bool saveEvidence = input(tr(v, "Tài liệu kiểm chứng", "Evidence"), u.evidence, u.evidenceTypedAt);
    u.notesEdited = u.notesEdited || save || saveEvidence || u.notesTypedAt > 0 || u.evidenceTypedAt > 0;
    ImGui::PopItemWidth();
    if (save || saveEvidence) saveNotes(s, w);
}

const std::string* sectionOf(const inspection::TargetReport& t, const inspection::ReportItem& item) {
    for (const auto& sec : t.sections)
        for (const auto& i : sec.items)
            if (i.id == item.id) return &sec.title;
    return nullptr;
}

void oneItem(app::Session& s, WindowState& w, const inspection::TargetReport& t,
             const std::vector<const inspection::ReportItem*>& items) {
    const bool v = isVi(s);
    auto& view = s.inspections;
    const auto& item = *items[view.current];
    if (const auto* title = sectionOf(t, item)) ImGui::TextDisabled("%s", title->c_str());
    ImGui::Text("%s %s  (%zu/%zu)", tr(v, "Mục", "Item"), item.number.c_str(), view.current + 1, items.size());
    ImGui::SameLine();
    ImGui::TextColored(resultColour(item.result), "— %s", resultText(v, item.result).c_str());
    ImGui::BeginChild("content", ImVec2(0, ImGui::GetFontSize() * 5.5f), true);
    ImGui::SetWindowFontScale(1.15f);
    ImGui::TextWrapped("%s", item.content.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::EndChild();
    resultButtons(s, w, item, 11, true);
    notesFields(s, w, item);
    if (bigButton(tr(v, "< Mục trước", "< Previous"), 8, false) && view.current > 0) --view.current;
    ImGui::SameLine();
    if (bigButton(tr(v, "Mục sau >", "Next >"), 8, false) && view.current + 1 < items.size()) ++view.current;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(v, "Phím 1/2/3: đặt kết quả và sang mục sau; phím mũi tên trái/phải: chuyển mục",
                                 "Keys 1/2/3: set the result and go on; left/right arrows: move"));
}

void wholeList(app::Session& s, WindowState& w, const std::vector<const inspection::ReportItem*>& items) {
    const bool v = isVi(s);
    auto& view = s.inspections;
    const float em = ImGui::GetFontSize();
    const float bottom = em * 5.2f; // the current item's notes under the table
    if (!ImGui::BeginTable("items", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
                           ImVec2(0, -bottom)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setupColumn(tr(v, "Mục", "Item"), ImGuiTableColumnFlags_WidthFixed, em * 3);
    setupColumn(tr(v, "Nội dung kiểm tra", "Content"), ImGuiTableColumnFlags_WidthStretch);
    setupColumn(tr(v, "Kết quả", "Result"), ImGuiTableColumnFlags_WidthFixed, em * 22);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(items.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& item = *items[static_cast<std::size_t>(i)];
            ImGui::PushID(item.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(item.number.c_str(), view.current == static_cast<std::size_t>(i)))
                view.current = static_cast<std::size_t>(i);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", item.content.c_str());
            ImGui::TableNextColumn();
            for (std::size_t k = 0; k < Results.size(); ++k) {
                if (k) ImGui::SameLine();
                if (bigButton(resultText(v, Results[k]) + "##" + Results[k], 7, item.result == Results[k])) {
                    view.current = static_cast<std::size_t>(i);
                    w.message = view.setResult(s.store(), item.id, Results[k], s.lang);
                    s.noteLocal("checklist_items");
                }
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
    const auto& cur = *items[view.current];
    ImGui::Text("%s %s: %s", tr(v, "Mục", "Item"), cur.number.c_str(), resultText(v, cur.result).c_str());
    notesFields(s, w, cur);
}

} // namespace

void drawChecklist(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& view = s.inspections;
    if (button(tr(v, "< Kế hoạch", "< Plan"))) w.screen = Screen::InspectionPlan;
    ImGui::SameLine();
    if (button(tr(v, "Phát hiện, kết luận >", "Findings, conclusion >"))) w.screen = Screen::Conclusion;
    const auto* t = view.target(s.store(), s.inspectionEpoch());
    const auto items = view.items(s.store(), s.inspectionEpoch());
    if (!t || items.empty()) {
        ImGui::TextUnformatted(tr(v, "Chưa chọn đơn vị được kiểm tra.", "No inspected unit open."));
        return;
    }
    if (view.current >= items.size()) view.current = items.size() - 1;
    ImGui::SameLine();
    ImGui::Text("%s — %s", t->unitName.c_str(), app::enumLabel("inspection_targets", "mode", t->mode, s.lang).c_str());
    const std::string progress = std::to_string(t->assessed) + "/" + std::to_string(t->total) + tr(v, " mục", " items");
    ImGui::ProgressBar(t->total ? static_cast<float>(t->assessed) / static_cast<float>(t->total) : 0.f,
                       ImVec2(ImGui::GetFontSize() * 16, 0), progress.c_str());
    ImGui::SameLine();
    if (bigButton(tr(v, "Từng mục", "One item"), 7, !w.inspection.wholeList)) w.inspection.wholeList = false;
    ImGui::SameLine();
    if (bigButton(tr(v, "Cả danh sách", "Whole list"), 7, w.inspection.wholeList)) w.inspection.wholeList = true;
    // A self-inspection once submitted is read-only to its unit (the server holds it so).
    const bool self = t->mode == "tu_kiem_tra", submitted = self && t->selfStatus == "da_nop";
    if (self) {
        ImGui::SameLine();
        if (submitted)
            ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s %s", tr(v, "Đã nộp, chỉ xem — ngày", "Submitted, read-only —"),
                               t->submittedOn.c_str());
        else if (bigButton(tr(v, "Nộp kết quả tự kiểm tra", "Submit self-inspection"), 12, false)) {
            w.message = view.submitSelf(s.store(), s.lang);
            s.noteLocal("inspection_targets");
        }
    }
    ImGui::BeginDisabled(submitted);
    if (!submitted) resultKeys(s, w, items);
    if (w.inspection.wholeList) wholeList(s, w, items);
    else oneItem(s, w, *t, items);
    ImGui::EndDisabled();
    if (!w.message.empty()) errorText(w.message.c_str());
}

void leaveChecklist(app::Session& s, WindowState& w) {
    saveNotes(s, w);
    w.inspection.notesItem.clear(); // read again from the store when the checklist opens
}

} // namespace tdkt::ui
