#include "sync_bar.hpp"

#include "ui/widgets.hpp"
#include <ctime>

#include <imgui.h>

namespace tdkt::ui {
namespace {

std::string clock(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%H:%M %d/%m", std::localtime(&tt));
    return buf;
}

} // namespace

void drawSyncBar(app::Session& s, WindowState& w) {
    const auto& b = s.bar();
    const bool v = isVi(s);
    ImGui::TextColored(b.online ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.8f, 0.4f, 0.2f, 1), "%s",
                       b.online ? tr(v, "Trực tuyến", "Online") : tr(v, "Ngoại tuyến", "Offline"));
    ImGui::SameLine();
    ImGui::Text("%s %s", b.user.empty() ? tr(v, "(chưa đăng nhập)", "(not signed in)") : b.user.c_str(),
                b.server.c_str());
    ImGui::SameLine();
    ImGui::Text("| %s: %zu", tr(v, "Thay đổi chờ gửi", "Changes pending"), b.pending); // field edits, not rows
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
    if (button(v ? "English" : "Tiếng Việt")) s.setLang(v ? app::Lang::En : app::Lang::Vi);
    if (!b.lastError.empty()) errorText(b.lastError.c_str());
}
} // namespace tdkt::ui
