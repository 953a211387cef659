#pragma once
// tdkt-cli dossier … (issue 17): the editor's status steps, as the signed-in user
// (the replica's role and unit) may take them (app/dossier_workflow.hpp).
//   dossier steps ID
//       the steps offered now, and for `record` the authorities above the tree to name
//   dossier step ID submit|receive|return|vote|approve|not-approve|record
//       [--reason T] [--members N --votes N] [--number N] [--date dd/mm/yyyy]
//       [--amount D] [--issuer KIND] [--issuer-name NAME] [--outcome approved|not_approved]
//       [--lang vi|en]
//       takes it in one transaction; a refused step writes nothing and exits 2 with the
//       window's sentence (Vietnamese unless --lang en). Prints the dossier as JSON.
#include "context.hpp"

namespace tdkt::cli {

int runDossierCommand(Context& ctx);

} // namespace tdkt::cli
