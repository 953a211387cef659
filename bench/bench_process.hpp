#pragma once
// Small POSIX process helpers for the benchmarks: run a command and capture its
// output, or start a long-running child whose first stdout line is read.
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace tdkt::bench {

struct Ran {
    int exitCode = -1;
    std::string out;
};

/** Runs argv (extra environment in env), stdout captured, stderr to `errFile` (or inherited). */
Ran runCommand(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
               const std::string& errFile = {});

/** Runs argv and throws with its output when it fails. */
std::string mustRun(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

class ChildProcess {
public:
    /** Starts argv; stdout is a pipe (readLine), stderr goes to `logFile`. */
    ChildProcess(const std::vector<std::string>& argv, const std::string& logFile);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /** The next line of stdout (without '\n'); empty at EOF. */
    std::string readLine();
    pid_t pid() const { return m_pid; }
    /** SIGTERM, then waits; the exit code. */
    int stop();

private:
    pid_t m_pid = -1;
    int m_out = -1;
};

/** VmHWM (peak resident set) of a process, in KiB; 0 when unknown. */
long peakRssKib(pid_t pid);

} // namespace tdkt::bench
