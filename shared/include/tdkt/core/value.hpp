#pragma once
/**
 * @brief A field value as the store, the merge rule and the wire see it.
 *
 * Null, integer (also booleans, as 0/1), real, or UTF-8 text (also dates as
 * YYYY-MM-DD and JSON documents). The schema says which one a field holds.
 */
#include <cstdint>
#include <string>
#include <variant>

namespace tdkt {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool isNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

/** A short, human-readable rendering used in messages and history (not JSON). */
std::string describe(const Value& v);

} // namespace tdkt
