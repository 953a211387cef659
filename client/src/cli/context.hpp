#pragma once
// What every tdkt-cli command receives: the database path, its arguments, and
// the store, opened on first use.
#include "args.hpp"

#include "tdkt/store/store.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace tdkt::cli {

struct Context {
    std::filesystem::path db;
    std::vector<std::string> words; // the words after the command name, as typed
    Args args;                      // the same, parsed
    std::ostream& out;

    /** Opens the existing replica (an error if there is none). */
    store::Store& store();

    std::unique_ptr<store::Store> opened;
};

using CommandFn = int (*)(Context&);

} // namespace tdkt::cli
