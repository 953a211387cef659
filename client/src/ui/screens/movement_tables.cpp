// The movement editor's tables (issue 17): targets per unit (chỉ tiêu), the
// results units reported against them, and the model examples found in the
// movement. Every cell has a label a script can address ("Chỉ tiêu 1",
// "Kết quả 1"); a row of another unit is read-only.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/pickers.hpp"
#include "ui/ellipsis.hpp"
#include "ui/text_fit.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

constexpr ImGuiTableFlags TableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                       ImGuiTableFlags_SizingStretchProp;

std::string numbered(const char* label, std::size_t i) { return std::string(label) + " " + std::to_string(i + 1); }

void cell(app::Session& s, WindowState& w, app::RowDraft& row, const char* field, const std::string& label,
          bool editable, const char* hint = nullptr) {
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    movementCell(s, w, row, field, "##" + label, editable, hint);
}

void textCell(const std::string& text) {
    ImGui::TableNextColumn();
    wrapped(text);
}

bool deleteCell(app::Session& s, WindowState& w, app::RowDraft& row, bool editable, std::size_t i) {
    ImGui::TableNextColumn();
    if (!editable) return false;
    if (!button(std::string(tr(isVi(s), "Xóa", "Delete")) + "##" + row.table() + std::to_string(i))) return false;
    w.movement.message = s.movements.remove(s, row.table(), row.id());
    return true;
}

std::string unitOf(app::Session& s, const app::RowDraft& row) {
    return s.shownValue(row.table(), "unit_id", Value{row.stored("unit_id")});
}

// The next control of a new-row line on the same line when it fits, else on the next (1.5×, 2×).
void flow(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

void flowButton(const char* label) {
    flow(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
}

void newInput(const std::string& label, std::string& text, float ems, const char* hint = nullptr) {
    flow(ImGui::GetFontSize() * ems);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * ems);
    input("##" + label, text, false, hint);
}

} // namespace

void drawMovementTargets(app::Session& s, WindowState& w, app::MovementEditor& e) {
    const bool v = isVi(s);
    sectionTitle(tr(v, "Chỉ tiêu giao cho đơn vị", "Targets per unit"));
    if (ImGui::BeginTable("targets", 6, TableFlags)) {
        setupColumn(tr(v, "Đơn vị", "Unit"), 0, 1.3f);
        setupColumn(tr(v, "Chỉ tiêu", "Indicator"), 0, 3);
        setupColumn(tr(v, "Mức chỉ tiêu", "Target"), 0, 1);
        setupColumn(tr(v, "Đơn vị tính", "Measure"), 0, 1);
        setupColumn(tr(v, "Hạn hoàn thành", "Due"), 0, 1.3f);
        setupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < e.targets.size(); ++i) {
            auto& t = e.targets[i];
            const bool editable = s.movements.canEdit(s, t.stored("unit_id"));
            ImGui::TableNextRow();
            ImGui::PushID(t.id().c_str());
            textCell(unitOf(s, t));
            cell(s, w, t, "indicator", numbered(tr(v, "Chỉ tiêu", "Indicator"), i), editable);
            cell(s, w, t, "target_value", numbered(tr(v, "Mức chỉ tiêu", "Target"), i), editable);
            cell(s, w, t, "measure", numbered(tr(v, "Đơn vị tính", "Measure"), i), editable);
            cell(s, w, t, "due_date", numbered(tr(v, "Hạn hoàn thành", "Due"), i), editable);
            const bool gone = deleteCell(s, w, t, editable, i);
            ImGui::PopID();
            if (gone) break; // the rows are read again next frame
        }
        ImGui::EndTable();
    }
    auto& n = w.movement.target;
    if (n.unitId.empty()) n.unitId = s.movements.ownUnit(s);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (auto u = unitCombo(s, std::string("##") + tr(v, "Đơn vị của chỉ tiêu", "Target's unit"), n.unitId)) n.unitId = u->id;
    newInput(tr(v, "Chỉ tiêu mới", "New indicator"), n.indicator, 12);
    newInput(tr(v, "Mức chỉ tiêu mới", "New target"), n.value, 4, tr(v, "Mức", "Target"));
    newInput(tr(v, "Đơn vị tính mới", "New measure"), n.measure, 4, tr(v, "Đơn vị tính", "Measure"));
    newInput(tr(v, "Hạn hoàn thành mới", "New due date"), n.due, 5, tr(v, "Hạn", "Due"));
    flowButton(tr(v, "Thêm chỉ tiêu", "Add target"));
    if (button(tr(v, "Thêm chỉ tiêu", "Add target"))) {
        w.movement.message = s.movements.addTarget(s, n);
        if (w.movement.message.empty()) n = app::NewTarget{n.unitId, {}, {}, {}, {}}; // typed text stays when refused
    }
}

void drawMovementResults(app::Session& s, WindowState& w, app::MovementEditor& e) {
    const bool v = isVi(s);
    sectionTitle(tr(v, "Kết quả thực hiện", "Results"));
    std::map<std::string, const app::RowDraft*> targets;
    for (const auto& t : e.targets) targets[t.id()] = &t;
    if (ImGui::BeginTable("results", 7, TableFlags)) {
        setupColumn(tr(v, "Đơn vị", "Unit"), 0, 1.3f);
        setupColumn(tr(v, "Chỉ tiêu", "Indicator"), 0, 2.6f);
        setupColumn(tr(v, "Năm", "Year"), 0, 0.8f);
        setupColumn(tr(v, "Kết quả đạt được", "Achieved"), 0, 1.2f);
        setupColumn(tr(v, "Ngày báo cáo", "Reported on"), 0, 1.3f);
        setupColumn(tr(v, "Ghi chú", "Note"), 0, 1.5f);
        setupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < e.results.size(); ++i) {
            auto& r = e.results[i];
            const bool editable = s.movements.canEdit(s, r.stored("unit_id"));
            ImGui::TableNextRow();
            ImGui::PushID(r.id().c_str());
            textCell(unitOf(s, r));
            std::string indicator = r.text("indicator");
            if (auto t = targets.find(r.stored("target_id")); t != targets.end() && !t->second->stored("target_value").empty())
                indicator += " (" + std::string(tr(v, "chỉ tiêu ", "target ")) + t->second->saved("target_value") + " " +
                             t->second->saved("measure") + ")";
            textCell(indicator);
            cell(s, w, r, "year", numbered(tr(v, "Năm kết quả", "Result year"), i), editable);
            cell(s, w, r, "achieved_value", numbered(tr(v, "Kết quả", "Result"), i), editable);
            cell(s, w, r, "reported_on", numbered(tr(v, "Ngày báo cáo", "Reported on"), i), editable);
            cell(s, w, r, "note", numbered(tr(v, "Ghi chú", "Note"), i), editable);
            const bool gone = deleteCell(s, w, r, editable, i);
            ImGui::PopID();
            if (gone) break;
        }
        ImGui::EndTable();
    }
    // A result is reported against a target of the user's unit: its unit and indicator follow.
    auto& n = w.movement.result;
    std::vector<std::string> items;
    std::vector<std::string> ids;
    std::size_t selected = 0;
    for (const auto& t : e.targets) {
        if (!s.movements.canEdit(s, t.stored("unit_id"))) continue;
        if (t.id() == n.targetId) selected = items.size();
        items.push_back(t.stored("indicator") + " · " + unitOf(s, t));
        ids.push_back(t.id());
    }
    if (items.empty()) {
        ImGui::TextDisabled("%s", tr(v, "Thêm chỉ tiêu của đơn vị mình trước khi ghi kết quả.",
                                     "Add a target of your unit before recording a result."));
        return;
    }
    if (n.targetId.empty() || std::find(ids.begin(), ids.end(), n.targetId) == ids.end()) n.targetId = ids.front();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (auto i = combo(std::string("##") + tr(v, "Chỉ tiêu của kết quả", "Result's target"), ellipsized(items[selected], ImGui::GetFontSize() * 12),
                       items, selected))
        n.targetId = ids[*i];
    newInput(tr(v, "Năm kết quả mới", "New result year"), n.year, 3.5f, tr(v, "Năm", "Year"));
    newInput(tr(v, "Kết quả đạt được mới", "New achieved value"), n.achieved, 5, tr(v, "Kết quả", "Achieved"));
    newInput(tr(v, "Ngày báo cáo mới", "New report date"), n.reportedOn, 5, tr(v, "Ngày báo cáo", "Reported on"));
    flowButton(tr(v, "Thêm kết quả", "Add result"));
    if (button(tr(v, "Thêm kết quả", "Add result"))) {
        w.movement.message = s.movements.addResult(s, n);
        if (w.movement.message.empty()) n = app::NewResult{n.targetId, {}, {}, {}, {}};
    }
}

void drawModelExamples(app::Session& s, WindowState& w, app::MovementEditor& e) {
    const bool v = isVi(s);
    sectionTitle(tr(v, "Điển hình tiên tiến trong phong trào", "Model examples"));
    if (!e.examples.empty() && ImGui::BeginTable("examples", 5, TableFlags)) {
        setupColumn(tr(v, "Tập thể, cá nhân", "Collective or person"), 0, 2);
        setupColumn(tr(v, "Đối tượng", "Kind"), 0, 1);
        setupColumn(tr(v, "Năm", "Year"), 0, 0.8f);
        setupColumn(tr(v, "Thành tích, mô hình tiêu biểu", "Achievement"), 0, 3);
        setupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < e.examples.size(); ++i) {
            auto& x = e.examples[i];
            const bool editable = s.movements.canEdit(s, x.stored("unit_id"));
            ImGui::TableNextRow();
            ImGui::PushID(x.id().c_str());
            cell(s, w, x, "name", numbered(tr(v, "Điển hình", "Example"), i), editable);
            textCell(app::enumLabel("model_examples", "nominee_kind", x.stored("nominee_kind"), s.lang));
            cell(s, w, x, "year", numbered(tr(v, "Năm điển hình", "Example year"), i), editable);
            cell(s, w, x, "achievement", numbered(tr(v, "Thành tích", "Achievement"), i), editable);
            const bool gone = deleteCell(s, w, x, editable, i);
            ImGui::PopID();
            if (gone) break;
        }
        ImGui::EndTable();
    }
    auto& n = w.movement.example;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (auto k = nomineeKindCombo(std::string("##") + tr(v, "Đối tượng điển hình", "Example kind"), n.nomineeKind, s.lang))
        n.nomineeKind = *k;
    newInput(tr(v, "Tên điển hình mới", "New model example"), n.name, 12);
    newInput(tr(v, "Năm điển hình mới", "New example year"), n.year, 3.5f, tr(v, "Năm", "Year"));
    flowButton(tr(v, "Thêm điển hình", "Add model example"));
    if (button(tr(v, "Thêm điển hình", "Add model example"))) {
        w.movement.message = s.movements.addExample(s, n);
        if (w.movement.message.empty()) n = app::NewExample{{}, n.nomineeKind, {}, {}};
    }
}

} // namespace tdkt::ui
