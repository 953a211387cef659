#pragma once
// A raw TCP session with a plain tdkt-server, for tests that speak the protocol
// byte by byte (bad input, pulls with small batches).
#include "tdkt/protocol/codec.hpp"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>
#include <vector>

namespace tdkt::test {

// A raw TCP connection (plain server) that writes bytes and reads whatever comes back.
class Raw {
public:
    explicit Raw(int port) {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    }
    ~Raw() { close(m_fd); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    int fd() const { return m_fd; }

    /** Sends Hello and Login (the answers are read by the caller). */
    void logIn(const std::string& user, const std::string& password, SiteId site) {
        write(protocol::encodeFrame(protocol::Hello{protocol::ProtocolVersion, protocol::schemaVersion(), "test"}));
        write(protocol::encodeFrame(protocol::Login{user, password, site, "test"}));
    }

    /** Reads the Welcome that answers logIn's Hello, then the login's answer (nullopt if none came). */
    std::optional<protocol::Message> loginAnswer() {
        auto welcome = readOne();
        REQUIRE(welcome);
        REQUIRE(std::holds_alternative<protocol::Welcome>(*welcome));
        return readOne();
    }

    void write(const std::vector<std::uint8_t>& bytes) {
        (void)!::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }

    /** Reads until the server closes or 5 s pass; returns the frames decoded. */
    std::vector<protocol::Message> readAll() {
        std::vector<std::uint8_t> in;
        for (;;) {
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0) break;
            std::uint8_t buf[4096];
            auto n = recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            in.insert(in.end(), buf, buf + n);
        }
        std::vector<protocol::Message> out;
        std::size_t pos = 0;
        while (in.size() - pos >= protocol::FrameHeaderBytes) {
            std::uint32_t len = std::uint32_t{in[pos]} << 24 | std::uint32_t{in[pos + 1]} << 16 |
                                std::uint32_t{in[pos + 2]} << 8 | in[pos + 3];
            if (in.size() - pos < len + 4) break;
            auto d = protocol::decodeFrame(std::span(in).subspan(pos, len + 4));
            if (d.message) out.push_back(*d.message);
            pos += len + 4;
        }
        return out;
    }

    /** Reads exactly one frame (5 s at most); nullopt if none came whole. */
    std::optional<protocol::Message> readOne() {
        std::vector<std::uint8_t> in;
        std::size_t want = protocol::FrameHeaderBytes;
        while (in.size() < want) {
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0) return std::nullopt;
            std::uint8_t buf[4096];
            auto n = recv(m_fd, buf, std::min(sizeof buf, want - in.size()), 0);
            if (n <= 0) return std::nullopt;
            in.insert(in.end(), buf, buf + n);
            if (in.size() == protocol::FrameHeaderBytes && want == protocol::FrameHeaderBytes)
                want = 4 + (std::size_t{in[0]} << 24 | std::size_t{in[1]} << 16 | std::size_t{in[2]} << 8 | in[3]);
        }
        return protocol::decodeFrame(std::span(in)).message;
    }

private:
    int m_fd = -1;
};

} // namespace tdkt::test
