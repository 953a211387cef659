#include "row_values.hpp"

#include <charconv>
#include <set>

namespace tdkt::rules::detail {

std::string text(const store::Row& row, std::string_view field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return {};
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return describe(it->second);
}

std::optional<std::int64_t> integer(const store::Row& row, std::string_view field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return std::nullopt;
    if (const auto* i = std::get_if<std::int64_t>(&it->second)) return *i;
    if (const auto* d = std::get_if<double>(&it->second)) return static_cast<std::int64_t>(*d);
    return std::nullopt;
}

std::optional<double> real(const store::Row& row, std::string_view field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return std::nullopt;
    if (const auto* d = std::get_if<double>(&it->second)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&it->second)) return static_cast<double>(*i);
    return std::nullopt;
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        auto item = text.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

std::size_t countHolders(const std::vector<store::Row>& history, const std::vector<store::Row>& dossiers,
                         const std::string& award) {
    std::set<std::string> people;
    for (const auto& r : history)
        if (text(r, "award_code") == award && !text(r, "person_id").empty()) people.insert(text(r, "person_id"));
    for (const auto& r : dossiers)
        if (text(r, "award_code") == award && text(r, "status") != "not_approved" && text(r, "kind") != "hiep_y" &&
            !text(r, "person_id").empty())
            people.insert(text(r, "person_id"));
    return people.size();
}

int yearOf(std::string_view date) {
    int y = 0;
    if (date.size() < 4) return 0;
    auto [p, ec] = std::from_chars(date.data(), date.data() + 4, y);
    return ec == std::errc{} ? y : 0;
}

} // namespace tdkt::rules::detail
