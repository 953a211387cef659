// Vietnamese collation: each code point becomes (letter, tone, case) through a
// table built once from Unicode's decompositions (utf8proc), so a comparison is
// one pass over both strings with a lookup a character.
#include "tdkt/core/vi_collate.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>

namespace tdkt {
namespace {

struct Key {
    std::uint32_t primary = 0; // letters: 0x1000 + 4·(base − 'a') + modifier
    std::uint8_t tone = 0;     // 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng, 6 another mark
    bool upper = false;
    bool ignorable = false;    // a combining mark on its own (text not in NFC)
};

constexpr std::uint32_t LetterBase = 0x1000;

int toneOf(utf8proc_int32_t mark) {
    switch (mark) {
    case 0x0300: return 1; // huyền
    case 0x0309: return 2; // hỏi
    case 0x0303: return 3; // ngã
    case 0x0301: return 4; // sắc
    case 0x0323: return 5; // nặng
    default: return 6;
    }
}

int modifierOf(utf8proc_int32_t mark) {
    switch (mark) {
    case 0x0306: return 1; // ă
    case 0x0302: return 2; // â ê ô
    case 0x031B: return 3; // ơ ư
    default: return -1;
    }
}

Key build(std::uint32_t cp) {
    Key k;
    if (cp >= 0x0300 && cp <= 0x036F) {
        k.ignorable = true;
        return k;
    }
    if (cp == 0x0110 || cp == 0x0111) { // Đ đ: their own letter after d (Unicode does not decompose them)
        k.primary = LetterBase + 4 * ('d' - 'a') + 1;
        k.upper = cp == 0x0110;
        return k;
    }
    utf8proc_int32_t parts[8];
    int boundclass = 0;
    const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8, UTF8PROC_DECOMPOSE, &boundclass);
    if (n < 1 || n > 8) {
        k.primary = cp < 0x80 ? cp : LetterBase + 0x1000 + cp;
        return k;
    }
    const auto base = parts[0];
    const bool upper = base >= 'A' && base <= 'Z', lower = base >= 'a' && base <= 'z';
    if (!upper && !lower) {
        k.primary = cp < 0x80 ? cp : LetterBase + 0x1000 + cp; // digits, spaces, punctuation first; other scripts last
        return k;
    }
    int modifier = 0;
    for (int i = 1; i < n; ++i) {
        if (const int m = modifierOf(parts[i]); m >= 0) modifier = m;
        else k.tone = static_cast<std::uint8_t>(toneOf(parts[i]));
    }
    k.primary = LetterBase + 4 * static_cast<std::uint32_t>((upper ? base - 'A' : base - 'a')) +
                static_cast<std::uint32_t>(modifier);
    k.upper = upper;
    return k;
}

// Latin up to IPA extensions, and Latin Extended Additional (ạ ả ấ … ỹ).
struct Table {
    std::array<Key, 0x250> low;
    std::array<Key, 0x100> extended;
    Table() {
        for (std::uint32_t c = 0; c < low.size(); ++c) low[c] = build(c);
        for (std::uint32_t c = 0; c < extended.size(); ++c) extended[c] = build(0x1E00 + c);
    }
};

const Table& table() {
    static const Table t; // built once, read by every thread
    return t;
}

// The next code point of s at i (a byte that starts no UTF-8 sequence as itself).
std::uint32_t next(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto at = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xC2 && c <= 0xDF && cont(1)) {
        cp = ((c & 0x1Fu) << 6) | at(1);
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
        cp = ((c & 0x0Fu) << 12) | (at(1) << 6) | at(2);
        len = 3;
    } else if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        cp = ((c & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
        len = 4;
    }
    i += len;
    return cp;
}

Key keyOf(std::uint32_t cp) {
    const auto& t = table();
    if (cp < t.low.size()) return t.low[cp];
    if (cp >= 0x1E00 && cp < 0x1F00) return t.extended[cp - 0x1E00];
    Key k;
    k.primary = LetterBase + 0x1000 + cp;
    return k;
}

// The next key of s that is not ignorable; false at the end.
bool nextKey(std::string_view s, std::size_t& i, Key& out) {
    while (i < s.size()) {
        out = keyOf(next(s, i));
        if (!out.ignorable) return true;
    }
    return false;
}

std::string_view lastWord(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    const auto space = s.rfind(' ');
    return space == std::string_view::npos ? s : s.substr(space + 1);
}

} // namespace

int compareVietnamese(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    int tone = 0, letterCase = 0;
    for (;;) {
        Key ka, kb;
        const bool ha = nextKey(a, i, ka), hb = nextKey(b, j, kb);
        if (!ha || !hb) {
            if (ha != hb) return ha ? 1 : -1; // a prefix sorts first
            break;
        }
        if (ka.primary != kb.primary) return ka.primary < kb.primary ? -1 : 1;
        if (!tone && ka.tone != kb.tone) tone = ka.tone < kb.tone ? -1 : 1;
        if (!letterCase && ka.upper != kb.upper) letterCase = ka.upper ? 1 : -1; // lower case first
    }
    if (tone) return tone;
    if (letterCase) return letterCase;
    return a.compare(b) < 0 ? -1 : a == b ? 0 : 1;
}

int compareGivenName(std::string_view a, std::string_view b) {
    if (const int given = compareVietnamese(lastWord(a), lastWord(b))) return given;
    return compareVietnamese(a, b);
}

} // namespace tdkt
