#pragma once
// The main window: the sync bar on top, the navigation row, then the screen chosen.
// Draws app::Session; no logic. A new screen: a value in Screen, a file under
// screens/ with its draw function, and one line in main_window.cpp's table.
#include "app/calendar.hpp"
#include "app/session.hpp"
#include "records_ui.hpp" // records (issue 17)
#include "ui/movement_ui.hpp" // movements (issue 17)

#include <map>
#include <optional>
#include <string>

namespace tdkt::ui {

enum class Screen { SignIn, Dossiers, Editor, Conflicts, Refused, Report, Inspections, InspectionPlan, Checklist, Conclusion, FollowUp,
                    // records (issue 17)
                    People, Person, Units, Reference, History,
                    Movements, MovementEditor }; // movements (issue 17)

/** What the inspection screens remember between frames (typed text, choices). */
struct InspectionUi {
    bool wholeList = false;  // the checklist: every item, or one at a time
    std::string notesItem;   // the item whose notes the two buffers below hold
    std::string notes, evidence;
    double notesTypedAt = 0, evidenceTypedAt = 0; // their last keystroke (ImGui time): idle commit
    bool notesEdited = false;                     // typed since the item's notes were read or saved
    std::string finding, severity = "han_che", recommendation, due;
    std::string conclusionTarget, strengths, weaknesses, conclusion, concludedOn;
    std::string reportPath;  // "": beside the replica
    bool overdueOnly = false;
    std::size_t planOffset = 0;
    std::string notice; // the last thing done (a report written)
};

/** The dossier editor's status step being filled in (its reason, ballot or decision). */
struct WorkflowUi {
    std::optional<app::Step> open; // the step whose inputs show; none: just the buttons
    app::StepInput input;
    app::RecordForm record; // higher: the authorities above, read when RecordDecision opens
};

/** What the window remembers between frames that is only about drawing. */
struct WindowState {
    Screen screen = Screen::Dossiers;
    Screen shown = Screen::Dossiers; // the screen drawn last frame: its sentence goes when it changes
    bool askedNewPassword = false;   // the sign-in opened for the reset being asked now
    std::string server, user, password, caFile;
    std::string newPassword, confirmPassword; // after an administrator's reset
    std::string newName, newAward = "lao_dong_tien_tien", newYear, newUnit;
    std::string message; // the last sentence to show (an error, a refusal)
    std::string merged;  // a typed merged value in the conflicts inbox
    // The report screen: the pane shown, the year as typed, the folder exports go to.
    int reportPane = 0;
    std::string reportYear, reportFolder, reportSince;
    std::map<std::string, double> reportTypedAt; // a prose section → its last keystroke (ImGui time)
    app::Month reportMonth; // the month the date picker shows
    InspectionUi inspection;
    WorkflowUi workflow;
    // gui3: pickers, the components checklist, the idle commit, shortcuts
    std::string newKind = "ca_nhan", newPersonId; // the new dossier's nominee (a person picked, or a typed name)
    std::string nomineeSearch;                    // the editor's person search
    std::map<std::string, double> typedAt;        // editor field → its last keystroke (ImGui time)
    std::map<std::string, std::string> refs;      // component → its reference as typed
    bool focusSearch = false, focusNew = false;
    RecordsUi records; // records (issue 17): people, units, reference data, history
    MovementUi movement; // movements (issue 17)
    bool rescale = false; // display: a UI scale was chosen; the loop rebuilds the font between frames
};

/** Screen by its script name (Vietnamese or English, e.g. "ho-so"/"dossiers"). */
bool screenByName(const std::string& name, Screen& out);

void drawWindow(app::Session& s, WindowState& w);

/** Commits what the shown screen holds typed and not committed (polish: the window closes). */
void leaveScreen(app::Session& s, WindowState& w);

} // namespace tdkt::ui
