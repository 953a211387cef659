#include "change_body.hpp"

#include "tdkt/core/error.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tdkt::store {
namespace {

bool needsEscape(unsigned char u) { return u < 0x20 || u == '"' || u == '\\'; }

// Whether any of the 8 bytes at `p` needs escaping, tested a word at a time
// (SWAR; exact): most text has none and is copied as it is.
bool anyEscape(const char* p) {
    constexpr std::uint64_t Ones = 0x0101010101010101u, Highs = 0x8080808080808080u;
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    const auto below = [&](std::uint64_t x, std::uint64_t n) { return (x - Ones * n) & ~x & Highs; };
    return (below(w, 0x20) | below(w ^ (Ones * '"'), 1) | below(w ^ (Ones * '\\'), 1)) != 0;
}

void appendString(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size() && !anyEscape(s.data() + i)) {
            i += 8;
            continue;
        }
        const auto u = static_cast<unsigned char>(s[i++]);
        if (!needsEscape(u)) continue;
        out.append(s.data() + run, i - 1 - run);
        run = i;
        if (u == '"' || u == '\\') {
            out += '\\';
            out += static_cast<char>(u);
        } else {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", u);
            out += esc;
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void appendInt(std::string& out, std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void appendValue(std::string& out, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return appendInt(out, *i);
    if (const auto* s = std::get_if<std::string>(&v)) return appendString(out, *s);
    if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d)) {
            out += "null";
            return;
        }
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, *d);
        std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
        out += text;
        // A real stays a real when read back (2.0 is not the integer 2).
        if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
        return;
    }
    out += "null";
}

[[noreturn]] void corrupt() { throw Error(ErrorKind::Storage, "the op log is corrupt (a change body cannot be read)"); }

class Reader {
public:
    explicit Reader(std::string_view s) : m_s(s) {}

    void expect(char c) {
        skip();
        if (m_i >= m_s.size() || m_s[m_i] != c) corrupt();
        ++m_i;
    }
    bool peek(char c) {
        skip();
        return m_i < m_s.size() && m_s[m_i] == c;
    }
    bool atEnd() {
        skip();
        return m_i == m_s.size();
    }

    Value value() {
        skip();
        if (m_i >= m_s.size()) corrupt();
        const char c = m_s[m_i];
        if (c == '"') return string();
        if (c == 'n') return word("null"), Value{};
        if (c == 't') return word("true"), Value{std::int64_t{1}};
        if (c == 'f') return word("false"), Value{std::int64_t{0}};
        return number();
    }

    std::string string() {
        expect('"');
        std::string out;
        while (true) {
            // Copy the run up to the next quote or escape in one go.
            const std::size_t stop = m_s.find_first_of("\"\\", m_i);
            if (stop == std::string_view::npos) corrupt();
            out.append(m_s.data() + m_i, stop - m_i);
            m_i = stop;
            char c = m_s[m_i++];
            if (c == '"') return out;
            if (m_i >= m_s.size()) corrupt();
            c = m_s[m_i++];
            switch (c) {
            case '"': case '\\': case '/': out += c; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': utf8(out, codePoint()); break;
            default: corrupt();
            }
        }
    }

    std::int64_t integer() {
        auto v = number();
        const auto* i = std::get_if<std::int64_t>(&v);
        if (!i) corrupt();
        return *i;
    }

private:
    void skip() {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\t' || m_s[m_i] == '\r')) ++m_i;
    }
    void word(std::string_view w) {
        if (m_s.substr(m_i, w.size()) != w) corrupt();
        m_i += w.size();
    }
    Value number() {
        skip();
        const std::size_t start = m_i;
        bool real = false;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == '.' || c == 'e' || c == 'E') real = true;
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
            ++m_i;
        }
        const char* b = m_s.data() + start;
        const char* e = m_s.data() + m_i;
        if (b == e) corrupt();
        if (real) {
            double d = 0;
            if (std::from_chars(b, e, d).ptr != e) corrupt();
            return d;
        }
        std::int64_t i = 0;
        if (std::from_chars(b, e, i).ptr != e) corrupt();
        return i;
    }
    unsigned hex4() {
        if (m_i + 4 > m_s.size()) corrupt();
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_s[m_i++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else corrupt();
        }
        return v;
    }
    unsigned codePoint() {
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00) {
            if (m_s.substr(m_i, 2) != "\\u") corrupt();
            m_i += 2;
            const unsigned low = hex4();
            if (low < 0xDC00 || low >= 0xE000) corrupt();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        return cp;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string_view m_s;
    std::size_t m_i = 0;
};

} // namespace

void appendLogOp(std::string& body, std::string_view field, const Value& value, HlcStamp hlc, Version base,
                 bool applied) {
    body += body.size() > 1 ? ",[" : "[";
    appendString(body, field);
    body += ',';
    appendValue(body, value);
    // The numbers after the value, made on the stack and appended in one go.
    char tail[3 * 21 + 3];
    std::size_t n = 0;
    for (const std::uint64_t v : {hlc, base.hlc, base.site}) {
        tail[n++] = ',';
        const auto end = std::to_chars(tail + n, tail + n + 20, static_cast<std::int64_t>(v)).ptr;
        n = static_cast<std::size_t>(end - tail);
    }
    std::memcpy(tail + n, applied ? ",1]" : ",0]", 3);
    body.append(tail, n + 3);
}

std::string encodeBody(const std::vector<LogOp>& ops) {
    std::string body = "[";
    for (const auto& op : ops) appendLogOp(body, op.field, op.value, op.hlc, op.base, op.applied);
    body += ']';
    return body;
}

std::vector<LogOp> decodeBody(std::string_view body) {
    Reader r(body);
    std::vector<LogOp> ops;
    r.expect('[');
    if (r.peek(']')) corrupt(); // a change holds at least one op
    do {
        r.expect('[');
        LogOp op;
        op.field = r.string();
        r.expect(',');
        op.value = r.value();
        r.expect(',');
        op.hlc = static_cast<HlcStamp>(r.integer());
        r.expect(',');
        op.base.hlc = static_cast<HlcStamp>(r.integer());
        r.expect(',');
        op.base.site = static_cast<SiteId>(r.integer());
        r.expect(',');
        op.applied = r.integer() != 0;
        r.expect(']');
        ops.push_back(std::move(op));
    } while (r.peek(',') && (r.expect(','), true));
    r.expect(']');
    if (!r.atEnd()) corrupt();
    return ops;
}

} // namespace tdkt::store
