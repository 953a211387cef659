#include "screens.hpp"

#include "ui/widgets.hpp"
#include "app/labels.hpp"
#include "tdkt/rules/finding.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawDossierEditor(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto* e = s.editor();
    if (!e) {
        w.screen = Screen::Dossiers;
        return;
    }
    if (button(tr(v, "< Danh sách", "< List"))) {
        s.closeEditor();
        w.screen = Screen::Dossiers;
        return;
    }
    ImGui::SameLine();
    if (button(tr(v, "Trình hồ sơ", "Submit"))) w.message = s.submit();
    ImGui::SameLine();
    ImGui::Text("%s: %s", tr(v, "Trạng thái", "Status"), app::enumLabel("dossiers", "status", e->text("status")).c_str());
    if (!w.message.empty()) errorText(w.message.c_str());
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("fields", ImVec2(half, 0), true);
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 11);
    for (const char* f : {"nominee_name", "award_code", "year", "period_from_year", "period_to_year", "received_on",
                          "council_members", "council_votes_for", "summary"}) {
        const std::string label = app::fieldLabel("dossiers", f) + "##" + f;
        if (input(label, e->text(f))) s.commit(f);
        if (const auto* err = e->error(f)) errorText(err->c_str());
    }
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("findings", ImVec2(0, 0), true);
    ImGui::TextUnformatted(tr(v, "Kết quả kiểm tra quy định", "Rule findings"));
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    for (const auto& f : e->findings()) {
        const ImVec4 col = f.severity == rules::Severity::Block     ? ImVec4(0.85f, 0.25f, 0.2f, 1)
                           : f.severity == rules::Severity::Warning ? ImVec4(0.85f, 0.6f, 0.1f, 1)
                                                                    : ImVec4(0.5f, 0.6f, 0.8f, 1);
        ImGui::TextColored(col, "%s", f.severity == rules::Severity::Block ? tr(v, "Chặn", "Blocks")
                                      : f.severity == rules::Severity::Warning ? tr(v, "Lưu ý", "Warning")
                                                                               : tr(v, "Thông tin", "Info"));
        ImGui::SameLine();
        ImGui::TextUnformatted(f.message.c_str());
        ImGui::TextDisabled("%s %s%s", f.source.document.c_str(), f.source.article.c_str(),
                            f.source.verified ? "" : tr(v, " (chưa kiểm chứng)", " (unverified)"));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}
} // namespace tdkt::ui
