#include "tdkt/core/error.hpp"
#include "tdkt/core/ids.hpp"
#include "tdkt/core/text.hpp"
#include "tdkt/json/json_text.hpp"
#include "tdkt/schema/schema.hpp"


#include <algorithm>
#include <chrono>
#include <cmath>

namespace tdkt::schema {

std::vector<TableDef> allTables(); // tables_org.cpp

std::string_view typeName(FieldType t) {
    switch (t) {
    case FieldType::Text: return "text";
    case FieldType::Integer: return "integer";
    case FieldType::Real: return "real";
    case FieldType::Boolean: return "boolean";
    case FieldType::Date: return "date";
    case FieldType::Enum: return "enum";
    case FieldType::Ref: return "ref";
    case FieldType::Json: return "json";
    }
    return "?";
}

bool FieldDef::allows(std::string_view code) const {
    return std::any_of(values.begin(), values.end(), [&](const EnumValue& v) { return v.code == code; });
}

const FieldDef* TableDef::field(std::string_view n) const {
    for (const auto& fd : fields)
        if (fd.name == n) return &fd;
    return nullptr;
}

bool TableDef::searchable() const {
    return std::any_of(fields.begin(), fields.end(), [](const FieldDef& fd) { return fd.searchable; });
}

const TableDef* Registry::table(std::string_view name) const {
    if (const auto* last = m_last.load(std::memory_order_relaxed); last && last->name == name) return last;
    for (const auto& t : m_tables) {
        if (t.name != name) continue;
        m_last.store(&t, std::memory_order_relaxed);
        return &t;
    }
    return nullptr;
}

const TableDef& Registry::require(std::string_view name) const {
    if (const auto* t = table(name)) return *t;
    std::string known;
    for (const auto& t : m_tables) known += (known.empty() ? "" : ", ") + t.name;
    throw Error(ErrorKind::Invalid, "unknown table '" + std::string(name) + "' (known: " + known + ")");
}

int Registry::latestVersion() const {
    int v = 1;
    for (const auto& t : m_tables) {
        v = std::max(v, t.since);
        for (const auto& fd : t.fields) {
            v = std::max(v, fd.since);
            for (const auto& ev : fd.values) v = std::max(v, ev.since);
        }
    }
    return v;
}

const Registry& registry() {
    static const Registry instance{allTables()};
    return instance;
}

namespace {

[[noreturn]] void fail(const TableDef& t, const FieldDef& fd, const std::string& what) {
    throw Error(ErrorKind::Invalid, t.name + "." + fd.name + ": " + what);
}

bool isDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t pos, std::size_t len) { return std::stoi(std::string(s.substr(pos, len))); };
    std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)}, std::chrono::month{static_cast<unsigned>(num(5, 2))},
                                    std::chrono::day{static_cast<unsigned>(num(8, 2))}};
    return ymd.ok();
}

// The shape of a code a newer build may have added: ASCII snake_case, short.
bool isCode(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::string enumList(const FieldDef& fd) {
    std::string out;
    for (const auto& v : fd.values) out += (out.empty() ? "" : ", ") + v.code;
    return out;
}

} // namespace

void check(const TableDef& t, const FieldDef& fd, const Value& value) {
    if (isNull(value)) {
        if (fd.required) fail(t, fd, "is required");
        return;
    }
    const auto* i = std::get_if<std::int64_t>(&value);
    const auto* d = std::get_if<double>(&value);
    const auto* s = std::get_if<std::string>(&value);
    switch (fd.type) {
    case FieldType::Integer:
        if (i || (d && std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9e15)) return;
        fail(t, fd, "expects a whole number, got " + describe(value));
    case FieldType::Real:
        if ((d && std::isfinite(*d)) || i) return;
        fail(t, fd, "expects a number, got " + describe(value));
    case FieldType::Boolean:
        if (i && (*i == 0 || *i == 1)) return;
        fail(t, fd, "expects true or false, got " + describe(value));
    case FieldType::Date:
        if (s && isDate(*s)) return;
        fail(t, fd, "expects a date YYYY-MM-DD, got " + describe(value));
    case FieldType::Enum:
        if (s && (fd.allows(*s) || (fd.open && isCode(*s)))) return;
        fail(t, fd, "value " + describe(value) + " is not one of: " + enumList(fd));
    case FieldType::Ref:
        if (s && isValidRowId(*s)) return;
        fail(t, fd, "expects the id of a row of " + fd.refTable + ", got " + describe(value));
    case FieldType::Json:
        if (s && json::isJsonText(*s)) return;
        fail(t, fd, "expects a JSON document");
    case FieldType::Text:
        if (!s) fail(t, fd, "expects text, got " + describe(value));
        if (!isValidUtf8(*s)) fail(t, fd, "is not valid UTF-8 text");
        if (fd.required && s->find_first_not_of(" \t\r\n") == std::string::npos) fail(t, fd, "is required");
        return;
    }
}

Value validate(const TableDef& t, const FieldDef& fd, Value value) {
    check(t, fd, value);
    if (const auto* s = std::get_if<std::string>(&value); s && fd.type == FieldType::Enum && !fd.allows(*s))
        fail(t, fd, "value " + describe(value) + " is not one of: " + enumList(fd));
    if (isNull(value)) return value;
    switch (fd.type) {
    case FieldType::Integer:
        if (const auto* d = std::get_if<double>(&value)) return static_cast<std::int64_t>(*d);
        return value;
    case FieldType::Real:
        if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
        return value;
    case FieldType::Text: return toNfc(std::get<std::string>(value));
    default: return value;
    }
}

} // namespace tdkt::schema
