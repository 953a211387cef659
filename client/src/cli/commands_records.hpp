#pragma once
// tdkt-cli records: what the people, units, reference and history screens show,
// as JSON, from the same app/ functions (records_view.hpp).
#include "context.hpp"

namespace tdkt::cli {

int runRecordsCommand(Context& ctx);

} // namespace tdkt::cli
