// XML escaping and a well-formedness check for DOCX parts (issue 19).
#include "tdkt/report/xml_text.hpp"

#include <vector>

namespace tdkt::report {

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

bool wellFormedXml(std::string_view x) {
    std::vector<std::string_view> open;
    bool rootSeen = false;
    std::size_t i = 0;
    while (i < x.size()) {
        if (x[i] != '<') {
            if (open.empty() && x[i] != ' ' && x[i] != '\n' && x[i] != '\r' && x[i] != '\t') return false;
            ++i;
            continue;
        }
        if (x.substr(i, 4) == "<!--") {
            const auto e = x.find("-->", i + 4);
            if (e == std::string_view::npos) return false;
            i = e + 3;
            continue;
        }
        if (x.substr(i, 2) == "<?") {
            const auto e = x.find("?>", i + 2);
            if (e == std::string_view::npos) return false;
            i = e + 2;
            continue;
        }
        // A tag: find its end outside quoted attribute values.
        std::size_t j = i + 1;
        char quote = 0;
        for (; j < x.size(); ++j) {
            if (quote) {
                if (x[j] == quote) quote = 0;
                else if (x[j] == '<') return false;
            } else if (x[j] == '"' || x[j] == '\'') {
                quote = x[j];
            } else if (x[j] == '>') {
                break;
            }
        }
        if (j >= x.size()) return false;
        std::string_view tag = x.substr(i + 1, j - i - 1);
        i = j + 1;
        if (tag.empty()) return false;
        if (tag[0] == '/') {
            std::string_view name = tag.substr(1);
            while (!name.empty() && (name.back() == ' ' || name.back() == '\n')) name.remove_suffix(1);
            if (open.empty() || open.back() != name) return false;
            open.pop_back();
            continue;
        }
        const bool selfClosing = tag.back() == '/';
        const auto nameEnd = tag.find_first_of(" \t\r\n/");
        std::string_view name = tag.substr(0, nameEnd);
        if (name.empty()) return false;
        if (open.empty()) {
            if (rootSeen) return false;
            rootSeen = true;
        }
        if (!selfClosing) open.push_back(name);
    }
    return rootSeen && open.empty();
}

} // namespace tdkt::report
