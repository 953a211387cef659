#pragma once
/**
 * @brief A replicated row as the store hands it out: its id and its non-null fields.
 */
#include "tdkt/core/value.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tdkt::store {

/** Field edits in the order given: (field name, new value; null clears). */
using Fields = std::vector<std::pair<std::string, Value>>;

struct Row {
    std::string id;
    std::map<std::string, Value, std::less<>> fields; // non-null fields only
};

} // namespace tdkt::store
