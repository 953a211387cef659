#pragma once
// The tdkt-cli commands of the foundation: rows, search, history, import/export.
#include "context.hpp"

namespace tdkt::cli {

int runInit(Context& ctx);
int runSchema(Context& ctx);
int runPut(Context& ctx);
int runGet(Context& ctx);
int runList(Context& ctx);
int runDelete(Context& ctx);
int runSearch(Context& ctx);
int runHistory(Context& ctx);
int runDump(Context& ctx);
int runImport(Context& ctx);
int runExport(Context& ctx);

} // namespace tdkt::cli
