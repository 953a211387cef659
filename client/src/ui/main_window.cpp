#include "main_window.hpp"

#include "screens/screens.hpp"
#include "sync_bar.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <array>

namespace tdkt::ui {
namespace {

struct ScreenEntry {
    Screen screen;
    const char* viName; // script names, and the navigation label when `navVi` is set
    const char* enName;
    const char* navVi;  // nullptr: reached from another screen, not from the navigation row
    const char* navEn;
    void (*draw)(app::Session&, WindowState&);
};

constexpr std::array Screens{
    ScreenEntry{Screen::Dossiers, "ho-so", "dossiers", "Hồ sơ", "Dossiers", drawDossierList},
    ScreenEntry{Screen::Editor, "sua-ho-so", "editor", nullptr, nullptr, drawDossierEditor},
    // movements (issue 17)
    ScreenEntry{Screen::Movements, "phong-trao", "movements", "Phong trào", "Movements", drawMovementList},
    ScreenEntry{Screen::MovementEditor, "sua-phong-trao", "movement", nullptr, nullptr, drawMovementEditor},
    ScreenEntry{Screen::Report, "bao-cao", "report", "Báo cáo", "Report", drawReport},
    ScreenEntry{Screen::Conflicts, "xung-dot", "conflicts", nullptr, nullptr, drawConflicts},
    ScreenEntry{Screen::Refused, "tu-choi", "refused", nullptr, nullptr, drawRefused},
    ScreenEntry{Screen::Inspections, "kiem-tra", "inspections", "Kiểm tra", "Inspections", drawInspectionPlans},
    ScreenEntry{Screen::InspectionPlan, "ke-hoach", "plan", nullptr, nullptr, drawInspectionPlan},
    ScreenEntry{Screen::Checklist, "danh-muc", "checklist", nullptr, nullptr, drawChecklist},
    ScreenEntry{Screen::Conclusion, "ket-luan", "conclusion", nullptr, nullptr, drawConclusion},
    ScreenEntry{Screen::FollowUp, "theo-doi", "follow-up", "Theo dõi kiến nghị", "Follow-up", drawFollowUp},
    // records (issue 17)
    ScreenEntry{Screen::People, "ca-nhan", "people", "Cá nhân", "People", drawPeople},
    ScreenEntry{Screen::Person, "ho-so-ca-nhan", "person", nullptr, nullptr, drawPerson},
    ScreenEntry{Screen::Units, "don-vi", "units", "Đơn vị", "Units", drawUnits},
    ScreenEntry{Screen::Reference, "tham-chieu", "reference", "Tham chiếu", "Reference", drawReference},
    ScreenEntry{Screen::History, "lich-su", "history", nullptr, nullptr, drawHistory},
    ScreenEntry{Screen::SignIn, "dang-nhap", "signin", "Tài khoản", "Account", drawSignIn},
};

// polish (issue 17): the screens that hold typed text not committed yet, and how they commit it.
struct LeaveEntry {
    Screen screen;
    void (*leave)(app::Session&, WindowState&);
};

constexpr std::array Leaves{
    LeaveEntry{Screen::Editor, leaveDossierEditor},
    LeaveEntry{Screen::MovementEditor, leaveMovementEditor},
    LeaveEntry{Screen::Units, leaveUnits},
    LeaveEntry{Screen::Person, leavePerson},
    LeaveEntry{Screen::Report, leaveReport},
    LeaveEntry{Screen::Checklist, leaveChecklist},
};

void leave(app::Session& s, WindowState& w, Screen screen) {
    for (const auto& e : Leaves)
        if (e.screen == screen) e.leave(s, w);
}

void navigation(app::Session& s, WindowState& w) {
    bool first = true;
    for (const auto& e : Screens) {
        if (!e.navVi) continue;
        if (!first) ImGui::SameLine();
        first = false;
        if (button(tr(isVi(s), e.navVi, e.navEn))) w.screen = e.screen;
    }
    ImGui::Separator();
}

} // namespace

bool screenByName(const std::string& n, Screen& out) {
    for (const auto& e : Screens)
        if (n == e.viName || n == e.enName) {
            out = e.screen;
            return true;
        }
    return false;
}

void leaveScreen(app::Session& s, WindowState& w) { leave(s, w, w.screen); }

void drawWindow(app::Session& s, WindowState& w) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("TĐKT", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    drawSyncBar(s, w);
    navigation(s, w);
    // After a reset the sign-in asks for a new password: it opens once each time that begins.
    if (s.bar().mustChangePassword && !w.askedNewPassword) w.screen = Screen::SignIn;
    w.askedNewPassword = s.bar().mustChangePassword;
    if (w.shown != w.screen) leave(s, w, w.shown); // polish: what was typed there goes in first
    if (w.shown != w.screen) w.message.clear(); // a sentence belongs to the screen it was said on
    w.shown = w.screen;
    for (const auto& e : Screens)
        if (e.screen == w.screen) e.draw(s, w);
    ImGui::End();
}

} // namespace tdkt::ui
