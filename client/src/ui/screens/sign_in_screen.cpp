#include "screens.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

namespace tdkt::ui {

void drawSignIn(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
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
} // namespace tdkt::ui
