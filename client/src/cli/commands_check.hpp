#pragma once
// tdkt-cli's rules commands (issue 3):
//   check dossiers ID [ID...]       → JSON array of findings
//   check unit UNIT_ID --year Y     → JSON array of quota and completeness findings
//   reference load [DIR]            → seeds award_rules / parameters from assets/reference
#include "context.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace tdkt::cli {

/** `args` are the words after "check"; prints JSON to `out`. */
int runCheck(store::Store& store, const std::vector<std::string>& args, std::ostream& out = std::cout);

/** `args` are the words after "reference"; prints {"created", "updated", "unchanged"}. */
int runReference(store::Store& store, const std::vector<std::string>& args, std::ostream& out = std::cout);

/** The same, shaped for main.cpp's command table. */
int runCheckCommand(Context& ctx);
int runReferenceCommand(Context& ctx);

} // namespace tdkt::cli
