#pragma once
// Runs the real tdkt-cli (TDKT_CLI) against a database in a fresh temp dir, and
// checks the error contract: one "tdkt-cli: error: " line, the exit code, and an
// unchanged dump.
#include "process.hpp"
#include "temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tdkt::test {

using Json = nlohmann::json;

struct Failure {
    int code = 0;
    std::string err;
};

class Cli {
public:
    /** A temp dir with an initialised database (or none yet, with init = false). */
    explicit Cli(bool init = true);

    /** Runs tdkt-cli --db db args...; REQUIREs exit 0 and returns stdout. */
    template <class... A>
    std::string ok(const A&... args) { return okWith({}, {std::string(args)...}); }

    /** Runs tdkt-cli --db db args...; REQUIREs a non-zero exit and one error line on stderr. */
    template <class... A>
    Failure fails(const A&... args) { return failsWith({}, {std::string(args)...}); }

    /** fails(args...) with exactly this exit code, and a dump that did not change; returns stderr. */
    template <class... A>
    std::string refused(int code, const A&... args) { return refusedWith(code, {std::string(args)...}); }

    template <class... A>
    Json json(const A&... args) { return Json::parse(ok(args...)); }

    std::string okWith(const RunOptions& options, const std::vector<std::string>& args);
    Failure failsWith(const RunOptions& options, const std::vector<std::string>& args);
    std::string refusedWith(int code, const std::vector<std::string>& args);

    std::string dump() { return ok("dump"); }
    /** put TABLE row; returns the id it printed. */
    std::string put(const std::string& table, const Json& row);
    std::string unit(const std::string& name = "UBND xã An Bình");
    std::string person(const std::string& unitId, const std::string& name, Json extra = Json::object());
    /** Writes a file in the temp dir and returns its path. */
    std::filesystem::path write(const std::string& name, const std::string& content) const;
    std::filesystem::path path(const std::string& name) const { return m_dir / name; }

private:
    TempDir m_dir;

public:
    const std::filesystem::path db;
};

/** The whole file, byte for byte. */
std::string readBytes(const std::filesystem::path& file);

/** Text without the trailing newline(s). */
std::string trimmed(std::string text);

} // namespace tdkt::test
