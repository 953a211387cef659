#pragma once
/**
 * @brief The report's prose, one report_sections row a section (migration 20).
 *
 * The row id is derived from (unit, year, outline, section), so two officers who
 * write one section offline edit the same row's body: the server keeps both
 * values as a conflict, nothing is lost.
 */
#include "tdkt/store/store.hpp"

#include <map>
#include <string>

namespace tdkt::report {

std::string reportSectionId(const std::string& unitId, int year, const std::string& outline, const std::string& key);

/** Creates or updates the section's row (an unchanged body writes no op). */
void writeSection(store::Store& store, const std::string& unitId, int year, const std::string& outline,
                  const std::string& key, const std::string& body);

/** section key → body, of one unit's report of a year in one outline. */
std::map<std::string, std::string> readSections(const store::Store& store, const std::string& unitId, int year,
                                                const std::string& outline);

} // namespace tdkt::report
