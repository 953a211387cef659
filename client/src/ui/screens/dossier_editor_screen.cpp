// The dossier editor: the nominee, award form and unit picked (pickers.hpp), the
// typed fields committed on focus lost, Enter or a second after the last
// keystroke, the components checklist, and the rules engine's findings beside.
#include "screens.hpp"

#include "ui/pickers.hpp"
#include "ui/widgets.hpp"
#include "app/finding_text.hpp"
#include "app/labels.hpp"
#include "app/reference_view.hpp"
#include "tdkt/rules/finding.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

void nomineePickers(app::Session& s, WindowState& w, app::DossierEditor& e, bool v) {
    const std::string kind = e.text("nominee_kind").empty() ? "ca_nhan" : e.text("nominee_kind");
    if (auto k = nomineeKindCombo(app::fieldLabel("dossiers", "nominee_kind", s.lang) + "##kind", kind, s.lang); k && *k != kind)
        w.message = s.pick("nominee_kind", *k);
    if (kind == "tap_the") {
        if (auto u = unitCombo(s, std::string(tr(v, "Tập thể được đề nghị", "Collective")) + "##collective",
                               e.text("collective_unit_id")))
            w.message = s.pickNominee("tap_the", *u);
    } else {
        ImGui::Text("%s: %s", app::fieldLabel("dossiers", "nominee_name", s.lang).c_str(), e.text("nominee_name").c_str());
        if (auto p = personPicker(s, std::string(tr(v, "Tìm người", "Find a person")) + "##person", w.nomineeSearch)) {
            w.message = s.pickNominee(kind, *p);
            w.nomineeSearch.clear();
        }
    }
    if (auto a = awardCombo(s, app::fieldLabel("dossiers", "award_code", s.lang) + "##award", kind, e.text("award_code")))
        w.message = s.pick("award_code", a->id);
    if (auto u = unitCombo(s, app::fieldLabel("dossiers", "unit_id", s.lang) + "##unit", e.text("unit_id")))
        w.message = s.pick("unit_id", u->id);
}

void typedFields(app::Session& s, WindowState& w, app::DossierEditor& e) {
    for (const char* f : {"year", "period_from_year", "period_to_year"}) {
        const std::string label = app::fieldLabel("dossiers", f, s.lang) + "##" + f;
        if (input(label, e.text(f), w.typedAt[f])) s.commit(f);
        if (const auto* err = e.error(f)) errorText(err->c_str());
    }
    // The achievements are a paragraph: a field that wraps it (polish, issue 17).
    if (textArea(app::fieldLabel("dossiers", "summary", s.lang), "summary", e.text("summary"),
                 ImGui::GetFontSize() * 6, w.typedAt["summary"]))
        s.commit("summary");
    if (const auto* err = e.error("summary")) errorText(err->c_str());
    // The review's and the decision's fields are written by the status steps above, by
    // the roles that may: here they are only read.
    // Dates as dd/mm/yyyy, the issuer by its name, the amount in đồng with its dots.
    for (const char* f : {"submitted_on", "received_on", "council_members", "council_votes_for", "status_reason",
                          "issuer_kind", "issuer_name", "decision_number", "decision_date", "amount"}) {
        const std::string& text = e.text(f);
        if (text.empty()) continue;
        std::string shown = s.shownValue("dossiers", f, Value{text});
        if (std::string_view(f) == "amount") {
            try {
                shown = app::dong(std::stod(text)) + tr(s.lang == app::Lang::Vi, " đồng", " dong");
            } catch (...) {
            }
        }
        ImGui::TextWrapped("%s: %s", app::fieldLabel("dossiers", f, s.lang).c_str(), shown.c_str());
    }
}

void findingsPanel(app::DossierEditor& e, app::Lang lang) {
    const bool v = lang == app::Lang::Vi;
    const std::string award = e.text("award_code");
    ImGui::TextUnformatted(tr(v, "Kết quả kiểm tra quy định", "Rule findings"));
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    if (e.findings().empty()) ImGui::TextDisabled("%s", tr(v, "Không có phát hiện nào.", "No findings."));
    for (const auto& f : e.findings()) {
        const ImVec4 col = f.severity == rules::Severity::Block     ? ImVec4(0.85f, 0.25f, 0.2f, 1)
                           : f.severity == rules::Severity::Warning ? ImVec4(0.85f, 0.6f, 0.1f, 1)
                                                                    : ImVec4(0.5f, 0.6f, 0.8f, 1);
        ImGui::TextColored(col, "%s", f.severity == rules::Severity::Block ? tr(v, "Chặn", "Blocks")
                                      : f.severity == rules::Severity::Warning ? tr(v, "Lưu ý", "Warning")
                                                                               : tr(v, "Thông tin", "Info"));
        const auto text = app::findingText(f, award, lang);
        if (!text.kind.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(col, "· %s", text.kind.c_str());
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(text.sentence.c_str());
        ImGui::TextDisabled("%s %s%s", f.source.document.c_str(), f.source.article.c_str(),
                            f.source.verified ? "" : tr(v, " (chưa kiểm chứng)", " (unverified)"));
    }
    ImGui::PopTextWrapPos();
}

} // namespace

void leaveDossierEditor(app::Session& s, WindowState& w) {
    if (!s.editor()) return;
    for (const char* f : {"year", "period_from_year", "period_to_year", "summary"}) s.commit(f); // unchanged: nothing written
    for (auto& [f, at] : w.typedAt)
        if (!f.starts_with("ref.")) at = 0;
}

void drawDossierEditor(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto* e = s.editor();
    if (!e) {
        w.screen = Screen::Dossiers;
        return;
    }
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (button(tr(v, "< Danh sách", "< List")) || (!popupOpen && shortcut(Shortcut::Close))) {
        for (auto& [f, at] : w.typedAt) // what is typed is kept, not lost with the editor
            if (at > 0) s.commit(f);
        w.typedAt.clear();
        s.closeEditor();
        w.screen = Screen::Dossiers;
        return;
    }
    ImGui::SameLine();
    if (button(tr(v, "Lịch sử", "History"))) { // records (issue 17): who changed what, when, where
        for (auto& [f, at] : w.typedAt)
            if (at > 0) {
                at = 0;
                s.commit(f);
            }
        openHistory(s, w, "dossiers", e->id());
        return;
    }
    ImGui::SameLine();
    ImGui::Text("%s: %s", tr(v, "Trạng thái", "Status"), app::enumLabel("dossiers", "status", e->text("status"), s.lang).c_str());
    drawSteps(s, w);
    if (!w.message.empty()) errorText(w.message.c_str());
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("fields", ImVec2(half, 0), true);
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 11);
    nomineePickers(s, w, *e, v);
    typedFields(s, w, *e);
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("findings", ImVec2(0, 0), true); // what the dossier holds, then what the rules say of it
    drawComponentsChecklist(s, w);
    ImGui::Separator();
    findingsPanel(*e, s.lang);
    ImGui::EndChild();
}
} // namespace tdkt::ui
