#include "tdkt/json/row_json.hpp"

#include "tdkt/core/error.hpp"

#include <charconv>
#include <ctime>

namespace tdkt::json {
namespace {

[[noreturn]] void bad(const schema::TableDef& t, const schema::FieldDef& f, const std::string& what) {
    throw Error(ErrorKind::Invalid, t.name + "." + f.name + ": " + what);
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

Json valueToJson(const schema::FieldDef* field, const Value& v) {
    if (isNull(v)) return nullptr;
    if (field && field->type == schema::FieldType::Boolean)
        if (const auto* i = std::get_if<std::int64_t>(&v)) return *i != 0;
    if (field && field->type == schema::FieldType::Json)
        if (const auto* s = std::get_if<std::string>(&v)) return Json::parse(*s, nullptr, false);
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::get<std::string>(v);
}

Value valueFromJson(const schema::TableDef& t, const schema::FieldDef& f, const Json& j) {
    if (j.is_null()) return std::monostate{};
    if (f.type == schema::FieldType::Json) return j.is_string() ? j.get<std::string>() : j.dump();
    if (j.is_boolean()) {
        if (f.type != schema::FieldType::Boolean) bad(t, f, "expects " + std::string(schema::typeName(f.type)) + ", got a boolean");
        return std::int64_t{j.get<bool>() ? 1 : 0};
    }
    if (f.type == schema::FieldType::Boolean) bad(t, f, "expects true or false, got " + j.dump());
    if (j.is_number_integer()) return j.get<std::int64_t>();
    if (j.is_number_unsigned()) bad(t, f, "number too large");
    if (j.is_number_float()) return j.get<double>();
    if (j.is_string()) return j.get<std::string>();
    bad(t, f, "expects " + std::string(schema::typeName(f.type)) + ", got " + j.dump());
}

Value valueFromText(const schema::TableDef& t, const schema::FieldDef& f, std::string_view text) {
    if (text.empty()) return std::monostate{};
    const char* b = text.data();
    const char* e = b + text.size();
    switch (f.type) {
    case schema::FieldType::Integer: {
        std::int64_t i = 0;
        auto [p, ec] = std::from_chars(b, e, i);
        if (ec != std::errc{} || p != e) bad(t, f, "expects a whole number, got \"" + std::string(text) + "\"");
        return i;
    }
    case schema::FieldType::Real: {
        double d = 0;
        auto [p, ec] = std::from_chars(b, e, d);
        if (ec != std::errc{} || p != e) bad(t, f, "expects a number, got \"" + std::string(text) + "\"");
        return d;
    }
    case schema::FieldType::Boolean: {
        auto s = lowered(text);
        if (s == "true" || s == "1" || s == "có" || s == "co" || s == "x") return std::int64_t{1};
        if (s == "false" || s == "0" || s == "không" || s == "khong") return std::int64_t{0};
        bad(t, f, "expects true or false, got \"" + std::string(text) + "\"");
    }
    default: return std::string(text);
    }
}

Json rowToJson(const schema::TableDef& t, const store::Row& row) {
    Json j = Json::object();
    j["id"] = row.id;
    for (const auto& [name, value] : row.fields) {
        if (isNull(value)) continue;
        j[name] = valueToJson(t.field(name), value);
    }
    return j;
}

store::Fields fieldsFromJson(const schema::TableDef& t, const Json& object) {
    if (!object.is_object()) throw Error(ErrorKind::Invalid, "expected a JSON object of fields for " + t.name);
    store::Fields out;
    for (const auto& [key, value] : object.items()) {
        if (key == "id") continue;
        const auto* f = t.field(key);
        if (!f) throw Error(ErrorKind::Invalid, "unknown field '" + key + "' in table " + t.name);
        out.emplace_back(key, valueFromJson(t, *f, value));
    }
    return out;
}

std::string isoTime(HlcStamp stamp) {
    const auto ms = hlcMillis(stamp);
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<unsigned>(ms % 1000));
    return buf;
}

Json parse(std::string_view text, std::string_view what) {
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorKind::Invalid, "malformed JSON in " + std::string(what) + " at byte " +
                                            std::to_string(e.byte) + ": " + std::string(text.substr(0, 80)));
    }
}

} // namespace tdkt::json
