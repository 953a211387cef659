#pragma once
// Values as an officer types and reads them (movements, issue 17): dates as
// ngày/tháng/năm (04/06/2021; ISO 2021-06-04 is taken too), numbers with a
// decimal comma in Vietnamese (4,6; a point is taken too), never negative
// quantities, four-digit years. A refused text comes back as a FieldProblem.
#include "messages.hpp"

#include "tdkt/core/value.hpp"
#include "tdkt/schema/schema.hpp"

#include <optional>
#include <string>

namespace tdkt::app {

struct Typed {
    Value value;                        // null when the text is empty
    std::optional<FieldProblem> problem; // set: the text was refused
};

/** The text's value for `field` (a date, a number, a year, text; codes as they are). */
Typed parseTyped(const schema::FieldDef& field, const std::string& text);

/** A stored value as the officer reads and edits it (dd/mm/yyyy, 4,6). */
std::string shownText(const schema::FieldDef& field, const Value& value, Lang lang);

/** dd/mm/yyyy of a YYYY-MM-DD date ("" stays "", anything else as it is). */
std::string shownDate(const std::string& iso);

} // namespace tdkt::app
