#pragma once
// Internal to net/: sessions over plain TCP or TLS, and the group commit queue.
// Includes Asio: keep it out of every other header.
#include "../sync/service.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <deque>
#include <exception>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <type_traits>

namespace tdkt::server::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using TlsStream = asio::ssl::stream<tcp::socket>;

/**
 * A strand of the server's io threads. The store's owns the Service (and so the
 * store's one SQLite connection): every call into it runs there, one at a time,
 * while sessions read, decrypt, decode, encode and write on their own strands.
 */
using Strand = asio::strand<asio::io_context::executor_type>;

/**
 * Runs `f` on `strand` (the store's, or the passwords') and resumes the calling
 * coroutine on its own executor with f's result (an exception from f is rethrown there).
 */
template <class F>
asio::awaitable<std::invoke_result_t<F&>> onStrand(const Strand& strand, F f) {
    using R = std::invoke_result_t<F&>;
    return asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr, R)>(
        [strand](auto handler, F call) {
            asio::post(strand, [call = std::move(call), handler = std::move(handler)]() mutable {
                std::exception_ptr error;
                R result{};
                try {
                    result = call();
                } catch (...) {
                    error = std::current_exception();
                }
                auto ex = asio::get_associated_executor(handler);
                asio::post(ex, [handler = std::move(handler), error, result = std::move(result)]() mutable {
                    std::move(handler)(error, std::move(result));
                });
            });
        },
        asio::use_awaitable, std::move(f));
}

/** Collects pushes from many sessions and applies them in one transaction, on the store strand. */
class GroupCommit {
public:
    GroupCommit(Strand strand, Service& service, std::size_t maxAdmitted = MaxAdmitted)
        : m_strand(std::move(strand)), m_service(service), m_maxAdmitted(maxAdmitted) {}

    /** Resumes (on the caller's executor) once the job's push is committed, or refused as a whole. */
    asio::awaitable<void> submit(PushJob& job);

    /**
     * Decoded pushes waiting for the writer, at most this many: a push's ops take
     * about ten times its frame in memory, and sessions decode on other threads
     * while a group commits (64 replicas pushing at once peaked at 175 MiB without).
     */
    static constexpr std::size_t MaxAdmitted = 16;
    /** Resumes once this session may decode a push (its frame is read already). */
    asio::awaitable<void> admit();
    /** Gives an admission back, to the next session waiting if any. Thread-safe. */
    void release();

private:
    void flush(); // on the strand

    struct Waiter {
        PushJob* job;
        std::function<void()> wake; // resumes the session's coroutine on its executor
    };

    Strand m_strand;
    Service& m_service;
    std::vector<Waiter> m_queue; // touched on the strand only
    bool m_scheduled = false;
    const std::size_t m_maxAdmitted;
    std::mutex m_admitMutex; // guards the two below (sessions on both threads)
    std::size_t m_admitted = 0;
    std::deque<std::function<void()>> m_admitQueue; // sessions waiting to decode a push
};

/** Releases a GroupCommit admission when it goes out of scope. */
class Admission {
public:
    explicit Admission(GroupCommit& commits) : m_commits(commits) {}
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    ~Admission() { m_commits.release(); }

private:
    GroupCommit& m_commits;
};

struct SessionDeps {
    Service& service;
    GroupCommit& commits;
    Strand store;
    // Password checks (argon2id, 64 MiB each) run here, one at a time: off the
    // store's strand, so a login holds up no push, and one hash's memory at most.
    Strand passwords;
    std::chrono::seconds idle;
    std::function<void(const std::string&)> log; // thread-safe
};

/** Live sessions, so a stop can close them; used from every session's strand. */
class SessionSet {
public:
    using Closer = std::function<void()>;
    class Registration; // removes its session when the session ends, however it ends

    /** Registers a session; `close` runs on `ex` (the session's own executor) at a stop. */
    Registration add(asio::any_io_executor ex, Closer close);
    /** Asks every live session to close (each on its own executor). */
    void closeAll();

private:
    struct Entry {
        asio::any_io_executor ex;
        Closer close;
        std::shared_ptr<bool> alive; // false once the session ended (read and written on ex)
    };
    void remove(std::list<Entry>::iterator it);

    std::mutex m_mutex;
    std::list<Entry> m_entries;
};

class SessionSet::Registration {
public:
    Registration(SessionSet& set, std::list<Entry>::iterator it) : m_set(set), m_it(it) {}
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;
    ~Registration() { m_set.remove(m_it); }

private:
    SessionSet& m_set;
    std::list<Entry>::iterator m_it;
};

asio::awaitable<void> runPlainSession(tcp::socket socket, SessionDeps deps, SessionSet& sessions);
asio::awaitable<void> runTlsSession(TlsStream stream, SessionDeps deps, SessionSet& sessions);

} // namespace tdkt::server::net
