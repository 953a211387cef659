#pragma once
// Schema labels for display: an enum code's Vietnamese label, a field's label.
#include "tdkt/core/value.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt::app {

/** The label of `code` in table.field's enumeration, or the code itself. */
std::string enumLabel(std::string_view table, std::string_view field, std::string_view code);

/** The field's label, or its name. */
std::string fieldLabel(std::string_view table, std::string_view field);

/** Milliseconds since the epoch as local time "HH:MM dd/mm/yyyy". */
std::string localClock(std::uint64_t unixMillis);

/** A stored value as a person reads it: text as is (no quotes, not shortened), numbers, null as "". */
std::string valueText(const Value& v);

} // namespace tdkt::app
