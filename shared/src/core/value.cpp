#include "tdkt/core/value.hpp"

#include <cstdio>

namespace tdkt {

std::string describe(const Value& v) {
    if (isNull(v)) return "null";
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", *d);
        return buf;
    }
    const auto& s = std::get<std::string>(v);
    return "\"" + (s.size() > 60 ? s.substr(0, 60) + "…" : s) + "\"";
}

} // namespace tdkt
