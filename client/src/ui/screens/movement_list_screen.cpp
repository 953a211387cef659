// The movements list (issue 17): search (Ctrl+F), year, unit and status filters,
// a new movement (Ctrl+N), and the rows a page at a time through the clipper.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/pickers.hpp"
#include "ui/ellipsis.hpp"
#include "ui/text_fit.hpp"
#include "ui/table_sort.hpp"
#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

constexpr const char* Statuses[] = {"du_thao", "dang_trien_khai", "da_so_ket", "da_tong_ket"};

void filters(app::Session& s, MovementUi& m, bool v) {
    auto& f = s.movements.filter;
    const float em = ImGui::GetFontSize();
    if (m.focusSearch) ImGui::SetKeyboardFocusHere();
    m.focusSearch = false;
    ImGui::PushItemWidth(em * 12);
    input(std::string("##") + tr(v, "Tìm phong trào", "Find a movement"), f.text);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 4);
    if (input(tr(v, "Năm", "Year"), m.year)) {
        try {
            f.year = m.year.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(m.year));
        } catch (...) {
            f.year.reset();
            m.year.clear();
        }
    }
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::PushItemWidth(em * 8);
    std::vector<std::string> items{tr(v, "Tất cả", "All")};
    std::size_t selected = 0;
    for (const char* c : Statuses) {
        if (f.status == c) selected = items.size();
        items.push_back(app::enumLabel("movements", "status", c, s.lang));
    }
    if (auto i = combo(tr(v, "Trạng thái", "Status"), items[selected], items, selected))
        f.status = *i == 0 ? std::string() : Statuses[*i - 1];
    ImGui::SameLine();
    ImGui::PopItemWidth();
    // The unit filter: a unit and those below it; "" is every unit this replica holds.
    ImGui::PushItemWidth(em * 12);
    if (auto u = unitFilter(s, tr(v, "Đơn vị", "Unit"), f.unit)) f.unit = *u;
    ImGui::PopItemWidth();
}

void newMovementRow(app::Session& s, WindowState& w, bool v) {
    auto& m = w.movement;
    ImGui::TextDisabled("%s", tr(v, "Phong trào mới (Ctrl+N)", "New movement (Ctrl+N)"));
    ImGui::SameLine();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 24);
    if (m.focusNew) ImGui::SetKeyboardFocusHere();
    m.focusNew = false;
    const bool enter = input(std::string("##") + tr(v, "Tên phong trào mới", "New movement title"), m.newTitle);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Tạo phong trào", "New movement")) || (enter && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))) {
        m.message = s.movements.create(s, app::NewMovement{m.newTitle, {}});
        if (m.message.empty()) {
            m.newTitle.clear();
            w.screen = Screen::MovementEditor;
        }
    }
}

void rows(app::Session& s, WindowState& w, bool v) {
    auto& list = s.movements.list;
    ImGui::Text("%zu %s", list.count(), tr(v, "phong trào", "movements"));
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("movements", 7, flags)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    const auto columns = app::movementColumns(s.lang);
    auto& f = s.movements.filter;
    const auto cols = app::movementSortColumns();
    auto sf = [&](int c) { return sortFlags(cols, c, f.sortField, f.descending); };
    setupColumn(columns[0].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(0), 5);
    setupColumn(columns[1].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(1), 2.4f);
    setupColumn(columns[2].c_str(), ImGuiTableColumnFlags_WidthFixed | sf(2), em * 5);
    setupColumn(columns[3].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(3), 1.6f);
    setupColumn(columns[4].c_str(), ImGuiTableColumnFlags_WidthFixed | sf(4), em * 10.5f);
    setupColumn(columns[5].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(5), 1.4f);
    setupColumn(columns[6].c_str(), ImGuiTableColumnFlags_WidthStretch | sf(6), 1.6f);
    // A header clicked: the list's query sorts by it from the next frame on.
    if (auto sort = sortableHeadersRow()) app::sortBy(f, static_cast<std::size_t>(sort->column), sort->descending);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(list.count()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const auto row = list.row(s.store(), static_cast<std::size_t>(i)); // a copy: open() may refresh
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (rowLink(row.title, row.id)) {
                s.movements.open(s, row.id);
                w.screen = Screen::MovementEditor;
            }
            for (const auto* text : {&row.plan, &row.level, &row.unit, &row.period, &row.method, &row.status}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(ellipsized(*text, ImGui::GetContentRegionAvail().x).c_str());
            }
        }
    ImGui::EndTable();
}

} // namespace

void drawMovementList(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& m = w.movement;
    if (shortcut(Shortcut::Find)) m.focusSearch = true;
    if (shortcut(Shortcut::New)) m.focusNew = true;
    filters(s, m, v);
    newMovementRow(s, w, v);
    if (!m.message.empty()) errorText(m.message.c_str());
    s.movements.refreshList(s);
    rows(s, w, v);
}

} // namespace tdkt::ui
