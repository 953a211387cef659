#pragma once
// The server's refusals worded for a person: the reason's kind (protocol/refusal.hpp)
// with its parameters shown as a person reads them (a unit's name, a field's label,
// a status's label) in the sentence of messages_vi.cpp / messages_en.cpp. A reason
// from an older server (an English sentence) is shown as it came.
#include "messages.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace tdkt::app {

/** A unit's name from its id; empty: the id is shown. */
using UnitNamer = std::function<std::string(const std::string& id)>;

std::string refusalSentence(std::string_view reason, Lang lang, const UnitNamer& unitName = {});

/** The kind's code ("rights.foreign_unit"), "" for a reason that is no refusal kind. */
std::string refusalCodeOf(std::string_view reason);

/** Fills {name} slots from the refusal's parameters (an absent one as ""). */
std::string fillRefusal(std::string_view sentence, const protocol::Refusal& r);

} // namespace tdkt::app
