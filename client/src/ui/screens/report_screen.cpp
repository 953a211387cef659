// The annual report (issue 19): unit, year, outline and staleness date at the left
// with the export buttons; at the right the figures, the prose sections, the
// statistics tables and the units that may be stale. Draws app::ReportView only.
#include "screens.hpp"

#include "ui/widgets.hpp"

#include "app/calendar.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <ctime>

namespace tdkt::ui {
namespace {

const char* stepText(bool v, app::ReportStep step) {
    switch (step) {
    case app::ReportStep::Reading: return tr(v, "Đang đọc dữ liệu…", "Reading the data…");
    case app::ReportStep::Consolidating: return tr(v, "Đang tổng hợp số liệu…", "Consolidating…");
    case app::ReportStep::Writing: return tr(v, "Đang ghi tệp…", "Writing the file…");
    case app::ReportStep::Done: return tr(v, "Xong", "Done");
    }
    return "";
}

int thisYear() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

void table(const report::Table& full, int n) {
    const auto t = full.wide ? report::withoutEmptyColumns(full) : full;
    const int columns = std::clamp(t.columns, 1, 64); // ImGui 1.86 tables hold 64 columns at most
    ImGui::PushID(n);
    ImGui::TextWrapped("%s", t.title.c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_NoHostExtendY;
    const auto& style = ImGui::GetStyle();
    const float rowH = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y + 1;
    const float shown = std::min(14.0f, static_cast<float>(t.rows.size() + static_cast<std::size_t>(t.headerRows)));
    const float height = (shown + 0.6f) * rowH + style.ScrollbarSize + 4;
    if (ImGui::BeginTable("t", columns, flags, ImVec2(0, height))) {
        // Header rows as plain rows (a Headers row's text does not widen its column in 1.86);
        // a merged cell's text in its first column.
        const ImU32 headerBg = ImGui::GetColorU32(ImGuiCol_TableHeaderBg);
        for (int r = 0; r < t.headerRows; ++r) {
            ImGui::TableNextRow();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, headerBg);
            for (const auto& h : t.header)
                if (h.row == r && h.column < columns && ImGui::TableSetColumnIndex(h.column))
                    ImGui::TextUnformatted(h.text.c_str());
        }
        for (const auto& row : t.rows) {
            ImGui::TableNextRow();
            for (std::size_t c = 0; c < row.size() && c < static_cast<std::size_t>(columns); ++c)
                if (ImGui::TableSetColumnIndex(static_cast<int>(c))) ImGui::TextUnformatted(row[c].text.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
    ImGui::Spacing();
}

void figures(const report::AnnualReport& r) {
    for (const auto& sec : r.outline.sections) {
        if (sec.figures.empty() || sec.figures == "tables") continue;
        ImGui::TextColored(ImVec4(0.1f, 0.25f, 0.55f, 1), "%s", report::fillYear(sec.heading, r.year).c_str());
        ImGui::PushTextWrapPos(0);
        for (const auto& p : report::figureParagraphs(r, sec.figures)) ImGui::TextUnformatted(p.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
    }
}

void prose(app::Session& s, WindowState& w, const report::AnnualReport& r) {
    auto& view = s.reportView();
    for (const auto& sec : r.outline.sections) {
        if (!sec.prose) continue;
        if (textArea(report::fillYear(sec.heading, r.year), sec.key, view.draft(sec.key), ImGui::GetFontSize() * 4.5f,
                     w.reportTypedAt[sec.key]))
            w.message = s.saveSection(sec.key);
        ImGui::Spacing();
    }
}

void stale(bool v, const report::AnnualReport& r) {
    ImGui::Text(tr(v, "Đơn vị chưa đồng bộ từ ngày %s: %zu", "Units not synced since %s: %zu"), r.staleSince.c_str(),
                r.stale.notSynced.size());
    for (const auto& u : r.stale.notSynced)
        ImGui::BulletText("%s — %s", u.name.c_str(),
                          u.lastSync.empty() ? tr(v, "chưa đồng bộ lần nào", "never synced")
                                             : (std::string(tr(v, "lần cuối ", "last ")) + u.lastSync).c_str());
    ImGui::Spacing();
    ImGui::Text(tr(v, "Đơn vị chưa có dữ liệu: %zu", "Units with no data: %zu"), r.stale.noData.size());
    for (const auto& id : r.stale.noData) {
        auto it = r.unitNames.find(id);
        ImGui::BulletText("%s", it == r.unitNames.end() ? id.c_str() : it->second.c_str());
    }
}

// A month grid in a popup (ImGui 1.86 has no date picker); returns the day picked, or "".
std::string datePicker(bool v, app::Month& shown) {
    std::string picked;
    if (button(tr(v, "Chọn ngày…", "Pick a day…"))) ImGui::OpenPopup("lich");
    if (ImGui::BeginPopup("lich")) {
        if (button("<##thang")) shown = app::previousMonth(shown);
        ImGui::SameLine();
        ImGui::Text(tr(v, "Tháng %d/%d", "%d/%d"), shown.month, shown.year);
        ImGui::SameLine();
        if (button(">##thang")) shown = app::nextMonth(shown);
        static const char* const viDays[] = {"T2", "T3", "T4", "T5", "T6", "T7", "CN"};
        static const char* const enDays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
        if (ImGui::BeginTable("ngay", 7, ImGuiTableFlags_SizingFixedSame)) {
            for (int d = 0; d < 7; ++d) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(v ? viDays[d] : enDays[d]);
            }
            ImGui::TableNextRow();
            for (int c = 0; c < shown.firstWeekday; ++c) ImGui::TableNextColumn();
            for (int day = 1; day <= shown.days; ++day) {
                ImGui::TableNextColumn();
                if (button(std::to_string(day) + "##ngay")) {
                    picked = app::isoDay(shown, day);
                    ImGui::CloseCurrentPopup();
                }
            }
            ImGui::EndTable();
        }
        ImGui::EndPopup();
    }
    return picked;
}

void choices(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    auto& view = s.reportView();
    bool rebuild = false;
    ImGui::TextUnformatted(tr(v, "Đơn vị báo cáo", "Reporting unit"));
    const auto& units = view.unitsCached(s.store(), s.homeUnit(), s.epoch("units"));
    if (view.choice.unitId.empty() && !units.empty()) {
        view.choice.unitId = units.front().first;
        view.choice.year = thisYear();
        w.reportYear = std::to_string(view.choice.year);
        rebuild = true;
    }
    if (ImGui::BeginListBox("##units", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 4.5f))) {
        for (const auto& [id, name] : units)
            if (selectable(name + "##" + id, id == view.choice.unitId) && id != view.choice.unitId) {
                view.choice.unitId = id;
                rebuild = true;
            }
        ImGui::EndListBox();
    }
    ImGui::PushItemWidth(ImGui::GetFontSize() * 6);
    if (input(tr(v, "Năm báo cáo", "Report year"), w.reportYear)) {
        try {
            const int y = std::stoi(w.reportYear);
            if (y >= 1900 && y <= 9999) {
                view.choice.year = y;
                rebuild = true;
            } else {
                w.message = tr(v, "Năm báo cáo phải từ 1900 đến 9999.", "The year must be 1900 to 9999.");
            }
        } catch (...) {
            w.message = tr(v, "Năm báo cáo phải là một số, ví dụ 2025.", "The year must be a number such as 2025.");
        }
    }
    ImGui::PopItemWidth();
    ImGui::TextUnformatted(tr(v, "Đề cương", "Outline"));
    for (const auto& [id, name] : view.outlines())
        if (selectable(name, id == view.choice.outline) && id != view.choice.outline) {
            view.choice.outline = id;
            rebuild = true;
        }
    ImGui::PushItemWidth(ImGui::GetFontSize() * 7);
    auto& since = w.reportSince;
    if (input(tr(v, "Chưa đồng bộ từ ngày", "Not synced since"), since)) {
        if (since.empty() || app::ReportView::validDay(since)) {
            view.choice.staleSince = since;
            rebuild = true;
        } else {
            w.message = tr(v, "Ngày viết theo dạng NNNN-TT-NN, ví dụ 2025-12-01.", "Write the day as YYYY-MM-DD, e.g. 2025-12-01.");
        }
    }
    ImGui::PopItemWidth();
    auto& shown = w.reportMonth;
    if (shown.year == 0 || !ImGui::IsPopupOpen("lich")) shown = app::monthOfDay(since, view.choice.year);
    if (auto day = datePicker(v, shown); !day.empty()) {
        since = day;
        view.choice.staleSince = day;
        rebuild = true;
    }
    if (since.empty())
    {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", tr(v, "(NNNN-TT-NN; để trống: ngày 01/12 của năm báo cáo)", "(YYYY-MM-DD; empty: 1 December)"));
        ImGui::PopStyleColor();
    }
    if (button(tr(v, "Lập báo cáo", "Build the report"))) rebuild = true;
    if (rebuild) {
        w.message.clear();
        leaveReport(s, w); // the sections typed for the report shown go in before another is built
        view.build();
    }
    if (view.building().running)
        ImGui::ProgressBar(view.building().progress, ImVec2(-1, 0), stepText(v, view.building().step));
    if (view.buildError) errorText(app::describeError(view.buildError, s.lang).sentence.c_str());

    ImGui::Separator();
    ImGui::TextUnformatted(tr(v, "Xuất tệp", "Export"));
    if (w.reportFolder.empty()) w.reportFolder = std::filesystem::current_path().string();
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.5f);
    input(tr(v, "Thư mục lưu", "Folder"), w.reportFolder);
    ImGui::PopItemWidth();
    const bool exporting = view.exporting().running;
    static const std::pair<const char*, const char*> formats[] = {{"docx", "DOCX"}, {"xlsx", "XLSX"}, {"csv", "CSV"}};
    for (const auto& [ext, name] : formats) {
        const std::string label = std::string(tr(v, "Xuất ", "Export ")) + name;
        if (ext[0] != 'd') ImGui::SameLine();
        ImGui::BeginDisabled(exporting || view.choice.unitId.empty());
        if (button(label) && !exporting) {
            const auto file = std::filesystem::path(w.reportFolder) /
                              ("bao-cao-" + view.choice.unitId + "-" + std::to_string(view.choice.year) + "." + ext);
            view.exportTo(file);
        }
        ImGui::EndDisabled();
    }
    if (exporting) ImGui::ProgressBar(view.exporting().progress, ImVec2(-1, 0), stepText(v, view.exporting().step));
    if (view.exported) {
        ImGui::PushTextWrapPos(0);
        ImGui::Text(tr(v, "Đã ghi tệp %s", "Wrote %s"), view.exported->string().c_str());
        ImGui::PopTextWrapPos();
    }
    if (view.exportError) errorText(app::describeError(view.exportError, s.lang).sentence.c_str());
    if (!w.message.empty()) errorText(w.message.c_str());
}

} // namespace

void drawReport(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    const float left = ImGui::GetFontSize() * 19;
    ImGui::BeginChild("choices", ImVec2(left, 0), true);
    choices(s, w);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("report", ImVec2(0, 0), true);
    const char* panes[] = {tr(v, "Số liệu", "Figures"), tr(v, "Nội dung", "Sections"),
                           tr(v, "Biểu thống kê", "Tables"), tr(v, "Đồng bộ, dữ liệu", "Sync and data")};
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        const bool on = w.reportPane == i;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(panes[i])) w.reportPane = i;
        if (on) ImGui::PopStyleColor();
    }
    ImGui::Separator();
    const auto* r = s.reportView().report();
    if (!r) {
        ImGui::TextUnformatted(tr(v, "Chọn đơn vị, năm và đề cương để lập báo cáo.", "Pick a unit, a year and an outline."));
    } else {
        ImGui::Text("%s — %s %d — %s", r->unitName.c_str(), tr(v, "năm", "year"), r->year, r->outline.name.c_str());
        ImGui::BeginChild("pane");
        switch (w.reportPane) {
        case 0: figures(*r); break;
        case 1: prose(s, w, *r); break;
        case 2:
            for (std::size_t i = 0; i < r->tables.size(); ++i) table(r->tables[i], static_cast<int>(i));
            break;
        default: stale(v, *r); break;
        }
        ImGui::EndChild();
    }
    ImGui::EndChild();
}

void leaveReport(app::Session& s, WindowState& w) {
    for (const auto& key : s.reportView().unsaved())
        if (auto e = s.saveSection(key); !e.empty()) w.message = e; // the draft stays, with the reason
    w.reportTypedAt.clear();
}

} // namespace tdkt::ui
