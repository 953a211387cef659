#include "accounts.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/hlc.hpp"

#include <sodium.h>

#include <array>

namespace tdkt::server {
namespace {

std::string tokenHash(std::string_view token) {
    std::array<unsigned char, crypto_generichash_BYTES> h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), h.data(), h.size());
    return hex.data();
}

// The address of "ip:port" (or "[v6]:port"): failures are counted per client machine.
std::string hostOf(std::string_view peer) {
    auto colon = peer.rfind(':');
    return std::string(colon == std::string_view::npos ? peer : peer.substr(0, colon));
}

constexpr std::int64_t Version = 3;

} // namespace

std::string Accounts::hashPassword(const std::string& password) {
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw Error(ErrorKind::Storage, "out of memory while hashing the password");
    return hash.data();
}

bool isRole(std::string_view role) {
    return role == "officer" || role == "reviewer" || role == "inspector" || role == "admin";
}

Accounts::Accounts(const std::filesystem::path& file, Clock now)
    : m_db(store::Db::open(file, true)),
      m_now(now ? std::move(now) : Clock([] { return static_cast<std::int64_t>(systemMillis()); })) {
    if (sodium_init() < 0) throw Error(ErrorKind::Storage, "libsodium failed to start");
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("PRAGMA busy_timeout = 5000");
    migrate();
}

// accounts.sqlite is the server's own file (not a replica): its schema grows here,
// by PRAGMA user_version. 0/1: users and sessions; 2: disabled accounts, devices,
// failed-login counts, the audit; 3: device names (in the devices and the audit).
void Accounts::migrate() {
    m_db.exec("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, "
              "role TEXT NOT NULL, unit_id TEXT NOT NULL, created INTEGER NOT NULL);"
              "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL, "
              "site INTEGER NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL);");
    auto v = m_db.prepare("PRAGMA user_version");
    v.step();
    const std::int64_t version = v.integer(0);
    v.reset();
    if (version >= Version) return;
    m_db.exec("BEGIN IMMEDIATE");
    try {
        if (version < 2) migrateTo2();
        m_db.exec("ALTER TABLE devices ADD COLUMN name TEXT NOT NULL DEFAULT '';"
                  "ALTER TABLE audit ADD COLUMN device TEXT NOT NULL DEFAULT '';"
                  "PRAGMA user_version = 3;");
        m_db.exec("COMMIT");
    } catch (...) {
        m_db.exec("ROLLBACK");
        throw;
    }
}

void Accounts::migrateTo2() {
    m_db.exec("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;"
              "ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;"
              "CREATE TABLE devices (site INTEGER PRIMARY KEY NOT NULL, user TEXT NOT NULL, "
              "address TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, "
              "revoked INTEGER NOT NULL DEFAULT 0);"
              "INSERT OR IGNORE INTO devices(site, user, address, first_seen, last_seen) "
              "SELECT site, user, '', MIN(created), MAX(created) FROM sessions GROUP BY site;"
              "CREATE TABLE login_failures (key TEXT PRIMARY KEY NOT NULL, failures INTEGER NOT NULL, "
              "last_ms INTEGER NOT NULL);"
              "CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, event TEXT NOT NULL, "
              "user TEXT NOT NULL, address TEXT NOT NULL, site INTEGER NOT NULL);"
              "PRAGMA user_version = 2;");
}

void Accounts::addUser(const User& user, const std::string& password) {
    if (!isRole(user.role))
        throw Error(ErrorKind::Invalid, "unknown role '" + user.role + "' (officer, reviewer, inspector, admin)");
    if (password.empty()) throw Error(ErrorKind::Invalid, "empty password: set TDKT_PASSWORD");
    if (user.name.empty() || user.name.size() > 64) throw Error(ErrorKind::Invalid, "a user name has 1 to 64 characters");
    const std::string hash = hashPassword(password);
    auto st = m_db.prepare("INSERT INTO users(name, hash, role, unit_id, created) VALUES(?,?,?,?,?) "
                           "ON CONFLICT(name) DO UPDATE SET hash = excluded.hash, role = excluded.role, "
                           "unit_id = excluded.unit_id");
    st.bind(1, user.name).bind(2, hash).bind(3, user.role).bind(4, user.unit);
    st.bind(5, m_now()).run();
    // A changed password or role ends the user's sessions.
    endSessions(user.name);
}

void Accounts::endSessions(std::string_view user) {
    m_db.prepare("DELETE FROM sessions WHERE user = ?").bind(1, user).run();
}

std::optional<UserInfo> Accounts::userInfo(std::string_view name) {
    auto st = m_db.prepare("SELECT name, role, unit_id, disabled, must_change, created FROM users WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return UserInfo{{st.text(0), st.text(1), st.text(2)}, st.integer(3) != 0, st.integer(4) != 0, st.integer(5)};
}

std::vector<UserInfo> Accounts::users() {
    std::vector<UserInfo> out;
    auto st = m_db.prepare("SELECT name, role, unit_id, disabled, must_change, created FROM users ORDER BY name");
    while (st.step())
        out.push_back({{st.text(0), st.text(1), st.text(2)}, st.integer(3) != 0, st.integer(4) != 0, st.integer(5)});
    return out;
}

std::optional<User> Accounts::findUser(std::string_view name) {
    auto info = userInfo(name);
    if (!info || info->disabled) return std::nullopt;
    return info->user;
}

bool Accounts::setDisabled(std::string_view name, bool disabled) {
    auto st = m_db.prepare("UPDATE users SET disabled = ? WHERE name = ? RETURNING name");
    st.bind(1, std::int64_t{disabled}).bind(2, name);
    if (!st.step()) return false;
    st.reset();
    // Its sessions stay, refused while it is disabled: its replicas hear why.
    audit(disabled ? "disabled" : "enabled", name, "", 0);
    return true;
}

bool Accounts::resetPassword(std::string_view name, const std::string& password, bool mustChange) {
    if (password.empty()) throw Error(ErrorKind::Invalid, "empty password");
    const std::string hash = hashPassword(password);
    auto st = m_db.prepare("UPDATE users SET hash = ?, must_change = ? WHERE name = ? RETURNING name");
    st.bind(1, hash).bind(2, std::int64_t{mustChange}).bind(3, name);
    if (!st.step()) return false;
    st.reset();
    // A forced change keeps the sessions, refused until it is made: each replica hears why.
    if (!mustChange) endSessions(name);
    m_db.prepare("DELETE FROM login_failures WHERE key = ?").bind(1, "user:" + std::string(name)).run();
    audit("password_reset", name, "", 0);
    return true;
}

bool Accounts::setOwnPassword(std::string_view name, const std::string& hash) {
    auto st = m_db.prepare("UPDATE users SET hash = ?, must_change = 0 WHERE name = ? RETURNING name");
    st.bind(1, hash).bind(2, name);
    if (!st.step()) return false;
    st.reset();
    endSessions(name);
    return true;
}

bool Accounts::setRoleUnit(std::string_view name, const std::optional<std::string>& role,
                           const std::optional<std::string>& unit) {
    if (role && !isRole(*role))
        throw Error(ErrorKind::Invalid, "unknown role '" + *role + "' (officer, reviewer, inspector, admin)");
    auto info = userInfo(name);
    if (!info) return false;
    auto st = m_db.prepare("UPDATE users SET role = ?, unit_id = ? WHERE name = ?");
    st.bind(1, role.value_or(info->user.role)).bind(2, unit.value_or(info->user.unit)).bind(3, name).run();
    // Its sessions stay: each is read with the new role and unit at its next sync.
    audit("changed", name, "", 0);
    return true;
}

std::optional<std::string> Accounts::passwordHash(std::string_view name) {
    auto st = m_db.prepare("SELECT hash FROM users WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

bool Accounts::verifyPassword(const std::optional<std::string>& hash, std::string_view password) {
    if (!hash) {
        // Spend the same time as a real check, so timing does not reveal user names.
        std::array<char, crypto_pwhash_STRBYTES> dummy{};
        if (crypto_pwhash_str(dummy.data(), "x", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            dummy[0] = 0;
        return false;
    }
    return crypto_pwhash_str_verify(hash->c_str(), password.data(), password.size()) == 0;
}

std::string Accounts::issueToken(std::string_view name, SiteId site, std::string_view address,
                                 std::string_view device) {
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    const std::string token = hex.data();
    const std::int64_t now = m_now();
    const std::string hash = tokenHash(token); // bound without a copy: keep it alive
    auto ins = m_db.prepare("INSERT INTO sessions(token_hash, user, site, created, expires) VALUES(?,?,?,?,?)");
    ins.bind(1, hash).bind(2, name).bind(3, static_cast<std::int64_t>(site)).bind(4, now);
    ins.bind(5, now + m_sessionIdleMs).run();
    // A login on a device, revoked or not, makes it a live device of this user again.
    auto dev = m_db.prepare("INSERT INTO devices(site, user, address, first_seen, last_seen, name) VALUES(?,?,?,?,?,?) "
                            "ON CONFLICT(site) DO UPDATE SET user = excluded.user, address = excluded.address, "
                            "last_seen = excluded.last_seen, revoked = 0, "
                            "name = CASE WHEN excluded.name = '' THEN name ELSE excluded.name END");
    const std::string host = hostOf(address);
    dev.bind(1, static_cast<std::int64_t>(site)).bind(2, name).bind(3, host).bind(4, now).bind(5, now);
    const std::string deviceName(device); // never a null pointer: that would bind NULL
    dev.bind(6, deviceName).run();
    return token;
}

TokenCheck Accounts::authenticate(std::string_view token, SiteId site, std::string_view address) {
    const std::string hash = tokenHash(token);
    const std::int64_t now = m_now();
    auto st = m_db.prepare("SELECT s.user, s.site, s.expires, COALESCE(d.revoked, 0) FROM sessions s "
                           "LEFT JOIN devices d ON d.site = s.site WHERE s.token_hash = ?");
    st.bind(1, hash);
    if (!st.step()) return {};
    if (static_cast<SiteId>(st.integer(1)) != site) return {}; // a token copied to another replica
    if (st.integer(2) < now) return {};
    const std::string name = st.text(0);
    const bool revoked = st.integer(3) != 0;
    st.reset();
    const std::string host = hostOf(address);
    if (revoked) {
        audit("refused_revoked", name, host, site);
        return {std::nullopt, TokenRefusal::Revoked, std::nullopt};
    }
    auto info = userInfo(name);
    if (!info) return {};
    if (info->disabled) {
        audit("refused_disabled", name, host, site);
        return {std::nullopt, TokenRefusal::Disabled, info->user};
    }
    if (info->mustChangePassword) {
        audit("refused_must_change", name, host, site);
        return {std::nullopt, TokenRefusal::MustChangePassword, std::nullopt};
    }
    m_db.prepare("UPDATE sessions SET expires = ? WHERE token_hash = ?").bind(1, now + m_sessionIdleMs).bind(2, hash).run();
    m_db.prepare("UPDATE devices SET last_seen = ?, address = ? WHERE site = ?")
        .bind(1, now)
        .bind(2, host)
        .bind(3, static_cast<std::int64_t>(site))
        .run();
    return {info->user, TokenRefusal::Unknown, std::nullopt};
}

std::int64_t Accounts::loginBarredUntil(std::string_view user, std::string_view address) {
    std::int64_t until = 0;
    auto st = m_db.prepare("SELECT failures, last_ms FROM login_failures WHERE key = ?");
    const ThrottlePolicy perAddress = m_throttle.perAddress();
    for (const std::string& key : {"user:" + std::string(user), "addr:" + hostOf(address)}) {
        st.bind(1, key);
        const ThrottlePolicy& p = key[0] == 'u' ? m_throttle : perAddress;
        if (st.step()) until = std::max(until, p.barredUntil(st.integer(0), st.integer(1)));
        st.reset();
    }
    return until > m_now() ? until : 0;
}

std::int64_t Accounts::loginFailed(std::string_view user, std::string_view address, SiteId site,
                                  std::string_view device) {
    const std::int64_t now = m_now();
    const std::string host = hostOf(address);
    audit("login_failed", user, host, site, device);
    std::int64_t until = 0;
    bool locked = false;
    const ThrottlePolicy perAddress = m_throttle.perAddress();
    for (const std::string& key : {"user:" + std::string(user), "addr:" + host}) {
        const ThrottlePolicy& p = key[0] == 'u' ? m_throttle : perAddress;
        // Failures older than a lock's length are forgotten: the count starts again.
        auto up = m_db.prepare("INSERT INTO login_failures(key, failures, last_ms) VALUES(?, 1, ?) "
                               "ON CONFLICT(key) DO UPDATE SET failures = CASE WHEN ? - last_ms > ? THEN 1 "
                               "ELSE failures + 1 END, last_ms = excluded.last_ms RETURNING failures");
        up.bind(1, key).bind(2, now).bind(3, now).bind(4, m_throttle.lockMs);
        up.step();
        const std::int64_t failures = up.integer(0);
        up.reset();
        until = std::max(until, p.barredUntil(failures, now));
        if (failures == p.lockAfter) locked = true;
    }
    if (locked) audit("locked", user, host, site, device);
    return until > now ? until : 0;
}

bool Accounts::loginSucceeded(std::string_view user, std::string_view address, SiteId site,
                              std::string_view device) {
    const std::string host = hostOf(address);
    // A login after a lock ended: the unlock is in the audit too.
    const std::string key = "user:" + std::string(user); // bound without a copy: keep it alive
    auto was = m_db.prepare("SELECT failures FROM login_failures WHERE key = ?");
    was.bind(1, key);
    const bool unlocked = was.step() && was.integer(0) >= m_throttle.lockAfter;
    was.reset();
    if (unlocked) audit("unlocked", user, host, site, device);
    auto del = m_db.prepare("DELETE FROM login_failures WHERE key = ?");
    del.bind(1, "user:" + std::string(user)).run();
    del.reset();
    del.bind(1, "addr:" + host).run();
    audit("login", user, host, site, device);
    return unlocked;
}

std::vector<Device> Accounts::devices(const std::optional<std::string>& user) {
    std::vector<Device> out;
    auto st = m_db.prepare("SELECT site, name, user, address, first_seen, last_seen, revoked FROM devices "
                           "WHERE ? IS NULL OR user = ? ORDER BY user, first_seen");
    if (user) st.bind(1, *user).bind(2, *user);
    else st.bindNull(1).bindNull(2);
    while (st.step())
        out.push_back({static_cast<SiteId>(st.integer(0)), st.text(1), st.text(2), st.text(3), st.integer(4),
                       st.integer(5), st.integer(6) != 0});
    return out;
}

bool Accounts::revokeDevice(SiteId site) {
    auto st = m_db.prepare("UPDATE devices SET revoked = 1 WHERE site = ? RETURNING user");
    st.bind(1, static_cast<std::int64_t>(site));
    if (!st.step()) return false;
    const std::string user = st.text(0);
    st.reset();
    audit("revoked", user, "", site);
    return true;
}

void Accounts::audit(std::string_view event, std::string_view user, std::string_view address, SiteId site,
                     std::string_view device) {
    auto st = m_db.prepare("INSERT INTO audit(at, event, user, address, site, device) VALUES(?1,?2,?3,?4,?5, "
                           "CASE WHEN ?6 <> '' THEN ?6 ELSE COALESCE((SELECT name FROM devices WHERE site = ?5), '') END)");
    st.bind(1, m_now()).bind(2, event).bind(3, user).bind(4, address).bind(5, static_cast<std::int64_t>(site));
    const std::string deviceName(device); // never a null pointer: that would bind NULL
    st.bind(6, deviceName).run();
}

std::string Accounts::deviceName(SiteId site) {
    auto st = m_db.prepare("SELECT name FROM devices WHERE site = ?");
    st.bind(1, static_cast<std::int64_t>(site));
    return st.step() ? st.text(0) : std::string();
}

std::vector<AuditEntry> Accounts::auditLog(std::size_t limit) {
    std::vector<AuditEntry> out;
    auto st = m_db.prepare("SELECT at, event, user, address, site, device FROM (SELECT * FROM audit ORDER BY id DESC "
                           "LIMIT ?) ORDER BY id");
    st.bind(1, static_cast<std::int64_t>(limit));
    while (st.step())
        out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), static_cast<SiteId>(st.integer(4)),
                       st.text(5)});
    return out;
}

} // namespace tdkt::server
