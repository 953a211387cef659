#include "accounts.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/hlc.hpp"

#include <sodium.h>

#include <array>

namespace tdkt::server {
namespace {

constexpr std::int64_t SessionDays = 30;
constexpr std::int64_t DayMs = 24 * 3600 * 1000;

std::string tokenHash(std::string_view token) {
    std::array<unsigned char, crypto_generichash_BYTES> h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), h.data(), h.size());
    return hex.data();
}

} // namespace

bool isRole(std::string_view role) {
    return role == "officer" || role == "reviewer" || role == "inspector" || role == "admin";
}

Accounts::Accounts(const std::filesystem::path& file) : m_db(store::Db::open(file, true)) {
    if (sodium_init() < 0) throw Error(ErrorKind::Storage, "libsodium failed to start");
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, "
              "role TEXT NOT NULL, unit_id TEXT NOT NULL, created INTEGER NOT NULL);"
              "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL, "
              "site INTEGER NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL);");
}

void Accounts::addUser(const User& user, const std::string& password) {
    if (!isRole(user.role))
        throw Error(ErrorKind::Invalid, "unknown role '" + user.role + "' (officer, reviewer, inspector, admin)");
    if (password.empty()) throw Error(ErrorKind::Invalid, "empty password: set TDKT_PASSWORD");
    if (user.name.empty() || user.name.size() > 64) throw Error(ErrorKind::Invalid, "a user name has 1 to 64 characters");
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw Error(ErrorKind::Storage, "out of memory while hashing the password");
    auto st = m_db.prepare("INSERT INTO users(name, hash, role, unit_id, created) VALUES(?,?,?,?,?) "
                           "ON CONFLICT(name) DO UPDATE SET hash = excluded.hash, role = excluded.role, "
                           "unit_id = excluded.unit_id");
    st.bind(1, user.name).bind(2, std::string_view(hash.data())).bind(3, user.role).bind(4, user.unit);
    st.bind(5, static_cast<std::int64_t>(systemMillis())).run();
    // A changed password or role ends the user's sessions.
    m_db.prepare("DELETE FROM sessions WHERE user = ?").bind(1, user.name).run();
}

std::optional<User> Accounts::findUser(std::string_view name) {
    auto st = m_db.prepare("SELECT name, role, unit_id FROM users WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return User{st.text(0), st.text(1), st.text(2)};
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

std::string Accounts::issueToken(std::string_view name, SiteId site) {
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    const std::string token = hex.data();
    const auto now = static_cast<std::int64_t>(systemMillis());
    const std::string hash = tokenHash(token); // bound without a copy: keep it alive
    auto ins = m_db.prepare("INSERT INTO sessions(token_hash, user, site, created, expires) VALUES(?,?,?,?,?)");
    ins.bind(1, hash).bind(2, name).bind(3, static_cast<std::int64_t>(site)).bind(4, now);
    ins.bind(5, now + SessionDays * DayMs).run();
    return token;
}

std::optional<User> Accounts::authenticate(std::string_view token, SiteId site) {
    const std::string hash = tokenHash(token);
    auto st = m_db.prepare("SELECT s.user, s.site, s.expires FROM sessions s WHERE s.token_hash = ?");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    if (static_cast<SiteId>(st.integer(1)) != site) return std::nullopt; // a token copied to another replica
    if (st.integer(2) < static_cast<std::int64_t>(systemMillis())) return std::nullopt;
    return findUser(st.text(0));
}

} // namespace tdkt::server
