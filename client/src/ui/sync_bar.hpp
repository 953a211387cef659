#pragma once
// The sync bar, on top of every screen: online/offline, the signed-in user, pending
// changes, last sync, a progress bar while syncing, conflicts and refused counts
// (each opens its screen), the language switch.
#include "main_window.hpp"

namespace tdkt::ui {

void drawSyncBar(app::Session& s, WindowState& w);

} // namespace tdkt::ui
