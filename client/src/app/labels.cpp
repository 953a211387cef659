#include "labels.hpp"
#include "labels_en.hpp"

#include "tdkt/schema/schema.hpp"

#include <ctime>
#include <unordered_map>

namespace tdkt::app {
namespace {

using Catalogue = std::unordered_map<std::string_view, std::string_view>;

Catalogue makeCatalogue() {
    Catalogue c;
    for (auto part : {labelsEnPeopleDossiers(), labelsEnInspectionsReference()})
        for (const auto& l : part) c.emplace(l.vi, l.en);
    return c;
}

} // namespace

std::string_view englishLabel(std::string_view vietnamese) {
    static const Catalogue catalogue = makeCatalogue(); // immutable once built; thread-safe init
    auto it = catalogue.find(vietnamese);
    return it == catalogue.end() ? std::string_view{} : it->second;
}

std::string labelIn(std::string_view vietnamese, Lang lang) {
    if (lang == Lang::En)
        if (auto en = englishLabel(vietnamese); !en.empty()) return std::string(en);
    return std::string(vietnamese);
}

std::string enumLabel(std::string_view table, std::string_view field, std::string_view code, Lang lang) {
    const auto* t = schema::registry().table(table);
    const auto* f = t ? t->field(field) : nullptr;
    if (f)
        for (const auto& v : f->values)
            if (v.code == code) return labelIn(v.label, lang);
    return std::string(code);
}

std::string fieldLabel(std::string_view table, std::string_view field, Lang lang) {
    const auto* t = schema::registry().table(table);
    const auto* f = t ? t->field(field) : nullptr;
    return f ? labelIn(f->label, lang) : std::string(field);
}

std::string tableLabel(std::string_view table, Lang lang) {
    const auto* t = schema::registry().table(table);
    return t && !t->label.empty() ? labelIn(t->label, lang) : std::string(table);
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
