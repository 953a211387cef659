#pragma once
// The main window: the sync bar on top, then the screen chosen (sign in, dossiers,
// the dossier editor, conflicts, refused changes). Draws app::Session; no logic.
#include "app/session.hpp"

#include <string>

namespace tdkt::ui {

enum class Screen { SignIn, Dossiers, Editor, Conflicts, Refused };

/** What the window remembers between frames that is only about drawing. */
struct WindowState {
    Screen screen = Screen::Dossiers;
    std::string server, user, password, caFile;
    std::string newName, newAward = "lao_dong_tien_tien", newYear, newUnit;
    std::string message; // the last sentence to show (an error, a refusal)
    std::string merged;  // a typed merged value in the conflicts inbox
};

/** Screen by name for scripts: "dang-nhap"/"signin", "ho-so"/"dossiers", "xung-dot"/"conflicts", "tu-choi"/"refused". */
bool screenByName(const std::string& name, Screen& out);

void drawWindow(app::Session& s, WindowState& w);

} // namespace tdkt::ui
