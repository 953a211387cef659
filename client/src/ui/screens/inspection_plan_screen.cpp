// Kế hoạch: the open plan — number, dates, team, its targets with their progress —
// and the report's export (Xuất báo cáo).
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/typed_value.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

void targetsTable(app::Session& s, WindowState& w, const inspection::InspectionReport& p) {
    const bool v = isVi(s);
    if (!ImGui::BeginTable("targets", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
    const float em = ImGui::GetFontSize();
    setupColumn(tr(v, "Đơn vị được kiểm tra", "Inspected unit"), ImGuiTableColumnFlags_WidthStretch, 4);
    setupColumn(tr(v, "Hình thức", "Mode"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Ngày kiểm tra", "Visit"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    setupColumn(tr(v, "Hạn thông báo", "Notice by"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    setupColumn(tr(v, "Hạn nộp báo cáo", "Report due"), ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
    setupColumn(tr(v, "Tiến độ", "Progress"), ImGuiTableColumnFlags_WidthFixed, em * 5);
    setupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 10);
    ImGui::TableHeadersRow();
    for (const auto& t : p.targets) {
        ImGui::PushID(t.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", t.unitName.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", app::enumLabel("inspection_targets", "mode", t.mode, s.lang).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app::shownDate(t.scheduledOn).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app::shownDate(t.noticeBy).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(app::shownDate(t.reportDue).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d/%d %s", t.assessed, t.total, tr(v, "mục", "items"));
        ImGui::TableNextColumn();
        if (button(tr(v, "Danh mục", "Checklist"))) {
            s.inspections.openTarget(t.id);
            w.screen = Screen::Checklist;
        }
        ImGui::SameLine();
        if (button(tr(v, "Kết luận", "Conclusion"))) {
            s.inspections.openTarget(t.id);
            w.screen = Screen::Conclusion;
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void exportRow(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    if (u.reportPath.empty()) u.reportPath = (s.dbPath().parent_path() / "bao-cao-kiem-tra.docx").string();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 24);
    input(tr(v, "Tệp báo cáo", "Report file"), u.reportPath);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Xuất báo cáo", "Export report"))) {
        w.message = s.inspections.exportReport(s.store(), u.reportPath, s.reportDir() / "docx", false, s.lang);
        u.notice = w.message.empty() ? std::string(tr(v, "Đã ghi báo cáo: ", "Report written: ")) + u.reportPath : "";
    }
}

} // namespace

void drawInspectionPlan(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    if (button(tr(v, "< Danh sách kế hoạch", "< Plans"))) w.screen = Screen::Inspections;
    const auto* p = s.inspections.plan(s.store(), s.inspectionEpoch());
    if (!p) {
        ImGui::TextUnformatted(tr(v, "Chưa chọn kế hoạch.", "No plan open."));
        return;
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", p->title.c_str());
    ImGui::Text("%s %s   %s %s   %s %d   %s %s", tr(v, "Số:", "No.:"), p->number.empty() ? "—" : p->number.c_str(),
                tr(v, "Ngày:", "Date:"), p->planDate.empty() ? "—" : app::shownDate(p->planDate).c_str(), tr(v, "Năm:", "Year:"),
                p->year, tr(v, "Đơn vị ban hành:", "Issued by:"), p->issuerName.c_str());
    // Team and targets scroll; the export row stays under them.
    ImGui::BeginChild("plan", ImVec2(0, -ImGui::GetFontSize() * 4.5f));
    sectionTitle(tr(v, "Đoàn kiểm tra", "Team"));
    if (p->team.empty()) ImGui::TextDisabled("%s", tr(v, "Chưa có thành viên.", "No members yet."));
    for (const auto& m : p->team)
        ImGui::BulletText("%s — %s", m.name.c_str(), app::enumLabel("inspection_team", "role", m.role, s.lang).c_str());
    sectionTitle(tr(v, "Đơn vị được kiểm tra", "Inspected units"));
    targetsTable(s, w, *p);
    ImGui::EndChild();
    exportRow(s, w);
    if (!w.message.empty()) errorText(w.message.c_str());
    if (!w.inspection.notice.empty()) noticeText(w.inspection.notice.c_str());
}

} // namespace tdkt::ui
