#pragma once
// The controls every screen draws through: ImGui's, plus the script driver acting
// on them by label. Labels are what a person reads (Vietnamese or English).
#include "app/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tdkt::ui {

/** A button; true when clicked (or clicked by the script). */
bool button(const std::string& label);
/** A text field (a "##label" is hidden and shown as the hint, or as `hint`); true when the edit is done (focus lost, Enter, or typed by the script). */
bool input(const std::string& label, std::string& text, bool password = false, const char* hint = nullptr);
/**
 * A caption over a multi-line text field that wraps long text at its width while
 * shown and while typed (text_area.cpp); `text` stays the user's, without the soft
 * breaks. True when the edit is done (or typed by the script, by caption).
 */
bool textArea(const std::string& caption, const std::string& id, std::string& text, float height);
/** The same, also committed IdleCommitSeconds after the last keystroke (`typedAt`, the caller's; script `typing`). */
bool textArea(const std::string& caption, const std::string& id, std::string& text, float height, double& typedAt);
/** A button `size` large (field mode); true when clicked (or clicked by the script). */
bool bigButton(const std::string& label, float widthEms, bool chosen);
/** A key (a digit or letter) pressed outside a text field, or pressed by the script (`key 1`). */
bool keyPressed(char key);
/** A section's title with a rule under it. */
void sectionTitle(const char* text);
/** A sentence in the success colour. */
void noticeText(const char* text);
/** A selectable row; true when picked. */
bool selectable(const std::string& label, bool selected);
/** A checkbox; true when toggled (a script's `click LABEL` toggles it). */
bool checkbox(const std::string& label, bool& value);

/** An edit is committed this long after the last keystroke (killing the process loses at most that). */
constexpr double IdleCommitSeconds = 1.0;
/**
 * A text field committed when it loses focus, on Enter, or IdleCommitSeconds after
 * the last keystroke; `typedAt` (the caller's, per field) holds that keystroke's time.
 */
bool input(const std::string& label, std::string& text, double& typedAt, const char* hint = nullptr);

/** A combo of `items`; the index picked this frame (a script's `pick LABEL = ITEM` picks by label). */
std::optional<std::size_t> combo(const std::string& label, const std::string& preview,
                                 const std::vector<std::string>& items, std::size_t selected);

enum class Shortcut { Find, New, Close }; // Ctrl+F, Ctrl+N, Esc
/** The shortcut was pressed this frame (or sent by the script's `key ctrl+f|ctrl+n|esc`). */
bool shortcut(Shortcut s);

/** ImGui::SameLine() when an item `width` wide with its label `label` still fits on this
 *  line; otherwise the item starts the next line (a filter row at 1.5× wraps, never cut). */
void sameLineIfRoom(float width, const std::string& label);

/** The string for the session's language. */
inline const char* tr(bool vi, const char* viText, const char* enText) { return vi ? viText : enText; }
inline bool isVi(const app::Session& s) { return s.lang == app::Lang::Vi; }

/** A sentence in the error colour, wrapped to the window. */
void errorText(const char* text);

} // namespace tdkt::ui
