#pragma once
/**
 * @brief Users, devices and sessions of the server (DIR/accounts.sqlite): salted
 *        slow password hashes (libsodium crypto_pwhash_str), session tokens kept
 *        only as hashes, each bound to the replica (site, "device") that logged in,
 *        the failed-login counts that throttle guessing, and an audit of logins.
 * Thread safety: one Accounts per thread.
 */
#include "login_throttle.hpp"

#include "tdkt/core/ids.hpp"
#include "tdkt/store/sqlite.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::server {

struct User {
    std::string name;
    std::string role; // officer | reviewer | inspector | admin
    std::string unit;
};

struct UserInfo {
    User user;
    bool disabled = false;
    bool mustChangePassword = false; // set by an administrator's reset
    std::int64_t created = 0;
};

/** A replica that logged in: its sessions stop at once when it is revoked. */
struct Device {
    SiteId site = 0;
    std::string name; // as the replica named itself at its last login (a host name)
    std::string user;
    std::string address; // of its last login or sync
    std::int64_t firstSeen = 0, lastSeen = 0;
    bool revoked = false;
};

struct AuditEntry {
    std::int64_t at = 0;
    std::string event; // login | login_failed | locked | refused_locked | refused_disabled | refused_revoked | ...
    std::string user, address;
    SiteId site = 0;
    std::string device; // the device's name then
};

/** Why a token was refused. */
enum class TokenRefusal { Unknown, Disabled, Revoked, MustChangePassword };

struct TokenCheck {
    std::optional<User> user;
    TokenRefusal refusal = TokenRefusal::Unknown;
    std::optional<User> disabled; // TokenRefusal::Disabled: whose live token it is
};

bool isRole(std::string_view role);

class Accounts {
public:
    using Clock = std::function<std::int64_t()>;

    explicit Accounts(const std::filesystem::path& file, Clock now = {});

    void setThrottle(const ThrottlePolicy& p) { m_throttle = p; }
    const ThrottlePolicy& throttle() const { return m_throttle; }
    /** A session unused this long (ms) needs the password again. */
    void setSessionIdleMs(std::int64_t ms) { m_sessionIdleMs = ms; }

    /** Adds or replaces a user; throws Error(Invalid) for an empty password or bad role. */
    void addUser(const User& user, const std::string& password);
    /** The user, unless unknown or disabled. */
    std::optional<User> findUser(std::string_view name);
    std::optional<UserInfo> userInfo(std::string_view name);
    std::vector<UserInfo> users();

    /** Each returns false for an unknown user. Disabling ends the user's sessions. */
    bool setDisabled(std::string_view name, bool disabled);
    /**
     * A new password; clears the user's failed logins. With `mustChange` its sessions
     * are refused (TokenRefusal::MustChangePassword) until it sets its own password
     * (setOwnPassword); without, they end.
     */
    bool resetPassword(std::string_view name, const std::string& password, bool mustChange);
    /** The user's own new password (its hash, from hashPassword): clears must-change, ends its sessions. */
    bool setOwnPassword(std::string_view name, const std::string& hash);
    /** A salted argon2id hash of `password` (tens of ms): any thread may run it. */
    static std::string hashPassword(const std::string& password);
    /** A new role and/or unit, seen by the user's replicas at their next sync. */
    bool setRoleUnit(std::string_view name, const std::optional<std::string>& role,
                     const std::optional<std::string>& unit);

    /** The stored password hash of a user; none for an unknown name. */
    std::optional<std::string> passwordHash(std::string_view name);

    /**
     * Whether `password` matches `hash` (argon2id, ~64 MiB and tens of ms). Needs no
     * database: any thread may run it. An unknown user (no hash) costs the same time.
     */
    static bool verifyPassword(const std::optional<std::string>& hash, std::string_view password);

    /** The user of a live token used by the site it was issued to (its idle time restarts). */
    TokenCheck authenticate(std::string_view token, SiteId site, std::string_view address = {});

    /**
     * A new session token of `name` bound to `site` (after login, or a replica's new
     * id); `device` names it in the device list (empty: the name stays as it was).
     */
    std::string issueToken(std::string_view name, SiteId site, std::string_view address = {},
                           std::string_view device = {});

    /** Until when logins of `user` or from `address` are barred (0: not barred). */
    std::int64_t loginBarredUntil(std::string_view user, std::string_view address);
    /** Counts a failure; returns the time logins are now barred until (0: not). */
    std::int64_t loginFailed(std::string_view user, std::string_view address, SiteId site,
                             std::string_view device = {});
    /** Clears the account's and the address's failures; true when the account had been locked. */
    bool loginSucceeded(std::string_view user, std::string_view address, SiteId site, std::string_view device = {});

    std::vector<Device> devices(const std::optional<std::string>& user = std::nullopt);
    /** The name a device gave at its last login ("" when none or unknown). */
    std::string deviceName(SiteId site);
    /** Revokes a device: its tokens stop working at once; false for an unknown one. */
    bool revokeDevice(SiteId site);

    /** An audit entry; `device` empty: the name the device list holds for `site`. */
    void audit(std::string_view event, std::string_view user, std::string_view address, SiteId site,
               std::string_view device = {});
    /** The newest `limit` entries, oldest first. */
    std::vector<AuditEntry> auditLog(std::size_t limit = 1000);

    std::int64_t now() const { return m_now(); }

private:
    void migrate();
    void migrateTo2(); // inside migrate's transaction
    void endSessions(std::string_view user);

    store::Db m_db;
    Clock m_now;
    ThrottlePolicy m_throttle;
    std::int64_t m_sessionIdleMs = 90LL * 24 * 3600 * 1000;
};

} // namespace tdkt::server
