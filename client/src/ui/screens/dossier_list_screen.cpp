#include "screens.hpp"

#include "ui/widgets.hpp"
#include "app/labels.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawDossierList(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    ImGui::PushItemWidth(ImGui::GetFontSize() * 14);
    std::string year = s.filter.year ? std::to_string(*s.filter.year) : "";
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
    if (ImGui::BeginCombo(tr(v, "Trạng thái", "Status"),
                          s.filter.status.empty() ? tr(v, "Tất cả", "All")
                                                  : app::enumLabel("dossiers", "status", s.filter.status).c_str())) {
        if (ImGui::Selectable(tr(v, "Tất cả", "All"))) s.filter.status.clear();
        for (const char* c : {"draft", "submitted", "under_review", "returned", "approved", "not_approved"})
            if (selectable(app::enumLabel("dossiers", "status", c), s.filter.status == c)) s.filter.status = c;
        ImGui::EndCombo();
    }
    ImGui::PopItemWidth();

    // New dossier
    ImGui::PushItemWidth(ImGui::GetFontSize() * 12);
    input(tr(v, "Tên người được đề nghị", "Nominee name"), w.newName);
    ImGui::SameLine();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 4);
    input(tr(v, "Năm thành tích", "Achievement year"), w.newYear);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (button(tr(v, "Tạo hồ sơ", "New dossier"))) {
        app::NewDossier d;
        const auto units = s.units();
        d.unitId = w.newUnit.empty() ? s.homeUnit() : w.newUnit;
        if (d.unitId.empty() && !units.empty()) d.unitId = units.back().first;
        d.nomineeName = w.newName;
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
        }
    }
    ImGui::PopItemWidth();
    if (!w.message.empty()) errorText(w.message.c_str());

    s.list.refresh(s.store(), s.filter, s.epoch("dossiers"));
    ImGui::Text("%zu %s", s.list.count(), tr(v, "hồ sơ", "dossiers"));
    if (ImGui::BeginTable("dossiers", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                             ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(v, "Người / tập thể", "Nominee"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(tr(v, "Danh hiệu", "Award"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(tr(v, "Năm", "Year"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
        ImGui::TableSetupColumn(tr(v, "Trạng thái", "Status"), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(tr(v, "Đơn vị", "Unit"), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(s.list.count()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const auto row = s.list.row(s.store(), static_cast<std::size_t>(i)); // a copy: open() may refresh
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (selectable(row.nominee + "##" + row.id, false)) {
                    s.open(row.id);
                    w.screen = Screen::Editor;
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.award.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(row.year));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.status.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.unit.c_str());
            }
        ImGui::EndTable();
    }
}
} // namespace tdkt::ui
