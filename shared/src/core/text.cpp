#include "tdkt/core/text.hpp"

#include "tdkt/core/error.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace tdkt {
namespace {

struct FreeDeleter {
    void operator()(void* p) const noexcept { std::free(p); }
};

std::string mapWith(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &out, static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> holder{out};
    if (n < 0) throw Error(ErrorKind::Invalid, std::string("invalid UTF-8 text: ") + utf8proc_errmsg(n));
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

} // namespace

// Well-formed UTF-8 as Unicode's table 3-7 has it (what utf8proc_iterate accepts):
// no overlong forms, no surrogates, nothing above U+10FFFF. Inline, with ASCII
// taken eight bytes at a time: every pulled text goes through here.
bool isValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    while (p < end) {
        if (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (end - p < 2 || !cont(p[1])) return false;
            p += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (end - p < 3 || !cont(p[1]) || !cont(p[2])) return false;
            if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F)) return false; // overlong, surrogate
            p += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (end - p < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return false;
            if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) return false; // overlong, > U+10FFFF
            p += 4;
        } else {
            return false; // a continuation byte first, C0/C1 (overlong), F5 and up
        }
    }
    return true;
}

namespace {

// True when the text is certainly NFC already: every code point is below U+0300
// (no combining marks, nothing that NFC changes) or a precomposed Vietnamese
// letter of Latin Extended Additional (U+1E00–U+1EFF). Typed Vietnamese almost
// always is, so the full normalisation runs only for the rest.
bool surelyNfc(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            ++p;
        } else if ((c & 0xE0) == 0xC0 && p + 1 < end) {
            if (((c & 0x1F) << 6 | (p[1] & 0x3F)) >= 0x300) return false;
            p += 2;
        } else if ((c & 0xF0) == 0xE0 && p + 2 < end) {
            unsigned cp = (c & 0x0F) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
            if (cp < 0x1E00 || cp > 0x1EFF) return false;
            p += 3;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

std::string toNfc(std::string_view s) {
    if (surelyNfc(s) && isValidUtf8(s)) return std::string(s);
    return mapWith(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string foldForSearch(std::string_view s) {
    std::string folded = mapWith(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    // đ (U+0111) and Đ (U+0110, case-folded to đ) have no decomposition: fold by hand.
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        auto c = static_cast<unsigned char>(folded[i]);
        if (c == 0xC4 && i + 1 < folded.size() &&
            (static_cast<unsigned char>(folded[i + 1]) == 0x91 || static_cast<unsigned char>(folded[i + 1]) == 0x90)) {
            out += 'd';
            ++i;
        } else {
            out += folded[i];
        }
    }
    return out;
}

} // namespace tdkt
