#include "soft_wrap.hpp"

#include <algorithm>

namespace tdkt::app {
namespace {

// Wraps one line of the user's text [begin, end) in place, noting each break.
void wrapLine(std::string& s, std::size_t begin, std::size_t end, float width, const TextWidth& measure,
              std::vector<std::size_t>& soft) {
    std::size_t lineStart = begin;
    std::size_t lastSpace = std::string::npos; // the last space of this line so far
    for (std::size_t i = begin; i <= end; ++i) {
        if (i < end && s[i] != ' ') continue;
        // [lineStart, i) ends with a word: does it fit?
        if (measure(std::string_view(s).substr(lineStart, i - lineStart)) > width && lastSpace != std::string::npos) {
            s[lastSpace] = '\n';
            soft.push_back(lastSpace);
            lineStart = lastSpace + 1;
            lastSpace = std::string::npos; // the word that did not fit starts the new line (whole, if wider)
        }
        if (i < end) lastSpace = i;
    }
}

} // namespace

SoftWrap softWrap(const std::string& text, float width, const TextWidth& measure) {
    SoftWrap out{text, {}};
    if (width <= 0) return out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        wrapLine(out.shown, begin, end, width, measure, out.soft);
        begin = end + 1;
    }
    return out;
}

std::string unwrap(const std::string& shown, const std::vector<std::size_t>& soft) {
    std::string out = shown;
    for (auto p : soft)
        if (p < out.size() && out[p] == '\n') out[p] = ' ';
    return out;
}

std::vector<std::size_t> carrySoft(const std::string& before, const std::vector<std::size_t>& soft,
                                   const std::string& after, bool insertedAreSoft) {
    // The edit is what lies between the common start and the common end.
    std::size_t prefix = 0;
    const std::size_t shorter = std::min(before.size(), after.size());
    while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < shorter - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
    std::vector<std::size_t> out;
    for (auto p : soft)
        if (p < prefix) out.push_back(p);
    if (insertedAreSoft)
        for (std::size_t p = prefix; p < after.size() - suffix; ++p)
            if (after[p] == '\n') out.push_back(p);
    for (auto p : soft)
        if (p >= before.size() - suffix) out.push_back(p - before.size() + after.size());
    return out;
}

std::string unwrapRange(const SoftWrap& wrap, std::size_t from, std::size_t to) {
    to = std::min(to, wrap.shown.size());
    if (from >= to) return {};
    std::string out = wrap.shown.substr(from, to - from);
    for (auto p : wrap.soft)
        if (p >= from && p < to) out[p - from] = ' ';
    return out;
}

} // namespace tdkt::app
