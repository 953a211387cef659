#pragma once
// The UI font: the Noto Sans shipped in assets/fonts (with its licence), else Noto
// Sans or DejaVu Sans from the system, with every Vietnamese letter and the
// punctuation block U+2000–206F (— “ ” …), at the size of the UI scale.
#include <string>

namespace tdkt::ui {

/** Loads the font into ImGui's atlas and scales the style; the file loaded, "" when none exists. */
std::string loadFont(float scale);

/** A UI scale within 1×–2× (the monitor's content scale, or --scale). */
float clampScale(float s);

} // namespace tdkt::ui
