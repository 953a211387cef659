#pragma once
// A real tdkt-server on 127.0.0.1 (port 0, TLS with a certificate made here) and
// tdkt-cli replicas talking to it, all in one temp dir.
#include "process.hpp"
#include "temp_dir.hpp"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tdkt::test {

using nlohmann::json;

/** Every test user's password (the server's policy refuses short or common ones). */
inline constexpr const char* Password = "rung-tre-xanh-2026";

class SyncWorld {
public:
    explicit SyncWorld(bool tls = true);

    /** tdkt-server --data DIR ARGS... (TDKT_PASSWORD=Password) */
    RunResult server(const std::vector<std::string>& args, std::map<std::string, std::string> env = {});
    /** tdkt-cli --db DIR/NAME.db ARGS... */
    RunResult cli(const std::string& replica, const std::vector<std::string>& args,
                  std::map<std::string, std::string> env = {});
    /** The same with every run option (a file size limit: a full disk). */
    RunResult cliWith(const std::string& replica, const std::vector<std::string>& args, RunOptions options);
    /** Same, and requires exit 0; returns stdout. */
    std::string ok(const std::string& replica, const std::vector<std::string>& args,
                   std::map<std::string, std::string> env = {});

    /** tdkt-cli put TABLE FIELDS (with "id": an edit); returns the row's id. */
    std::string put(const std::string& replica, const std::string& table, const json& fields);
    /** The rows of `table` in the replica's dump, by id. */
    json rows(const std::string& replica, const std::string& table);
    /** tdkt-cli import of `n` people of `unit`, person i's position being position(i). */
    void importPeople(const std::string& replica, const std::string& unit, int n,
                      const std::function<std::string(int)>& position);
    /** A draft Giấy khen dossier of `unit` for `name`; returns its id. */
    std::string newDossier(const std::string& replica, const std::string& unit, const std::string& name);

    void addUnit(const std::string& id, const std::string& level, const std::string& parent = "");
    void addUser(const std::string& name, const std::string& role, const std::string& unit);
    /** Starts serve; a fileSizeLimit ≥ 0 caps the files it writes (a full disk). */
    void start(long fileSizeLimit = -1);
    void stop();
    /** init + login as `user`. */
    void replica(const std::string& name, const std::string& user);
    json sync(const std::string& replica);
    std::string serverDump(const std::string& as);

    /** More `serve` flags for the next start() (the throttle's numbers). */
    std::vector<std::string> serveArgs;

    /**
     * Moves the server's accounts clock (throttling, locks, idle sessions) forward by
     * `ms` (serve --test-clock-file, read at every use): no sleeping, and the same
     * time after a restart.
     */
    void advanceClock(std::int64_t ms);

    int port() const { return m_port; }
    const TempDir& dir() const { return m_dir; }
    std::string serverLog() const;

private:
    TempDir m_dir;
    bool m_tls;
    int m_port = 0;
    std::int64_t m_clockOffset = 0;
    std::unique_ptr<Child> m_server;
};

} // namespace tdkt::test
