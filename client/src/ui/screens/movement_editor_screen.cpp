// The movement editor (issue 17): the plan (kế hoạch số…, ngày…), launching level
// and unit, period, method, status and content on the left, committed field by
// field; the targets per unit, results and model examples on the right.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/pickers.hpp"
#include "ui/text_fit.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include "tdkt/schema/schema.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

// An enumeration field by its labels; "—" clears it.
void enumCell(app::Session& s, WindowState& w, app::RowDraft& row, const std::string& field, bool editable) {
    const auto* fd = schema::registry().require(row.table()).field(field);
    const std::string code = row.stored(field);
    const std::string shown = code.empty() ? "—" : app::enumLabel(row.table(), field, code, s.lang);
    if (!editable) {
        wrapped(shown);
        return;
    }
    std::vector<std::string> items{"—"};
    std::size_t selected = 0;
    for (const auto& v : fd->values) {
        if (v.code == code) selected = items.size();
        items.push_back(app::labelIn(v.label, s.lang));
    }
    if (auto i = combo("##" + app::labelIn(fd->label, s.lang), shown, items, selected))
        w.movement.message = s.movements.pick(s, row, field, *i == 0 ? std::string() : fd->values[*i - 1].code);
}

void fieldRow(const std::string& label) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    wrapped(label);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
}

void movementFields(app::Session& s, WindowState& w, app::RowDraft& m, bool editable) {
    if (!ImGui::BeginTable("movement-fields", 2, ImGuiTableFlags_SizingStretchProp)) return;
    setupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1);
    setupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    const bool v = isVi(s);
    auto typed = [&](const char* field, const char* hint = nullptr) {
        const std::string label = app::fieldLabel("movements", field, s.lang);
        fieldRow(label);
        movementCell(s, w, m, field, "##" + label, editable, hint);
    };
    typed("title");
    typed("plan_number", "12/KH-UBND");
    typed("plan_date", tr(v, "ngày/tháng/năm", "day/month/year"));
    fieldRow(app::fieldLabel("movements", "launch_level", s.lang));
    enumCell(s, w, m, "launch_level", editable);
    fieldRow(app::fieldLabel("movements", "unit_id", s.lang));
    const std::string unit = m.stored("unit_id");
    if (!editable) {
        wrapped(s.shownValue("movements", "unit_id", Value{unit}));
    } else if (auto u = unitCombo(s, "##" + app::fieldLabel("movements", "unit_id", s.lang), unit)) {
        w.movement.message = s.movements.pick(s, m, "unit_id", u->id);
    }
    typed("period_from", tr(v, "ngày/tháng/năm", "day/month/year"));
    typed("period_to", tr(v, "ngày/tháng/năm", "day/month/year"));
    fieldRow(app::fieldLabel("movements", "method", s.lang));
    enumCell(s, w, m, "method", editable);
    fieldRow(app::fieldLabel("movements", "status", s.lang));
    enumCell(s, w, m, "status", editable);
    ImGui::EndTable();
    const std::string caption = app::fieldLabel("movements", "description", s.lang);
    if (!editable) {
        ImGui::TextDisabled("%s", caption.c_str());
        wrapped(m.text("description"));
    } else if (textArea(caption, "description", m.text("description"), ImGui::GetFontSize() * 6,
                        w.movement.typedAt["movements/" + m.id() + "/description"])) {
        s.movements.commit(s, m, "description");
    }
    if (const auto* e = m.error("description")) errorText(e->c_str());
}

// Leaving the editor: what was typed and not yet committed is kept, not lost.
void commitAll(app::Session& s, app::MovementEditor& e) {
    auto all = [&](app::RowDraft& row) {
        if (!s.movements.canEdit(s, row.stored("unit_id"))) return;
        for (const auto& f : schema::registry().require(row.table()).fields)
            if (f.type != schema::FieldType::Enum && f.type != schema::FieldType::Ref) s.movements.commit(s, row, f.name);
    };
    all(e.movement);
    for (auto* rows : {&e.targets, &e.results, &e.examples})
        for (auto& r : *rows) all(r);
}

} // namespace

void leaveMovementEditor(app::Session& s, WindowState& w) {
    if (auto* e = s.movements.editor(s)) commitAll(s, *e);
    w.movement.typedAt.clear();
}

void movementCell(app::Session& s, WindowState& w, app::RowDraft& row, const std::string& field,
                  const std::string& label, bool editable, const char* hint) {
    if (!editable) {
        wrapped(row.text(field));
        return;
    }
    const std::string key = row.table() + "/" + row.id() + "/" + field;
    ImGui::PushID(key.c_str());
    if (input(label, row.text(field), w.movement.typedAt[key], hint)) s.movements.commit(s, row, field);
    ImGui::PopID();
    if (const auto* e = row.error(field)) errorText(e->c_str());
}

void drawMovementEditor(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto* e = s.movements.editor(s);
    if (!e) {
        w.screen = Screen::Movements;
        return;
    }
    auto& m = e->movement;
    const bool editable = s.movements.canEdit(s, m.stored("unit_id"));
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (button(tr(v, "< Danh sách", "< List")) || (!popupOpen && shortcut(Shortcut::Close))) {
        commitAll(s, *e);
        w.movement.typedAt.clear();
        w.movement.message.clear();
        s.movements.close();
        w.screen = Screen::Movements;
        return;
    }
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.1f, 0.25f, 0.55f, 1), "%s", m.text("title").c_str()); // the whole title, wrapped
    ImGui::PopTextWrapPos();
    if (!editable)
        ImGui::TextDisabled("%s", tr(v, "Phong trào do đơn vị khác phát động: chỉ xem; chỉ tiêu và kết quả của đơn vị "
                                        "mình vẫn ghi được.",
                                     "Launched by another unit: read-only; your unit's targets and results can "
                                     "still be recorded."));
    if (!w.movement.message.empty()) errorText(w.movement.message.c_str());
    const float left = ImGui::GetContentRegionAvail().x * 0.4f;
    ImGui::BeginChild("movement", ImVec2(left, 0), true);
    movementFields(s, w, m, editable);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("targets", ImVec2(0, 0), true);
    drawMovementTargets(s, w, *e);
    drawMovementResults(s, w, *e);
    if (app::MovementView::hasExamples(s)) drawModelExamples(s, w, *e);
    ImGui::EndChild();
}

} // namespace tdkt::ui
