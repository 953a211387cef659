#pragma once
// What the records screens (people, a person, units, reference data, history)
// remember between frames that is only about drawing (issue 17, records).
#include <map>
#include <string>

namespace tdkt::ui {

enum class Screen; // main_window.hpp

struct RecordsUi {
    std::map<std::string, double> typedAt; // "people.FIELD" / "units.FIELD" → its last keystroke (ImGui time)
    std::string message;                   // the last refusal or error on these screens
    Screen historyBack{};                  // where the history's back button returns
    bool historyBackSet = false;
    std::string unitId;                    // the unit shown beside the tree
    int referencePane = 0;                 // 0 the award catalog, 1 the base salary
    std::size_t referenceRow = 0;          // the award rule whose details are shown
    bool focusSearch = false;
};

} // namespace tdkt::ui
