#pragma once
// A TCP proxy for tests on loopback that misbehaves on purpose: with a seeded RNG
// it cuts connections at random byte offsets (either direction), holds chunks
// back, and stalls (stops forwarding, keeps the sockets open). It moves raw
// bytes, so TLS passes through. One thread, plain POSIX sockets and poll.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

namespace tdkt::test {

struct FaultOptions {
    double cut = 0;               // chance a connection is cut (RST or FIN) at a random offset
    double stall = 0;             // chance a connection stalls at a random offset
    std::uint64_t within = 40000; // random offsets (log-uniform) are below this many bytes of their direction
    double delay = 0;             // chance a chunk is held back
    std::chrono::milliseconds maxDelay{30};
    // Every connection stalls once this many bytes went client → server (deterministic).
    std::uint64_t stallAfterClientBytes = std::numeric_limits<std::uint64_t>::max();
    // Every connection is cut once this many bytes went server → client (deterministic).
    std::uint64_t cutAfterServerBytes = std::numeric_limits<std::uint64_t>::max();
};

struct FaultStats {
    std::size_t connections = 0, refused = 0, cuts = 0, stalls = 0, delays = 0;
    std::uint64_t up = 0, down = 0; // bytes forwarded client → server, server → client
};

class FaultProxy {
public:
    /** Listens on 127.0.0.1:0 and forwards to 127.0.0.1:targetPort. */
    FaultProxy(int targetPort, std::uint64_t seed);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return m_port; }
    /** Both apply to connections accepted from now on. */
    void setOptions(const FaultOptions& options);
    void setTarget(int targetPort);
    /** Closes every open connection (stalled ones too). */
    void dropAll() { m_drop = true; }
    FaultStats stats() const;

private:
    void loop();

    int m_listen = -1;
    int m_port = 0;
    mutable std::mutex m_mutex; // guards the three below
    FaultOptions m_options;
    int m_target;
    FaultStats m_stats;
    std::mt19937_64 m_rng;
    std::atomic<bool> m_stop{false}, m_drop{false};
    std::thread m_thread;
};

} // namespace tdkt::test
