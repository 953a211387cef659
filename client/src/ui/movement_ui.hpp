#pragma once
// What the movements screens remember between frames (issue 17): typed text of
// the new rows, the list's year as typed, each cell's last keystroke.
#include "app/movement_view.hpp"

#include <map>
#include <string>

namespace tdkt::ui {

struct MovementUi {
    std::string newTitle, year;
    bool focusNew = false, focusSearch = false;
    std::map<std::string, double> typedAt; // "table/id/field" → its last keystroke (ImGui time)
    app::NewTarget target;
    app::NewResult result;
    app::NewExample example;
    std::string message; // the last sentence (a refused value, a missing indicator)
};

} // namespace tdkt::ui
