// One session: read a frame (size-capped, with an idle deadline), decode it,
// hand it to the service (pushes go through the group commit), write the reply.
// A malformed frame closes only this session, with a logged reason.
#include "session.hpp"

#include "tdkt/protocol/codec.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>

namespace tdkt::server::net {
namespace {

using namespace asio::experimental::awaitable_operators;
using namespace tdkt::protocol;
constexpr auto Await = asio::as_tuple(asio::use_awaitable);

struct Frame {
    std::uint8_t type = 0;
    std::vector<std::uint8_t> payload; // decoded by the session (a push once admitted)
    std::string error;                 // malformed: reply and close
    bool closed = false;
};

template <class Stream>
asio::awaitable<Frame> readFrame(Stream& stream) {
    Frame f;
    std::array<std::uint8_t, FrameHeaderBytes> header{};
    auto [ec, n] = co_await asio::async_read(stream, asio::buffer(header), Await);
    if (ec) {
        f.closed = true;
        co_return f;
    }
    FrameHeader h;
    if (auto err = checkHeader(header, h)) {
        f.error = *err;
        co_return f;
    }
    f.type = h.type;
    f.payload.resize(h.length - 1);
    auto [ec2, n2] = co_await asio::async_read(stream, asio::buffer(f.payload), Await);
    if (ec2) f.closed = true;
    co_return f;
}

asio::awaitable<void> idleTimer(std::chrono::seconds idle) {
    asio::steady_timer t(co_await asio::this_coro::executor, idle);
    co_await t.async_wait(Await);
}

template <class Stream>
asio::awaitable<bool> writeMessage(Stream& stream, const Message& m) {
    auto bytes = encodeFrame(m);
    auto [ec, n] = co_await asio::async_write(stream, asio::buffer(bytes), Await);
    co_return !ec;
}

template <class Stream>
asio::awaitable<void> runSession(Stream& stream, const SessionDeps& deps, const std::string& peer) {
    SessionState state;
    state.peer = peer;
    for (;;) {
        auto next = co_await (readFrame(stream) || idleTimer(deps.idle));
        if (next.index() == 1) {
            deps.log(peer + ": idle for " + std::to_string(deps.idle.count()) + " s, closed");
            co_return;
        }
        Frame frame = std::get<0>(std::move(next));
        if (frame.closed) co_return;
        // A push is decoded only once admitted (GroupCommit::MaxAdmitted), and keeps
        // its admission until it is committed.
        std::optional<Admission> admission;
        if (frame.error.empty() && frame.type == static_cast<std::uint8_t>(MessageType::Push)) {
            co_await deps.commits.admit();
            admission.emplace(deps.commits);
        }
        std::optional<Message> message;
        if (frame.error.empty()) {
            auto d = decode(frame.type, frame.payload);
            frame.payload = {};
            if (d.message) message = std::move(d.message);
            else frame.error = d.error;
        }
        if (!message) {
            deps.log(peer + ": " + frame.error + ", session closed");
            // A named message: g++ 12 destroys temporaries of a co_await expression twice.
            const Message refusal{ErrorMsg{ErrorCode::Malformed, frame.error}};
            co_await writeMessage(stream, refusal);
            co_return;
        }
        Reply reply;
        if (deps.service.isPushReady(state, *message)) {
            PushJob job{&state, std::get<Push>(std::move(*message)), {}, {}};
            job.checkOps(); // here, on this session's thread: the store's writer has enough to do
            co_await deps.commits.submit(job);
            reply = std::move(job.reply);
        } else if (const auto* login = std::get_if<Login>(&*message);
                   login && deps.service.checksPassword(state, *login)) {
            auto gate = co_await onStrand(deps.store, [&] { return deps.service.loginGate(state, *login); });
            if (gate.refusal) {
                reply = std::move(*gate.refusal);
            } else {
                const bool ok = co_await onStrand(deps.passwords, [&] {
                    return Accounts::verifyPassword(gate.hash, login->password);
                });
                reply = co_await onStrand(deps.store, [&] { return deps.service.login(state, *login, ok); });
            }
        } else if (const auto* change = std::get_if<ChangePassword>(&*message);
                   change && deps.service.checksPassword(state, *change)) {
            // As a Login, and the new password is hashed off the store's strand too.
            auto gate = co_await onStrand(deps.store, [&] { return deps.service.changeGate(state, *change); });
            if (gate.refusal) {
                reply = std::move(*gate.refusal);
            } else {
                const std::string newHash = co_await onStrand(deps.passwords, [&] {
                    return Accounts::verifyPassword(gate.hash, change->password)
                               ? Accounts::hashPassword(change->newPassword)
                               : std::string();
                });
                reply = co_await onStrand(deps.store, [&] {
                    return deps.service.changePassword(state, *change, !newHash.empty(), newHash);
                });
            }
        } else {
            const Message& m = *message;
            reply = co_await onStrand(deps.store, [&] { return deps.service.handle(state, m); });
        }
        admission.reset();
        if (auto* e = std::get_if<ErrorMsg>(&reply.message)) deps.log(peer + ": " + e->message);
        const bool sent = co_await writeMessage(stream, reply.message);
        if (!sent || reply.close) co_return;
    }
}

std::string peerOf(const tcp::socket& s) {
    boost::system::error_code ec;
    auto ep = s.remote_endpoint(ec);
    return ec ? std::string("?") : ep.address().to_string() + ":" + std::to_string(ep.port());
}

// A copyable call that resumes a waiting coroutine on its own executor (its
// handler is move-only: shared, and called once).
template <class Handler>
std::function<void()> wakerFor(Handler handler) {
    auto h = std::make_shared<Handler>(std::move(handler));
    return [h] {
        auto ex = asio::get_associated_executor(*h);
        asio::post(ex, [h] { std::move(*h)(); });
    };
}

} // namespace

asio::awaitable<void> GroupCommit::submit(PushJob& job) {
    return asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
        [this, &job](auto handler) {
            asio::post(m_strand, [this, &job, wake = wakerFor(std::move(handler))] {
                m_queue.push_back({&job, wake});
                if (!m_scheduled) {
                    m_scheduled = true;
                    asio::post(m_strand, [this] { flush(); });
                }
            });
        },
        asio::use_awaitable);
}

asio::awaitable<void> GroupCommit::admit() {
    return asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
        [this](auto handler) {
            auto wake = wakerFor(std::move(handler));
            // Under a mutex, not on the store strand: a session must not wait for a
            // group to commit before it may decode the next push.
            {
                std::lock_guard lock(m_admitMutex);
                if (m_admitted >= m_maxAdmitted) {
                    m_admitQueue.push_back(std::move(wake));
                    return;
                }
                ++m_admitted;
            }
            wake();
        },
        asio::use_awaitable);
}

void GroupCommit::release() {
    std::function<void()> next;
    {
        std::lock_guard lock(m_admitMutex);
        if (m_admitQueue.empty()) {
            --m_admitted;
            return;
        }
        next = std::move(m_admitQueue.front()); // the admission passes on
        m_admitQueue.pop_front();
    }
    next();
}

void GroupCommit::flush() {
    m_scheduled = false;
    auto waiters = std::move(m_queue);
    m_queue.clear();
    std::vector<PushJob*> jobs;
    for (auto& w : waiters) jobs.push_back(w.job);
    m_service.applyPushes(jobs);
    for (auto& w : waiters) w.wake();
}

SessionSet::Registration SessionSet::add(asio::any_io_executor ex, Closer close) {
    std::lock_guard lock(m_mutex);
    return {*this, m_entries.insert(m_entries.end(), {std::move(ex), std::move(close), std::make_shared<bool>(true)})};
}

void SessionSet::remove(std::list<Entry>::iterator it) {
    std::lock_guard lock(m_mutex);
    *it->alive = false; // on the session's executor, as the closers posted to it
    m_entries.erase(it);
}

void SessionSet::closeAll() {
    std::lock_guard lock(m_mutex);
    for (const auto& e : m_entries)
        asio::post(e.ex, [close = e.close, alive = e.alive] {
            if (*alive) close();
        });
}

asio::awaitable<void> runPlainSession(tcp::socket socket, SessionDeps deps, SessionSet& sessions) {
    const auto registration = sessions.add(socket.get_executor(), [&socket] {
        boost::system::error_code ec;
        socket.shutdown(tcp::socket::shutdown_both, ec);
    });
    const std::string peer = peerOf(socket);
    co_await runSession(socket, deps, peer);
}

asio::awaitable<void> runTlsSession(TlsStream stream, SessionDeps deps, SessionSet& sessions) {
    const auto registration = sessions.add(stream.get_executor(), [&stream] {
        boost::system::error_code ec;
        stream.lowest_layer().shutdown(tcp::socket::shutdown_both, ec);
    });
    const std::string peer = peerOf(stream.next_layer());
    auto hs = co_await (stream.async_handshake(asio::ssl::stream_base::server, Await) || idleTimer(deps.idle));
    if (hs.index() == 0 && !std::get<0>(std::get<0>(hs))) {
        co_await runSession(stream, deps, peer);
        // Answer the client's close_notify so it does not see a truncated stream.
        co_await (stream.async_shutdown(Await) || idleTimer(std::chrono::seconds(2)));
    } else {
        deps.log(peer + ": TLS handshake failed");
    }
}

} // namespace tdkt::server::net
