#include "tdkt/json/json_text.hpp"

#include "tdkt/core/text.hpp"

#include <cstddef>

namespace tdkt::json {
namespace {

constexpr int MaxDepth = 256;

class Checker {
public:
    explicit Checker(std::string_view s) : m_s(s) {}

    bool document() {
        space();
        if (!value(0)) return false;
        space();
        return m_i == m_s.size();
    }

private:
    bool value(int depth) {
        if (m_i >= m_s.size()) return false;
        switch (m_s[m_i]) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case '"': return string();
        case 't': return word("true");
        case 'f': return word("false");
        case 'n': return word("null");
        default: return number();
        }
    }

    bool object(int depth) {
        if (depth > MaxDepth) return false;
        ++m_i;
        space();
        if (eat('}')) return true;
        for (;;) {
            space();
            if (m_i >= m_s.size() || m_s[m_i] != '"' || !string()) return false;
            space();
            if (!eat(':')) return false;
            space();
            if (!value(depth)) return false;
            space();
            if (eat('}')) return true;
            if (!eat(',')) return false;
        }
    }

    bool array(int depth) {
        if (depth > MaxDepth) return false;
        ++m_i;
        space();
        if (eat(']')) return true;
        for (;;) {
            space();
            if (!value(depth)) return false;
            space();
            if (eat(']')) return true;
            if (!eat(',')) return false;
        }
    }

    bool string() {
        ++m_i; // the opening quote
        while (m_i < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_i++]);
            if (c == '"') return true;
            if (c < 0x20) return false;
            if (c != '\\') continue;
            if (m_i >= m_s.size()) return false;
            const char e = m_s[m_i++];
            if (e == 'u') {
                for (int k = 0; k < 4; ++k, ++m_i)
                    if (m_i >= m_s.size() || !isHex(m_s[m_i])) return false;
            } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                return false;
            }
        }
        return false;
    }

    bool number() {
        eat('-');
        if (eat('0')) {
            // no leading zeros
        } else if (!digits()) {
            return false;
        }
        if (eat('.') && !digits()) return false;
        if (eat('e') || eat('E')) {
            if (!eat('+')) eat('-');
            if (!digits()) return false;
        }
        return true;
    }

    bool digits() {
        const std::size_t from = m_i;
        while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') ++m_i;
        return m_i > from;
    }

    bool word(std::string_view w) {
        if (m_s.substr(m_i, w.size()) != w) return false;
        m_i += w.size();
        return true;
    }

    bool eat(char c) {
        if (m_i < m_s.size() && m_s[m_i] == c) {
            ++m_i;
            return true;
        }
        return false;
    }

    void space() {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) ++m_i;
    }

    static bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    std::string_view m_s;
    std::size_t m_i = 0;
};

} // namespace

bool isJsonText(std::string_view s) { return isValidUtf8(s) && Checker(s).document(); }

void appendQuoted(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (u) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\f': out += 'f'; break;
        case '\n': out += 'n'; break;
        case '\r': out += 'r'; break;
        case '\t': out += 't'; break;
        default: {
            constexpr char Hex[] = "0123456789abcdef";
            out += "u00";
            out += Hex[u >> 4];
            out += Hex[u & 0xF];
        }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

} // namespace tdkt::json
