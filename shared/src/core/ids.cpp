#include "tdkt/core/ids.hpp"

#include <array>
#include <cstdio>
#include <random>

namespace tdkt {
namespace {

std::uint64_t random64() {
    // One generator per thread, seeded from the OS: ids are made offline on many
    // machines at once, so they must not depend on time alone.
    thread_local std::mt19937_64 gen{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64{seq};
    }()};
    return gen();
}

} // namespace

SiteId newSiteId() {
    SiteId s = 0;
    while (s == 0) s = random64() >> 1; // 63 bits: stays positive as a SQLite INTEGER
    return s;
}

std::string newRowId(std::uint64_t unixMs) {
    // RFC 9562 UUIDv7: 48-bit ms timestamp, version 7, 12 random bits, variant 10, 62 random bits.
    std::array<unsigned char, 16> b{};
    for (int i = 0; i < 6; ++i) b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(unixMs >> (8 * (5 - i)));
    std::uint64_t r1 = random64(), r2 = random64();
    for (int i = 6; i < 16; ++i) {
        std::uint64_t& r = i < 11 ? r1 : r2;
        b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(r);
        r >>= 8;
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x70);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

bool isValidRowId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string siteToHex(SiteId site) {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(site));
    return out;
}

} // namespace tdkt
