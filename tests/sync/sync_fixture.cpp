#include "sync_fixture.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <sstream>

namespace tdkt::test {

SyncWorld::SyncWorld(bool tls) : m_tls(tls) {
    if (!tls) return;
    auto r = run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                  (m_dir / "key.pem").string(), "-out", (m_dir / "cert.pem").string(), "-days", "2", "-subj",
                  "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
}

RunResult SyncWorld::server(const std::vector<std::string>& args, std::map<std::string, std::string> env) {
    std::vector<std::string> argv{TDKT_SERVER, "--data", (m_dir / "srv").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    env.emplace("TDKT_PASSWORD", Password);
    RunOptions o;
    o.env = std::move(env);
    return run(argv, o);
}

RunResult SyncWorld::cli(const std::string& replica, const std::vector<std::string>& args,
                         std::map<std::string, std::string> env) {
    RunOptions o;
    o.env = std::move(env);
    return cliWith(replica, args, std::move(o));
}

RunResult SyncWorld::cliWith(const std::string& replica, const std::vector<std::string>& args, RunOptions options) {
    std::vector<std::string> argv{TDKT_CLI, "--db", (m_dir / (replica + ".db")).string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, options);
}

std::string SyncWorld::ok(const std::string& replica, const std::vector<std::string>& args,
                          std::map<std::string, std::string> env) {
    auto r = cli(replica, args, std::move(env));
    REQUIRE_MESSAGE(r.exitCode == 0, replica << " " << args.at(0) << ": " << r.err);
    return r.out;
}

std::string SyncWorld::put(const std::string& replica, const std::string& table, const json& fields) {
    const auto out = ok(replica, {"put", table, fields.dump()});
    return out.substr(0, out.find('\n'));
}

json SyncWorld::rows(const std::string& replica, const std::string& table) {
    return json::parse(ok(replica, {"dump"}))[table];
}

void SyncWorld::importPeople(const std::string& replica, const std::string& unit, int n,
                             const std::function<std::string(int)>& position) {
    const auto path = m_dir / (replica + "-" + unit + ".csv");
    {
        std::ofstream out(path);
        out << "unit_id,full_name,position\n";
        for (int i = 0; i < n; ++i) out << unit << ",Người " << replica << " " << i << "," << position(i) << "\n";
    }
    ok(replica, {"import", "people", path.string()});
}

std::string SyncWorld::newDossier(const std::string& replica, const std::string& unit, const std::string& name) {
    return put(replica, "dossiers",
               json{{"unit_id", unit},           {"nominee_kind", "ca_nhan"}, {"nominee_name", name},
                    {"award_code", "giay_khen"}, {"year", 2025},            {"status", "draft"}});
}

void SyncWorld::addUnit(const std::string& id, const std::string& level, const std::string& parent) {
    json u{{"id", id}, {"name", "Đơn vị " + id}, {"level", level}};
    if (!parent.empty()) u["parent_id"] = parent;
    auto r = server({"unit", "add", u.dump()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
}

void SyncWorld::addUser(const std::string& name, const std::string& role, const std::string& unit) {
    auto r = server({"user", "add", name, "--role", role, "--unit", unit});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
}

void SyncWorld::start(long fileSizeLimit) {
    // Started again after a stop: the same port, so the replicas' logins still hold.
    std::vector<std::string> argv{TDKT_SERVER, "--data", (m_dir / "srv").string(), "serve", "--listen",
                                  "127.0.0.1:" + std::to_string(m_port)};
    if (m_tls) {
        argv.insert(argv.end(), {"--cert", (m_dir / "cert.pem").string(), "--key", (m_dir / "key.pem").string()});
    } else {
        argv.push_back("--plain");
    }
    argv.insert(argv.end(), {"--test-clock-file", (m_dir / "clock_offset_ms").string()});
    argv.insert(argv.end(), serveArgs.begin(), serveArgs.end());
    m_server = std::make_unique<Child>(argv, std::map<std::string, std::string>{}, (m_dir / "server.log").string(),
                                       fileSizeLimit);
    std::string line = m_server->readLine(std::chrono::seconds(20));
    REQUIRE_MESSAGE(line.rfind("listening 127.0.0.1:", 0) == 0, "server said: " << line << serverLog());
    m_port = std::stoi(line.substr(line.rfind(':') + 1));
}

void SyncWorld::advanceClock(std::int64_t ms) {
    m_clockOffset += ms;
    const auto file = m_dir / "clock_offset_ms";
    const auto temp = m_dir / "clock_offset_ms.new";
    {
        std::ofstream out(temp);
        out << m_clockOffset << "\n";
    }
    std::filesystem::rename(temp, file); // whole: the server never reads half a number
}

void SyncWorld::stop() {
    if (!m_server) return;
    m_server->kill(SIGTERM);
    CHECK(m_server->wait(std::chrono::seconds(20)) == 0);
    m_server.reset();
}

void SyncWorld::replica(const std::string& name, const std::string& user) {
    ok(name, {"init", "--site-name", name});
    std::vector<std::string> args{"login", "--server", "127.0.0.1:" + std::to_string(m_port), "--user", user};
    if (m_tls) args.insert(args.end(), {"--ca-file", (m_dir / "cert.pem").string()});
    else args.push_back("--plain");
    ok(name, args, {{"TDKT_PASSWORD", Password}});
    sync(name); // the units and everything else this user reads
}

json SyncWorld::sync(const std::string& replica) { return json::parse(ok(replica, {"sync"})); }

std::string SyncWorld::serverDump(const std::string& as) {
    auto r = server({"dump", "--as", as});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return r.out;
}

std::string SyncWorld::serverLog() const {
    std::ifstream in(m_dir / "server.log");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace tdkt::test
