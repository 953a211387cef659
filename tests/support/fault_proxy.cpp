#include "fault_proxy.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <list>
#include <vector>

namespace tdkt::test {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint64_t Never = std::numeric_limits<std::uint64_t>::max();

sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

void nonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// One direction of a connection.
struct Pipe {
    int from = -1, to = -1;
    std::vector<char> buf;
    std::size_t sent = 0;      // of buf
    std::uint64_t moved = 0;   // bytes forwarded so far
    std::uint64_t cutAt = Never, stallAt = Never;
    Clock::time_point readyAt{};
    bool eof = false, shut = false;

    bool pending() const { return sent < buf.size(); }
};

struct Link {
    int client = -1, server = -1;
    Pipe dir[2]; // 0: client → server, 1: server → client
    bool stalled = false, dead = false, reset = false;
};

void closeLink(Link& l) {
    if (l.reset) {
        linger hard{1, 0}; // close with RST instead of FIN
        for (int fd : {l.client, l.server}) setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    close(l.client);
    close(l.server);
}

} // namespace

FaultProxy::FaultProxy(int targetPort, std::uint64_t seed) : m_target(targetPort), m_rng(seed) {
    m_listen = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(0);
    if (m_listen < 0 || bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(m_listen, 64) != 0)
        throw std::runtime_error("fault proxy: cannot listen on 127.0.0.1");
    socklen_t len = sizeof a;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    nonBlocking(m_listen);
    m_thread = std::thread([this] { loop(); });
}

FaultProxy::~FaultProxy() {
    m_stop = true;
    m_thread.join();
    close(m_listen);
}

void FaultProxy::setOptions(const FaultOptions& options) {
    std::lock_guard lock(m_mutex);
    m_options = options;
}

void FaultProxy::setTarget(int targetPort) {
    std::lock_guard lock(m_mutex);
    m_target = targetPort;
}

FaultStats FaultProxy::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void FaultProxy::loop() {
    std::list<Link> links;
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    while (!m_stop) {
        // [SECTION] wait: for new connections, readable peers, writable peers, held chunks
        std::vector<pollfd> fds{{m_listen, POLLIN, 0}};
        auto wake = Clock::now() + std::chrono::milliseconds(20);
        for (auto& l : links) {
            if (l.stalled) continue;
            short ev[2] = {0, 0}; // client, server
            for (int d = 0; d < 2; ++d) {
                Pipe& p = l.dir[d];
                if (!p.pending() && !p.eof) ev[d] |= POLLIN;
                if (p.pending()) {
                    if (p.readyAt > Clock::now()) wake = std::min(wake, p.readyAt);
                    else ev[1 - d] |= POLLOUT;
                }
            }
            fds.push_back({l.client, ev[0], 0});
            fds.push_back({l.server, ev[1], 0});
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count();
        poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(ms, 0)));
        if (m_drop.exchange(false)) {
            for (auto& l : links) closeLink(l);
            links.clear();
        }
        std::lock_guard lock(m_mutex);

        // [SECTION] accept, connect to the server, draw this connection's faults
        for (;;) {
            int c = accept(m_listen, nullptr, nullptr);
            if (c < 0) break;
            int s = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in to = loopback(m_target);
            ++m_stats.connections;
            if (connect(s, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
                ++m_stats.refused; // the server is down: so is the connection
                close(s);
                close(c);
                continue;
            }
            int one = 1;
            for (int fd : {c, s}) {
                nonBlocking(fd);
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            }
            Link& l = links.emplace_back();
            l.client = c, l.server = s;
            l.dir[0].from = c, l.dir[0].to = s;
            l.dir[1].from = s, l.dir[1].to = c;
            // Log-uniform: as many cuts in the TLS handshake as deep inside a large batch.
            std::uniform_real_distribution<double> logOffset(0.0, std::log(static_cast<double>(m_options.within) + 1));
            auto offset = [&](std::mt19937_64& rng) { return static_cast<std::uint64_t>(std::exp(logOffset(rng))) - 1; };
            if (chance(m_rng) < m_options.cut) {
                l.dir[m_rng() % 2].cutAt = offset(m_rng);
                l.reset = m_rng() % 2 == 0;
            }
            if (chance(m_rng) < m_options.stall) l.dir[m_rng() % 2].stallAt = offset(m_rng);
            l.dir[0].stallAt = std::min(l.dir[0].stallAt, m_options.stallAfterClientBytes);
            l.dir[1].cutAt = std::min(l.dir[1].cutAt, m_options.cutAfterServerBytes);
        }

        // [SECTION] move bytes; stop exactly at a cut or stall offset
        const auto now = Clock::now();
        for (auto& l : links) {
            for (int d = 0; d < 2 && !l.stalled && !l.dead; ++d) {
                Pipe& p = l.dir[d];
                const std::uint64_t limit = std::min(p.cutAt, p.stallAt);
                if (!p.pending() && !p.eof && p.moved < limit) {
                    char chunk[16384];
                    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof chunk, limit - p.moved));
                    ssize_t n = read(p.from, chunk, want);
                    if (n == 0) p.eof = true;
                    else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) l.dead = true;
                    else if (n > 0) {
                        p.buf.assign(chunk, chunk + n);
                        p.sent = 0;
                        p.readyAt = now;
                        if (chance(m_rng) < m_options.delay) {
                            ++m_stats.delays;
                            std::uniform_int_distribution<long> hold(1, std::max<long>(1, m_options.maxDelay.count()));
                            p.readyAt = now + std::chrono::milliseconds(hold(m_rng));
                        }
                    }
                }
                if (p.pending() && p.readyAt <= now) {
                    ssize_t n = send(p.to, p.buf.data() + p.sent, p.buf.size() - p.sent, MSG_NOSIGNAL);
                    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) l.dead = true;
                    else if (n > 0) {
                        p.sent += static_cast<std::size_t>(n);
                        p.moved += static_cast<std::uint64_t>(n);
                        (d == 0 ? m_stats.up : m_stats.down) += static_cast<std::uint64_t>(n);
                    }
                }
                if (p.pending()) continue;
                if (p.moved >= p.cutAt) {
                    ++m_stats.cuts;
                    l.dead = true;
                } else if (p.moved >= p.stallAt) {
                    ++m_stats.stalls;
                    l.stalled = true;
                } else if (p.eof && !p.shut) {
                    shutdown(p.to, SHUT_WR);
                    p.shut = true;
                }
            }
            if (l.dir[0].shut && l.dir[1].shut) l.dead = true;
        }
        for (auto it = links.begin(); it != links.end();) {
            if (!it->dead) {
                ++it;
                continue;
            }
            closeLink(*it);
            it = links.erase(it);
        }
    }
    for (auto& l : links) closeLink(l);
}

} // namespace tdkt::test
