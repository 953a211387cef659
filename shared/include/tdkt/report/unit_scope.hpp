#pragma once
/**
 * @brief The units a report covers: a unit, its descendants, and every unit merged
 *        into one of them (a commune merged in 7/2025 counts under its successor).
 */
#include "tdkt/report/facts.hpp"

#include <map>
#include <string>
#include <vector>

namespace tdkt::report {

struct UnitScope {
    std::string root;
    /** Every covered unit → the unit of the subtree its figures count under. */
    std::map<std::string, std::string, std::less<>> countsUnder;
    /** The live units of the subtree, breadth first (root first, siblings by name), each once. */
    std::vector<std::string> units;

    bool covers(const std::string& unitId) const { return countsUnder.count(unitId) != 0; }
    /** The unit a row of `unitId` counts under; empty when outside the scope. */
    std::string owner(const std::string& unitId) const;
};

/** Throws Error(NotFound) when `root` is not a unit of the facts. */
UnitScope unitScope(const Facts& facts, const std::string& root);

const UnitFact* findUnit(const Facts& facts, const std::string& id);

} // namespace tdkt::report
