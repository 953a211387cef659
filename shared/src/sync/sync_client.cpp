// SyncClient: login and sync sessions over a Channel. The steps themselves
// (push, pull) are in sync_steps.cpp.
#include "channel.hpp"
#include "sync_steps.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/version.hpp"

#include <cstdlib>

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
    default: break;
    }
    throw SyncError(kind, "the server refused: " + e.message);
}

struct SyncClient::Impl {
    store::Store& store;
    Endpoint ep;

    std::unique_ptr<Channel> open() {
        auto ch = connectChannel(ep);
        hello(*ch, store);
        return ch;
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

SyncClient::SyncClient(store::Store& store) : m_impl(new Impl{store, savedEndpoint(store)}) {}

SyncClient::SyncClient(store::Store& store, Endpoint endpoint) : m_impl(new Impl{store, std::move(endpoint)}) {}

SyncClient::~SyncClient() = default;

LoginInfo SyncClient::login(const std::string& user, const std::string& password) {
    auto& store = m_impl->store;
    auto ch = m_impl->open();
    ch->send(protocol::Login{user, password, store.siteId()});
    auto ok = expect<protocol::LoginOk>(ch->receive());
    const std::string server = m_impl->ep.host + ":" + std::to_string(m_impl->ep.port);
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
    // The server is the authority on what it holds of this replica.
    store.setSetting("acked_seq", std::to_string(ok.highWater));
    b.commit();
    return {ok.user, ok.role, ok.unit, std::stoll(store.setting("clock_offset_ms").value_or("0"))};
}

SyncCounts SyncClient::sync() { return run(true, true); }

SyncCounts SyncClient::push() { return run(true, false); }

SyncCounts SyncClient::pull() { return run(false, true); }

SyncCounts SyncClient::run(bool doPush, bool doPull) {
    auto& store = m_impl->store;
    auto token = store.setting("token");
    if (!token || token->empty())
        throw SyncError(SyncErrorKind::NotLoggedIn, "not logged in: run 'tdkt-cli --db PATH login' first");
    auto ch = m_impl->open();
    ch->send(protocol::Auth{*token, store.siteId()});
    auto ok = expect<protocol::LoginOk>(ch->receive());
    // Ops the server settled before a broken connection stay pending and are pushed
    // again: the server skips them but repeats their refusals, never heard here.
    SyncCounts counts;
    if (doPush) pushAll(*ch, store, counts);
    if (doPull) pullAll(*ch, store, counts);
    counts.conflicts = store.count("conflicts", {{"status", std::string("open")}});
    counts.bytesSent = ch->bytesSent();
    counts.bytesReceived = ch->bytesReceived();
    return counts;
}

} // namespace tdkt::sync
