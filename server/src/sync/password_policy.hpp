#pragma once
/**
 * @brief What a password set by `user add` / `user passwd` must be: at least
 *        MinLength characters, not the user's name, not one of the common passwords
 *        shipped in assets/security/common_passwords.txt (built into the binary).
 */
#include <optional>
#include <string>
#include <string_view>

namespace tdkt::server {

enum class PasswordRefusal { TooShort, IsUserName, Common };

struct PasswordPolicy {
    static constexpr std::size_t MinLength = 10; // characters (UTF-8 code points)

    /** Why `password` may not be `user`'s, or none. */
    static std::optional<PasswordRefusal> check(std::string_view user, std::string_view password);
    /** A strong random password (100 bits): five groups of lower-case letters and digits. */
    static std::string generate();
};

} // namespace tdkt::server
