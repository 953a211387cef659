// The listener: bind (TLS by default; plain only on loopback), accept sessions,
// stop gracefully on SIGINT/SIGTERM. Two threads run the sessions (TLS, frames,
// zstd, encoding), each session on its own strand; the Service and its store run
// on one strand, so the store has a single writer and pushes of many sessions
// share a transaction while the other core reads and decodes the next ones.
#include "server.hpp"
#include "session.hpp"

#include "tdkt/core/error.hpp"

#include <iostream>
#include <thread>

namespace tdkt::server {
namespace {

using namespace net;

tcp::endpoint parseListen(const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw Error(ErrorKind::Invalid, "--listen expects ADDR:PORT, got '" + listen + "'");
    std::string host = listen.substr(0, colon);
    if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(host, ec);
    if (ec) throw Error(ErrorKind::Invalid, "--listen: '" + host + "' is not an IP address");
    unsigned long port = 0;
    try {
        port = std::stoul(listen.substr(colon + 1));
    } catch (const std::exception&) {
        port = 65536;
    }
    if (port > 65535) throw Error(ErrorKind::Invalid, "--listen: bad port in '" + listen + "'");
    return {addr, static_cast<unsigned short>(port)};
}

// One write per line: sessions log from both threads.
void logLine(const std::string& line) { std::cerr << ("tdkt-server: " + line + "\n") << std::flush; }

constexpr int Threads = 2;

struct Server {
    asio::io_context io{Threads};
    Strand store = asio::make_strand(io);   // the Service, its store and caches
    Strand control = asio::make_strand(io); // the acceptor, the signals, `stopping`
    Strand passwords = asio::make_strand(io); // password checks, one at a time
    std::optional<asio::ssl::context> tls;
    tcp::acceptor acceptor{control};
    SessionSet sessions;
    bool stopping = false;
};

asio::awaitable<void> acceptLoop(Server& srv, SessionDeps deps) {
    for (;;) {
        // Each session gets a strand of its own: its steps never run at once.
        auto [ec, socket] = co_await srv.acceptor.async_accept(asio::make_strand(srv.io),
                                                                asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (srv.stopping) co_return;
            logLine("accept failed: " + ec.message());
            continue;
        }
        socket.set_option(tcp::no_delay(true));
        auto onEnd = [](std::exception_ptr e) {
            try {
                if (e) std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                logLine(std::string("session ended by an error: ") + ex.what());
            }
        };
        auto ex = socket.get_executor();
        if (srv.tls)
            asio::co_spawn(ex, runTlsSession(TlsStream(std::move(socket), *srv.tls), deps, srv.sessions), onEnd);
        else
            asio::co_spawn(ex, runPlainSession(std::move(socket), deps, srv.sessions), onEnd);
    }
}

} // namespace

int serve(const ServeOptions& options, Service& service) {
    Server srv;
    const auto endpoint = parseListen(options.listen);
    if (options.plain) {
        if (!endpoint.address().is_loopback())
            throw Error(ErrorKind::Invalid, "--plain serves loopback addresses only (127.0.0.1, ::1); use TLS");
    } else {
        if (options.cert.empty() || options.key.empty())
            throw Error(ErrorKind::Invalid, "TLS needs --cert FILE --key FILE (or --plain on loopback for tests)");
        srv.tls.emplace(asio::ssl::context::tls_server);
        srv.tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                             asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                             asio::ssl::context::no_tlsv1_1);
        boost::system::error_code ec;
        srv.tls->use_certificate_chain_file(options.cert.string(), ec);
        if (!ec) srv.tls->use_private_key_file(options.key.string(), asio::ssl::context::pem, ec);
        if (ec) throw Error(ErrorKind::Invalid, "cannot load the TLS certificate or key: " + ec.message());
    }
    srv.acceptor.open(endpoint.protocol());
    srv.acceptor.set_option(tcp::acceptor::reuse_address(true));
    boost::system::error_code ec;
    srv.acceptor.bind(endpoint, ec);
    if (ec) throw Error(ErrorKind::Invalid, "cannot listen on " + options.listen + ": " + ec.message());
    srv.acceptor.listen();
    GroupCommit commits(srv.store, service);
    SessionDeps deps{service, commits, srv.store, srv.passwords, std::chrono::seconds(options.idleSeconds), logLine};

    asio::signal_set signals(srv.control, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& e, int sig) {
        if (e) return;
        logLine("signal " + std::to_string(sig) + ": stopping (in-flight batches finish first)");
        srv.stopping = true;
        srv.acceptor.close();
        srv.sessions.closeAll();
    });
    asio::co_spawn(srv.control, acceptLoop(srv, deps), asio::detached);
    const auto bound = srv.acceptor.local_endpoint();
    std::cout << "listening " << bound.address().to_string() << ":" << bound.port() << std::endl;
    std::thread second([&] { srv.io.run(); });
    srv.io.run();
    second.join();
    logLine("stopped");
    return 0;
}

} // namespace tdkt::server
