// The unit tree (đơn vị): every unit indented under its parent with its level and
// lineage, a unit's fields beside it; only an administrator may change them (for
// anyone else they are read-only, with the server's own sentence saying why).
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/ellipsis.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"
#include "tdkt/schema/schema.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

constexpr const char* Typed[] = {"name", "code", "address", "merged_from", "valid_from", "valid_to"};

void tree(app::Session& s, WindowState& w, bool v) {
    const auto& lines = s.records.unitLines(s);
    ImGui::Text("%zu %s", lines.size(), tr(v, "đơn vị", "units"));
    if (!ImGui::BeginTable("units", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                           ImGuiTableFlags_ScrollY))
        return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    setupColumn(tr(v, "Đơn vị", "Unit"), ImGuiTableColumnFlags_WidthStretch, 4);
    setupColumn(tr(v, "Cấp", "Level"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Số người", "People"), ImGuiTableColumnFlags_WidthFixed, em * 4);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto& l = lines[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const float indent = em * static_cast<float>(l.depth);
            if (indent > 0) ImGui::Indent(indent); // (Indent(0) would indent by the style's default)
            const std::string name = l.dissolved ? l.name + tr(v, " (đã sáp nhập)", " (merged)") : l.name;
            if (selectable(ellipsized(name, ImGui::GetContentRegionAvail().x) + "##" + l.id, l.id == w.records.unitId)) {
                w.records.unitId = l.id;
                w.records.typedAt.clear();
                w.records.message = s.records.openUnit(s, l.id);
            }
            if (indent > 0) ImGui::Unindent(indent);
            ImGui::TableNextColumn();
            fittedText(l.level);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", l.people);
        }
    ImGui::EndTable();
}

void lineage(const app::UnitLine& l, bool v, app::Lang lang) {
    if (l.mergedInto.empty() && l.mergedFrom.empty() && l.validFrom.empty() && l.validTo.empty()) return;
    sectionTitle(tr(v, "Quá trình hình thành", "Lineage"));
    ImGui::PushTextWrapPos(0);
    if (!l.mergedFrom.empty()) ImGui::Text("%s: %s", app::fieldLabel("units", "merged_from", lang).c_str(), l.mergedFrom.c_str());
    if (!l.mergedInto.empty()) ImGui::Text("%s: %s", app::fieldLabel("units", "merged_into_id", lang).c_str(), l.mergedInto.c_str());
    if (!l.validFrom.empty() || !l.validTo.empty())
        ImGui::Text("%s %s — %s", tr(v, "Hiệu lực:", "Valid:"), l.validFrom.empty() ? "…" : l.validFrom.c_str(),
                    l.validTo.empty() ? tr(v, "nay", "now") : l.validTo.c_str());
    ImGui::PopTextWrapPos();
}

// The level (cấp: xã, huyện, tỉnh...) picked from the schema's values; disabled with
// the other fields for anyone but an administrator (RecordsView::setUnit refuses too).
void levelCombo(app::Session& s, WindowState& w, app::RowForm& form) {
    const auto* fd = schema::registry().require("units").field("level");
    const std::string code = form.saved("level");
    std::vector<std::string> items;
    std::size_t selected = fd->values.size();
    for (const auto& val : fd->values) {
        if (val.code == code) selected = items.size();
        items.push_back(app::enumLabel("units", "level", val.code, s.lang));
    }
    const std::string shown = code.empty() ? "—" : app::enumLabel("units", "level", code, s.lang);
    if (auto i = combo(app::fieldLabel("units", "level", s.lang) + "##unit.level", shown, items, selected);
        i && *i != selected)
        w.records.message = s.records.setUnit(s, {{"level", Value{fd->values[*i].code}}});
    if (const auto* err = form.error("level")) errorText(err->c_str());
}

void details(app::Session& s, WindowState& w, bool v) {
    auto& form = s.records.units.form;
    if (!form.loaded() || form.id() != w.records.unitId) {
        ImGui::TextDisabled("%s", tr(v, "Chọn một đơn vị ở danh sách bên trái.", "Pick a unit on the left."));
        return;
    }
    if (button(tr(v, "Lịch sử", "History"))) {
        openHistory(s, w, "units", form.id());
        return;
    }
    const std::string locked = s.records.unitsLocked(s);
    ImGui::PushTextWrapPos(0);
    if (!locked.empty()) ImGui::TextDisabled("%s", locked.c_str());
    if (!w.records.message.empty() && w.records.message != locked) errorText(w.records.message.c_str());
    ImGui::PopTextWrapPos();
    if (!locked.empty()) ImGui::BeginDisabled();
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 11);
    for (const char* f : Typed) {
        if (input(app::fieldLabel("units", f, s.lang) + "##unit." + f, form.text(f), w.records.typedAt[std::string("units.") + f]))
            w.records.message = s.records.commitUnit(s, f);
        if (const auto* err = form.error(f)) errorText(err->c_str());
    }
    levelCombo(s, w, form);
    ImGui::PopItemWidth();
    if (!locked.empty()) ImGui::EndDisabled();
    for (const auto& l : s.records.unitLines(s))
        if (l.id == form.id()) lineage(l, v, s.lang);
}

} // namespace

void leaveUnits(app::Session& s, WindowState& w) {
    if (!s.records.units.form.loaded()) return;
    for (const char* f : Typed) s.records.commitUnit(s, f); // unchanged: nothing written
    w.records.typedAt.clear();
}

void drawUnits(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    if (!w.records.message.empty() && w.records.unitId.empty()) errorText(w.records.message.c_str());
    ImGui::BeginChild("unittree", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), true);
    tree(s, w, v);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("unitdetails", ImVec2(0, 0), true);
    details(s, w, v);
    ImGui::EndChild();
}

} // namespace tdkt::ui
