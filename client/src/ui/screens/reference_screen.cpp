// The reference data (tham chiếu), read-only: the award catalog (a table of forms,
// the chosen one's details beside it: who decides it, its dossier's components,
// its legal sources) and the base salary by period, each with its source and
// whether that source was checked.
#include "screens.hpp"

#include "ui/table_column.hpp"
#include "ui/table_sort.hpp"
#include "ui/ellipsis.hpp"
#include "ui/widgets.hpp"

#include "app/typed_value.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

std::string dates(const std::string& from, const std::string& to, bool v) {
    return (from.empty() ? std::string("…") : app::shownDate(from)) + " — " +
           (to.empty() ? std::string(tr(v, "nay", "now")) : app::shownDate(to));
}

void sourceLine(const char* caption, const app::SourceText& src, bool v) {
    ImGui::TextWrapped("%s: %s%s", caption, src.text.c_str(), src.verified ? "" : tr(v, " (chưa kiểm chứng)", " (unverified)"));
}

void ruleDetails(const app::AwardRuleLine& r, bool v) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.1f, 0.25f, 0.55f, 1), "%s", r.award.c_str());
    ImGui::Text("%s — %s", r.category.c_str(), r.nominees.c_str());
    ImGui::Text("%s: %s", tr(v, "Phạm vi", "Scope"), r.scope.empty() ? tr(v, "Toàn quốc", "Nationwide") : r.scope.c_str());
    if (r.periodYears > 0) ImGui::Text("%s: %d %s", tr(v, "Thời gian thành tích", "Achievement period"), r.periodYears, tr(v, "năm", "years"));
    else ImGui::Text("%s", tr(v, "Thời gian thành tích: không cố định", "Achievement period: not fixed"));
    ImGui::Text("%s: %s", tr(v, "Áp dụng", "In force"), dates(r.from, r.to, v).c_str());
    sourceLine(tr(v, "Căn cứ", "Source"), r.source, v);
    sectionTitle(tr(v, "Thẩm quyền quyết định", "Who may decide"));
    if (r.deciders.empty()) ImGui::TextDisabled("%s", tr(v, "Không có trong dữ liệu tham chiếu.", "Not in the reference data."));
    for (const auto& d : r.deciders) {
        ImGui::Bullet(); // BulletText does not wrap: a long list of levels would run off the panel
        ImGui::TextWrapped("%s (%s)", d.levels.c_str(), dates(d.from, d.to, v).c_str());
        ImGui::Indent();
        sourceLine(tr(v, "Căn cứ", "Source"), d.source, v);
        ImGui::Unindent();
    }
    sectionTitle(tr(v, "Thành phần hồ sơ", "Dossier components"));
    if (!r.componentsKnown)
        ImGui::TextDisabled("%s", tr(v, "Văn bản không quy định danh sách thành phần.", "The sources give no list of components."));
    for (const auto& c : r.components) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", c.c_str());
    }
    sourceLine(tr(v, "Căn cứ", "Source"), r.componentsSource, v);
    ImGui::PopTextWrapPos();
}

void catalog(app::Session& s, WindowState& w, bool v) {
    const auto& rules = s.records.awardRules(s);
    if (rules.empty()) {
        ImGui::TextDisabled("%s", tr(v, "Bản sao này chưa có danh mục khen thưởng.", "This replica holds no award catalog."));
        return;
    }
    auto& chosen = w.records.referenceRow;
    if (chosen >= rules.size()) chosen = 0;
    ImGui::BeginChild("awardrules", ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0), true);
    const float em = ImGui::GetFontSize();
    if (ImGui::BeginTable("rules", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                          ImGuiTableFlags_SortTristate)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        setupColumn(tr(v, "Danh hiệu / hình thức", "Award"), ImGuiTableColumnFlags_WidthStretch, 4);
        setupColumn(tr(v, "Đối tượng", "Nominees"), ImGuiTableColumnFlags_WidthStretch, 2);
        setupColumn(tr(v, "Áp dụng", "In force"), ImGuiTableColumnFlags_WidthFixed, em * 10.5f);
        // A header clicked sorts the catalog (the third click: its own order); `chosen` stays the row picked.
        const auto sort = sortedHeadersRow();
        const auto order = app::awardRuleOrder(rules, sort.column, sort.descending);
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(order.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const std::size_t at = order[static_cast<std::size_t>(i)];
                const auto& r = rules[at];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (selectable(ellipsized(r.award, ImGui::GetContentRegionAvail().x) + "##" + r.id, chosen == at))
                    chosen = at;
                ImGui::TableNextColumn();
                fittedText(r.nominees);
                ImGui::TableNextColumn();
                fittedText(dates(r.from, r.to, v));
            }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("awardrule", ImVec2(0, 0), true);
    ruleDetails(rules[chosen], v);
    ImGui::EndChild();
}

void salary(app::Session& s, bool v) {
    const auto& lines = s.records.baseSalary(s);
    ImGui::TextWrapped("%s", tr(v, "Mức lương cơ sở dùng để tính tiền thưởng (theo ngày quyết định khen thưởng).",
                                   "The base salary that award money is computed from (by the decision's date)."));
    if (!ImGui::BeginTable("salary", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable))
        return;
    const float em = ImGui::GetFontSize();
    setupColumn(tr(v, "Mức (đồng/tháng)", "Amount (VND/month)"), ImGuiTableColumnFlags_WidthFixed, em * 9);
    setupColumn(tr(v, "Áp dụng", "In force"), ImGuiTableColumnFlags_WidthFixed, em * 10.5f);
    setupColumn(tr(v, "Căn cứ", "Source"), ImGuiTableColumnFlags_WidthStretch, 3);
    setupColumn(tr(v, "Ghi chú", "Note"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (const auto& l : lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.amount.c_str());
        ImGui::TableNextColumn();
        fittedText(dates(l.from, l.to, v));
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(l.source.text.c_str());
        if (!l.source.verified) ImGui::TextDisabled("%s", tr(v, "(chưa kiểm chứng)", "(unverified)"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.note.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

} // namespace

void drawReference(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    ImGui::TextDisabled("%s", tr(v, "Dữ liệu tham chiếu (chỉ xem; quản trị viên cập nhật và đồng bộ xuống)",
                                 "Reference data (read-only; administrators update it and it syncs down)"));
    if (bigButton(tr(v, "Danh hiệu, hình thức khen thưởng", "Award catalog"), 16, w.records.referencePane == 0))
        w.records.referencePane = 0;
    ImGui::SameLine();
    if (bigButton(tr(v, "Mức lương cơ sở", "Base salary"), 10, w.records.referencePane == 1)) w.records.referencePane = 1;
    if (w.records.referencePane == 0) catalog(s, w, v);
    else salary(s, v);
}

} // namespace tdkt::ui
