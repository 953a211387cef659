#include "labels.hpp"

#include "tdkt/schema/schema.hpp"

#include <ctime>

namespace tdkt::app {

std::string enumLabel(std::string_view table, std::string_view field, std::string_view code) {
    const auto* t = schema::registry().table(table);
    const auto* f = t ? t->field(field) : nullptr;
    if (f)
        for (const auto& v : f->values)
            if (v.code == code) return v.label;
    return std::string(code);
}

std::string fieldLabel(std::string_view table, std::string_view field) {
    const auto* t = schema::registry().table(table);
    const auto* f = t ? t->field(field) : nullptr;
    return f ? f->label : std::string(field);
}

std::string localClock(std::uint64_t unixMillis) {
    const std::time_t t = static_cast<std::time_t>(unixMillis / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%H:%M %d/%m/%Y", &tm);
    return buf;
}

std::string valueText(const Value& v) {
    if (isNull(v)) return {};
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return describe(v);
}

} // namespace tdkt::app
