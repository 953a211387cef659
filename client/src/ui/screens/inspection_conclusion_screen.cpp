// Phát hiện, kết luận, kiến nghị of the open target: add findings and
// recommendations (due date, follow-up), write the team's conclusion, and the
// leader publishes it (the server refuses anyone else).
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/widgets.hpp"
#include "app/typed_value.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

void findings(app::Session& s, WindowState& w, const inspection::TargetReport& t) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    sectionTitle((std::string(tr(v, "Phát hiện", "Findings")) + " (" + std::to_string(t.findings.size()) + ")").c_str());
    for (const auto& f : t.findings)
        ImGui::BulletText("%s%s%s", f.severity.empty() ? "" : (app::enumLabel("findings", "severity", f.severity, s.lang) + ": ").c_str(),
                          f.content.c_str(), f.itemNumber.empty() ? "" : (" (" + f.itemNumber + ")").c_str());
    // The text on its own line and the choices under it: nothing runs off at 1.5×.
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 9);
    input(tr(v, "Nội dung phát hiện", "Finding"), u.finding);
    ImGui::PopItemWidth();
    for (const char* sev : {"uu_diem", "han_che", "vi_pham"}) {
        if (std::string_view(sev) != "uu_diem") ImGui::SameLine();
        if (ImGui::RadioButton(app::enumLabel("findings", "severity", sev, s.lang).c_str(), u.severity == sev)) u.severity = sev;
    }
    ImGui::SameLine();
    if (button(tr(v, "Thêm phát hiện", "Add finding"))) {
        w.message = s.inspections.addFinding(s.store(), u.finding, u.severity, s.lang);
        s.noteLocal("findings");
        if (w.message.empty()) u.finding.clear();
    }
}

void recommendations(app::Session& s, WindowState& w, const inspection::TargetReport& t) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    const float em = ImGui::GetFontSize();
    sectionTitle((std::string(tr(v, "Kiến nghị", "Recommendations")) + " (" + std::to_string(t.recommendations.size()) + ")").c_str());
    if (!t.recommendations.empty() && ImGui::BeginTable("recs", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        setupColumn(tr(v, "Nội dung kiến nghị", "Recommendation"), ImGuiTableColumnFlags_WidthStretch, 4);
        setupColumn(tr(v, "Đơn vị thực hiện", "Unit to act"), ImGuiTableColumnFlags_WidthStretch, 2);
        setupColumn(tr(v, "Hạn", "Due"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
        setupColumn(tr(v, "Tình hình thực hiện", "Follow-up"), ImGuiTableColumnFlags_WidthFixed, em * 9);
        ImGui::TableHeadersRow();
        for (const auto& r : t.recommendations) {
            ImGui::PushID(r.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.content.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.unitName.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app::shownDate(r.dueDate).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(app::enumLabel("recommendations", "follow_up", r.followUp.empty() ? "chua_thuc_hien" : r.followUp, s.lang).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PushItemWidth(-em * 9);
    input(tr(v, "Nội dung kiến nghị", "Recommendation"), u.recommendation);
    ImGui::PopItemWidth();
    ImGui::PushItemWidth(em * 6);
    input(tr(v, "Hạn thực hiện", "Due date"), u.due);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Thêm kiến nghị", "Add recommendation"))) {
        w.message = s.inspections.addRecommendation(s.store(), u.recommendation, u.due, s.lang);
        s.noteLocal("recommendations");
        if (w.message.empty()) {
            u.recommendation.clear();
            u.due.clear();
        }
    }
}

void conclusion(app::Session& s, WindowState& w, const inspection::TargetReport& t) {
    const bool v = isVi(s);
    auto& u = w.inspection;
    sectionTitle(tr(v, "Kết luận của Đoàn kiểm tra", "The team's conclusion"));
    if (u.conclusionTarget != t.id) { // another target: its own conclusion in the buffers
        u.conclusionTarget = t.id;
        u.strengths = t.strengths;
        u.weaknesses = t.weaknesses;
        u.conclusion = t.conclusion;
        u.concludedOn = t.concludedOn;
    }
    // Paragraphs: fields that wrap them (polish, issue 17).
    const float h = ImGui::GetFontSize() * 4.5f;
    textArea(tr(v, "Kết quả đạt được", "Achieved"), "strengths", u.strengths, h);
    textArea(tr(v, "Tồn tại, hạn chế", "Shortcomings"), "weaknesses", u.weaknesses, h);
    textArea(tr(v, "Kết luận", "Conclusion"), "conclusion", u.conclusion, h);
    ImGui::PushItemWidth(ImGui::GetFontSize() * 6);
    input(tr(v, "Ngày kết luận", "Concluded on"), u.concludedOn);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Lưu kết luận", "Save conclusion"))) {
        w.message = s.inspections.conclude(s.store(), u.strengths, u.weaknesses, u.conclusion, u.concludedOn, s.lang);
        s.noteLocal("inspection_conclusions");
    }
    ImGui::SameLine();
    if (t.conclusionStatus == "da_cong_bo") {
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s %s", tr(v, "Đã công bố ngày", "Published on"),
                           app::shownDate(t.publishedOn).c_str());
    } else if (button(tr(v, "Công bố kết luận (Trưởng đoàn)", "Publish (team leader)"))) {
        w.message = s.inspections.publish(s.store(), s.bar().user, s.lang);
        s.noteLocal("inspection_targets");
    }
}

} // namespace

void drawConclusion(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    if (button(tr(v, "< Danh mục", "< Checklist"))) w.screen = Screen::Checklist;
    ImGui::SameLine();
    if (button(tr(v, "Kế hoạch", "Plan"))) w.screen = Screen::InspectionPlan;
    const auto* t = s.inspections.target(s.store(), s.inspectionEpoch());
    if (!t) {
        ImGui::TextUnformatted(tr(v, "Chưa chọn đơn vị được kiểm tra.", "No inspected unit open."));
        return;
    }
    ImGui::SameLine();
    ImGui::Text("%s — %d/%d %s", t->unitName.c_str(), t->assessed, t->total, tr(v, "mục đã đánh giá", "items assessed"));
    ImGui::BeginChild("work", ImVec2(0, w.message.empty() ? 0 : -ImGui::GetFontSize() * 2.5f));
    findings(s, w, *t);
    recommendations(s, w, *t);
    conclusion(s, w, *t);
    ImGui::EndChild();
    if (!w.message.empty()) errorText(w.message.c_str());
}

} // namespace tdkt::ui
