#include "process.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tdkt::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void execChild(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
}

void setNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// In the child, before exec: writes past the limit fail with EFBIG, like a full disk.
void limitFileSize(long bytes) {
    if (bytes < 0) return;
    signal(SIGXFSZ, SIG_IGN);
    rlimit lim{static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes)};
    setrlimit(RLIMIT_FSIZE, &lim);
}

} // namespace

RunResult run(const std::vector<std::string>& argv, const RunOptions& options) {
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
        limitFileSize(options.fileSizeLimit);
        execChild(argv, options.env);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    signal(SIGPIPE, SIG_IGN);
    std::size_t written = 0;
    if (options.input.empty()) {
        close(in[1]);
        in[1] = -1;
    } else {
        setNonBlocking(in[1]);
    }
    RunResult r;
    const auto deadline = Clock::now() + options.timeout;
    bool outOpen = true, errOpen = true;
    while (outOpen || errOpen) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            r.timedOut = true;
            ::kill(pid, SIGKILL);
            break;
        }
        pollfd fds[3] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}, {in[1], POLLOUT, 0}};
        int n = poll(fds, in[1] >= 0 ? 3 : 2, static_cast<int>(left));
        if (n < 0 && errno != EINTR) break;
        char buf[65536];
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got > 0) (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(got));
            else (i == 0 ? outOpen : errOpen) = false;
        }
        if (in[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t put = write(in[1], options.input.data() + written, options.input.size() - written);
            if (put > 0) written += static_cast<std::size_t>(put);
            if (put < 0 || written == options.input.size()) {
                close(in[1]);
                in[1] = -1;
            }
        }
    }
    if (in[1] >= 0) close(in[1]);
    close(out[0]);
    close(err[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    r.exitCode = (!r.timedOut && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    return r;
}

Child::Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
             const std::string& stderrPath, long fileSizeLimit) {
    int out[2];
    if (pipe(out)) throw std::runtime_error("pipe failed");
    m_pid = fork();
    if (m_pid == 0) {
        int errFd = open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(out[1], 1);
        if (errFd >= 0) dup2(errFd, 2);
        close(out[0]);
        close(out[1]);
        limitFileSize(fileSizeLimit);
        execChild(argv, env);
    }
    close(out[1]);
    m_out = out[0];
    setNonBlocking(m_out);
}

Child::~Child() {
    if (!m_reaped && m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    if (m_out >= 0) close(m_out);
}

std::string Child::readLine(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (auto nl = m_buffer.find('\n'); nl != std::string::npos) {
            std::string line = m_buffer.substr(0, nl);
            m_buffer.erase(0, nl + 1);
            return line;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return {};
        pollfd fd{m_out, POLLIN, 0};
        if (poll(&fd, 1, static_cast<int>(left)) <= 0) continue;
        char buf[4096];
        ssize_t got = read(m_out, buf, sizeof buf);
        if (got <= 0) return {};
        m_buffer.append(buf, static_cast<std::size_t>(got));
    }
}

void Child::kill(int sig) {
    if (!m_reaped) ::kill(m_pid, sig);
}

int Child::wait(std::chrono::milliseconds timeout) {
    if (m_reaped) return -1;
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    while (Clock::now() < deadline) {
        pid_t p = waitpid(m_pid, &status, WNOHANG);
        if (p == m_pid) {
            m_reaped = true;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        usleep(10000);
    }
    return -1;
}

} // namespace tdkt::test
