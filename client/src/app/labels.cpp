#include "labels.hpp"

#include "tdkt/schema/schema.hpp"

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

std::string valueText(const Value& v) {
    if (isNull(v)) return {};
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return describe(v);
}

} // namespace tdkt::app
