#pragma once
// The UI font: Noto Sans (DejaVu Sans when absent) with every Vietnamese letter and
// the punctuation block U+2000–206F (— “ ” …), at the size of the UI scale.
namespace tdkt::ui {

/** Loads the font into ImGui's atlas and scales the style; false when no font file exists. */
bool loadFont(float scale);

} // namespace tdkt::ui
