#pragma once
#include <string>
#include <string_view>

namespace tdkt::json {

/**
 * True when `s` is one JSON document (RFC 8259; whitespace around it allowed) in
 * valid UTF-8. Checks only, builds nothing: every received value of a JSON field
 * goes through it, so it must cost about what reading the bytes costs.
 */
bool isJsonText(std::string_view s);

/**
 * Appends `s` (valid UTF-8) as a JSON string, byte for byte what nlohmann::json's
 * dump() writes for it: `"` and `\\` escaped, \b \f \n \r \t short, other
 * control bytes as \u00xx, everything else as it is.
 */
void appendQuoted(std::string& out, std::string_view s);

} // namespace tdkt::json
