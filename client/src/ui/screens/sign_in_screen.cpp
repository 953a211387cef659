#include "screens.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace tdkt::ui {

namespace {

// An administrator reset the password: the current one (typed above) and a new one, twice.
void newPassword(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    ImGui::Separator();
    ImGui::TextWrapped("%s", tr(v, "Quản trị viên đã đặt lại mật khẩu của bạn: nhập mật khẩu hiện tại ở trên, "
                                   "rồi chọn mật khẩu mới.",
                                "An administrator reset your password: type the current one above, then choose "
                                "a new one."));
    ImGui::PushItemWidth(ImGui::GetFontSize() * 22);
    input(tr(v, "Mật khẩu mới", "New password"), w.newPassword, true);
    input(tr(v, "Nhập lại mật khẩu mới", "New password again"), w.confirmPassword, true);
    ImGui::PopItemWidth();
    if (button(tr(v, "Đổi mật khẩu", "Change password"))) {
        s.changePassword(w.server, w.user, w.password, w.newPassword, w.confirmPassword, w.caFile);
        w.password.clear();
        w.newPassword.clear();
        w.confirmPassword.clear();
    }
}

// The UI scale, 1× to 2× or the monitor's, kept for the next start; applied next frame.
void displayScale(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    ImGui::Separator();
    const auto now = s.preferences().scale;
    std::vector<std::optional<float>> choices{std::nullopt};
    for (float f : app::scaleSteps()) choices.emplace_back(f);
    std::vector<std::string> items;
    std::size_t selected = 0;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        items.push_back(app::scaleLabel(choices[i], s.lang));
        if (choices[i] == now) selected = i;
    }
    ImGui::PushItemWidth(ImGui::GetFontSize() * 10);
    if (auto picked = combo(tr(v, "Cỡ giao diện", "Interface size"), items[selected], items, selected)) {
        s.setScale(choices[*picked]);
        w.rescale = true;
    }
    ImGui::PopItemWidth();
}

} // namespace

void drawSignIn(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    if (s.bar().mustChangePassword && w.server.empty() && w.user.empty()) { // the replica's own account
        w.server = s.bar().server;
        w.user = s.bar().user;
    }
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
    if (s.bar().mustChangePassword) newPassword(s, w);
    displayScale(s, w);
}
} // namespace tdkt::ui
