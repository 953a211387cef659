// Signing in: a password Login (throttled, checked off the store's strand: see
// service.hpp), a forced password change, a saved token's Auth or Resite, and the
// refusals a replica hears (disabled, revoked, reset, expired).
#include "service.hpp"

#include "password_policy.hpp"

#include "tdkt/core/error.hpp"

namespace tdkt::server {
namespace {

using namespace tdkt::protocol;

Reply error(ErrorCode code, std::string message, bool close = true) {
    return {ErrorMsg{code, std::move(message)}, close};
}

std::string deviceNote(const std::string& device) { return device.empty() ? std::string() : ", " + device; }

} // namespace

Reply Service::loggedIn(SessionState& s, const User& u, std::string token) {
    s.user = u;
    return {LoginOk{std::move(token), u.name, u.role, u.unit, m_store.siteHighWater(s.site)}};
}

bool Service::checksPassword(const SessionState& s, const Login& m) const {
    return s.welcomed && !s.user && m.site != 0;
}

Service::LoginGate Service::loginGate(const SessionState& s, const Login& m) {
    if (const std::int64_t until = m_accounts.loginBarredUntil(m.user, s.peer)) {
        m_accounts.audit("refused_locked", m.user, s.peer, m.site, m.device);
        m_log("login of '" + m.user + "' from " + s.peer + " barred until " + std::to_string(until) +
              " (failed logins)");
        // Not closed: the client may wait and try again on this session.
        return {error(ErrorCode::AccountLocked, std::to_string(until), false), std::nullopt};
    }
    return {std::nullopt, m_accounts.passwordHash(m.user)};
}

Reply Service::login(SessionState& s, const Login& m, bool passwordOk) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    if (m.site == 0) return error(ErrorCode::Malformed, "no replica id");
    // The user is read again: it may have been removed while its password was checked.
    auto info = passwordOk ? m_accounts.userInfo(m.user) : std::nullopt;
    if (!info) {
        const std::int64_t until = m_accounts.loginFailed(m.user, s.peer, m.site, m.device);
        m_log("login refused for '" + m.user + "' from " + s.peer +
              (until ? " (logins barred until " + std::to_string(until) + ")" : std::string()));
        return error(ErrorCode::BadCredentials, "wrong user name or password");
    }
    if (info->disabled) {
        m_accounts.audit("refused_disabled", m.user, s.peer, m.site, m.device);
        // The user's own replica, its session expired: it lets go of its rows as at a sync.
        if (s.protocol >= 5)
            for (const auto& d : m_accounts.devices(m.user))
                if (d.site == m.site) return disabledSession(s, info->user, m.site);
        m_log("login refused for disabled '" + m.user + "' from " + s.peer);
        return error(ErrorCode::AccountDisabled, "");
    }
    if (info->mustChangePassword) {
        // The password was right (its failures stay until the change clears them).
        m_accounts.audit("refused_must_change", m.user, s.peer, m.site, m.device);
        m_log("login of '" + m.user + "' from " + s.peer + " waits for a new password (reset by an administrator)");
        return mustChange(s);
    }
    if (m_accounts.loginSucceeded(m.user, s.peer, m.site, m.device))
        m_log("account '" + m.user + "' unlocked (its lock ended)");
    m_log("login of '" + m.user + "' from " + s.peer + " (replica " + siteToHex(m.site) + deviceNote(m.device) + ")");
    s.site = m.site;
    return loggedIn(s, info->user, m_accounts.issueToken(info->user.name, m.site, s.peer, m.device));
}

bool Service::checksPassword(const SessionState& s, const ChangePassword& m) const {
    return s.welcomed && !s.user && m.site != 0;
}

Service::LoginGate Service::changeGate(const SessionState& s, const ChangePassword& m) {
    auto gate = loginGate(s, Login{m.user, m.password, m.site, m.device});
    if (gate.refusal) return gate;
    if (auto why = PasswordPolicy::check(m.user, m.newPassword)) {
        std::string reason = "common";
        if (*why == PasswordRefusal::TooShort) reason = "too_short " + std::to_string(PasswordPolicy::MinLength);
        if (*why == PasswordRefusal::IsUserName) reason = "user_name";
        m_log("new password of '" + m.user + "' from " + s.peer + " refused (" + reason + ")");
        return {error(ErrorCode::PasswordRefused, reason, false), std::nullopt};
    }
    return gate;
}

Reply Service::changePassword(SessionState& s, const ChangePassword& m, bool passwordOk, const std::string& newHash) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    if (m.site == 0) return error(ErrorCode::Malformed, "no replica id");
    auto info = passwordOk ? m_accounts.userInfo(m.user) : std::nullopt;
    if (!info || newHash.empty()) {
        const std::int64_t until = m_accounts.loginFailed(m.user, s.peer, m.site, m.device);
        m_log("password change refused for '" + m.user + "' from " + s.peer +
              (until ? " (logins barred until " + std::to_string(until) + ")" : std::string()));
        return error(ErrorCode::BadCredentials, "wrong user name or password");
    }
    if (info->disabled) {
        m_accounts.audit("refused_disabled", m.user, s.peer, m.site, m.device);
        return error(ErrorCode::AccountDisabled, m.user);
    }
    // Every other session of the user ends (they were refused since the reset anyway).
    m_accounts.setOwnPassword(m.user, newHash);
    m_accounts.audit("password_changed", m.user, s.peer, m.site, m.device);
    m_accounts.loginSucceeded(m.user, s.peer, m.site, m.device);
    m_log("password of '" + m.user + "' changed from " + s.peer + " (replica " + siteToHex(m.site) +
          deviceNote(m.device) + ")");
    s.site = m.site;
    return loggedIn(s, info->user, m_accounts.issueToken(info->user.name, m.site, s.peer, m.device));
}

Reply Service::mustChange(const SessionState& s) {
    // A protocol-3 client has no ChangePassword: it must be updated first.
    if (s.protocol < 4)
        return error(ErrorCode::UpdateRequired, "the password must be changed, which needs a newer TĐKT");
    return error(ErrorCode::PasswordChangeRequired, "", false);
}

Reply Service::tokenRefused(const SessionState& s, TokenRefusal why) {
    m_log("token refused from " + s.peer);
    switch (why) {
    case TokenRefusal::Disabled: return error(ErrorCode::AccountDisabled, "");
    case TokenRefusal::Revoked: return error(ErrorCode::DeviceRevoked, "");
    case TokenRefusal::MustChangePassword: return mustChange(s);
    case TokenRefusal::Unknown: break;
    }
    return error(ErrorCode::BadToken, "the session is unknown, expired or belongs to another replica: log in again");
}

// A replica whose id was used by other changes too (a restored backup, a copied
// database) goes on under a new one: the old id's token proves the user, and a
// token of the new id replaces it. The old token stays: another copy may hold it.
Reply Service::resite(SessionState& s, const Resite& m) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    if (m.from == 0 || m.to == 0 || m.from == m.to) return error(ErrorCode::Malformed, "bad replica ids");
    auto check = m_accounts.authenticate(m.token, m.from, s.peer);
    if (!check.user) return tokenRefused(s, check.refusal);
    const auto& user = check.user;
    if (m_store.siteHighWater(m.to) != 0)
        return error(ErrorCode::Malformed, "replica id " + siteToHex(m.to) + " is in use already");
    m_log("replica " + siteToHex(m.from) + " of " + user->name + " goes on as " + siteToHex(m.to) +
          " (its id was used by other changes: a restored backup or a copied database)");
    s.site = m.to;
    // The same machine under a new id: it keeps its name.
    return loggedIn(s, *user, m_accounts.issueToken(user->name, m.to, s.peer, m_accounts.deviceName(m.from)));
}

Reply Service::auth(SessionState& s, const Auth& m) {
    if (s.user) return error(ErrorCode::Malformed, "already logged in");
    auto check = m_accounts.authenticate(m.token, m.site, s.peer);
    if (check.disabled && s.protocol >= 5) return disabledSession(s, *check.disabled, m.site);
    if (!check.user) return tokenRefused(s, check.refusal);
    s.site = m.site;
    return loggedIn(s, *check.user, m.token);
}

// The replica of an account an administrator disabled hears so at its next sync and
// lets go of what its user may no longer read: all of it. What it holds pending is
// pushed to be refused (push.cpp), so each change is settled under its seq, logged,
// and kept on the laptop as a refused change with its value; nothing the server
// accepted before changes. The session is not closed; its message is the replica's
// high-water mark, for the replica to settle its seqs as after a LoginOk.
Reply Service::disabledSession(SessionState& s, const User& u, SiteId site) {
    m_log("replica " + siteToHex(site) + " of disabled '" + u.name + "' from " + s.peer +
          ": its pending changes are refused, it drops its rows");
    s.user = u;
    s.site = site;
    s.disabled = true;
    return error(ErrorCode::AccountDisabled, std::to_string(m_store.siteHighWater(site)), false);
}

} // namespace tdkt::server
