#pragma once
// Command-line arguments of tdkt-cli: positionals plus repeated --name value options.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::cli {

struct Args {
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> options; // "--where" -> "a=b", ...
    std::vector<std::string> flags;                  // options without a value ("--plain")

    std::optional<std::string> option(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const;
    /** The option as a whole number >= 0, `otherwise` when absent; a usage error when not one. */
    std::int64_t whole(const std::string& name, std::int64_t otherwise) const;
    /** The i-th positional, or a usage error naming what is missing. */
    const std::string& need(std::size_t i, const char* what) const;
};

/** Options that take no value; every other --name takes the next word. */
Args parseArgs(const std::vector<std::string>& words, const std::vector<std::string>& valueless);

} // namespace tdkt::cli
