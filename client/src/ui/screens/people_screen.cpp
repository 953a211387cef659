// The people list (cá nhân): search by name or position without diacritics, a unit
// subtree, Vietnamese order by full name or by given name; rows paged from the
// store under ImGuiListClipper. A name opens the person's page.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/ellipsis.hpp"
#include "ui/pickers.hpp"
#include "ui/table_sort.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

void filters(app::Session& s, WindowState& w, bool v) {
    auto& f = s.records.peopleFilter;
    const float em = ImGui::GetFontSize();
    if (shortcut(Shortcut::Find)) w.records.focusSearch = true;
    if (w.records.focusSearch) ImGui::SetKeyboardFocusHere();
    w.records.focusSearch = false;
    ImGui::PushItemWidth(em * 14);
    input(tr(v, "Tìm cá nhân", "Find a person"), f.text);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 14);
    if (auto u = unitFilter(s, std::string(tr(v, "Thuộc đơn vị", "In unit")) + "##peopleunit", f.unit)) f.unit = *u;
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 10);
    const std::vector<std::string> orders{tr(v, "Theo họ và tên", "By full name"), tr(v, "Theo tên", "By given name")};
    if (auto o = combo(std::string(tr(v, "Sắp xếp", "Sort")) + "##peoplesort", orders[f.byGivenName ? 1 : 0], orders,
                       f.byGivenName ? 1 : 0))
        f.byGivenName = *o == 1;
    ImGui::PopItemWidth();
}

} // namespace

void drawPeople(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    filters(s, w, v);
    if (!w.records.message.empty()) errorText(w.records.message.c_str());
    auto& list = s.records.people(s);
    ImGui::Text("%zu %s", list.count(), tr(v, "người", "people"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("people", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const auto columns = app::peopleColumns(s.lang);
    auto& f = s.records.peopleFilter;
    const auto cols = app::peopleSortColumns();
    auto sf = [&](int c) { return sortFlags(cols, c, f.sortField, f.descending); };
    setupColumn(columns[0].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(0), 3);
    setupColumn(columns[1].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(1), 3);
    setupColumn(columns[2].c_str(), ImGuiTableColumnFlags_WidthFixed | sf(2), ImGui::GetFontSize() * 5.5f);
    setupColumn(columns[3].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(3), 3);
    // A header clicked: the list's query sorts by it from the next frame on.
    if (auto sort = sortableHeadersRow()) app::sortBy(f, static_cast<std::size_t>(sort->column), sort->descending);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(list.count()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto row = list.row(s.store(), static_cast<std::size_t>(i)); // a copy: opening may refresh
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (selectable(ellipsized(row.name, ImGui::GetContentRegionAvail().x) + "##" + row.id, false)) {
                w.records.message = s.records.openPerson(s, row.id);
                if (w.records.message.empty()) w.screen = Screen::Person;
            }
            ImGui::TableNextColumn();
            fittedText(row.position);
            ImGui::TableNextColumn();
            if (row.leader) ImGui::TextUnformatted(tr(v, "Có", "Yes"));
            ImGui::TableNextColumn();
            fittedText(row.unit);
        }
    ImGui::EndTable();
}

} // namespace tdkt::ui
