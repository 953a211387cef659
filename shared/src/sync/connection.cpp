// The Asio side of the client: TCP + TLS (verify_peer and host name checked),
// frames in and out, every wait bounded by the endpoint's timeout.
#include "channel.hpp"

#include "tdkt/protocol/codec.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <optional>

namespace tdkt::sync {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

class AsioChannel final : public Channel {
public:
    explicit AsioChannel(Endpoint ep) : m_ep(std::move(ep)) {}

    void connect();
    void send(const protocol::Message& m) override;
    protocol::Message receive() override;
    std::uint64_t bytesSent() const override { return m_sent; }
    std::uint64_t bytesReceived() const override { return m_received; }

    ~AsioChannel() override {
        boost::system::error_code ec;
        lowest().close(ec);
    }

private:
    tcp::socket& lowest() { return m_tls ? m_tls->next_layer() : m_tcp; }

    // Runs the started operation until `done` or the timeout; on timeout the
    // socket is closed, the operation aborts, and a Timeout error is thrown.
    void wait(const bool& done, const char* what) {
        m_io.restart();
        m_io.run_for(m_ep.timeout);
        if (done) return;
        boost::system::error_code ec;
        lowest().close(ec);
        m_io.restart();
        m_io.run();
        throw SyncError(SyncErrorKind::Timeout, std::string("no answer from the server for ") +
                                                    std::to_string(m_ep.timeout.count() / 1000) + " s while " +
                                                    what + ": the connection stalled");
    }

    template <class Buffers>
    void io(bool write, const Buffers& buffers, const char* what) {
        bool done = false;
        boost::system::error_code result;
        auto handler = [&](boost::system::error_code ec, std::size_t) { result = ec, done = true; };
        auto start = [&](auto& stream) {
            if (write) asio::async_write(stream, buffers, handler);
            else asio::async_read(stream, buffers, handler);
        };
        if (m_tls) start(*m_tls);
        else start(m_tcp);
        wait(done, what);
        if (result)
            throw SyncError(SyncErrorKind::Unreachable,
                            std::string("the connection broke while ") + what + ": " + result.message());
    }

    Endpoint m_ep;
    asio::io_context m_io;
    tcp::socket m_tcp{m_io};
    std::optional<asio::ssl::context> m_ctx;
    std::optional<asio::ssl::stream<tcp::socket>> m_tls;
    std::uint64_t m_sent = 0, m_received = 0;
};

void AsioChannel::connect() {
    const std::string where = m_ep.host + ":" + std::to_string(m_ep.port);
    if (!m_ep.plain) {
        m_ctx.emplace(asio::ssl::context::tls_client);
        m_ctx->set_verify_mode(asio::ssl::verify_peer);
        boost::system::error_code ec;
        if (m_ep.caFile.empty()) m_ctx->set_default_verify_paths(ec);
        else m_ctx->load_verify_file(m_ep.caFile, ec);
        if (ec) throw SyncError(SyncErrorKind::Tls, "cannot load the CA file " + m_ep.caFile + ": " + ec.message());
        m_tls.emplace(m_io, *m_ctx);
        m_tls->set_verify_callback(asio::ssl::host_name_verification(m_ep.host));
        SSL_set_tlsext_host_name(m_tls->native_handle(), m_ep.host.c_str());
    }
    tcp::resolver resolver(m_io);
    bool done = false;
    boost::system::error_code result;
    tcp::resolver::results_type addresses;
    resolver.async_resolve(m_ep.host, std::to_string(m_ep.port), [&](auto ec, auto r) {
        result = ec, addresses = r, done = true;
    });
    wait(done, "looking up the server");
    if (result) throw SyncError(SyncErrorKind::Unreachable, "cannot find the server " + where + ": " + result.message());
    done = false;
    asio::async_connect(lowest(), addresses, [&](auto ec, auto) { result = ec, done = true; });
    wait(done, "connecting");
    if (result) throw SyncError(SyncErrorKind::Unreachable, "cannot reach the server " + where + ": " + result.message());
    lowest().set_option(tcp::no_delay(true));
    if (!m_tls) return;
    done = false;
    m_tls->async_handshake(asio::ssl::stream_base::client, [&](auto ec) { result = ec, done = true; });
    wait(done, "starting TLS");
    if (result)
        throw SyncError(SyncErrorKind::Tls, "TLS with " + where + " failed (is the certificate trusted? --ca-file): " +
                                                result.message());
}

void AsioChannel::send(const protocol::Message& m) {
    auto bytes = protocol::encodeFrame(m);
    io(true, asio::buffer(bytes), "sending");
    m_sent += bytes.size();
}

protocol::Message AsioChannel::receive() {
    std::array<std::uint8_t, protocol::FrameHeaderBytes> header{};
    io(false, asio::buffer(header), "waiting for the server");
    protocol::FrameHeader h;
    if (auto err = protocol::checkHeader(header, h)) throw SyncError(SyncErrorKind::Protocol, "bad frame: " + *err);
    std::vector<std::uint8_t> payload(h.length - 1);
    io(false, asio::buffer(payload), "receiving");
    m_received += payload.size() + header.size();
    auto d = protocol::decode(h.type, payload);
    if (!d.message) throw SyncError(SyncErrorKind::Protocol, "bad frame from the server: " + d.error);
    return std::move(*d.message);
}

} // namespace

std::unique_ptr<Channel> connectChannel(const Endpoint& endpoint) {
    auto ch = std::make_unique<AsioChannel>(endpoint);
    ch->connect();
    return ch;
}

} // namespace tdkt::sync
