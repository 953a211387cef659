#pragma once
// Reading typed values out of a store::Row (internal to the rules library).
#include "tdkt/store/row.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::rules::detail {

std::string text(const store::Row& row, std::string_view field);
std::optional<std::int64_t> integer(const store::Row& row, std::string_view field);
std::optional<double> real(const store::Row& row, std::string_view field);

/** "a, b,c" → {"a", "b", "c"}: the comma lists of the reference tables. */
std::vector<std::string> splitList(std::string_view text);

/**
 * Holders of `award` among a unit's rows of one year: decided (award_history) or
 * proposed in a dossier not refused; each person once.
 */
std::size_t countHolders(const std::vector<store::Row>& history, const std::vector<store::Row>& dossiers,
                         const std::string& award);

/** The year of an ISO date ("2025-07-01" → 2025); 0 when empty or malformed. */
int yearOf(std::string_view date);

} // namespace tdkt::rules::detail
