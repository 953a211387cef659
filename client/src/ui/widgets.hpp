#pragma once
// The controls every screen draws through: ImGui's, plus the script driver acting
// on them by label. Labels are what a person reads (Vietnamese or English).
#include "app/session.hpp"

#include <string>

namespace tdkt::ui {

/** A button; true when clicked (or clicked by the script). */
bool button(const std::string& label);
/** A text field; true when the edit is done (focus lost, Enter, or typed by the script). */
bool input(const std::string& label, std::string& text, bool password = false);
/** A caption over a multi-line text field; true when the edit is done (or typed by the script, by caption). */
bool textArea(const std::string& caption, const std::string& id, std::string& text, float height);
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

/** The string for the session's language. */
inline const char* tr(bool vi, const char* viText, const char* enText) { return vi ? viText : enText; }
inline bool isVi(const app::Session& s) { return s.lang == app::Lang::Vi; }

/** A sentence in the error colour, wrapped to the window. */
void errorText(const char* text);

} // namespace tdkt::ui
