#pragma once
// Text that fits its cell: cut at a letter boundary with "…" when wider than the
// space left, the whole text in a tooltip on hover; never drawn over its neighbour.
#include <string>

namespace tdkt::ui {

/** `text` shortened with "…" to fit `width` pixels at the current font (UTF-8 safe). */
std::string ellipsized(const std::string& text, float width);

/** Draws `text` in the space left on the line, shortened when needed (tooltip: the whole). */
void fittedText(const std::string& text);

/** The same in a disabled (grey) colour. */
void fittedTextDisabled(const std::string& text);

} // namespace tdkt::ui
