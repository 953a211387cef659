#pragma once
// Long Vietnamese titles in narrow places (movements, issue 17): cut to the width
// with "…" on a letter's boundary (ellipsis.hpp), the whole text in a tooltip.
#include <string>

namespace tdkt::ui {


/**
 * A row's link in a table cell, ellipsised to the cell (the whole text shows on
 * hover); true when clicked, or when a script clicks the whole text.
 */
bool rowLink(const std::string& text, const std::string& id);

/** Text wrapped to the cell or window (a read-only field). */
void wrapped(const std::string& text);

} // namespace tdkt::ui
