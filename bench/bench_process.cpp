#include "bench_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tdkt::bench {
namespace {

struct Spawned {
    pid_t pid = -1;
    int out = -1;
};

std::vector<std::string> environment(const std::map<std::string, std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string s(*e);
        auto eq = s.find('=');
        if (eq != std::string::npos && extra.count(s.substr(0, eq))) continue;
        env.push_back(std::move(s));
    }
    for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
    return env;
}

Spawned spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra,
              const std::string& errFile) {
    int pipeFd[2];
    if (pipe2(pipeFd, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipeFd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (!errFile.empty())
        posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, errFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    auto envStrings = environment(extra);
    std::vector<char*> envp;
    for (auto& e : envStrings) envp.push_back(e.data());
    envp.push_back(nullptr);
    Spawned s;
    int rc = posix_spawn(&s.pid, argv.at(0).c_str(), &fa, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    close(pipeFd[1]);
    if (rc != 0) {
        close(pipeFd[0]);
        throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    s.out = pipeFd[0];
    return s;
}

int waitExit(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

Ran runCommand(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               const std::string& errFile) {
    auto s = spawn(argv, env, errFile);
    Ran r;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = read(s.out, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        r.out.append(buf, static_cast<std::size_t>(n));
    }
    close(s.out);
    r.exitCode = waitExit(s.pid);
    return r;
}

std::string mustRun(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    auto r = runCommand(argv, env);
    if (r.exitCode != 0) {
        std::string cmd;
        for (const auto& a : argv) cmd += a + " ";
        throw std::runtime_error("failed (" + std::to_string(r.exitCode) + "): " + cmd + "\n" + r.out);
    }
    return r.out;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& logFile) {
    auto s = spawn(argv, {}, logFile);
    m_pid = s.pid;
    m_out = s.out;
}

ChildProcess::~ChildProcess() {
    if (m_pid > 0) stop();
}

std::string ChildProcess::readLine() {
    std::string line;
    char c;
    for (;;) {
        ssize_t n = read(m_out, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || c == '\n') return line;
        line.push_back(c);
    }
}

int ChildProcess::stop() {
    if (m_pid <= 0) return -1;
    kill(m_pid, SIGTERM);
    int rc = waitExit(m_pid);
    m_pid = -1;
    if (m_out >= 0) close(m_out);
    m_out = -1;
    return rc;
}

long peakRssKib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

} // namespace tdkt::bench
