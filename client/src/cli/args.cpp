#include "args.hpp"

#include "tdkt/core/error.hpp"

#include <algorithm>
#include <charconv>

namespace tdkt::cli {

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

std::int64_t Args::whole(const std::string& name, std::int64_t otherwise) const {
    const auto v = option(name);
    if (!v) return otherwise;
    std::int64_t n = 0;
    const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || p != v->data() + v->size() || n < 0)
        throw Error(ErrorKind::Invalid, name + " expects a whole number, got \"" + *v + "\"");
    return n;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    auto [b, e] = options.equal_range(name);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
}

bool Args::flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }

const std::string& Args::need(std::size_t i, const char* what) const {
    if (i >= positional.size()) throw Error(ErrorKind::Invalid, std::string("missing argument: ") + what);
    return positional[i];
}

Args parseArgs(const std::vector<std::string>& words, const std::vector<std::string>& valueless) {
    Args a;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            if (std::find(valueless.begin(), valueless.end(), w) != valueless.end()) {
                a.flags.push_back(w);
            } else if (auto eq = w.find('='); eq != std::string::npos) {
                a.options.emplace(w.substr(0, eq), w.substr(eq + 1));
            } else {
                if (i + 1 >= words.size()) throw Error(ErrorKind::Invalid, "option " + w + " needs a value");
                a.options.emplace(w, words[++i]);
            }
        } else {
            a.positional.push_back(w);
        }
    }
    return a;
}

} // namespace tdkt::cli
