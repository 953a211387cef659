#pragma once
// The window's display choices — the language and the UI scale — kept in the
// replica's local settings (never replicated), so a restart opens the window as the
// officer left it. A command line's --lang or --scale wins for that run.
#include "messages.hpp"

#include "tdkt/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tdkt::app {

struct Preferences {
    std::optional<Lang> lang;   // none chosen yet: Vietnamese
    std::optional<float> scale; // none: the monitor's content scale
};

/** What the replica holds; a value it cannot read (edited by hand) counts as none. */
Preferences loadPreferences(const store::Store& store);

void saveLanguage(store::Store& store, Lang lang);
/** `scale` within 1×–2×; none: follow the monitor again. */
void saveScale(store::Store& store, std::optional<float> scale);

/** The scales the window offers, 1× to 2× in quarter steps. */
const std::vector<float>& scaleSteps();

/** "1,5×" (Vietnamese decimal comma) / "1.5×"; none: "Theo màn hình" / "Follow the screen". */
std::string scaleLabel(std::optional<float> scale, Lang lang);

} // namespace tdkt::app
