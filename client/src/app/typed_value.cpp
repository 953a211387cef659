#include "typed_value.hpp"

#include "labels.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace tdkt::app {
namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// "4/6/2021", "04/06/2021", "04-06-2021", "04.06.2021" or "2021-06-04": the ISO day, or "" when none.
std::string isoDate(const std::string& s) {
    int y = 0, m = 0, d = 0;
    std::string parts[3];
    int n = 0;
    for (char c : s) {
        if (c == '/' || c == '-' || c == '.') {
            if (++n > 2) return {};
        } else {
            parts[n] += c;
        }
    }
    if (n != 2 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2])) return {};
    if (parts[0].size() == 4) { // ISO: year first
        y = std::stoi(parts[0]);
        m = std::stoi(parts[1]);
        d = std::stoi(parts[2]);
    } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
        d = std::stoi(parts[0]);
        m = std::stoi(parts[1]);
        y = std::stoi(parts[2]);
    } else {
        return {};
    }
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1900 || y > 2200) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

} // namespace

Typed parseTyped(const schema::FieldDef& f, const std::string& raw) {
    const std::string text = trimmed(raw);
    if (text.empty()) return {Value{}, f.required ? std::optional(FieldProblem::Required) : std::nullopt};
    switch (f.type) {
    case schema::FieldType::Date: {
        auto iso = isoDate(text);
        if (iso.empty()) return {Value{}, FieldProblem::NotADate};
        return {Value{iso}, std::nullopt};
    }
    case schema::FieldType::Real: {
        std::string t = text;
        for (auto& c : t)
            if (c == ',') c = '.';
        double d = 0;
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
        if (ec != std::errc{} || p != t.data() + t.size() || !std::isfinite(d)) return {Value{}, FieldProblem::NotANumber};
        if (d < 0) return {Value{}, FieldProblem::Negative}; // targets and results are quantities
        return {Value{d}, std::nullopt};
    }
    case schema::FieldType::Integer: {
        std::int64_t i = 0;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
        const bool year = f.name == "year";
        if (ec != std::errc{} || p != text.data() + text.size())
            return {Value{}, year ? FieldProblem::NotAYear : FieldProblem::NotANumber};
        if (year && (i < 1900 || i > 2200)) return {Value{}, FieldProblem::NotAYear};
        if (i < 0) return {Value{}, FieldProblem::Negative};
        return {Value{i}, std::nullopt};
    }
    default: return {Value{text}, std::nullopt};
    }
}

std::string shownDate(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string shownText(const schema::FieldDef& f, const Value& v, Lang lang) {
    if (isNull(v)) return {};
    if (f.type == schema::FieldType::Date) return shownDate(valueText(v));
    if (f.type == schema::FieldType::Real) {
        double d = 0;
        if (const auto* x = std::get_if<double>(&v)) d = *x;
        else if (const auto* i = std::get_if<std::int64_t>(&v)) d = static_cast<double>(*i);
        else return valueText(v);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.10g", d);
        std::string s = buf;
        if (lang == Lang::Vi)
            for (auto& c : s)
                if (c == '.') c = ',';
        return s;
    }
    return valueText(v);
}

} // namespace tdkt::app
