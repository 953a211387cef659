#pragma once
// Internal to net/: sessions over plain TCP or TLS, and the group commit queue.
// Includes Asio: keep it out of every other header.
#include "../sync/service.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <functional>
#include <list>
#include <memory>

namespace tdkt::server::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using TlsStream = asio::ssl::stream<tcp::socket>;

/** Collects pushes from many sessions and applies them in one transaction. */
class GroupCommit {
public:
    GroupCommit(asio::any_io_executor ex, Service& service) : m_ex(std::move(ex)), m_service(service) {}

    /** Resumes once the job's push is committed (or refused as a whole). */
    asio::awaitable<void> submit(PushJob& job);

private:
    void flush();

    struct Waiter {
        PushJob* job;
        std::shared_ptr<asio::steady_timer> timer;
        std::shared_ptr<bool> done;
    };

    asio::any_io_executor m_ex;
    Service& m_service;
    std::vector<Waiter> m_queue;
    bool m_scheduled = false;
};

struct SessionDeps {
    Service& service;
    GroupCommit& commits;
    std::chrono::seconds idle;
    std::function<void(const std::string&)> log;
};

/** Live sessions, so a stop can close them. */
class SessionSet {
public:
    using Closer = std::function<void()>;
    std::list<Closer>::iterator add(Closer c) { return m_closers.insert(m_closers.end(), std::move(c)); }
    void remove(std::list<Closer>::iterator it) { m_closers.erase(it); }
    void closeAll() {
        auto copy = m_closers;
        for (auto& c : copy) c();
    }

private:
    std::list<Closer> m_closers;
};

asio::awaitable<void> runPlainSession(tcp::socket socket, SessionDeps deps, SessionSet& sessions);
asio::awaitable<void> runTlsSession(TlsStream stream, SessionDeps deps, SessionSet& sessions);

} // namespace tdkt::server::net
