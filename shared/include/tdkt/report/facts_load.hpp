#pragma once
/**
 * @brief Reads the report's facts from a replica: what its user may read, nothing more.
 */
#include "tdkt/report/facts.hpp"
#include "tdkt/store/store.hpp"

namespace tdkt::report {

Facts loadFacts(const store::Store& store);

} // namespace tdkt::report
