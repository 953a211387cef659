#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/pickers.hpp"
#include "ui/table_sort.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

// The new-dossier row: the nominee (a person picked from the user's units, a typed
// name, or a collective), the award form open to that kind, the unit, the year.
void newDossierRow(app::Session& s, WindowState& w, bool v) {
    ImGui::TextDisabled("%s", tr(v, "Hồ sơ mới (Ctrl+N)", "New dossier (Ctrl+N)"));
    const float em = ImGui::GetFontSize();
    ImGui::PushItemWidth(em * 7);
    if (auto k = nomineeKindCombo(std::string(tr(v, "Đối tượng", "Nominee kind")) + "##newkind", w.newKind, s.lang)) {
        w.newKind = *k;
        w.newPersonId.clear();
        w.newName.clear();
    }
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 12);
    if (w.newKind == "tap_the") {
        if (auto u = unitCombo(s, std::string(tr(v, "Tập thể", "Collective")) + "##newcollective", w.newPersonId)) {
            w.newPersonId = u->id;
            w.newName = u->name;
        }
    } else {
        if (w.focusNew) ImGui::SetKeyboardFocusHere();
        w.focusNew = false;
        ImGui::BeginGroup();
        const std::string typed = w.newName;
        if (auto p = personPicker(s, tr(v, "Tên người được đề nghị", "Nominee name"), w.newName)) w.newPersonId = p->id;
        else if (w.newName != typed) w.newPersonId.clear(); // typed again: no longer the person picked
        ImGui::EndGroup();
    }
    ImGui::PopItemWidth();
    if (w.newKind == "tap_the") ImGui::SameLine();
    ImGui::PushItemWidth(em * 12);
    const auto awards = s.awardChoices(w.newKind);
    if (!awards.empty() && std::none_of(awards.begin(), awards.end(), [&](const auto& a) { return a.id == w.newAward; }))
        w.newAward = awards.front().id;
    if (auto a = awardCombo(s, std::string(tr(v, "Danh hiệu", "Award")) + "##newaward", w.newKind, w.newAward))
        w.newAward = a->id;
    ImGui::SameLine();
    if (w.newUnit.empty()) w.newUnit = s.homeUnit();
    if (w.newUnit.empty() && !s.unitChoices().empty()) w.newUnit = s.unitChoices().front().id; // never signed in
    if (auto u = unitCombo(s, std::string(tr(v, "Đơn vị", "Unit")) + "##newunit", w.newUnit)) w.newUnit = u->id;
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 4);
    input(tr(v, "Năm thành tích", "Achievement year"), w.newYear);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Tạo hồ sơ", "New dossier"))) {
        app::NewDossier d;
        const auto& units = s.unitChoices();
        d.unitId = w.newUnit.empty() ? s.homeUnit() : w.newUnit;
        if (d.unitId.empty() && !units.empty()) d.unitId = units.back().id;
        d.nomineeKind = w.newKind;
        d.nomineeName = w.newName;
        if (w.newKind == "tap_the") d.collectiveUnitId = w.newPersonId;
        else d.personId = w.newPersonId;
        d.awardCode = w.newAward;
        try {
            d.year = std::stoll(w.newYear);
        } catch (...) {
            d.year = 0;
        }
        w.message = s.newDossier(d);
        if (w.message.empty()) {
            w.screen = Screen::Editor;
            w.newName.clear();
            w.newPersonId.clear();
        }
    }
}

} // namespace

void drawDossierList(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    if (shortcut(Shortcut::Find)) w.focusSearch = true;
    if (shortcut(Shortcut::New)) w.focusNew = true;
    ImGui::PushItemWidth(ImGui::GetFontSize() * 12);
    std::string year = s.filter.year ? std::to_string(*s.filter.year) : "";
    if (w.focusSearch) ImGui::SetKeyboardFocusHere();
    w.focusSearch = false;
    input(tr(v, "Tìm kiếm", "Search"), s.filter.text);
    ImGui::SameLine();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 4);
    if (input(tr(v, "Năm", "Year"), year)) {
        try {
            s.filter.year = year.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(year));
        } catch (...) {
            s.filter.year.reset();
        }
    }
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo(tr(v, "Trạng thái", "Status"),
                          s.filter.status.empty() ? tr(v, "Tất cả", "All")
                                                  : app::enumLabel("dossiers", "status", s.filter.status, s.lang).c_str())) {
        if (ImGui::Selectable(tr(v, "Tất cả", "All"))) s.filter.status.clear();
        for (const char* c : {"draft", "submitted", "under_review", "returned", "approved", "not_approved"})
            if (selectable(app::enumLabel("dossiers", "status", c, s.lang), s.filter.status == c)) s.filter.status = c;
        ImGui::EndCombo();
    }
    ImGui::PopItemWidth();
    ImGui::PopItemWidth();
    const float em = ImGui::GetFontSize();
    const std::string unitLabel = std::string(tr(v, "Thuộc đơn vị", "In unit")) + "##dossierunit";
    sameLineIfRoom(em * 12, unitLabel);
    ImGui::PushItemWidth(em * 12);
    if (auto u = unitFilter(s, unitLabel, s.filter.unit)) s.filter.unit = *u;
    ImGui::PopItemWidth();
    const std::string awardLabel = std::string(tr(v, "Loại khen thưởng", "Award form")) + "##dossieraward";
    sameLineIfRoom(em * 12, awardLabel);
    ImGui::PushItemWidth(em * 12);
    if (auto a = awardFilter(s, awardLabel, s.filter.award)) s.filter.award = *a;
    ImGui::PopItemWidth();

    newDossierRow(s, w, v);
    if (!w.message.empty()) errorText(w.message.c_str());

    // The query runs on the list's own thread: this frame shows the last result it gave.
    auto& list = s.dossiers();
    list.refresh(s.filter, s.epoch("dossiers"));
    if (!list.ready()) ImGui::TextDisabled("%s", tr(v, "Đang tải danh sách…", "Loading the list…"));
    else ImGui::Text("%zu %s", list.count(), tr(v, "hồ sơ", "dossiers"));
    if (list.ready() && list.searching()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(v, "(đang tìm…)", "(searching…)"));
    }
    if (list.error) errorText(app::describeError(list.error, s.lang).sentence.c_str());
    if (ImGui::BeginTable("dossiers", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                             ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        const auto cols = app::dossierSortColumns();
        auto flags = [&](int c) { return sortFlags(cols, c, s.filter.sortField, s.filter.descending); };
        setupColumn(tr(v, "Người / tập thể", "Nominee"), ImGuiTableColumnFlags_WidthStretch | flags(0), 3);
        setupColumn(tr(v, "Danh hiệu", "Award"), ImGuiTableColumnFlags_WidthStretch | flags(1), 3);
        // Wide enough for "Năm" and the sort arrow.
        setupColumn(tr(v, "Năm", "Year"), ImGuiTableColumnFlags_WidthFixed | flags(2), ImGui::GetFontSize() * 4);
        setupColumn(tr(v, "Trạng thái", "Status"), ImGuiTableColumnFlags_WidthStretch | flags(3), 2);
        setupColumn(tr(v, "Đơn vị", "Unit"), ImGuiTableColumnFlags_WidthStretch | flags(4), 2);
        // A header clicked: the list's query sorts by it from the next frame on.
        if (auto sort = sortableHeadersRow()) app::sortBy(s.filter, static_cast<std::size_t>(sort->column), sort->descending);
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(list.count()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const auto* shown = list.row(static_cast<std::size_t>(i));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (!shown) { // its page is being read: a line of the same height, filled next frame
                    ImGui::TextDisabled("…");
                    continue;
                }
                const auto row = *shown; // a copy: open() may refresh
                if (selectable(row.nominee + "##" + row.id, false)) {
                    s.open(row.id);
                    w.screen = Screen::Editor;
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(app::labelIn(row.award, s.lang).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(row.year));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(app::labelIn(row.status, s.lang).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.unit.c_str());
            }
        ImGui::EndTable();
    }
}
} // namespace tdkt::ui
