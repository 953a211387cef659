#pragma once
// The annual report's statistics tables (internal to src/report).
#include "tdkt/report/annual_report.hpp"

#include <map>
#include <string>
#include <vector>

namespace tdkt::report {

/** `names`: unit id → name. */
std::vector<Table> reportTables(const AnnualReport& r, const std::map<std::string, std::string>& names);

} // namespace tdkt::report
