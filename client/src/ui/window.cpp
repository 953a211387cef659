#include "window.hpp"

#include "widgets.hpp"

#include "app/labels.hpp"
#include "tdkt/rules/finding.hpp"

#include <imgui.h>

#include <ctime>

namespace tdkt::ui {
namespace {

bool vi(const app::Session& s) { return s.lang == app::Lang::Vi; }

std::string clock(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%H:%M %d/%m", std::localtime(&tt));
    return buf;
}

void syncBar(app::Session& s, WindowState& w) {
    const auto& b = s.bar();
    const bool v = vi(s);
    ImGui::TextColored(b.online ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.8f, 0.4f, 0.2f, 1), "%s",
                       b.online ? tr(v, "Trực tuyến", "Online") : tr(v, "Ngoại tuyến", "Offline"));
    ImGui::SameLine();
    ImGui::Text("%s %s", b.user.empty() ? tr(v, "(chưa đăng nhập)", "(not signed in)") : b.user.c_str(),
                b.server.c_str());
    ImGui::SameLine();
    ImGui::Text("| %s: %zu", tr(v, "Chờ gửi", "Pending"), b.pending);
    ImGui::SameLine();
    ImGui::Text("| %s: %s", tr(v, "Đồng bộ lần cuối", "Last sync"),
                b.lastSync ? clock(*b.lastSync).c_str() : tr(v, "chưa có", "never"));
    ImGui::SameLine();
    if (b.syncing) {
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(ImGui::GetFontSize() * 8, 0),
                           (std::to_string(b.progress.records) + " / " + std::to_string(b.progress.bytes / 1024) + " KB")
                               .c_str());
        ImGui::SameLine();
        if (button(tr(v, "Dừng", "Stop"))) s.cancelSync();
    } else if (button(tr(v, "Đồng bộ", "Sync"))) {
        s.syncNow();
    }
    ImGui::SameLine();
    if (button(std::string(tr(v, "Xung đột", "Conflicts")) + ": " + std::to_string(b.conflicts) + "##conf"))
        w.screen = Screen::Conflicts;
    ImGui::SameLine();
    if (button(std::string(tr(v, "Bị từ chối", "Refused")) + ": " + std::to_string(b.refused) + "##ref"))
        w.screen = Screen::Refused;
    ImGui::SameLine();
    if (button(v ? "English" : "Tiếng Việt")) s.lang = v ? app::Lang::En : app::Lang::Vi;
    if (!b.lastError.empty()) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", b.lastError.c_str());
    if (button(tr(v, "Hồ sơ", "Dossiers"))) w.screen = Screen::Dossiers;
    ImGui::SameLine();
    if (button(tr(v, "Tài khoản", "Account"))) w.screen = Screen::SignIn;
    ImGui::Separator();
}

void signIn(app::Session& s, WindowState& w) {
    const bool v = vi(s);
    ImGui::TextUnformatted(tr(v, "Đăng nhập máy chủ đồng bộ", "Sign in to the sync server"));
    ImGui::PushItemWidth(ImGui::GetFontSize() * 22);
    input(tr(v, "Máy chủ (host:cổng)", "Server (host:port)"), w.server);
    input(tr(v, "Tên đăng nhập", "User"), w.user);
    input(tr(v, "Mật khẩu", "Password"), w.password, true);
    input(tr(v, "Tệp chứng chỉ", "Certificate file"), w.caFile);
    ImGui::PopItemWidth();
    if (button(tr(v, "Đăng nhập##go", "Sign in##go"))) {
        s.signIn(w.server, w.user, w.password, w.caFile);
        w.password.clear();
        w.screen = Screen::Dossiers;
    }
    ImGui::SameLine();
    if (button(tr(v, "Làm việc ngoại tuyến", "Work offline"))) w.screen = Screen::Dossiers;
}

void dossiers(app::Session& s, WindowState& w) {
    const bool v = vi(s);
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
    if (!w.message.empty()) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", w.message.c_str());

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

void editor(app::Session& s, WindowState& w) {
    const bool v = vi(s);
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
    if (!w.message.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", w.message.c_str());
        ImGui::PopTextWrapPos();
    }
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("fields", ImVec2(half, 0), true);
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 11);
    for (const char* f : {"nominee_name", "award_code", "year", "period_from_year", "period_to_year", "received_on",
                          "council_members", "council_votes_for", "summary"}) {
        const std::string label = app::fieldLabel("dossiers", f) + "##" + f;
        if (input(label, e->text(f))) s.commit(f);
        if (const auto* err = e->error(f)) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", err->c_str());
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

void conflicts(app::Session& s, WindowState& w) {
    const bool v = vi(s);
    const auto list = s.conflicts(); // a copy: resolving refreshes it
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Không có xung đột nào.", "No open conflicts."));
    for (const auto& c : list) {
        ImGui::PushID(c.id.c_str());
        ImGui::Text("%s «%s» — %s", c.tableLabel.c_str(), c.rowTitle.c_str(), c.fieldLabel.c_str());
        for (std::size_t i = 0; i < c.candidates.size(); ++i) {
            const auto& cand = c.candidates[i];
            ImGui::BulletText("%s  (%s, %s)%s", cand.text.c_str(), cand.author.c_str(), cand.at.c_str(),
                              cand.winner ? tr(v, " — đang dùng", " — current") : "");
            ImGui::SameLine();
            if (button(std::string(tr(v, "Giữ", "Keep")) + " " + cand.text + "##" + std::to_string(i)))
                w.message = s.resolve(c.id, static_cast<int>(i));
        }
        ImGui::PushItemWidth(ImGui::GetFontSize() * 16);
        input(tr(v, "Giá trị gộp", "Merged value"), w.merged);
        ImGui::PopItemWidth();
        ImGui::SameLine();
        if (button(tr(v, "Lưu giá trị gộp", "Keep merged"))) w.message = s.resolve(c.id, -1, w.merged);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (!w.message.empty()) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", w.message.c_str());
}

void refused(app::Session& s) {
    const bool v = vi(s);
    const auto list = s.refused();
    if (list.empty()) ImGui::TextUnformatted(tr(v, "Máy chủ chưa từ chối thay đổi nào.", "The server refused nothing."));
    for (const auto& r : list) {
        ImGui::BulletText("%s — %s: %s", r.table.c_str(), app::fieldLabel(r.table, r.field).c_str(),
                          app::valueText(r.value).c_str());
        ImGui::TextDisabled("   %s", r.reason.c_str());
    }
}

} // namespace

bool screenByName(const std::string& n, Screen& out) {
    if (n == "dang-nhap" || n == "signin") out = Screen::SignIn;
    else if (n == "ho-so" || n == "dossiers") out = Screen::Dossiers;
    else if (n == "xung-dot" || n == "conflicts") out = Screen::Conflicts;
    else if (n == "tu-choi" || n == "refused") out = Screen::Refused;
    else if (n == "sua-ho-so" || n == "editor") out = Screen::Editor;
    else return false;
    return true;
}

void drawWindow(app::Session& s, WindowState& w) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("TĐKT", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    syncBar(s, w);
    static Screen shown = w.screen;
    if (shown != w.screen) w.message.clear(); // a sentence belongs to the screen it was said on
    shown = w.screen;
    switch (w.screen) {
    case Screen::SignIn: signIn(s, w); break;
    case Screen::Dossiers: dossiers(s, w); break;
    case Screen::Editor: editor(s, w); break;
    case Screen::Conflicts: conflicts(s, w); break;
    case Screen::Refused: refused(s); break;
    }
    ImGui::End();
}

} // namespace tdkt::ui
