#pragma once
// Schema labels for display: an enum code's label, a field's, a table's, in the
// session's language (Vietnamese from the registry, English from labels_en*.cpp).
// The language has no default: a call that forgot it showed Vietnamese in English.
#include "messages.hpp"

#include "tdkt/core/value.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tdkt::app {

/** The label of `code` in table.field's enumeration, or the code itself. */
std::string enumLabel(std::string_view table, std::string_view field, std::string_view code, Lang lang);

/** The field's label, or its name. */
std::string fieldLabel(std::string_view table, std::string_view field, Lang lang);

/** The table's label, or its name. */
std::string tableLabel(std::string_view table, Lang lang);

/** The English label of a schema label (Vietnamese), or "" when there is none. */
std::string_view englishLabel(std::string_view vietnamese);

/** A schema label (Vietnamese) in `lang`: the English one when asked for and known, else as is. */
std::string labelIn(std::string_view vietnamese, Lang lang);

/** Milliseconds since the epoch as local time "HH:MM dd/mm/yyyy". */
std::string localClock(std::uint64_t unixMillis);

/** A stored value as a person reads it: text as is (no quotes, not shortened), numbers, null as "". */
std::string valueText(const Value& v);

} // namespace tdkt::app
