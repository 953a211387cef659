#pragma once
// Running real binaries from tests: a command to completion with a time-out, or
// a long-lived child (a server, a writer to kill -9) that is killed when dropped.
#include <chrono>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace tdkt::test {

struct RunResult {
    int exitCode = -1; // -1: killed by a signal or timed out
    bool timedOut = false;
    std::string out;
    std::string err;
};

struct RunOptions {
    std::string input;                              // written to stdin, then closed
    std::map<std::string, std::string> env;         // added to the environment
    std::chrono::milliseconds timeout{60000};
    long fileSizeLimit = -1;                        // RLIMIT_FSIZE in bytes (simulates a full disk)
};

RunResult run(const std::vector<std::string>& argv, const RunOptions& options = {});

class Child {
public:
    /**
     * Starts argv with stdout piped to us (readLine) and stderr to a log file; a
     * fileSizeLimit ≥ 0 caps every file it writes (RLIMIT_FSIZE: a full disk).
     */
    Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
          const std::string& stderrPath = "/dev/null", long fileSizeLimit = -1);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    /** The next line the child printed, or "" after the timeout or at EOF. */
    std::string readLine(std::chrono::milliseconds timeout);
    void kill(int signal);
    /** Waits for exit (bounded); returns the exit code, or -1. */
    int wait(std::chrono::milliseconds timeout);
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
    bool m_reaped = false;
};

} // namespace tdkt::test
