#pragma once
// Long text in a multi-line field (issue 17, polish): ImGui 1.86's multi-line field
// has no word wrap, so the field shows the user's text with a space at each wrap
// point turned into '\n'. A space and a '\n' are one byte each, so the shown text
// is as long as the user's, byte for byte, and a cursor keeps its place when the
// text is wrapped again after an edit. The soft breaks are remembered by position;
// the stored value is the user's text, without them.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::app {

/** The width of a run of text in pixels (the UI's font). */
using TextWidth = std::function<float(std::string_view)>;

struct SoftWrap {
    std::string shown;              // the text as the field shows it
    std::vector<std::size_t> soft;  // positions of the '\n' that were spaces, ascending
};

/**
 * `text` with a space turned into '\n' wherever a line would pass `width`; a word
 * longer than the width stays whole on its own line. The user's '\n' are kept.
 */
SoftWrap softWrap(const std::string& text, float width, const TextWidth& measure);

/** The user's text: the shown text with its soft breaks turned back into spaces. */
std::string unwrap(const std::string& shown, const std::vector<std::size_t>& soft);

/**
 * The soft breaks of `before` that are still in `after` (one edit: a run of bytes
 * replaced), at their new positions; a '\n' typed in the edit is the user's own,
 * unless `insertedAreSoft` (an undo or redo puts back text as it was shown, its soft
 * breaks with it: they stay soft, not newlines the user never typed).
 */
std::vector<std::size_t> carrySoft(const std::string& before, const std::vector<std::size_t>& soft,
                                   const std::string& after, bool insertedAreSoft = false);

/** The user's text of `shown`'s bytes [from, to) (a selection copied): its soft breaks as spaces. */
std::string unwrapRange(const SoftWrap& wrap, std::size_t from, std::size_t to);

} // namespace tdkt::app
