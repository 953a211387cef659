// SyncClient: login and sync sessions over a Channel. The steps themselves
// (push, pull) are in sync_steps.cpp.
#include "channel.hpp"
#include "sync_steps.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/version.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace tdkt::sync {

Endpoint parseEndpoint(std::string_view hostPort) {
    auto colon = hostPort.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        throw Error(ErrorKind::Invalid, "--server expects HOST:PORT, got '" + std::string(hostPort) + "'");
    Endpoint ep;
    ep.host = std::string(hostPort.substr(0, colon));
    if (ep.host.size() > 2 && ep.host.front() == '[') ep.host = ep.host.substr(1, ep.host.size() - 2);
    const std::string port(hostPort.substr(colon + 1));
    char* end = nullptr;
    unsigned long p = std::strtoul(port.c_str(), &end, 10);
    if (port.empty() || *end != '\0' || p == 0 || p > 65535)
        throw Error(ErrorKind::Invalid, "--server: bad port '" + port + "'");
    ep.port = static_cast<std::uint16_t>(p);
    return ep;
}

void throwServerError(const protocol::ErrorMsg& e) {
    using protocol::ErrorCode;
    SyncErrorKind kind = SyncErrorKind::Protocol;
    switch (e.code) {
    case ErrorCode::UpdateRequired: kind = SyncErrorKind::UpdateRequired; break;
    case ErrorCode::BadCredentials: kind = SyncErrorKind::BadCredentials; break;
    case ErrorCode::BadToken: kind = SyncErrorKind::BadToken; break;
    case ErrorCode::ReplicaForked: kind = SyncErrorKind::ReplicaForked; break;
    case ErrorCode::AccountLocked: {
        // The message is the parameter: when the lock ends.
        char* end = nullptr;
        const long long until = std::strtoll(e.message.c_str(), &end, 10);
        throw SyncError(SyncErrorKind::AccountLocked, "account locked", end && *end == '\0' ? until : 0);
    }
    case ErrorCode::AccountDisabled: throw SyncError(SyncErrorKind::AccountDisabled, "account disabled");
    case ErrorCode::DeviceRevoked: throw SyncError(SyncErrorKind::DeviceRevoked, "device revoked");
    case ErrorCode::PasswordChangeRequired:
        throw SyncError(SyncErrorKind::PasswordChangeRequired, "password change required");
    case ErrorCode::PasswordRefused: {
        // "too_short MIN", "user_name" or "common".
        const auto space = e.message.find(' ');
        const std::string reason = e.message.substr(0, space);
        std::int64_t min = 0;
        if (space != std::string::npos) min = std::strtoll(e.message.c_str() + space + 1, nullptr, 10);
        throw SyncError(SyncErrorKind::PasswordRefused, "password refused: " + reason, reason, min);
    }
    default: break;
    }
    throw SyncError(kind, "the server refused: " + e.message);
}

namespace {

// A sync session meets a forked replica id at most this often before giving up.
constexpr int MaxResites = 2;

std::uint64_t ackedSeq(const store::Store& store) { return std::stoull(store.setting("acked_seq").value_or("0")); }

} // namespace

struct SyncClient::Impl {
    store::Store& store;
    Endpoint ep;
    ProgressFn progress;
    std::uint32_t serverProtocol = 0; // the last Welcome's

    void report(SyncPhase phase, const SyncCounts& counts, const Channel* ch) {
        if (!progress) return;
        SyncProgress p{phase, counts.pushed + counts.pulled, counts.bytesSent + counts.bytesReceived};
        if (ch) p.bytes += ch->bytesSent() + ch->bytesReceived();
        if (!progress(p)) throw SyncCancelled();
    }

    std::unique_ptr<Channel> open() {
        auto ch = connectChannel(ep);
        serverProtocol = hello(*ch, store);
        return ch;
    }

    // Auth with the saved token; after a re-site the server has not confirmed yet,
    // Resite instead (the token is bound to the old id), which brings a new token.
    protocol::LoginOk authenticate(Channel& ch) {
        const std::string token = store.setting("token").value_or("");
        const std::string from = store.setting("resite_from").value_or("");
        if (from.empty()) {
            ch.send(protocol::Auth{token, store.siteId()});
            auto reply = ch.receive();
            onDisabled(ch, reply);
            return expect<protocol::LoginOk>(std::move(reply));
        }
        ch.send(protocol::Resite{token, std::stoull(from), store.siteId()});
        auto ok = expect<protocol::LoginOk>(ch.receive());
        store::Store::Batch b{store};
        store.setSetting("token", ok.token);
        store.setSetting("resite_from", "");
        b.commit();
        return ok;
    }

    // A disabled account (protocol 5: the high-water mark): settle, push, let go of the rows.
    void onDisabled(Channel& ch, const protocol::Message& reply) {
        const auto* e = std::get_if<protocol::ErrorMsg>(&reply);
        if (!e || e->code != protocol::ErrorCode::AccountDisabled || serverProtocol < 5 || e->message.empty()) return;
        char* end = nullptr;
        const unsigned long long high = std::strtoull(e->message.c_str(), &end, 10);
        if (*end == '\0') { settle(high); letGoDisabled(ch, store); } // else a refusal that closes
    }

    // The server's word on this replica's ops (its high-water mark) against what
    // this copy made and was told. Throws SyncError(ReplicaForked) when the server
    // holds seqs this copy never made: its id was used by other changes too.
    void settle(std::uint64_t high) {
        const std::uint64_t acked = ackedSeq(store);
        if (high >= store.nextSeq())
            throw SyncError(SyncErrorKind::ReplicaForked,
                            "the server holds changes of this replica's id that it never made");
        // The server lost some (it was restored from a backup): they are pushed again.
        if (high < acked) store.setSetting("acked_seq", std::to_string(high));
        // high between acked and our last seq: our own ops whose ack was lost, or
        // another copy's. They are pushed again and the server compares them.
        // Edits stamped by a clock running ahead must not win every conflict: re-stamp
        // them, but not those sent before (the server may hold them as they are).
        store.restampFuture(std::max(acked, high));
    }

    void resite(std::optional<store::Resited>& noted) {
        store::Store::Batch b{store};
        auto r = store.resite();
        // The token stays bound to the first id until the server confirms the new one.
        if (store.setting("resite_from").value_or("").empty()) store.setSetting("resite_from", std::to_string(r.from));
        b.commit();
        if (noted) {
            noted->to = r.to;
            noted->moved += r.moved;
        } else {
            noted = r;
        }
    }
};

namespace {

Endpoint savedEndpoint(const store::Store& store) {
    auto server = store.setting("server");
    if (!server || server->empty())
        throw SyncError(SyncErrorKind::NotLoggedIn, "not logged in: run 'tdkt-cli --db PATH login --server HOST:PORT "
                                                    "--user NAME' first");
    Endpoint ep = parseEndpoint(*server);
    ep.plain = store.setting("server_plain").value_or("0") == "1";
    ep.caFile = store.setting("server_ca").value_or("");
    return ep;
}

} // namespace

SyncClient::SyncClient(store::Store& store) : m_impl(new Impl{store, savedEndpoint(store), {}}) {}

SyncClient::SyncClient(store::Store& store, Endpoint endpoint) : m_impl(new Impl{store, std::move(endpoint), {}}) {}

SyncClient::~SyncClient() = default;

std::string defaultDeviceName() {
    std::array<char, 256> host{};
    if (gethostname(host.data(), host.size() - 1) != 0) return {};
    return host.data();
}

LoginInfo SyncClient::login(const std::string& user, const std::string& password, const std::string& device) {
    return signIn(user, password, nullptr, device);
}

LoginInfo SyncClient::changePassword(const std::string& user, const std::string& password,
                                     const std::string& newPassword, const std::string& device) {
    return signIn(user, password, &newPassword, device);
}

LoginInfo SyncClient::signIn(const std::string& user, const std::string& password, const std::string* newPassword,
                             const std::string& device) {
    auto& store = m_impl->store;
    const std::string name = device.empty() ? defaultDeviceName() : device;
    std::string current = password;
    std::optional<std::string> next;
    if (newPassword) next = *newPassword;
    LoginInfo info;
    for (int resites = 0;; ++resites) {
        auto ch = m_impl->open();
        if (next) ch->send(protocol::ChangePassword{user, current, *next, store.siteId(), name});
        else ch->send(protocol::Login{user, current, store.siteId(), name});
        auto reply = ch->receive();
        const std::string server = m_impl->ep.host + ":" + std::to_string(m_impl->ep.port);
        // This replica's own user, disabled (its session had expired): as at a sync.
        if (store.setting("user").value_or("") == user && store.setting("server").value_or("") == server)
            m_impl->onDisabled(*ch, reply);
        auto ok = expect<protocol::LoginOk>(std::move(reply));
        store::Store::Batch b{store};
        // Another server or user sees other rows: pull again from the start (what is
        // already here is recognised and skipped).
        if (store.setting("server").value_or("") != server || store.setting("user").value_or("") != ok.user)
            store.setSetting("pull_cursor", "0");
        store.setSetting("server", server);
        store.setSetting("server_plain", m_impl->ep.plain ? "1" : "0");
        store.setSetting("server_ca", m_impl->ep.caFile);
        store.setSetting("user", ok.user);
        store.setSetting("role", ok.role);
        store.setSetting("unit", ok.unit);
        store.setSetting("token", ok.token);
        store.setSetting("resite_from", ""); // the token is this id's
        b.commit();
        try {
            m_impl->settle(ok.highWater);
        } catch (const SyncError& e) {
            if (e.kind() != SyncErrorKind::ReplicaForked || resites == MaxResites) throw;
            m_impl->resite(info.resited); // and log in again under the new id
            if (next) current = *std::exchange(next, std::nullopt); // changed already: a Login with it now
            continue;
        }
        info.user = ok.user;
        info.role = ok.role;
        info.unit = ok.unit;
        info.clockOffsetMs = std::stoll(store.setting("clock_offset_ms").value_or("0"));
        return info;
    }
}

SyncCounts SyncClient::sync() { return run(true, true); }

void SyncClient::setProgress(ProgressFn fn) { m_impl->progress = std::move(fn); }

SyncCounts SyncClient::push() { return run(true, false); }

SyncCounts SyncClient::pull() { return run(false, true); }

SyncCounts SyncClient::run(bool doPush, bool doPull) {
    auto& store = m_impl->store;
    auto token = store.setting("token");
    if (!token || token->empty())
        throw SyncError(SyncErrorKind::NotLoggedIn, "not logged in: run 'tdkt-cli --db PATH login' first");
    SyncCounts counts;
    for (int resites = 0;; ++resites) {
        m_impl->report(SyncPhase::Connecting, counts, nullptr);
        auto ch = m_impl->open();
        auto ok = m_impl->authenticate(*ch);
        try {
            m_impl->settle(ok.highWater);
            // Ops the server settled before a broken connection stay pending and are
            // pushed again: the server compares them with what it holds, skips them,
            // and repeats their refusals, never heard here.
            if (doPush) {
                m_impl->report(SyncPhase::Pushing, counts, ch.get());
                pushAll(*ch, store, counts, [&] { m_impl->report(SyncPhase::Pushing, counts, ch.get()); });
            }
        } catch (const SyncError& e) {
            // This replica's id was used by other changes too: nothing of the push was
            // applied. It takes a new id and the session starts again under it.
            if (e.kind() != SyncErrorKind::ReplicaForked || resites == MaxResites) throw;
            m_impl->resite(counts.resited);
            counts.bytesSent += ch->bytesSent();
            counts.bytesReceived += ch->bytesReceived();
            continue;
        }
        if (doPull) {
            m_impl->report(SyncPhase::Pulling, counts, ch.get());
            pullAll(*ch, store, counts, [&] { m_impl->report(SyncPhase::Pulling, counts, ch.get()); });
        }
        counts.conflicts = store.count("conflicts", {{"status", std::string("open")}});
        counts.bytesSent += ch->bytesSent();
        counts.bytesReceived += ch->bytesReceived();
        return counts;
    }
}

} // namespace tdkt::sync

namespace tdkt::sync {

VerifyReport SyncClient::verify(bool repair) {
    VerifyReport report;
    // Pending changes go first, and what others wrote comes in: a replica that is
    // merely behind is not mistaken for a damaged one.
    report.sync = run(true, true);
    auto ch = m_impl->open();
    m_impl->authenticate(*ch);
    verifyReplica(*ch, m_impl->store, repair, report);
    return report;
}

} // namespace tdkt::sync
