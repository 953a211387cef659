// A person's page: their fields (committed on focus lost, Enter or an idle second;
// read-only with the server's reason for anyone but their unit's staff), the awards
// they received, their yearly evaluations, the dossiers proposing them.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/ellipsis.hpp"
#include "ui/pickers.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

constexpr const char* Typed[] = {"full_name", "position", "birth_year", "recruited_on", "phone"};

void commitTyped(app::Session& s, WindowState& w) {
    for (const char* f : Typed)
        if (auto& at = w.records.typedAt[std::string("people.") + f]; at > 0) {
            at = 0;
            w.records.message = s.records.commitPerson(s, f);
        }
}

void fields(app::Session& s, WindowState& w, bool v, bool locked) {
    auto& form = s.records.person.form;
    if (locked) ImGui::BeginDisabled();
    for (const char* f : Typed) {
        const std::string label = app::fieldLabel("people", f, s.lang) + "##" + f;
        if (input(label, form.text(f), w.records.typedAt[std::string("people.") + f]))
            w.records.message = s.records.commitPerson(s, f);
        if (const auto* err = form.error(f)) errorText(err->c_str());
    }
    const std::vector<std::string> genders{"—", app::enumLabel("people", "gender", "nam", s.lang),
                                            app::enumLabel("people", "gender", "nu", s.lang)};
    const std::size_t g = form.text("gender") == "nam" ? 1 : form.text("gender") == "nu" ? 2 : 0;
    if (auto pick = combo(app::fieldLabel("people", "gender", s.lang) + "##gender", genders[g], genders, g); pick && *pick != g)
        w.records.message = s.records.setPerson(s, {{"gender", *pick == 0 ? Value{} : Value{std::string(*pick == 1 ? "nam" : "nu")}}});
    for (const char* f : {"is_leader", "is_frontline"}) {
        bool on = form.text(f) == "1";
        if (checkbox(app::fieldLabel("people", f, s.lang), on))
            w.records.message = s.records.setPerson(s, {{f, std::int64_t{on ? 1 : 0}}});
    }
    if (auto u = unitCombo(s, app::fieldLabel("people", "unit_id", s.lang) + "##personunit", form.text("unit_id")))
        w.records.message = s.records.setPerson(s, {{"unit_id", u->id}});
    if (locked) ImGui::EndDisabled();
    (void)v;
}

void awardsTable(const app::PersonPage& p, bool v) {
    sectionTitle(tr(v, "Quá trình khen thưởng", "Awards received"));
    if (p.awards().empty()) {
        ImGui::TextDisabled("%s", tr(v, "Chưa có khen thưởng nào.", "No award yet."));
        return;
    }
    if (!ImGui::BeginTable("awards", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable))
        return;
    const float em = ImGui::GetFontSize();
    setupColumn(tr(v, "Năm", "Year"), ImGuiTableColumnFlags_WidthFixed, em * 3);
    setupColumn(tr(v, "Danh hiệu / hình thức", "Award"), ImGuiTableColumnFlags_WidthStretch, 3);
    setupColumn(tr(v, "Số quyết định", "Decision"), ImGuiTableColumnFlags_WidthStretch, 2);
    setupColumn(tr(v, "Ngày", "Date"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    setupColumn(tr(v, "Cơ quan tặng", "Issued by"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    for (const auto& a : p.awards()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(a.year));
        ImGui::TableNextColumn();
        fittedText(a.award);
        ImGui::TableNextColumn();
        fittedText(a.decisionNumber);
        ImGui::TableNextColumn();
        fittedText(a.decisionDate);
        ImGui::TableNextColumn();
        fittedText(a.issuer);
    }
    ImGui::EndTable();
}

void evaluationsTable(const app::PersonPage& p, bool v) {
    sectionTitle(tr(v, "Xếp loại hằng năm", "Yearly evaluations"));
    if (p.evaluations().empty()) {
        ImGui::TextDisabled("%s", tr(v, "Chưa có kết quả xếp loại.", "No evaluation yet."));
        return;
    }
    if (!ImGui::BeginTable("evaluations", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable))
        return;
    setupColumn(tr(v, "Năm", "Year"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    setupColumn(tr(v, "Xếp loại", "Rank"), ImGuiTableColumnFlags_WidthStretch, 3);
    setupColumn(tr(v, "Ghi chú", "Note"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    for (const auto& e : p.evaluations()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(e.year));
        ImGui::TableNextColumn();
        fittedText(e.rank);
        ImGui::TableNextColumn();
        fittedText(e.maternityLeave ? std::string(tr(v, "Nghỉ thai sản. ", "Maternity leave. ")) + e.note : e.note);
    }
    ImGui::EndTable();
}

void dossiersTable(app::Session& s, WindowState& w, const app::PersonPage& p, bool v) {
    sectionTitle(tr(v, "Hồ sơ đề nghị khen thưởng", "Commendation dossiers"));
    if (p.dossiers().empty()) {
        ImGui::TextDisabled("%s", tr(v, "Chưa có hồ sơ nào.", "No dossier yet."));
        return;
    }
    for (const auto& d : p.dossiers()) {
        const std::string label = std::to_string(d.year) + " — " + d.award + " (" + d.status + ")";
        if (selectable(ellipsized(label, ImGui::GetContentRegionAvail().x) + "##" + d.id, false)) {
            commitTyped(s, w);
            s.open(d.id);
            w.screen = Screen::Editor;
        }
    }
}

} // namespace

void leavePerson(app::Session& s, WindowState& w) {
    if (!s.records.person.open()) return;
    for (const char* f : Typed) s.records.commitPerson(s, f); // unchanged: nothing written
    w.records.typedAt.clear();
}

void drawPerson(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& page = s.records.person;
    if (!page.open()) {
        w.screen = Screen::People;
        return;
    }
    page.refresh(s.store(), s.epoch("award_history") + s.epoch("evaluations") + s.epoch("dossiers"), s.lang);
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (button(tr(v, "< Danh sách", "< List")) || (!popupOpen && shortcut(Shortcut::Close))) {
        commitTyped(s, w); // what is typed is kept, not lost with the page
        w.records.typedAt.clear();
        w.records.message.clear();
        page.close();
        w.screen = Screen::People;
        return;
    }
    ImGui::SameLine();
    if (button(tr(v, "Lịch sử", "History"))) {
        commitTyped(s, w);
        openHistory(s, w, "people", page.form.id());
        return;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(page.form.saved("full_name").c_str());
    const std::string locked = s.records.personLocked(s);
    if (!locked.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", locked.c_str()); // why the fields are read-only here
        ImGui::PopTextWrapPos();
    }
    if (!w.records.message.empty() && w.records.message != locked) errorText(w.records.message.c_str());
    const float half = ImGui::GetContentRegionAvail().x * 0.42f;
    ImGui::BeginChild("personfields", ImVec2(half, 0), true);
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 9);
    fields(s, w, v, !locked.empty());
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("personlists", ImVec2(0, 0), true);
    awardsTable(page, v);
    evaluationsTable(page, v);
    dossiersTable(s, w, page, v);
    ImGui::EndChild();
}

} // namespace tdkt::ui
