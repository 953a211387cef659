// The session state machine: Hello → Welcome, Login/Auth → LoginOk, then Pull
// (here) and Push (push.cpp, applied by group commit).
#include "service.hpp"

#include "rights.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/protocol/op_batch.hpp"
#include "tdkt/protocol/version.hpp"

namespace tdkt::server {
namespace {

using namespace tdkt::protocol;

constexpr std::uint32_t MaxPullOps = 5000;
// Decoded log kept for pulls: sixteen batches (~20 MB), so replicas catching up
// together, a little apart, read each stretch from SQLite once.
constexpr std::size_t PullCacheOps = 16 * MaxPullOps;

Reply error(ErrorCode code, std::string message, bool close = true) {
    return {ErrorMsg{code, std::move(message)}, close};
}

} // namespace

Service::Service(store::Store& store, Accounts& accounts, Log log)
    : m_store(store), m_accounts(accounts), m_log(std::move(log)), m_pullCache(PullCacheOps) {}

bool Service::isPushReady(const SessionState& s, const Message& m) const {
    return std::holds_alternative<Push>(m) && s.user.has_value();
}

Reply Service::handle(SessionState& s, const Message& m) {
    if (const auto* h = std::get_if<Hello>(&m)) return hello(s, *h);
    if (!s.welcomed) return error(ErrorCode::Malformed, "the session must start with Hello");
    if (const auto* l = std::get_if<Login>(&m)) return login(s, *l);
    if (const auto* a = std::get_if<Auth>(&m)) return auth(s, *a);
    if (!s.user) return error(ErrorCode::BadToken, "log in first");
    if (const auto* p = std::get_if<Pull>(&m)) return pull(s, *p);
    return error(ErrorCode::Malformed, "unexpected message type " + std::to_string(static_cast<int>(typeOf(m))));
}

Reply Service::hello(SessionState& s, const Hello& m) {
    if (s.welcomed) return error(ErrorCode::Malformed, "Hello sent twice");
    const std::uint32_t schema = schemaVersion();
    if (m.protocol != ProtocolVersion || m.schema < schema)
        return error(ErrorCode::UpdateRequired,
                     "please update TĐKT: this server speaks protocol " + std::to_string(ProtocolVersion) +
                         " and schema " + std::to_string(schema) + ", your program protocol " +
                         std::to_string(m.protocol) + " and schema " + std::to_string(m.schema));
    if (m.schema > schema)
        return error(ErrorCode::UpdateRequired, "the server is older than your program (schema " +
                                                    std::to_string(schema) + " < " + std::to_string(m.schema) +
                                                    "): ask the administrator to update tdkt-server");
    s.welcomed = true;
    return {Welcome{ProtocolVersion, schema, systemMillis(), "tdkt-server"}};
}

Reply Service::loggedIn(SessionState& s, const User& u, std::string token) {
    s.user = u;
    return {LoginOk{std::move(token), u.name, u.role, u.unit, m_store.siteHighWater(s.site)}};
}

Reply Service::login(SessionState& s, const Login& m) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    if (m.site == 0) return error(ErrorCode::Malformed, "no replica id");
    auto token = m_accounts.login(m.user, m.password, m.site);
    if (!token) {
        m_log("login refused for '" + m.user + "' from " + s.peer);
        return error(ErrorCode::BadCredentials, "wrong user name or password");
    }
    s.site = m.site;
    return loggedIn(s, *m_accounts.findUser(m.user), std::move(*token));
}

Reply Service::auth(SessionState& s, const Auth& m) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    auto user = m_accounts.authenticate(m.token, m.site);
    if (!user) {
        m_log("token refused from " + s.peer);
        return error(ErrorCode::BadToken, "the session is unknown, expired or belongs to another replica: log in again");
    }
    s.site = m.site;
    return loggedIn(s, *user, m.token);
}

Reply Service::pull(SessionState& s, const Pull& m) {
    const std::uint32_t scan = m.maxOps == 0 ? MaxPullOps : std::min(m.maxOps, MaxPullOps);
    const store::Store::ReadSnapshot snapshot(m_store); // one read transaction, not one per lookup
    auto logged = m_pullCache.find(m.cursor, scan);
    if (!logged) {
        auto read = std::make_shared<const std::vector<store::LoggedOp>>(m_store.opsAfter(m.cursor, scan));
        if (read->size() >= scan) m_pullCache.keep(m.cursor, scan, read);
        logged = std::move(read);
    }
    Rights rights(m_store, *s.user);
    PullBatch out;
    out.cursor = m.cursor;
    std::vector<const Op*> picked;
    picked.reserve(logged->size());
    const Op* sameRow = nullptr; // the ops of a change share their row, and so the answer
    bool readable = false;
    for (const auto& l : *logged) {
        out.cursor = l.logSeq;
        const Op& op = l.op;
        if (!sameRow || op.rowId != sameRow->rowId || op.table != sameRow->table) {
            readable = rights.canReadOp(op);
            sameRow = &op;
        }
        // The client holds its own ops already.
        if (op.site != s.site && readable) picked.push_back(&op);
    }
    out.more = logged->size() >= scan; // whole changes: a batch may end a little past `scan`
    out.packed = encodeOps(picked);
    return {std::move(out)};
}

void Service::applyPushes(std::span<PushJob* const> jobs) {
    try {
        store::Store::Batch group{m_store};
        for (PushJob* job : jobs) applyPush(*job);
        group.commit();
    } catch (const std::exception& e) {
        // Nothing of this group was saved: every session is told so and may retry.
        m_log(std::string("group commit failed: ") + e.what());
        for (PushJob* job : jobs) job->reply = error(ErrorCode::Internal, "the server could not save: retry later");
    }
}

} // namespace tdkt::server
