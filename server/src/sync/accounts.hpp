#pragma once
/**
 * @brief Users and sessions of the server (DIR/accounts.sqlite): salted slow
 *        password hashes (libsodium crypto_pwhash_str), and session tokens kept
 *        only as hashes, each bound to the replica (site) that logged in.
 * Thread safety: one Accounts per thread.
 */
#include "tdkt/core/ids.hpp"
#include "tdkt/store/sqlite.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace tdkt::server {

struct User {
    std::string name;
    std::string role; // officer | reviewer | inspector | admin
    std::string unit;
};

bool isRole(std::string_view role);

class Accounts {
public:
    explicit Accounts(const std::filesystem::path& file);

    /** Adds or replaces a user; throws Error(Invalid) for an empty password or bad role. */
    void addUser(const User& user, const std::string& password);
    std::optional<User> findUser(std::string_view name);

    /** The stored password hash of a user; none for an unknown name. */
    std::optional<std::string> passwordHash(std::string_view name);

    /**
     * Whether `password` matches `hash` (argon2id, ~64 MiB and tens of ms). Needs no
     * database: any thread may run it. An unknown user (no hash) costs the same time.
     */
    static bool verifyPassword(const std::optional<std::string>& hash, std::string_view password);

    /** The user of a live token used by the site it was issued to. */
    std::optional<User> authenticate(std::string_view token, SiteId site);

    /** A new session token of `name` bound to `site` (after login, or a replica's new id). */
    std::string issueToken(std::string_view name, SiteId site);

private:
    store::Db m_db;
};

} // namespace tdkt::server
