#include "password_policy.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace tdkt::server {
namespace {

constexpr std::string_view CommonList =
#include "common_passwords.inc"
    ;

// Lower-case ASCII with spaces, dots, dashes and underscores dropped: "Mat-Khau" is "matkhau".
std::string folded(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '.' || c == '-' || c == '_') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

const std::set<std::string>& commonPasswords() {
    static const std::set<std::string> set = [] {
        std::set<std::string> s;
        std::istringstream in{std::string(CommonList)};
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            s.insert(folded(line));
        }
        return s;
    }();
    return set;
}

std::size_t codePoints(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

std::optional<PasswordRefusal> PasswordPolicy::check(std::string_view user, std::string_view password) {
    const std::string f = folded(password);
    const std::string u = folded(user);
    // The name itself, or a name of four or more letters inside it ("nguyenvana2026").
    if (!u.empty() && (f == u || (u.size() >= 4 && f.find(u) != std::string::npos))) return PasswordRefusal::IsUserName;
    if (commonPasswords().count(f)) return PasswordRefusal::Common;
    // A common password with digits or a year after it ("matkhau2026") is as weak.
    for (std::size_t end = f.size(); end > 0 && std::isdigit(static_cast<unsigned char>(f[end - 1])); --end)
        if (commonPasswords().count(f.substr(0, end - 1))) return PasswordRefusal::Common;
    if (codePoints(password) < MinLength) return PasswordRefusal::TooShort;
    return std::nullopt;
}

std::string PasswordPolicy::generate() {
    constexpr std::string_view Alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no l, o, 0, 1
    std::string out;
    for (int group = 0; group < 5; ++group) {
        if (group) out.push_back('-');
        for (int i = 0; i < 4; ++i) out.push_back(Alphabet[randombytes_uniform(Alphabet.size())]);
    }
    return out;
}

} // namespace tdkt::server
