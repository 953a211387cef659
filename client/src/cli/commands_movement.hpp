#pragma once
// tdkt-cli movement … (issue 17): the movements screens' list and typed edits.
//   movement list [--year Y] [--unit U] [--status S] [--text WORDS] [--limit N]
//       the movements under way in Y, of U and below, found without diacritics
//   movement set TABLE ID FIELD TEXT [--lang vi|en]
//       a field of movements / movement_targets / movement_results / model_examples
//       typed as in the window (04/06/2021, 4,6); a refused text exits 1 with the
//       window's sentence (Vietnamese unless --lang en)
// Rows are made with put (ISO dates), read with get and list. Each prints JSON.
#include "context.hpp"

namespace tdkt::cli {

int runMovementCommand(Context& ctx);

} // namespace tdkt::cli
