#pragma once
/**
 * @brief Reading one field of a store::Row as text or a whole number, with a
 *        fallback when it is null or of another type.
 */
#include "tdkt/store/row.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt::store {

inline std::string textField(const Row& row, std::string_view field) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return {};
    const auto* s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

inline std::int64_t integerField(const Row& row, std::string_view field, std::int64_t otherwise = 0) {
    auto it = row.fields.find(field);
    if (it == row.fields.end()) return otherwise;
    const auto* n = std::get_if<std::int64_t>(&it->second);
    return n ? *n : otherwise;
}

} // namespace tdkt::store
