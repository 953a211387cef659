#include "cli_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace tdkt::test {
namespace {

std::vector<std::string> command(const std::filesystem::path& db, const std::vector<std::string>& args) {
    std::vector<std::string> argv{TDKT_CLI, "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

std::string joined(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
    return out;
}

} // namespace

Cli::Cli(bool init) : db(m_dir / "tdkt.db") {
    if (init) ok("init", "--site-name", "Xã An Bình");
}

std::string Cli::okWith(const RunOptions& options, const std::vector<std::string>& args) {
    auto r = run(command(db, args), options);
    INFO(("tdkt-cli " + joined(args) + "\nstderr: " + r.err));
    REQUIRE(r.exitCode == 0);
    return r.out;
}

Failure Cli::failsWith(const RunOptions& options, const std::vector<std::string>& args) {
    auto r = run(command(db, args), options);
    INFO(("tdkt-cli " + joined(args) + "\nstdout: " + r.out + "\nstderr: " + r.err));
    REQUIRE_FALSE(r.timedOut);
    REQUIRE(r.exitCode > 0); // -1 would be a crash (a signal)
    CHECK(r.err.rfind("tdkt-cli: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.back() == '\n');
    return {r.exitCode, r.err};
}

std::string Cli::refusedWith(int code, const std::vector<std::string>& args) {
    const auto before = dump();
    auto f = failsWith({}, args);
    INFO(("tdkt-cli " + joined(args) + "\nstderr: " + f.err));
    CHECK(f.code == code);
    CHECK(dump() == before);
    return f.err;
}

std::string Cli::put(const std::string& table, const Json& row) {
    auto id = trimmed(ok("put", table, row.dump()));
    REQUIRE_FALSE(id.empty());
    CHECK(id.find('\n') == std::string::npos);
    return id;
}

std::string Cli::unit(const std::string& name) { return put("units", {{"name", name}, {"level", "xa"}}); }

std::string Cli::person(const std::string& unitId, const std::string& name, Json extra) {
    extra["unit_id"] = unitId;
    extra["full_name"] = name;
    return put("people", extra);
}

std::filesystem::path Cli::write(const std::string& name, const std::string& content) const {
    auto file = m_dir / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

} // namespace tdkt::test
