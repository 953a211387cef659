#pragma once
// tdkt-cli's sync commands (issue 4): login, sync, conflicts, resolve, rejected.
#include "context.hpp"

namespace tdkt::cli {

int runLogin(Context& ctx);     // login --server HOST:PORT --user NAME [--ca-file F | --plain] [--device-name N]
int runPasswd(Context& ctx);    // passwd [--server HOST:PORT --user NAME [...]]: a new password (and a login)
int runSync(Context& ctx);      // sync
int runVerify(Context& ctx);    // verify [--repair]
int runConflicts(Context& ctx); // conflicts
int runResolve(Context& ctx);   // resolve CONFLICT_ID (--keep winner|loser | --value JSON)
int runRejected(Context& ctx);  // rejected

} // namespace tdkt::cli
