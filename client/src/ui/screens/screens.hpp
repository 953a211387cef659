#pragma once
// One draw function a screen, each in its own file under screens/; main_window.cpp
// lists them. A screen draws app::Session's view and calls its actions; no logic.
#include "ui/main_window.hpp"

namespace tdkt::ui {

void drawSignIn(app::Session& s, WindowState& w);
void drawDossierList(app::Session& s, WindowState& w);
void drawDossierEditor(app::Session& s, WindowState& w);
void drawConflicts(app::Session& s, WindowState& w);
void drawRefused(app::Session& s, WindowState& w);
void drawReport(app::Session& s, WindowState& w);
// Inspections (issue 18)
void drawInspectionPlans(app::Session& s, WindowState& w);
void drawInspectionPlan(app::Session& s, WindowState& w);
void drawChecklist(app::Session& s, WindowState& w);
void drawConclusion(app::Session& s, WindowState& w);
void drawFollowUp(app::Session& s, WindowState& w);
void drawComponentsChecklist(app::Session& s, WindowState& w); // a panel of the dossier editor
void drawSteps(app::Session& s, WindowState& w);                // the editor's status steps
// records (issue 17): people, a person, units, reference data, a record's history
void drawPeople(app::Session& s, WindowState& w);
void drawPerson(app::Session& s, WindowState& w);
void drawUnits(app::Session& s, WindowState& w);
void drawReference(app::Session& s, WindowState& w);
void drawHistory(app::Session& s, WindowState& w);
/** Opens the history of a record from a screen (its "Lịch sử" button); back returns there. */
void openHistory(app::Session& s, WindowState& w, const std::string& table, const std::string& id);
// Movements (issue 17)
void drawMovementList(app::Session& s, WindowState& w);
void drawMovementEditor(app::Session& s, WindowState& w);
void drawMovementTargets(app::Session& s, WindowState& w, app::MovementEditor& e); // panels of the editor
void drawMovementResults(app::Session& s, WindowState& w, app::MovementEditor& e);
void drawModelExamples(app::Session& s, WindowState& w, app::MovementEditor& e);
/** A row's typed field: committed on focus lost, Enter or the idle second; read-only text when not the user's. */
void movementCell(app::Session& s, WindowState& w, app::RowDraft& row, const std::string& field,
                  const std::string& label, bool editable, const char* hint = nullptr);

// polish (issue 17): a screen left (another screen, the window closed) commits what is
// typed and not committed yet: switching screens loses nothing.
void leaveDossierEditor(app::Session& s, WindowState& w);
void leaveMovementEditor(app::Session& s, WindowState& w);
void leaveUnits(app::Session& s, WindowState& w);
void leavePerson(app::Session& s, WindowState& w);
void leaveReport(app::Session& s, WindowState& w);
void leaveChecklist(app::Session& s, WindowState& w);

} // namespace tdkt::ui
